import Foundation
import SteamLensApp
import SteamLensData
import SteamLensEngine
import TerminalUI

/// The figures of `steamlens bench` (issue 9): each measured several times,
/// reported as median and p95 beside its target, with peak memory read from
/// the OS for the ones that run as a fresh process.
struct Bench {
    var loader: EngineLoader
    var scale: String
    var repeats: Int
    var processRuns: Int
    var coldRuns: Int
    var cache: String?
    var targets: BenchTargets

    /// One line of the table (and one object of `--format json`).
    struct Figure: Encodable {
        var name: String
        var median: Double
        var p95: Double
        /// "s" for times, "MB" for sizes and memory.
        var unit: String
        var target: String?
        var peakRSSMB: Double?
        var note: String?
    }

    func run(progress: (String) -> Void) throws -> [Figure] {
        var figures: [Figure] = []
        guard let executable = Bundle.main.executablePath else { return figures }
        let dataArguments = ["--data", loader.directory.folder] + (cache.map { ["--cache", $0] } ?? [])

        // Cold start: a fresh `etl` process per run (parse, train, save), its phases from its own report.
        progress("cold etl ×\(coldRuns) …")
        var cold: [ChildRun] = []
        for _ in 0..<coldRuns { cold.append(try ChildRun(executable, ["etl"] + dataArguments)) }
        figures.append(Self.figure("cold start: steamlens etl", cold.map(\.seconds), target: targets.cold,
                                   rss: cold.compactMap(\.peakKB).max(), rssTarget: targets.coldRSS))
        for (phase, times) in Self.phases(cold) {
            figures.append(Self.figure("  · \(phase)", times, target: nil))
        }

        // Every later start: a fresh `query` process, end to end.
        progress("later starts ×\(processRuns) …")
        let opened = try loader.open()
        let genre = (try? opened.engine.list(.genres, sort: .secondary, limit: 1))?.entries.first?.name ?? "Action"
        var later: [ChildRun] = []
        for _ in 0..<processRuns { later.append(try ChildRun(executable, ["query", "genre_rank", genre] + dataArguments)) }
        figures.append(Self.figure("later start: a fresh steamlens query", later.map(\.seconds), target: targets.later,
                                   rss: later.compactMap(\.peakKB).max(), rssTarget: targets.laterRSS))

        progress("in-process figures …")
        var reopened = opened
        let starts = try measure(runs: processRuns) { reopened = try loader.open() }
        figures.append(Self.figure("start from the store, in process (map + check)", starts, target: nil))
        for stage in reopened.stages { figures.append(Self.figure("  · \(stage.name)", [stage.seconds], target: nil)) }
        let engine = reopened.engine

        let size = Size(width: 120, height: 40)
        let firstFrame = try measure(runs: processRuns) {
            let fresh = try loader.open().engine
            let (state, _) = AppState.start(engine: fresh, size: size)
            _ = render(state, size: size)
        }
        figures.append(Self.figure("explorer: store to first frame (120x40)", firstFrame, target: targets.firstFrame))
        let (state, _) = AppState.start(engine: engine, size: size)
        figures.append(Self.figure("one frame render (120x40)", measure(runs: repeats) { _ = render(state, size: size) }, target: "≤ 5 ms"))

        for (name, arguments) in sampleQueries(engine) {
            guard let query = QueryRegistry.named(name) else { continue }
            _ = try? query(engine, arguments, .standard)
            let times = measure(runs: repeats) { _ = try? query(engine, arguments, .standard) }
            figures.append(Self.figure("query \(name) \(arguments.joined(separator: " "))", times, target: "≤ 1 ms"))
        }

        // Recommendations after a cursor move: the next user, the next game.
        let catalog = engine.catalog
        var next = 0
        let similar = measure(runs: repeats) { _ = engine.similarGames(to: Int32(next % max(1, catalog.gameCount))); next += 1 }
        figures.append(Self.figure("similar games (5) after a cursor move", similar, target: "≤ 2 ms"))
        for model in ["ease", "item-knn", "pearson-user"] {
            _ = try? engine.recommendations(forUser: 0, model: model)
            let times = measure(runs: repeats) { _ = try? engine.recommendations(forUser: Int32(next % max(1, catalog.userCount)), model: model); next += 1 }
            figures.append(Self.figure("games (5) for the next user, \(model)", times, target: "≤ 2 ms"))
        }

        let sizes = [loader.storePath, loader.columnsPath].map { (try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int) ?? 0 }
        let megabytes = Double(sizes.reduce(0, +)) / 1_048_576
        figures.append(Figure(name: "store on disk (tables + columns)", median: megabytes, p95: megabytes, unit: "MB", target: targets.storeSize,
                              note: String(format: "tables %.0f MB, columns %.0f MB", Double(sizes[0]) / 1_048_576, Double(sizes[1]) / 1_048_576)))
        return figures
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
            ("recommend_game", ["10"]), ("recommend_user", [user]),
        ]
    }

    static func figure(_ name: String, _ times: [Double], target: String?, rss: Int? = nil, rssTarget: String? = nil) -> Figure {
        let sorted = times.sorted()
        let median = sorted.isEmpty ? 0 : sorted[sorted.count / 2]
        let p95 = sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int((Double(sorted.count) * 0.95).rounded(.up)) - 1)]
        return Figure(name: name, median: median, p95: p95, unit: "s", target: [target, rssTarget].compactMap { $0 }.joined(separator: ", "),
                      peakRSSMB: rss.map { Double($0) / 1024 }, note: nil)
    }

    /// Each phase's times over the cold runs, in the order `etl` reports them.
    static func phases(_ runs: [ChildRun]) -> [(String, [Double])] {
        var order: [String] = []
        var times: [String: [Double]] = [:]
        for run in runs {
            guard let line = run.stdout.split(separator: "\n").first(where: { $0.hasPrefix("built in ") }),
                  let colon = line.firstIndex(of: ":") else { continue }
            for part in line[line.index(after: colon)...].split(separator: ",") {
                let words = part.trimmingCharacters(in: .whitespaces).split(separator: " ")
                guard words.count >= 3, let seconds = Double(words[words.count - 2]) else { continue }
                let name = words.dropLast(2).joined(separator: " ")
                if times[name] == nil { order.append(name) }
                times[name, default: []].append(seconds)
            }
        }
        return order.map { ($0, times[$0]!) }
    }
}

