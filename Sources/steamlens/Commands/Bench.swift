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
        report("parse + clean the raw files", parse, target: "≤ 1 s")

        var opened: EngineLoader.Opened?
        let etl = try measure(runs: 2) { opened = try loader.open(forceRebuild: true) }
        report("cold etl: parse, train all models, save", etl, target: "≤ 10 s")
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

        // Recommendations for a spread of games and users (deterministic picks).
        let catalog = engine.catalog
        let games = (0..<repeats).map { Int32(($0 * 7_919) % max(1, catalog.gameCount)) }
        let users = (0..<repeats).map { Int32(($0 * 104_729) % max(1, catalog.userCount)) }
        var next = 0
        _ = engine.similarGames(to: 0)
        let similar = measure(runs: repeats) { _ = engine.similarGames(to: games[next % games.count]); next += 1 }
        report("similar games (5) for a game", similar, target: "≤ 2 ms")
        for model in ["ease", "item-knn", "pearson-user"] {
            _ = try? engine.recommendations(forUser: 0, model: model)
            let times = measure(runs: repeats) { _ = try? engine.recommendations(forUser: users[next % users.count], model: model); next += 1 }
            report("games (5) for a user, \(model)", times, target: "≤ 2 ms")
        }

        if let executable = Bundle.main.executablePath {
            var arguments = ["query", "developers", "--limit", "1", "--data", loader.directory.folder]
            if let cache = dataOptions.cache { arguments += ["--cache", cache] }
            if let rss = childPeakRSS(executable, arguments) {
                print("peak RSS, start from store + one query".padding(toLength: 44, withPad: " ", startingAt: 0) + "\(rss / 1024) MB".padding(toLength: 24, withPad: " ", startingAt: 0) + "≤ 200 MB")
            }
            if let rss = childPeakRSS(executable, ["etl"] + arguments.dropFirst(4)) {
                print("peak RSS, cold etl (parse + train + save)".padding(toLength: 44, withPad: " ", startingAt: 0) + "\(rss / 1024) MB".padding(toLength: 24, withPad: " ", startingAt: 0) + "≤ 200 MB")
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
        let developer = (try? engine.list(.developers, limit: 1))?.entries.first?.name ?? ""
        let user = (try? engine.list(.users, sort: .secondary, limit: 1))?.entries.first?.name ?? ""
        let genre = (try? engine.list(.genres, sort: .secondary, limit: 1))?.entries.first?.name ?? ""
        let year = (try? engine.list(.years, sort: .secondary, limit: 1))?.entries.first?.name ?? "2015"
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

    /// Runs the executable as a child and returns its peak resident set in KB.
    ///
    /// `wait4`'s `ru_maxrss` cannot be used: posix_spawn starts the child by
    /// vfork, and Linux then charges the parent's resident set to the child.
    /// The child writes its own high-water mark (`VmHWM`) instead.
    private func childPeakRSS(_ executable: String, _ arguments: [String]) -> Int? {
        let report = NSTemporaryDirectory() + "steamlens-peak-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: report) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging([PeakMemory.variable: report]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        process.waitUntilExit()
        return (try? String(contentsOfFile: report, encoding: .utf8)).flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }
}

/// Lets `bench` learn a child's peak memory: with `STEAMLENS_PEAK_RSS_FILE`
/// set, the process writes its `VmHWM` (KB, from /proc/self/status) there on exit.
enum PeakMemory {
    static let variable = "STEAMLENS_PEAK_RSS_FILE"

    static func writeIfRequested() {
        guard let path = ProcessInfo.processInfo.environment[variable],
              let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = line.split(separator: " ").compactMap({ Int($0) }).first else { return }
        try? String(kilobytes).write(toFile: path, atomically: true, encoding: .utf8)
    }
}
