import Foundation
import SteamLensEngine
import SteamLensData

/// The figures of `steamlens bench`: each measured several times, reported
/// as median and p95 beside its target (DESIGN.md §8, issue targets).
struct Bench {
    var dataOptions: DataOptions
    var repeats: Int

    func run() throws {
        let loader = try dataOptions.loader()
        print("SteamLens bench · data: \(loader.directory.folder) · \(ProcessInfo.processInfo.activeProcessorCount) cores")
        print("figure".padding(toLength: 44, withPad: " ", startingAt: 0) + "median      p95         target")

        let parse = measure(runs: 3) { _ = DatasetLoader.load(loader.directory) }
        report("parse raw files (3 files in parallel)", parse, target: nil)

        var opened: EngineLoader.Opened?
        let etl = try measure(runs: 3) { opened = try loader.open(forceRebuild: true) }
        report("cold etl: parse + derive + save store", etl, target: "≤ 1 s")
        printStages(opened)

        let start = try measure(runs: 7) { opened = try loader.open() }
        report("start from store (read + index)", start, target: "≤ 200 ms")
        printStages(opened)
        guard let engine = opened?.engine else { return }

        for (name, arguments) in sampleQueries(engine) {
            guard let query = QueryRegistry.named(name) else { continue }
            let times = measure(runs: repeats) { _ = try? query(engine, arguments, .standard) }
            report("query \(name) \(arguments.joined(separator: " "))", times, target: "≤ 1 ms")
        }
        let list = measure(runs: max(5, repeats / 20)) { _ = try? engine.list(.developers, sort: .count, limit: 50) }
        report("list developers (sorted, all \(engine.catalog.developerNames.count))", list, target: nil)

        if let executable = Bundle.main.executablePath {
            var arguments = ["query", "developers", "--limit", "1", "--data", loader.directory.folder]
            if let cache = dataOptions.cache { arguments += ["--cache", cache] }
            if let rss = childPeakRSS(executable, arguments) {
                print("peak RSS, start from store + one query".padding(toLength: 44, withPad: " ", startingAt: 0) + "\(rss / 1024) MB".padding(toLength: 24, withPad: " ", startingAt: 0) + "≤ 200 MB")
            }
            if let rss = childPeakRSS(executable, ["etl"] + arguments.dropFirst(4)) {
                print("peak RSS, cold etl".padding(toLength: 44, withPad: " ", startingAt: 0) + "\(rss / 1024) MB".padding(toLength: 24, withPad: " ", startingAt: 0) + "≤ 200 MB")
            }
        }
        let storeBytes = (try? FileManager.default.attributesOfItem(atPath: loader.storePath)[.size] as? Int) ?? 0
        print("store size: \(storeBytes / 1_048_576) MB at \(loader.storePath)")
    }

    private func printStages(_ opened: EngineLoader.Opened?) {
        for stage in opened?.stages ?? [] {
            print("  · \(stage.name)".padding(toLength: 44, withPad: " ", startingAt: 0) + format(stage.seconds))
        }
    }

    /// Representative arguments: the busiest developer, user, genre and year.
    private func sampleQueries(_ engine: Engine) -> [(String, [String])] {
        let catalog = engine.catalog
        let developer = (try? engine.list(.developers, limit: 1))?.entries.first?.name ?? ""
        let user = (try? engine.list(.users, sort: .secondary, limit: 1))?.entries.first?.name ?? ""
        let genre = (try? engine.list(.genres, sort: .secondary, limit: 1))?.entries.first?.name ?? ""
        let year = (try? engine.list(.years, sort: .secondary, limit: 1))?.entries.first?.name ?? "2015"
        _ = catalog
        return [
            ("developer", [developer]), ("userdata", [user]), ("user_for_genre", [genre]),
            ("best_developer_year", [year]), ("developer_reviews_analysis", [developer]),
            ("play_time_genre", [genre]), ("users_recommend", [year]), ("users_not_recommend", [year]),
            ("sentiment_by_year", [year]), ("count_reviews", ["2014-01-01", "2014-12-31"]), ("genre_rank", [genre]),
        ]
    }

    private func measure(runs: Int, _ body: () throws -> Void) rethrows -> [Double] {
        var times: [Double] = []
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return times.sorted()
    }

    private func report(_ label: String, _ sorted: [Double], target: String?) {
        let median = sorted[sorted.count / 2]
        let p95 = sorted[min(sorted.count - 1, Int((Double(sorted.count) * 0.95).rounded(.up)) - 1)]
        print(label.prefix(43).padding(toLength: 44, withPad: " ", startingAt: 0) + format(median).padding(toLength: 12, withPad: " ", startingAt: 0)
              + format(p95).padding(toLength: 12, withPad: " ", startingAt: 0) + (target ?? ""))
    }

    private func format(_ seconds: Double) -> String {
        if seconds >= 1 { return String(format: "%.2f s", seconds) }
        if seconds >= 1e-3 { return String(format: "%.1f ms", seconds * 1e3) }
        return String(format: "%.0f µs", seconds * 1e6)
    }

    /// Runs the executable as a child and returns its peak resident set in KB (from wait4).
    private func childPeakRSS(_ executable: String, _ arguments: [String]) -> Int? {
        var pid: pid_t = 0
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        defer { posix_spawn_file_actions_destroy(&actions) }
        guard posix_spawn(&pid, executable, &actions, nil, argv, environ) == 0 else { return nil }
        var status: Int32 = 0
        var usage = rusage()
        guard wait4(pid, &status, 0, &usage) == pid else { return nil }
        return Int(usage.ru_maxrss)
    }
}
