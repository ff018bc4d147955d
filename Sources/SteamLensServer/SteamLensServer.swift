import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import ServiceLifecycle
import SteamLensEngine
import SteamLensOutput

/// `steamlens serve`: the HTTP API over the engines of its data sets,
/// loaded once and shared read-only by every request.
///
/// ```swift
/// try await APIServer.run(settings: settings, dataSets: [.steam], logger: logger) {
///     LoadedEngines(steam: try loader.open().engine)
/// }
/// ```
///
/// The server listens at once and loads the engine in the background, so
/// `/health` says 503 until the store is ready. SIGTERM and SIGINT stop it
/// gracefully: it stops accepting, finishes the requests in flight, and
/// exits.
public enum APIServer {
    public static func run(settings: ServerSettings, dataSets: [APIDataSet], logger: Logger,
                           onListening: @escaping @Sendable (Int) -> Void = { _ in },
                           load: @escaping @Sendable () throws -> LoadedEngines) async throws {
        if let refusal = settings.refusal {
            throw Failure(kind: .badArgument, message: refusal)
        }
        let state = EngineState()
        let application = makeApplication(settings: settings, state: state, dataSets: dataSets, logger: logger, onListening: onListening,
                                          services: [EngineLoading(state: state, dataSets: dataSets, logger: logger, load: load)])
        try await application.runService(gracefulShutdownSignals: [.sigterm, .sigint])
    }

    /// The Hummingbird application: the generated routes behind the limits of `settings`.
    public static func makeApplication(settings: ServerSettings, state: EngineState, dataSets: [APIDataSet] = [.steam], logger: Logger,
                                       onListening: @escaping @Sendable (Int) -> Void = { _ in },
                                       services: [any Service] = []) -> some ApplicationProtocol {
        let responder = APIResponder(state: state, settings: settings, dataSets: dataSets, logger: logger)
        let limits = HTTP1Channel.Configuration.DecoderConfiguration(
            maxHeaderFieldSize: 64 * 1024, maxHeaderListSize: 64 * 1024, maxHeaderFieldCount: 200)
        let http = HTTP1Channel.Configuration(idleTimeout: .milliseconds(Int64(settings.idleTimeout * 1000)),
                                              httpDecoderConfiguration: limits)
        return Application(
            responder: responder,
            server: .http1(configuration: http),
            configuration: ApplicationConfiguration(
                address: .hostname(settings.host, port: settings.port),
                serverName: "SteamLens",
                backlog: 1024,
                availableConnectionsDelegate: MaximumAvailableConnections(settings.maxConnections, logger: logger)
            ),
            services: services,
            onServerRunning: { channel in onListening(channel.localAddress?.port ?? settings.port) },
            logger: logger
        )
    }
}

/// Loads the engine off the async threads once the server runs, then
/// waits for shutdown (a service that returns would stop the group).
struct EngineLoading: Service {
    let state: EngineState
    let dataSets: [APIDataSet]
    let logger: Logger
    let load: @Sendable () throws -> LoadedEngines

    func run() async throws {
        let start = Date()
        let load = self.load
        let outcome = LoadOutcome()
        // SIGTERM while loading stops the server at once: the load (which
        // cannot be interrupted) is abandoned to the exiting process, and a
        // store it was writing is never renamed into place half-written.
        let phase: EngineState.Phase = await withGracefulShutdownHandler {
            await withCheckedContinuation { continuation in
                outcome.wait(continuation)
                Thread.detachNewThread {
                    do {
                        outcome.resume(.ready(try load()))
                    } catch {
                        outcome.resume(.failed(Failure(error)))
                    }
                }
            }
        } onGracefulShutdown: {
            outcome.resume(.loading)
        }
        if case .loading = phase { return }
        state.set(phase)
        switch phase {
        case .ready(let engines):
            var metadata: Logger.Metadata = ["seconds": .string(String(format: "%.2f", Date().timeIntervalSince(start)))]
            for dataSet in dataSets {
                guard let engine = engines.byDataSet[dataSet.id] else { continue }
                for (name, count) in dataSet.health(engine) { metadata["\(dataSet.id).\(name)"] = .stringConvertible(count) }
            }
            logger.notice("store loaded", metadata: metadata)
        case .failed(let failure):
            logger.error("store could not be loaded", metadata: ["error": .string(failure.message)])
        case .loading:
            break
        }
        try? await gracefulShutdown()
    }
}

/// The end of a load, given once: by the loading thread or by shutdown, whichever comes first.
private final class LoadOutcome: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<EngineState.Phase, Never>?
    private var early: EngineState.Phase?
    private var done = false

    func wait(_ continuation: CheckedContinuation<EngineState.Phase, Never>) {
        lock.lock()
        if let early {
            lock.unlock()
            continuation.resume(returning: early)
            return
        }
        self.continuation = continuation
        lock.unlock()
    }

    func resume(_ phase: EngineState.Phase) {
        lock.lock()
        guard !done else { return lock.unlock() }
        done = true
        guard let continuation else {
            early = phase
            return lock.unlock()
        }
        self.continuation = nil
        lock.unlock()
        continuation.resume(returning: phase)
    }
}
