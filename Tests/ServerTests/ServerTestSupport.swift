import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import SteamLensData
@testable import SteamLensEngine
@testable import SteamLensServer
import SteamLensTestSupport
import StreamingCatalog
import XCTest

/// The hand-made fixture of the engine tests, as an engine and a server.
enum ServerFixture {
    /// Built once: the fixture's catalog, with the sentiment of QueryTests.
    static let engine: Engine = {
        let dataset = DatasetLoader.load(try! DataDirectory(folder: try! Fixture.folder()))
        let contents = StoreContents(dataset: dataset, sentiment: [2, 2, 0, 0, 1], fingerprint: SourceFingerprint(value: "test"))
        return Engine(catalog: CatalogBuilder.build(contents))
    }()

    /// The bundled streaming sample (Data/streaming), loaded and trained once.
    static let streaming: StreamingEngine = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Data/streaming").path
        return StreamingEngine.trained(StreamingLoader.load(folder: folder))
    }()

    /// Both data sets, as `steamlens serve` runs by default.
    static var both: LoadedEngines { LoadedEngines(["steam": engine, "streaming": streaming]) }

    /// Arguments that have an answer in the fixture, by registry argument name.
    static let arguments: [String: String] = [
        "developer": "Valve", "user_id": "alice", "genre": "Action", "year": "2011",
        "from": "2011-01-01", "to": "2015-12-31", "item_id or title": "10",
    ]

    static var quietLogger: Logger {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return logger
    }

    static func settings(_ change: (inout ServerSettings) -> Void = { _ in }) -> ServerSettings {
        var settings = ServerSettings()
        settings.port = 0
        settings.accessLog = false
        change(&settings)
        return settings
    }

    /// Runs `test` against the server in process (HummingbirdTesting's router mode).
    static func test(state: EngineState = EngineState(.ready(LoadedEngines(steam: engine))), dataSets: [APIDataSet] = [.steam],
                     settings: ServerSettings = settings(),
                     _ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let responder = APIResponder(state: state, settings: settings, dataSets: dataSets, logger: quietLogger)
        let app = Application(responder: responder, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              logger: quietLogger)
        try await app.test(.router, test)
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    /// The body as problem details, failing the test when it is not one.
    func problem(file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
        XCTAssertEqual(headers[.contentType], "application/problem+json", file: file, line: line)
        let object = try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any]
        let problem = try XCTUnwrap(object, "not a JSON object: \(text)", file: file, line: line)
        XCTAssertEqual(problem["status"] as? Int, Int(status.code), file: file, line: line)
        XCTAssertNotNil(problem["title"] as? String, file: file, line: line)
        XCTAssertNotNil(problem["detail"] as? String, file: file, line: line)
        XCTAssertEqual(problem["type"] as? String, "urn:steamlens:problem:" + ((problem["code"] as? String) ?? "?"), file: file, line: line)
        return problem
    }
}
