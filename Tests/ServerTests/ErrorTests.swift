import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import SteamLensEngine
@testable import SteamLensServer
import XCTest

/// Each error class answers with its status, problem details and stable code.
final class ErrorTests: XCTestCase {
    func expectProblem(_ uri: String, method: HTTPRequest.Method = .get, headers: HTTPFields = [:],
                       settings: ServerSettings = ServerFixture.settings(), state: EngineState = EngineState(.ready(LoadedEngines(steam: ServerFixture.engine))),
                       dataSets: [APIDataSet] = [.steam], status: Int, code: String,
                       file: StaticString = #filePath, line: UInt = #line,
                       _ check: @escaping @Sendable ([String: Any], TestResponse) -> Void = { _, _ in }) async throws {
        try await ServerFixture.test(state: state, dataSets: dataSets, settings: settings) { client in
            try await client.execute(uri: uri, method: method, headers: headers) { response in
                XCTAssertEqual(Int(response.status.code), status, "\(uri): \(response.text)", file: file, line: line)
                let problem = try response.problem(file: file, line: line)
                XCTAssertEqual(problem["code"] as? String, code, uri, file: file, line: line)
                check(problem, response)
            }
        }
    }

    func testUnknownNameIs404WithDidYouMean() async throws {
        try await expectProblem("/v1/steam/developer/Valv", status: 404, code: "unknown_name") { problem, _ in
            XCTAssertEqual(problem["suggestions"] as? [String], ["Valve"])
            XCTAssertEqual(problem["parameter"] as? String, "developer")
            XCTAssertTrue((problem["detail"] as? String ?? "").contains("Did you mean"))
        }
        try await expectProblem("/developer/Valv", status: 404, code: "unknown_name") { problem, _ in
            XCTAssertEqual(problem["parameter"] as? String, "desarrollador")
        }
    }

    func testUnknownRouteIs404WithDidYouMean() async throws {
        try await expectProblem("/v1/steam/develope/Valve", status: 404, code: "unknown_route") { problem, _ in
            XCTAssertEqual((problem["suggestions"] as? [String])?.first, "/v1/steam/developer/{developer}")
        }
        try await expectProblem("/UserForGenr/Action", status: 404, code: "unknown_route") { problem, _ in
            XCTAssertEqual((problem["suggestions"] as? [String])?.first, "/UserForGenre/{genero}")
        }
        // The right name with the wrong number of arguments points at the right template.
        try await expectProblem("/v1/steam/count_reviews/2011-01-01", status: 404, code: "unknown_route") { problem, _ in
            XCTAssertEqual((problem["suggestions"] as? [String])?.first, "/v1/steam/count_reviews/{from}/{to}")
        }
    }

    func testNoResultIs404() async throws {
        try await expectProblem("/v1/steam/users_recommend/1999", status: 404, code: "no_result")
    }

    func testAQuestionOfTwoArgumentsNamesTheOneAtFault() async throws {
        try await expectProblem("/v1/steam/count_reviews/2014-02-31/2014-03-01", status: 400, code: "bad_argument") { problem, _ in
            XCTAssertEqual(problem["parameter"] as? String, "from")
        }
    }

    func testBadArgumentIs400NamingTheParameter() async throws {
        try await expectProblem("/UsersRecommend/20x9", status: 400, code: "bad_argument") { problem, _ in
            XCTAssertEqual(problem["parameter"] as? String, "año")
        }
        let long = String(repeating: "a", count: 600)
        try await expectProblem("/v1/steam/developer/\(long)", status: 400, code: "bad_argument") { problem, _ in
            XCTAssertEqual(problem["parameter"] as? String, "developer")
        }
    }

    func testBadQueryParametersAre400NamingThem() async throws {
        try await expectProblem("/v1/steam/developer/Valve?unit=fortnights", status: 400, code: "bad_parameter") { problem, _ in
            XCTAssertEqual(problem["parameter"] as? String, "unit")
        }
        try await expectProblem("/v1/steam/developers?limit=0", status: 400, code: "bad_parameter") { problem, _ in
            XCTAssertEqual(problem["parameter"] as? String, "limit")
        }
        try await expectProblem("/v1/steam/developers?offset=-1", status: 400, code: "bad_parameter")
        try await expectProblem("/v1/steam/developers?ascending=yes", status: 400, code: "bad_parameter")
        try await expectProblem("/v1/steam/developers?limit=1&limit=2", status: 400, code: "bad_parameter")
        try await expectProblem("/v1/steam/developer/Valve?limit=1", status: 400, code: "unknown_parameter") { problem, _ in
            XCTAssertEqual(problem["parameter"] as? String, "limit")
        }
        try await expectProblem("/v1/steam/developer/Valve?format=xml", status: 400, code: "bad_parameter")
        try await expectProblem("/v1/steam/games?scope=planet:Mars", status: 400, code: "bad_parameter") { problem, _ in
            XCTAssertEqual(problem["parameter"] as? String, "scope")
        }
    }

