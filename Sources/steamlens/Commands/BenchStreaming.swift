import Foundation
import SteamLensData
import StreamingCatalog

/// The figures of `steamlens bench --dataset streaming` (issue 10's targets):
/// the first start (store removed), later starts as fresh processes, the
/// store opened in process, every question, and `will_like` / top-5 for the
/// next viewer after a cursor move.
struct StreamingBench {
    var folder: String
    var cache: String?
    var repeats: Int
    var processRuns: Int
    var coldRuns: Int

    func run(progress: (String) -> Void) throws -> [Bench.Figure] {
        var figures: [Bench.Figure] = []
        guard let executable = Bundle.main.executablePath else { return figures }
        let cacheFolder = StoreLocation(cacheFolder: cache, environment: ProcessInfo.processInfo.environment).cacheFolder
        let storePath = StreamingStore.path(folder: folder, cacheFolder: cacheFolder)
        let arguments = ["--dataset", "streaming", "--data", folder, "--cache", cacheFolder]
        let count = ["query", "count_platform", "netflix"] + arguments

        progress("first starts ×\(coldRuns) …")
        var cold: [ChildRun] = []
        for _ in 0..<coldRuns {
            try? FileManager.default.removeItem(atPath: storePath)
            cold.append(try ChildRun(executable, count))
        }
        figures.append(Bench.figure("first start: CSVs → store → every model", cold.map(\.seconds), target: "≤ 10 s",
                                    rss: cold.compactMap(\.peakKB).max(), rssTarget: "≤ 500 MB"))

        progress("later starts ×\(processRuns) …")
        var later: [ChildRun] = []
        for _ in 0..<processRuns { later.append(try ChildRun(executable, count)) }
        figures.append(Bench.figure("later start: a fresh query count_platform", later.map(\.seconds), target: "≤ 150 ms",
                                    rss: later.compactMap(\.peakKB).max(), rssTarget: "≤ 500 MB"))

        var engine = try StreamingStore.load(path: storePath, fingerprint: StreamingStore.fingerprint(folder: folder))
        let ratings = engine.catalogue.ratings.flatMap { $0.count > 0 ? $0 : nil }
        // A title of median popularity: the most rated one's raters would make it a figure of Pearson, not of the start.
        let rated = ratings.map { r in engine.titles.indices.filter { r.ratingCount(ofTitle: $0) > 0 }.sorted { r.ratingCount(ofTitle: $0) < r.ratingCount(ofTitle: $1) } }
        if let viewer = ratings?.viewers.first, let rated, !rated.isEmpty {
            let title = engine.titles[rated[rated.count / 2]].id
            var scored: [ChildRun] = []
            for _ in 0..<processRuns { scored.append(try ChildRun(executable, ["query", "will_like", viewer, title] + arguments)) }
            figures.append(Bench.figure("later start: a fresh query will_like", scored.map(\.seconds), target: "≤ 150 ms",
                                        rss: scored.compactMap(\.peakKB).max(), rssTarget: "≤ 500 MB"))
        }

        progress("in-process figures …")
        let print = StreamingStore.fingerprint(folder: folder)
        let opens = try measure(runs: processRuns) { engine = try StreamingStore.load(path: storePath, fingerprint: print) }
        figures.append(Bench.figure("open the store, in process (map + check + decode titles)", opens, target: nil))

        for (query, values) in sampleQueries(engine) {
            _ = try? query(engine, values)
            figures.append(Bench.figure("query \(query.name) \(values.joined(separator: " "))",
                                        measure(runs: repeats) { _ = try? query(engine, values) }, target: "≤ 1 ms"))
        }

        // After a cursor move: the next viewer, the next title, each asked once.
        if let ratings, let willLike = StreamingQueries.named("will_like"), let recommend = StreamingQueries.named("recommend_viewer") {
            let titles = engine.titles
            var next = 0
            let predictions = measure(runs: repeats) {
                _ = try? willLike(engine, [ratings.viewers[next % ratings.viewers.count], titles[(next * 7919) % titles.count].id])
                next += 1
            }
            figures.append(Bench.figure("will_like for the next viewer and title", predictions, target: "≤ 5 ms p95"))
            for model in ViewerModel.allCases {
                let times = measure(runs: repeats) {
                    _ = try? recommend(engine, [ratings.viewers[next % ratings.viewers.count]], .standard, StreamingQueryOptions(model: model.rawValue))
                    next += 1
                }
                figures.append(Bench.figure("titles (5) for the next viewer, \(model.rawValue)", times, target: "≤ 5 ms p95"))
            }
        }

        let megabytes = Double((try? FileManager.default.attributesOfItem(atPath: storePath)[.size] as? Int) ?? 0) / 1_048_576
        figures.append(Bench.Figure(name: "store on disk", median: megabytes, p95: megabytes, unit: "MB", target: nil, peakRSSMB: nil, note: nil))
        return figures
    }

    /// Each question without a viewer, on the first title and the busiest platform's values.
    private func sampleQueries(_ engine: StreamingEngine) -> [(StreamingQuery, [String])] {
        let title = engine.titles.first
        let values: [String: String] = [
            "platform": title?.platform.rawValue ?? "netflix", "word": "love", "score": "3.5",
            "year": title?.releaseYear.map(String.init) ?? "2020", "unit": "min", "rating": title?.rating ?? "TV-MA",
            "type": "movie", "country": title?.countries.first ?? "United States", "title id or name": title?.id ?? "ns1",
        ]
        return StreamingQueries.all.compactMap { query in
            let arguments = query.arguments.compactMap { values[$0] }
            return arguments.count == query.arguments.count ? (query, arguments) : nil
        }
    }
}
