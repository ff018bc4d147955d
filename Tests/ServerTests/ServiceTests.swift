import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import SteamLensEngine
@testable import SteamLensServer
import XCTest

/// The service routes (/, /openapi.json, /health, /metrics) and the settings that guard the server.
final class ServiceTests: XCTestCase {
    func testOpenAPIDocumentHasEveryRouteWithItsParameters() async throws {
        let table = RouteTable(dataSets: [.steam], metrics: true)
        try await ServerFixture.test { client in
            try await client.execute(uri: "/openapi.json", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
                XCTAssertEqual(document["openapi"] as? String, "3.0.4")
                let paths = try XCTUnwrap(document["paths"] as? [String: [String: Any]])
                XCTAssertEqual(Set(paths.keys), Set(table.routes.map(\.template)))
                for question in QueryRegistry.all {
                    XCTAssertTrue(paths.keys.contains { $0.hasPrefix("/v1/steam/\(question.name)/") }, question.name)
                }
                let get = try XCTUnwrap(paths["/v1/steam/developers"]?["get"] as? [String: Any])
                let names = (get["parameters"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
                XCTAssertEqual(Set(names), ["sort", "ascending", "offset", "limit", "review_year", "unit", "join", "format"])
                // Examples come from the loaded data, so a client trying them gets a 200.
                let alias = try XCTUnwrap(paths["/developer/{desarrollador}"]?["get"] as? [String: Any])
                let parameter = try XCTUnwrap((alias["parameters"] as? [[String: Any]])?.first)
                XCTAssertEqual((parameter["schema"] as? [String: Any])?["example"] as? String, "Valve")
            }
        }
    }

    func testOpenAPIDocumentDeclaresTheBearerTokenWhenOneIsRequired() async throws {
        func document(_ settings: ServerSettings) -> [String: Any] {
            let table = RouteTable(dataSets: [.steam], metrics: settings.metrics)
            let bytes = OpenAPIDocument.json(for: table, settings: settings)
            return (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] ?? [:]
        }
        let open = document(ServerFixture.settings())
        XCTAssertNil(open["security"])
        XCTAssertNil((open["components"] as? [String: Any])?["securitySchemes"])
        // Error responses refer to one shared problem schema instead of repeating it.
        XCTAssertNotNil(((open["components"] as? [String: Any])?["schemas"] as? [String: Any])?["Problem"])
        let openPaths = open["paths"] as? [String: [String: [String: Any]]]
        let notFound = (openPaths?["/v1/steam/developers"]?["get"]?["responses"] as? [String: Any])?["404"] as? [String: Any]
        let schema = ((notFound?["content"] as? [String: Any])?["application/problem+json"] as? [String: Any])?["schema"] as? [String: Any]
        XCTAssertEqual(schema?["$ref"] as? String, "#/components/schemas/Problem")

        let guarded = document(ServerFixture.settings { $0.token = "s3cret" })
        XCTAssertEqual(guarded["security"] as? [[String: [String]]], [["bearer": []]])
        let schemes = (guarded["components"] as? [String: Any])?["securitySchemes"] as? [String: [String: Any]]
        XCTAssertEqual(schemes?["bearer"]?["type"] as? String, "http")
        XCTAssertEqual(schemes?["bearer"]?["scheme"] as? String, "bearer")
        // Probes reach /health without the token; the document says so.
        let paths = guarded["paths"] as? [String: [String: [String: Any]]]
        XCTAssertEqual(paths?["/health"]?["get"]?["security"] as? [String], [])
        XCTAssertNil(paths?["/v1/steam/developers"]?["get"]?["security"])
        XCTAssertNotNil(paths?["/v1/steam/developers"]?["get"]?["responses"].flatMap { ($0 as? [String: Any])?["401"] })
    }

    func testIndexPageListsEveryRouteWithATryItLink() async throws {
        let table = RouteTable(dataSets: [.steam], metrics: true)
        try await ServerFixture.test { client in
            try await client.execute(uri: "/", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertEqual(response.headers[.contentType], "text/html; charset=utf-8")
                for route in table.routes {
                    XCTAssertTrue(response.text.contains("<code>\(IndexPage.escape(route.template))</code>"), route.template)
                }
                XCTAssertTrue(response.text.contains("href=\"/developer/Valve\""))
                XCTAssertEqual(response.text.components(separatedBy: ">try it</a>").count - 1, table.routes.count)
            }
        }
    }

    func testEveryTryItLinkAnswers200() async throws {
        let table = RouteTable(dataSets: [.steam], metrics: true)
        let examples = Examples(LoadedEngines(steam: ServerFixture.engine), dataSets: [.steam])
        try await ServerFixture.test { client in
            for route in table.routes {
                let path = examples.path(for: route)
                try await client.execute(uri: path, method: .get) { response in
                    XCTAssertEqual(response.status, .ok, "\(path): \(response.text)")
                }
            }
        }
    }

    func testHealthAndMetrics() async throws {
        try await ServerFixture.test { client in
            try await client.execute(uri: "/health", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertTrue(response.text.contains("\"status\":\"ready\""))
            }
            _ = try await client.execute(uri: "/developer/Valve", method: .get)
            try await client.execute(uri: "/metrics", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertTrue(response.text.contains("steamlens_http_requests_total{route=\"/developer/{desarrollador}\",status=\"200\"} 1"), response.text)
                XCTAssertTrue(response.text.contains("steamlens_http_request_duration_seconds_bucket"))
            }
        }
    }

    func testAPreflightIsAnsweredWithoutTheTokenAndTheSchemeIgnoresCase() async throws {
        let settings = ServerFixture.settings {
            $0.token = "s3cret"
            $0.corsOrigin = "https://example.com"
        }
        try await ServerFixture.test(settings: settings) { client in
            try await client.execute(uri: "/v1/steam/developer/Valve", method: .options,
                                     headers: [.origin: "https://example.com", .accessControlRequestMethod: "GET"]) { response in
                XCTAssertEqual(response.status, .noContent)
                XCTAssertEqual(response.headers[.accessControlAllowOrigin], "https://example.com")
                XCTAssertEqual(response.headers[.accessControlAllowHeaders], "Authorization")
            }
            try await client.execute(uri: "/v1/steam/developer/Valve", method: .get) { response in
                XCTAssertEqual(response.status, .unauthorized)
            }
            for scheme in ["Bearer", "bearer", "BEARER"] {
                try await client.execute(uri: "/v1/steam/developer/Valve", method: .get, headers: [.authorization: "\(scheme) s3cret"]) { response in
                    XCTAssertEqual(response.status, .ok, scheme)
                }
            }
            try await client.execute(uri: "/v1/steam/developer/Valve", method: .get, headers: [.authorization: "Bearer S3CRET"]) { response in
                XCTAssertEqual(response.status, .unauthorized, "the token itself is case-sensitive")
            }
        }
    }

    func testCORSIsOffUnlessAnOriginIsGiven() async throws {
        try await ServerFixture.test { client in
            try await client.execute(uri: "/developer/Valve", method: .get) { response in
                XCTAssertNil(response.headers[.accessControlAllowOrigin])
            }
        }
        let settings = ServerFixture.settings { $0.corsOrigin = "https://notebooks.example" }
        try await ServerFixture.test(settings: settings) { client in
            try await client.execute(uri: "/developer/Valve", method: .get) { response in
                XCTAssertEqual(response.headers[.accessControlAllowOrigin], "https://notebooks.example")
            }
            try await client.execute(uri: "/developer/Valve", method: .options) { response in
                XCTAssertEqual(response.status, .noContent)
                XCTAssertEqual(response.headers[.accessControlAllowMethods], "GET, HEAD, OPTIONS")
            }
            try await client.execute(uri: "/nowhere", method: .get) { response in
                XCTAssertEqual(response.status, .notFound)
                XCTAssertEqual(response.headers[.accessControlAllowOrigin], "https://notebooks.example")
            }
        }
    }

    func testANonLoopbackAddressNeedsATokenOrPublic() {
        var settings = ServerSettings()
        XCTAssertNil(settings.refusal)
        for host in ["127.0.0.1", "127.1.2.3", "localhost", "::1"] {
            settings.host = host
            XCTAssertNil(settings.refusal, host)
        }
        for host in ["0.0.0.0", "192.168.1.10", "::", "example.com", "128.0.0.1"] {
            settings.host = host
            XCTAssertNotNil(settings.refusal, host)
        }
        settings.host = "0.0.0.0"
        settings.token = "t"
        XCTAssertNil(settings.refusal)
        settings.token = nil
        settings.allowPublic = true
        XCTAssertNil(settings.refusal)
        settings.token = ""
        XCTAssertNotNil(settings.refusal)
    }

    func testRequestTargetsDecodeStrictly() throws {
        let target = try RequestTarget.parse("/v1/steam/developer/Caf%C3%A9%2FBar?unit=minutes&scope=a+b%26c#frag")
        XCTAssertEqual(target.segments, ["v1", "steam", "developer", "Café/Bar"])
        XCTAssertEqual(target.query.map(\.name), ["unit", "scope"])
        XCTAssertEqual(target.query.map(\.value), ["minutes", "a b&c"])
        XCTAssertEqual(try RequestTarget.parse("/").segments, [])
        XCTAssertThrowsError(try RequestTarget.parse("nope"))
        XCTAssertThrowsError(try RequestTarget.parse("/a%2"))
        XCTAssertThrowsError(try RequestTarget.parse("/a%0A"))
        XCTAssertThrowsError(try RequestTarget.parse("/a%E2%82"))
    }

    func testTheAnswerCacheStaysWithinItsBudget() {
        let cache = AnswerCache(budget: 64 * 1024)
        for index in 0..<10_000 {
            cache.put("key\(index)", Answer(body: Array(repeating: 65, count: 1000), contentType: "x", headers: []))
        }
        var kept = 0
        for index in 0..<10_000 where cache.get("key\(index)") != nil { kept += 1 }
        XCTAssertGreaterThan(kept, 0)
        XCTAssertLessThanOrEqual(kept * 1000, 64 * 1024)
        XCTAssertNotNil(cache.get("key9999"))
    }
}