    func testBadEncodingIs400() async throws {
        for uri in ["/v1/steam/developer/Val%00ve", "/v1/steam/developer/Val%ZZ", "/v1/steam/developer/%C3%28",
                    "/v1/steam/developer/a%1B%5B31mred", "/v1/steam/developer/Valve?unit=%FF", "/v1/steam/developer/x%7F"] {
            try await expectProblem(uri, status: 400, code: "bad_encoding")
        }
        // ../ is just a name that matches nothing: no file is ever read.
        try await expectProblem("/v1/steam/developer/..%2F..%2Fetc%2Fpasswd", status: 404, code: "unknown_name")
    }

    func testOtherMethodsAre405WithAllow() async throws {
        for method in [HTTPRequest.Method.post, .put, .delete, .patch, .options] {
            try await expectProblem("/v1/steam/developer/Valve", method: method, status: 405, code: "method_not_allowed") { _, response in
                XCTAssertEqual(response.headers[.allow], "GET, HEAD")
            }
        }
    }

    func testOversizedTargetIs414AndHeadersAre431() async throws {
        let path = "/v1/steam/developer/" + String(repeating: "x", count: 9000)
        try await expectProblem(path, status: 414, code: "uri_too_long")
        var headers = HTTPFields()
        headers[HTTPField.Name("X-Padding")!] = String(repeating: "y", count: 20_000)
        try await expectProblem("/health", headers: headers, status: 431, code: "headers_too_large")
    }

    func testDataRoutesAre503UntilTheStoreIsLoadedAndWhenItFailed() async throws {
        try await expectProblem("/v1/steam/developer/Valve", state: EngineState(.loading), status: 503, code: "not_ready") { _, response in
            XCTAssertEqual(response.headers[.retryAfter], "1")
        }
        try await expectProblem("/health", state: EngineState(.loading), status: 503, code: "not_ready")
        let failed = EngineState(.failed(.init(kind: .badData, message: "the store is corrupt")))
        try await expectProblem("/developer/Valve", state: failed, status: 503, code: "bad_data")
    }

    func testAnInternalErrorIs500WithoutItsDetails() async throws {
        struct Secret: Error, CustomStringConvertible { var description: String { "stack trace at /secret/path.swift:42" } }
        let broken = NamedQuery(name: "broken", arguments: [.name("x")], summary: "always fails") { (_: Engine, _: [String], _: Definitions) throws -> any QueryResult in
            throw Secret()
        }
        let dataSet = APIDataSet.steam(questions: [broken], aliases: [])
        try await expectProblem("/v1/steam/broken/1", dataSets: [dataSet], status: 500, code: "internal") { problem, response in
            XCTAssertFalse(response.text.contains("secret"))
            XCTAssertFalse(response.text.contains(".swift"))
        }
    }

    func testTimeoutAndOverloadAre503WithRetryAfter() async throws {
        let slow = NamedQuery(name: "slow", arguments: [], summary: "sleeps") { (engine: Engine, _: [String], _: Definitions) throws -> any QueryResult in
            Thread.sleep(forTimeInterval: 0.5)
            return try engine.developer("Valve")
        }
        let dataSet = APIDataSet.steam(questions: [slow], aliases: [])
        try await expectProblem("/v1/steam/slow", settings: ServerFixture.settings { $0.requestTimeout = 0.05 }, dataSets: [dataSet],
                                status: 503, code: "timeout") { _, response in
            XCTAssertEqual(response.headers[.retryAfter], "1")
        }
        try await expectProblem("/v1/steam/developer/Valve", settings: ServerFixture.settings { $0.maxConcurrentRequests = 0 },
                                status: 503, code: "overloaded")
    }

    func testTokenIsRequiredEverywhereButHealth() async throws {
        let settings = ServerFixture.settings { $0.token = "s3cret" }
        try await expectProblem("/v1/steam/developer/Valve", settings: settings, status: 401, code: "unauthorized") { _, response in
            XCTAssertEqual(response.headers[.wwwAuthenticate], "Bearer realm=\"steamlens\"")
        }
        try await expectProblem("/no/such/route", settings: settings, status: 401, code: "unauthorized")
        try await expectProblem("/developer/Valve", headers: [.authorization: "Bearer wrong"], settings: settings, status: 401, code: "unauthorized")
        try await ServerFixture.test(settings: settings) { client in
            try await client.execute(uri: "/developer/Valve", method: .get, headers: [.authorization: "Bearer s3cret"]) { response in
                XCTAssertEqual(response.status, .ok)
            }
            try await client.execute(uri: "/health", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
            }
        }
    }

    func testEveryProblemCodeIsDocumented() throws {
        let api = try String(contentsOfFile: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/api.md").path, encoding: .utf8)
        for code in ["unknown_name", "unknown_route", "no_result", "bad_argument", "bad_parameter", "unknown_parameter", "bad_encoding",
                     "method_not_allowed", "uri_too_long", "headers_too_large", "unauthorized", "not_ready", "overloaded", "timeout",
                     "bad_data", "internal"] {
            XCTAssertTrue(api.contains("`\(code)`"), "docs/api.md does not document \(code)")
        }
    }
}