/// The targets of issue 9 at one scale.
/// Seconds of each of `runs` calls of `body` (both data sets' benches).
func measure(runs: Int, _ body: () throws -> Void) rethrows -> [Double] {
    var times: [Double] = []
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return times
}

struct BenchTargets {
    var cold: String?
    var coldRSS: String?
    var later: String?
    var laterRSS: String?
    var firstFrame: String?
    var storeSize: String?

    static func at(_ scale: String) -> BenchTargets {
        switch scale {
        case "full": return BenchTargets(cold: "≤ 8 s", coldRSS: "≤ 400 MB", later: "≤ 150 ms", laterRSS: "≤ 150 MB", firstFrame: "≤ 200 ms", storeSize: "≤ 200 MB")
        case "10x": return BenchTargets(cold: "≤ 90 s", coldRSS: "≤ 3 GB", later: "≤ 300 ms", laterRSS: nil, firstFrame: nil, storeSize: nil)
        case "real": return BenchTargets(cold: "≤ 3 s", coldRSS: "≤ 400 MB", later: "≤ 150 ms", laterRSS: "≤ 150 MB", firstFrame: "≤ 200 ms", storeSize: nil)
        default: return BenchTargets()
        }
    }
}

/// A child `steamlens` process: wall time, output, and its peak resident set.
struct ChildRun {
    var seconds: Double
    var stdout: String
    var peakKB: Int?

    struct SpawnFailure: Error, CustomStringConvertible {
        var executable: String
        var code: Int32
        var description: String { "could not start \(executable): \(String(cString: strerror(code)))" }
    }

    /// Started with `posix_spawn` itself: Foundation's `Process` took ~50 ms
    /// to start even `/bin/true` here, which would have been counted in
    /// every later-start figure. `wait4`'s `ru_maxrss` cannot be used:
    /// posix_spawn starts the child by vfork, and Linux then charges the
    /// parent's resident set to the child. The child writes its own
    /// high-water mark (`VmHWM`) instead.
    init(_ executable: String, _ arguments: [String]) throws {
        let report = NSTemporaryDirectory() + "steamlens-peak-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: report) }
        var environment = ProcessInfo.processInfo.environment
        environment[PeakMemory.variable] = report
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw SpawnFailure(executable: executable, code: errno) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_addclose(&actions, fds[1])
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0)=\($1)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        let code = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        close(fds[1])
        guard code == 0 else {
            close(fds[0])
            throw SpawnFailure(executable: executable, code: code)
        }
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = read(fds[0], &buffer, buffer.count)
            if count > 0 { output += buffer[0..<count] } else if count == 0 || errno != EINTR { break }
        }
        close(fds[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        stdout = String(decoding: output, as: UTF8.self)
        peakKB = (try? String(contentsOfFile: report, encoding: .utf8)).flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
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
