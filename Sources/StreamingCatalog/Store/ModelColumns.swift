import SteamLensData

/// The trained models' columns in the store: the similar-titles index
/// (`similar.*`, both compressed-row directions) and the score models
/// (`baseline.*`, `pearson.viewerMean`, `mf.*`) stay mapped; the clusters
/// (`clusters.*`, a few hundred KB) are read at open.
enum ModelColumns {
    static func write(_ models: StreamingModels, into out: inout ColumnFileWriter) {
        let similar = models.similar
        out.add("similar.vectorOffsets", similar.vectorOffsets)
        out.add("similar.vectorTokens", similar.vectorTokens)
        out.add("similar.vectorWeights", similar.vectorWeights)
        out.add("similar.postingOffsets", similar.postingOffsets)
        out.add("similar.postingTitles", similar.postingTitles)
        out.add("similar.postingWeights", similar.postingWeights)
        let clusters = models.clusters
        out.add("clusters.k", [clusters.k])
        out.add("clusters.assignment", clusters.assignment)
        out.add("clusters.sweepK", clusters.sweep.map(\.k))
        out.add("clusters.sweepInertia", clusters.sweep.map(\.inertia))
        out.add("clusters.sweepSilhouette", clusters.sweep.map(\.silhouette))
        out.add("clusters.featureNames", clusters.featureNames)
        out.add("clusters.centroids", clusters.centroids)
        if let baseline = models.baseline {
            out.add("baseline.globalMean", [baseline.globalMean])
            out.add("baseline.viewerBias", baseline.viewerBias)
            out.add("baseline.titleBias", baseline.titleBias)
        }
        if let pearson = models.pearson { out.add("pearson.viewerMean", pearson.viewerMean) }
        if let mf = models.factorisation {
            out.add("mf.factors", [mf.factors])
            out.add("mf.globalMean", [mf.globalMean])
            out.add("mf.viewerBias", mf.viewerBias)
            out.add("mf.titleBias", mf.titleBias)
            out.add("mf.viewerFactors", mf.viewerFactors)
            out.add("mf.titleFactors", mf.titleFactors)
        }
    }

    static func read(_ file: ColumnFile, titleCount n: Int, ratings: Ratings?) throws -> StreamingModels {
        func damaged(_ reason: String) -> StreamingStore.Problem { .damaged(reason) }
        let present = Set(file.columnNames)
        // Score models exactly when there are ratings to score with, as `StreamingModels.train` makes them.
        let scored = (ratings?.count ?? 0) > 0
        guard ["baseline.globalMean", "pearson.viewerMean", "mf.factors"].allSatisfy({ present.contains($0) == scored }) else {
            throw damaged("the score models do not match the ratings")
        }
        let similar = try readSimilar(file, titleCount: n)
        let clusters = try readClusters(file, titleCount: n)
        guard let ratings, scored else {
            return StreamingModels(similar: similar, clusters: clusters, baseline: nil, pearson: nil, factorisation: nil)
        }
        let viewers = ratings.viewers.count
        let baseline = BiasBaseline(globalMean: try scalar(file, "baseline.globalMean"), viewerBias: try file.column("baseline.viewerBias"),
                                    titleBias: try file.column("baseline.titleBias"))
        let means: Column<Double> = try file.column("pearson.viewerMean")
        let factors: Int = try scalar(file, "mf.factors")
        let mf = BiasedMF(factors: factors, globalMean: try scalar(file, "mf.globalMean"), viewerBias: try file.column("mf.viewerBias"),
                          titleBias: try file.column("mf.titleBias"), viewerFactors: try file.column("mf.viewerFactors"),
                          titleFactors: try file.column("mf.titleFactors"))
        guard baseline.viewerBias.count == viewers, baseline.titleBias.count == n, means.count == viewers, (1...1_000).contains(factors),
              mf.viewerBias.count == viewers, mf.titleBias.count == n, mf.viewerFactors.count == viewers * factors,
              mf.titleFactors.count == n * factors else { throw damaged("the score models do not fit the ratings") }
        return StreamingModels(similar: similar, clusters: clusters, baseline: baseline, pearson: PearsonViewers(ratings: ratings, viewerMean: means),
                               factorisation: mf)
    }

    private static func readSimilar(_ file: ColumnFile, titleCount n: Int) throws -> SimilarTitles {
        let postingTitles: Column<Int32> = try file.index("similar.postingTitles", below: n)
        let postingOffsets: Column<Int32> = try file.column("similar.postingOffsets", verifyNow: true)
        let tokenCount = postingOffsets.count - 1
        let vectorTokens: Column<Int32> = try file.index("similar.vectorTokens", below: tokenCount)
        let vectorWeights: Column<Float> = try file.column("similar.vectorWeights")
        let postingWeights: Column<Float> = try file.column("similar.postingWeights")
        guard tokenCount >= 0, vectorWeights.count == vectorTokens.count, postingTitles.count == vectorTokens.count,
              postingWeights.count == postingTitles.count else { throw StreamingStore.Problem.damaged("the similar-titles index does not fit") }
        return SimilarTitles(
            vectorOffsets: try StoredIndex.offsets(file, "similar.vectorOffsets", rows: n, values: vectorTokens.count),
            vectorTokens: vectorTokens, vectorWeights: vectorWeights,
            postingOffsets: try StoredIndex.offsets(file, "similar.postingOffsets", rows: tokenCount, values: postingTitles.count),
            postingTitles: postingTitles, postingWeights: postingWeights)
    }

    private static func readClusters(_ file: ColumnFile, titleCount n: Int) throws -> TitleClusters {
        let k: Int = try scalar(file, "clusters.k")
        let assignment: [Int32] = try file.index("clusters.assignment", verifyNow: true, below: k).array
        let ks: [Int] = try file.column("clusters.sweepK", verifyNow: true).array
        let inertias: [Double] = try file.column("clusters.sweepInertia", verifyNow: true).array
        let silhouettes: [Double] = try file.column("clusters.sweepSilhouette", verifyNow: true).array
        let featureNames = try CatalogueColumns.strings(file, "clusters.featureNames")
        let centroids: [Double] = try file.column("clusters.centroids", verifyNow: true).array
        guard (0...n).contains(k), assignment.count == n, ks.count == inertias.count, ks.count == silhouettes.count,
              centroids.count == k * featureNames.count || n == 0 else {
            throw StreamingStore.Problem.damaged("the clusters do not fit the titles")
        }
        return TitleClusters(assignment: assignment, k: k, sweep: (0..<ks.count).map { (ks[$0], inertias[$0], silhouettes[$0]) },
                             featureNames: featureNames, centroids: centroids)
    }

    /// A one-value column.
    private static func scalar<T: BitwiseCopyable & Sendable>(_ file: ColumnFile, _ name: String) throws -> T {
        let column: Column<T> = try file.column(name, verifyNow: true)
        guard column.count == 1 else { throw StreamingStore.Problem.damaged("'\(name)' is not one value") }
        return column[0]
    }
}
