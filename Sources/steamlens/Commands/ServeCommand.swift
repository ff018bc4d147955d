import ArgumentParser
import Foundation
import Logging
import SteamLensEngine
import SteamLensOutput
import SteamLensServer
import StreamingCatalog

/// `steamlens serve`: the questions as an HTTP API (docs/api.md).
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Answer every question over HTTP (open / in a browser for the routes).",
        discussion: """
            Routes: /v1/DATASET/QUESTION/ARGS… for every question of `steamlens query`, /v1/DATASET/LIST for the lists, \
            the original notebooks' paths (/developer/{desarrollador}, /get_word_count/{platform}/{word}, …), \
            /openapi.json, /health (503 until the stores are loaded) and /metrics. Bodies are those of \
            `steamlens query … --format json` (docs/api.md).

            Data sets: with no --data, both bundled samples (steam and streaming); with --data DIR (or --dataset), \
            the data set that folder holds; --streaming-data DIR adds the streaming catalogue beside a Steam folder.

            Listens on loopback unless told otherwise; another address needs --token (or --public). \
            SIGTERM or Ctrl-C stops it after the requests in flight.
            """
    )

    @Option(name: .long, help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "Port to listen on (0: any free port, printed at start).")
    var port = 8080

    @Option(name: .long, help: "Require Authorization: Bearer TOKEN on every route but /health. Default: $STEAMLENS_TOKEN.")
    var token: String?

    @Flag(name: .long, help: "Allow a non-loopback address without --token.")
    var `public` = false

    @Option(name: .long, help: "Allow browser calls from this origin (or *). Default: CORS off.")
    var cors: String?

    @Option(name: .long, help: "Seconds an answer may take before 503 timeout.")
    var timeout = 10.0

    @Option(name: .long, help: "Requests answered at once; more get 503 overloaded.")
    var maxConcurrent = 512

    @Option(name: .long, help: "Open connections at once; more wait to be accepted.")
    var maxConnections = 10_240

    @Option(name: .long, help: "Seconds before an idle connection is closed.")
    var idleTimeout = 30.0

    @Flag(name: .long, help: "No access log on stderr.")
    var noAccessLog = false

    @Flag(name: .long, help: "No /metrics route.")
    var noMetrics = false

    @OptionGroup var dataOptions: DataOptions

    @Option(name: .long, help: "Also serve the streaming catalogue from this folder (the four platform CSVs + ratings.csv).")
    var streamingData: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535.") }
        guard timeout > 0, maxConcurrent > 0, maxConnections > 0, idleTimeout > 0 else {
            throw ValidationError("--timeout, --max-concurrent, --max-connections and --idle-timeout must be positive.")
        }
    }

    func run() throws {
        var settings = ServerSettings()
        settings.host = host
        settings.port = port
        settings.token = token ?? ProcessInfo.processInfo.environment["STEAMLENS_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        settings.allowPublic = `public`
        settings.corsOrigin = cors
        settings.requestTimeout = timeout
        settings.maxConcurrentRequests = maxConcurrent
        settings.maxConnections = maxConnections
        settings.idleTimeout = idleTimeout
        settings.accessLog = !noAccessLog
        settings.metrics = !noMetrics
        if let refusal = settings.refusal { throw CLIFailure(message: refusal, code: 1) }
        // A missing data folder is an error now, not a 503 later.
        let served = try servedDataSets()

        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .info
            return handler
        }
        let logger = Logger(label: "steamlens.serve")
        // An IPv6 address goes in brackets in a URL.
        let host = settings.host.contains(":") ? "[\(settings.host)]" : settings.host
        let done = DispatchSemaphore(value: 0)
        let outcome = ServeOutcome()
        Task {
            do {
                try await APIServer.run(settings: settings, dataSets: served.map(\.dataSet), logger: logger, onListening: { port in
                    FileHandle.standardError.write(Data("steamlens: listening on http://\(host):\(port)/\n".utf8))
                }, load: {
                    var engines: [String: any Sendable] = [:]
                    for data in served { engines[data.dataSet.id] = try data.open() }
                    return LoadedEngines(engines)
                })
            } catch {
                outcome.error = error
            }
            done.signal()
        }
        done.wait()
        if let error = outcome.error {
            let failure = Failure(error)
            throw CLIFailure(message: failure.message, code: failure.kind.exitCode)
        }
    }
}

/// A data set to serve and how to open its engine.
private struct ServedDataSet: Sendable {
    var dataSet: APIDataSet
    var open: @Sendable () throws -> any Sendable
}

extension ServeCommand {
    /// Both bundled samples by default; the one data set --data (or
    /// --dataset) names; plus the streaming catalogue of --streaming-data.
    private func servedDataSets() throws -> [ServedDataSet] {
        let explicit = dataOptions.data != nil || dataOptions.dataset != nil
            || !(ProcessInfo.processInfo.environment["STEAMLENS_DATA"] ?? "").isEmpty
        var served: [ServedDataSet] = []
        if !explicit || dataOptions.effectiveDataSet == .steam {
            let loader = try dataOptions.loader()
            served.append(ServedDataSet(dataSet: .steam) {
                let opened = try loader.open { progress in Self.note(progress.line) }
                for warning in opened.warnings { Self.note(warning) }
                return opened.engine
            })
        }
        if let folder = streamingData {
            served.append(try streaming(folder))
        } else if !explicit || dataOptions.effectiveDataSet == .streaming {
            served.append(try streaming(try dataOptions.streamingFolder()))
        }
        return served
    }

    private func streaming(_ folder: String) throws -> ServedDataSet {
        guard StreamingLoader.recognizes(folder) else {
            throw CLIFailure.badData("\(folder) is not a streaming folder: it needs \(Platform.allCases.map(\.fileName).joined(separator: ", ")).")
        }
        let options = dataOptions
        return ServedDataSet(dataSet: .streaming) { try options.openStreamingEngine(folder: folder) }
    }

    private static func note(_ message: String) {
        FileHandle.standardError.write(Data(("steamlens: " + message + "\n").utf8))
    }
}

/// How the server ended, handed from its task back to the command.
private final class ServeOutcome: @unchecked Sendable {
    var error: Error?
}
