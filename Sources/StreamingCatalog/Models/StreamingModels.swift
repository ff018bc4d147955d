import Dispatch

/// The models a streaming engine answers its model questions with,
/// trained once from a catalogue (and stored: `ModelStore`).
public struct StreamingModels: Sendable {
    public let similar: SimilarTitles
    public let clusters: TitleClusters
    /// Nil without ratings.
    public let baseline: BiasBaseline?
    public let pearson: PearsonViewers?
    public let factorisation: BiasedMF?

    public init(similar: SimilarTitles, clusters: TitleClusters, baseline: BiasBaseline?, pearson: PearsonViewers?, factorisation: BiasedMF?) {
        self.similar = similar
        self.clusters = clusters
        self.baseline = baseline
        self.pearson = pearson
        self.factorisation = factorisation
    }

    /// Trains every model on `catalogue` (content models on its titles, score models on its ratings).
    /// The factorisation is most of a first start, so it trains on one core
    /// while the others train on the other; each model is trained alone and
    /// the same way whatever the timing, so the result is deterministic.
    public static func train(_ catalogue: TitleCatalogue, clusterCount: Int = 9, settings: BiasedMF.Settings = BiasedMF.Settings()) -> StreamingModels {
        let ratings = catalogue.ratings.flatMap { $0.count > 0 ? $0 : nil }
        final class Trained: @unchecked Sendable {
            var factorisation: BiasedMF?
            var rest: (SimilarTitles, TitleClusters, BiasBaseline?, PearsonViewers?)?
        }
        let trained = Trained()
        DispatchQueue.concurrentPerform(iterations: 2) { task in
            if task == 0 {
                trained.factorisation = ratings.map { BiasedMF(training: $0, settings: settings) }
            } else {
                trained.rest = (SimilarTitles(titles: catalogue.titles), TitleClusters(titles: catalogue.titles, k: clusterCount),
                                ratings.map { BiasBaseline($0) }, ratings.map(PearsonViewers.init))
            }
        }
        let (similar, clusters, baseline, pearson) = trained.rest!
        return StreamingModels(similar: similar, clusters: clusters, baseline: baseline, pearson: pearson, factorisation: trained.factorisation)
    }
}

/// The models `recommend_viewer` can use (`--model`).
public enum ViewerModel: String, CaseIterable, Sendable {
    /// Biased matrix factorisation: the best on `steamlens eval ratings`, so the default.
    case factorisation = "mf"
    /// The prototype's user-based Pearson neighbours.
    case pearson
    /// The most-rated titles the viewer has not rated: the baseline.
    case popularity
}
