import SteamLensEngine

/// The questions answered by the trained models.
extension StreamingEngine {
    /// `similar_titles(title)`: five titles similar by content, never the title itself nor its copy on another platform.
    public func similarTitles(_ text: String, definitions: StreamingDefinitions) throws -> StreamingResult {
        let t = try title(text)
        let models = try requireModels()
        let similar = models.similar.similar(to: t, count: 5, groups: catalogue.groups)
        let copies = titles.indices.filter { $0 != t && catalogue.group(of: $0) == catalogue.group(of: t) }
        let table = ResultTable(
            title: "Titles like \(titles[t].name) (\(titles[t].id), \(titles[t].platform.displayName))",
            columns: [.init("rank", .right), .init("title"), .init("id"), .init("platform"), .init("type"), .init("similarity", .right)],
            rows: similar.enumerated().map { rank, entry in
                let other = titles[entry.title]
                return [.integer(rank + 1), .text(other.name), .text(other.id), .text(other.platform.rawValue), .text(other.type.rawValue),
                        .number(entry.score, digits: 3)]
            },
            notes: ["TF-IDF cosine over genres, type, rating band, duration, cast, director, countries and description words"]
                + (copies.isEmpty ? [] : ["its copies left out: " + copies.map { titles[$0].id }.joined(separator: ", ")]))
        return StreamingResult(table: table, json: .object([
            ("title", .string(titles[t].name)), ("id", .string(titles[t].id)),
            ("similar", JSONValue.rows(of: table)),
        ]), definitions: definitions)
    }

    /// `will_like(viewer, title)`: the Pearson neighbours' prediction, "yes" above the threshold.
    public func willLike(viewer viewerText: String, title titleText: String, options: StreamingQueryOptions,
                         definitions: StreamingDefinitions) throws -> StreamingResult {
        let v = try viewer(viewerText)
        let t = try title(titleText)
        guard let pearson = try requireModels().pearson else { throw Self.noRatings }
        let prediction = pearson.predict(viewer: v, title: t, k: options.neighbours)
        let ratings = pearson.ratings
        let yes = prediction.score > options.threshold
        let already = ratings.score(viewer: v, title: t)
        let name = ratings.viewers[v]
        let table = ResultTable(
            title: "Will \(name) like \(titles[t].name) (\(titles[t].id))? \(yes ? "yes" : "no"): predicted \(ResultTable.Cell.format(prediction.score, digits: 2)) \(yes ? ">" : "≤") \(ResultTable.Cell.format(options.threshold, digits: 1))",
            columns: [.init("neighbour"), .init("correlation", .right), .init("shared", .right), .init("their score", .right)],
            rows: prediction.neighbours.map { [.text(ratings.viewers[$0.viewer]), .number($0.correlation, digits: 3), .integer($0.overlap), .number($0.score ?? 0, digits: 1)] },
            notes: [prediction.neighbours.isEmpty ? "no positively correlated viewer rated it: the prediction is \(name)'s mean score"
                                                  : "user-based Pearson: \(name)'s mean \(ResultTable.Cell.format(pearson.viewerMean[v], digits: 2)) + the neighbours' r-weighted deviations; r shrunk by n/(n+10)",
                    "scores are generated (docs/streaming.md)"]
                + (already.map { ["\(name) already rated it \(ResultTable.Cell.format($0, digits: 1))"] } ?? []))
        return StreamingResult(table: table, json: .object([
            ("viewer", .string(name)), ("title", .string(titles[t].name)), ("id", .string(titles[t].id)),
            ("prediction", .number(prediction.score)), ("threshold", .number(options.threshold)), ("will_like", .bool(yes)),
            ("already_rated", .number(already)),
            ("neighbours", .array(prediction.neighbours.map {
                .object([("viewer", .string(ratings.viewers[$0.viewer])), ("correlation", .number($0.correlation)),
                         ("shared", .integer($0.overlap)), ("score", .number($0.score))])
            })),
        ]), definitions: definitions)
    }

