import ArgumentParser
import Foundation
import SteamLensData
import SteamLensEngine
import SteamLensOutput
import SteamLensSample

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure cold and later starts, the explorer's first frame, queries, recommendations and memory against the targets.",
        discussion: """
            --scale real reads ../shared/data/steam (or --data); full (88,310 users, ~5.1 M library rows) and \
            10x (883,100 users) are generated once into the cache folder (bench-full, bench-10x) and reused. \
            Figures are median and p95 over repeated runs; peak memory is each child process's VmHWM. \
            --dataset streaming (or a streaming --data folder) measures the streaming catalogue instead (issue 10's targets).
            """,
        subcommands: [BenchServeCommand.self]
    )

    @OptionGroup var dataOptions: DataOptions

    @Option(name: .long, help: "real, full or 10x; without it, the --data folder (or the bundled sample).")
    var scale: BenchScale?

    @Option(name: .long, help: "Repetitions per in-process figure (queries, recommendations, frames).")
    var repeats = 200

    @Option(name: .long, help: "Fresh processes per later-start figure.")
    var runs = 10

    @Option(name: .long, help: "Cold etl runs (default: 3, or 1 at 10x).")
    var coldRuns: Int?

    @Option(name: .long, help: "table or json.")
    var format: BenchFormat = .table

    func validate() throws {
        guard repeats >= 1, runs >= 1, (coldRuns ?? 1) >= 1 else { throw ValidationError("--repeats, --runs and --cold-runs must be at least 1.") }
    }

    func run() throws {
        if dataOptions.effectiveDataSet == .streaming { return try runStreaming() }
        let folder = try scale.map { try $0.dataFolder(cache: dataOptions.cache, data: dataOptions.data) } ?? dataOptions.resolvedData
        let loader: EngineLoader
        do {
            loader = try EngineLoader(dataFolder: folder, cacheFolder: dataOptions.cache)
        } catch {
            throw CLIFailure(error)
        }
        let name = scale?.rawValue ?? "data"
        let bench = Bench(loader: loader, scale: name, repeats: repeats, processRuns: runs,
                          coldRuns: coldRuns ?? (scale == .tenX ? 1 : 3), cache: dataOptions.cache, targets: .at(name))
        let figures = try bench.run { HumanOutput.writeError("bench: " + $0) }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            let report = BenchReport(scale: name, data: folder, cores: ProcessInfo.processInfo.activeProcessorCount, figures: figures)
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        case .table:
            print("SteamLens bench · scale \(name) · data \(folder) · \(ProcessInfo.processInfo.activeProcessorCount) cores")
            print(BenchTable.lines(figures).joined(separator: "\n"))
        }
    }
}

extension BenchCommand {
    /// The streaming catalogue's figures: --data (or the bundled streaming sample); --scale is Steam's.
    func runStreaming() throws {
        guard scale == nil else { throw ValidationError("--scale generates Steam sets; for the streaming catalogue pass --data DIR.") }
        let folder = try dataOptions.streamingFolder()
        let bench = StreamingBench(folder: folder, cache: dataOptions.cache, repeats: repeats, processRuns: runs, coldRuns: coldRuns ?? 1)
        let figures = try bench.run { HumanOutput.writeError("bench: " + $0) }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            let report = BenchReport(scale: "streaming", data: folder, cores: ProcessInfo.processInfo.activeProcessorCount, figures: figures)
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        case .table:
            print("SteamLens bench · streaming · data \(folder) · \(ProcessInfo.processInfo.activeProcessorCount) cores")
            print(BenchTable.lines(figures).joined(separator: "\n"))
        }
    }
}

enum BenchFormat: String, ExpressibleByArgument {
    case table, json
}

struct BenchReport: Encodable {
    var scale: String
    var data: String
    var cores: Int
    var figures: [Bench.Figure]
}

/// The table of `bench`: one line per figure, times in s / ms / µs.
enum BenchTable {
    static func lines(_ figures: [Bench.Figure]) -> [String] {
        let header = pad("figure", 50) + pad("median", 11) + pad("p95", 11) + pad("peak RSS", 10) + "target"
        return [header] + figures.map { figure in
            let value: (Double) -> String = figure.unit == "s" ? format : { String(format: "%.0f MB", $0) }
            return pad(String(figure.name.prefix(49)), 50) + pad(value(figure.median), 11) + pad(value(figure.p95), 11)
                + pad(figure.peakRSSMB.map { String(format: "%.0f MB", $0) } ?? "", 10) + (figure.target ?? "")
                + (figure.note.map { "  (\($0))" } ?? "")
        }
    }

    static func format(_ seconds: Double) -> String {
        if seconds >= 1 { return String(format: "%.2f s", seconds) }
        if seconds >= 1e-3 { return String(format: "%.1f ms", seconds * 1e3) }
        return String(format: "%.0f µs", seconds * 1e6)
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.padding(toLength: max(width, text.count + 1), withPad: " ", startingAt: 0)
    }
}

/// Where each scale's data is: the real partial files, or a generated set
/// kept in the cache folder (generated once, with a progress bar).
enum BenchScale: String, ExpressibleByArgument {
    case real, full
    case tenX = "10x"

    var users: Int? {
        switch self {
        case .real: return nil
        case .full: return 88_310
        case .tenX: return 883_100
        }
    }

    func dataFolder(cache: String?, data: String?) throws -> String {
        guard let users else {
            let folder = data ?? ProcessInfo.processInfo.environment["STEAMLENS_REAL_DATA"] ?? "../shared/data/steam"
            guard FileManager.default.fileExists(atPath: folder) else {
                throw CLIFailure.badData("--scale real needs the real files: \(folder) does not exist (pass --data DIR)")
            }
            return folder
        }
        let location = StoreLocation(cacheFolder: cache, environment: ProcessInfo.processInfo.environment)
        let folder = location.cacheFolder + "/bench-\(rawValue)"
        let done = folder + "/.complete"
        if FileManager.default.fileExists(atPath: done) { return folder }
        do {
            try location.createFolder()
            let bar = ProgressBar(label: "generating the \(rawValue) set (\(users) users) in \(folder)")
            let summary = try SampleGenerator(users: users, seed: 42).write(to: URL(fileURLWithPath: folder)) { bar.update($0) }
            bar.finish()
            HumanOutput.writeError("bench: \(summary.itemRows) library rows, \(summary.users) users")
            FileManager.default.createFile(atPath: done, contents: nil)
        } catch {
            throw CLIFailure(message: "cannot generate the \(rawValue) set in \(folder): \(error)", code: 2)
        }
        return folder
    }
}