    /// `recommend_viewer(viewer)`: five titles for a viewer, from `--model` (default: the best measured).
    public func recommendViewer(_ text: String, options: StreamingQueryOptions, definitions: StreamingDefinitions) throws -> StreamingResult {
        let v = try viewer(text)
        let models = try requireModels()
        let model = try options.model.map { name -> ViewerModel in
            guard let model = ViewerModel(rawValue: name) else {
                throw QueryError.badArgument("--model '\(name)' is not a viewer model; choose one of: \(ViewerModel.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            return model
        } ?? .factorisation
        let ratings = try requireRatings()
        // A title the viewer rated on one platform is not news on another.
        let seenGroups = Set(ratings.ratings(of: v).titles.map { catalogue.group(of: Int($0)) })
        let exclude: (Int) -> Bool = { seenGroups.contains(self.catalogue.group(of: $0)) }
        // Picks can be copies of each other, shown once: more are drawn than the five shown.
        let drawn = 20
        let picks: [(title: Int, score: Double)]
        switch model {
        case .factorisation: picks = models.factorisation!.recommend(viewer: v, ratings: ratings, count: drawn, exclude: exclude)
        case .pearson: picks = models.pearson!.recommend(viewer: v, count: drawn, exclude: exclude)
        case .popularity:
            // Kept as they come (ties: the lower title number): sorting 23 k titles per call took 4 ms.
            var top = TopItems(capacity: drawn)
            for t in titles.indices where !exclude(t) { top.offer(item: Int32(t), score: Float(ratings.ratingCount(ofTitle: t))) }
            picks = top.sorted().map { (Int($0.item), Double($0.score)) }
        }
        var shown: [(title: Int, score: Double)] = []
        var groups = Set<Int32>()
        for pick in picks where shown.count < 5 && groups.insert(catalogue.group(of: pick.title)).inserted { shown.append(pick) }
        let table = ResultTable(
            title: "Five titles for \(ratings.viewers[v]) (\(model.rawValue))",
            columns: [.init("rank", .right), .init("title"), .init("id"), .init("platform"), .init(model == .popularity ? "ratings" : "predicted", .right)],
            rows: shown.enumerated().map { rank, pick in
                [.integer(rank + 1), .text(titles[pick.title].name), .text(titles[pick.title].id), .text(titles[pick.title].platform.rawValue),
                 model == .popularity ? .integer(Int(pick.score)) : .number(pick.score, digits: 2)]
            },
            notes: ["never a title the viewer rated, nor its copy on another platform; scores are generated (docs/streaming.md)"])
        return StreamingResult(table: table, json: .object([
            ("viewer", .string(ratings.viewers[v])), ("model", .string(model.rawValue)), ("titles", JSONValue.rows(of: table)),
        ]), definitions: definitions)
    }

    /// `clusters`: the k-means clusters of the catalogue, each with its size and what marks it.
    public func clusters(definitions: StreamingDefinitions) throws -> StreamingResult {
        let clusters = try requireModels().clusters
        var rows: [[ResultTable.Cell]] = []
        for c in 0..<clusters.k {
            let members = titles.indices.filter { clusters.assignment[$0] == Int32(c) }
            let shows = members.filter { titles[$0].type == .show }.count
            let marks = clusters.describedMarks(of: c, count: 3)
            rows.append([.integer(c), .integer(members.count), .integer(members.count - shows), .integer(shows), .text(marks.joined(separator: ", "))])
        }
        let chosen = clusters.sweep.first { $0.k == clusters.k }
        let best = clusters.sweep.max { $0.silhouette < $1.silhouette }
        let table = ResultTable(
            title: "k-means clusters of the catalogue (k = \(clusters.k))",
            columns: [.init("cluster", .right), .init("titles", .right), .init("movies", .right), .init("shows", .right), .init("marked by")],
            rows: rows,
            notes: ["standardized content features; k = 9 as in the prototype" + (chosen.map { ", silhouette \(ResultTable.Cell.format($0.silhouette, digits: 3))" } ?? "")
                    + (best.map { "; best silhouette at k = \($0.k) (\(ResultTable.Cell.format($0.silhouette, digits: 3)))" } ?? ""),
                    "`steamlens query cluster_sweep` prints the elbow and silhouette for k = 2…15; `titles cluster:N` lists a cluster"])
        return StreamingResult(table: table, definitions: definitions)
    }

    /// `cluster_sweep`: inertia (elbow) and silhouette for each k tried.
    public func clusterSweep(definitions: StreamingDefinitions) throws -> StreamingResult {
        let clusters = try requireModels().clusters
        let table = ResultTable(
            title: "Choosing k: inertia (elbow) and mean silhouette",
            columns: [.init("k", .right), .init("inertia per title", .right), .init("silhouette", .right), .init("")],
            rows: clusters.sweep.map { [.integer($0.k), .number($0.inertia, digits: 2), .number($0.silhouette, digits: 3), .text($0.k == clusters.k ? "← used" : "")] },
            notes: ["k-means on a seeded sample of up to 3,000 titles, silhouette on 1,000 of them; higher silhouette is better separated"])
        return StreamingResult(table: table, definitions: definitions)
    }
}
