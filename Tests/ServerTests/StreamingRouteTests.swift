import Foundation
import HTTPTypes
import HummingbirdTesting
@testable import SteamLensEngine
@testable import SteamLensServer
import SteamLensOutput
import StreamingCatalog
import XCTest

/// The streaming catalogue's questions, lists and the prototype's endpoints,
/// on the bundled streaming sample beside the Steam fixture.
final class StreamingRouteTests: XCTestCase {
    let dataSets: [APIDataSet] = [.steam, .streaming]
    var state: EngineState { EngineState(.ready(ServerFixture.both)) }

    /// What `steamlens query --dataset streaming NAME ARGS --format json` prints.
    func expectedJSON(_ name: String, _ arguments: [String], _ definitions: StreamingDefinitions = .standard,
                      _ options: StreamingQueryOptions = StreamingQueryOptions()) throws -> String {
        let result = try XCTUnwrap(StreamingQueries.named(name))(ServerFixture.streaming, arguments, definitions, options)
        return try ResultPrinter.render(table: result.table, json: result.json, definitions: result.definitions, format: .json, toTerminal: false)
    }

    func get(_ uri: String, _ check: @escaping @Sendable (TestResponse) throws -> Void) async throws {
        try await ServerFixture.test(state: state, dataSets: dataSets) { client in
            try await client.execute(uri: uri, method: .get) { try check($0) }
        }
    }

    func testEveryQuestionHasAV1RouteAndEveryTryItLinkAnswers200() async throws {
        let table = RouteTable(dataSets: dataSets, metrics: false)
        for question in StreamingQueries.all {
            XCTAssertTrue(table.routes.contains { $0.template.hasPrefix("/v1/streaming/\(question.name)") }, question.name)
        }
        let examples = Examples(ServerFixture.both, dataSets: dataSets)
        for route in table.routes where route.template.contains("streaming") || route.aliasOf?.contains("streaming") == true {
            let path = examples.path(for: route)
            try await get(path) { response in
                XCTAssertEqual(response.status, .ok, "\(path): \(response.text)")
            }
        }
    }

    func testThePrototypesEndpointsAnswerLikeTheCLI() async throws {
        let calls: [(String, String, [String])] = [
            ("/get_word_count/netflix/love", "word_count", ["netflix", "love"]),
            ("/get_score_count/netflix/3.5/2019", "score_count", ["netflix", "3.5", "2019"]),
            ("/get_second_score/amazon", "second_score", ["amazon"]),
            ("/get_longest/netflix/min/2019", "longest", ["netflix", "min", "2019"]),
            ("/get_rating_count/TV-MA", "rating_count", ["TV-MA"]),
            ("/get_max_duration/2019/hulu/season", "longest", ["hulu", "season", "2019"]),
            ("/get_count_platform/disney", "count_platform", ["disney"]),
            ("/get_actor/netflix/2019", "actor", ["netflix", "2019"]),
            ("/prod_per_country/movie/United%20States/2019", "prod_per_country", ["movie", "United States", "2019"]),
            ("/get_contents/TV-MA", "rating_count", ["TV-MA"]),
        ]
        XCTAssertEqual(Set(calls.map { $0.0.split(separator: "/")[0] }), Set(Alias.streaming.map { $0.path.split(separator: "/")[0] }))
        // Every call has an answer in the bundled sample.
        for (path, name, arguments) in calls {
            let expected = try expectedJSON(name, arguments)
            try await get(path) { response in
                XCTAssertEqual(response.status, .ok, "\(path): \(response.text)")
                XCTAssertEqual(response.text, expected, path)
                XCTAssertEqual(response.headers[HTTPField.Name("SteamLens-Definitions")!],
                               "title_year=release; word_match=word; missing_rating=unknown")
            }
        }
    }

    func testDefinitionsAndOptionsComeFromTheQueryString() async throws {
        let substring = StreamingDefinitions(wordMatch: .substring)
        let expected = try expectedJSON("word_count", ["netflix", "love"], substring)
        try await get("/v1/streaming/word_count/netflix/love?word_match=substring") { response in
            XCTAssertEqual(response.text, expected)
            XCTAssertEqual(response.headers[HTTPField.Name("SteamLens-Definitions")!],
                           "title_year=release; word_match=substring; missing_rating=unknown")
        }
        let viewer = try XCTUnwrap(ServerFixture.streaming.catalogue.ratings?.viewers.first)
        let title = try XCTUnwrap(ServerFixture.streaming.titles.first?.id)
        let strict = try expectedJSON("will_like", [viewer, title], .standard, StreamingQueryOptions(threshold: 4.5, neighbours: 5))
        try await get("/v1/streaming/will_like/\(viewer)/\(title)?threshold=4.5&neighbours=5") { response in
            XCTAssertEqual(response.text, strict)
        }
    }

    func testListsArePagedAndScoped() async throws {
        let page = try ServerFixture.streaming.list(.titles, scope: "platform:hulu", offset: 2, limit: 3, definitions: .standard)
        let expected = try ResultPrinter.render(table: page.table, json: page.json, definitions: page.definitions, format: .json, toTerminal: false)
        try await get("/v1/streaming/titles?scope=platform:hulu&offset=2&limit=3") { response in
            XCTAssertEqual(response.status, .ok, response.text)
            XCTAssertEqual(response.text, expected)
            XCTAssertEqual(response.headers[HTTPField.Name("X-Total-Count")!], page.total.map(String.init))
        }
    }

    func testBadArgumentsAre400AndUnknownNames404() async throws {
        try await get("/get_count_platform/myspace") { response in
            XCTAssertEqual(response.status.code, 400)
            XCTAssertTrue(response.text.contains("\"parameter\" : \"platform\"") || response.text.contains("\"parameter\":\"platform\""), response.text)
        }
        try await get("/get_score_count/netflix/5.5/2019") { response in XCTAssertEqual(response.status.code, 400, response.text) }
        try await get("/v1/streaming/similar_titles/No%20Such%20Title%20Anywhere") { response in
            XCTAssertEqual(response.status.code, 404, response.text)
        }
        try await get("/v1/streaming/titles?scope=cluster:1") { response in XCTAssertEqual(response.status.code, 400, response.text) }
        // A question of several arguments names the one at fault, under the alias's own name for it.
        try await get("/prod_per_country/movie/Atlantis/2019") { response in
            XCTAssertEqual(response.status.code, 404, response.text)
            XCTAssertTrue(response.text.contains("\"parameter\":\"country\""), response.text)
        }
    }

    /// Platform names and scores: the pattern says exactly what the server accepts.
    func testValueFormatsMatchTheirPatterns() throws {
        let samples = ["netflix", "Netflix", "NETFLIX", "netflix ", "net flix", "hulu", "amazon", "disney", "disney+", "prime", "",
                       "\u{212A}", "min", "Season", "tv show", "TV SHOW", "tvshow",
                       "0", "5", "5.0", "5.000001", "4.999999", "4.9999999", "3.5", ".5", "3.", "-1", "+3", "1e0", "05", "٣"]
        for format in [ArgumentFormat.oneOf(StreamingAPI.platforms), .oneOf(StreamingAPI.units), .oneOf(StreamingAPI.types), .score] {
            let regex = try NSRegularExpression(pattern: format.pattern)
            for text in samples {
                let matches = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
                XCTAssertEqual(matches, format.accepts(text), "\(format) \(text.debugDescription)")
            }
        }
        // What the API accepts, the engine accepts: never a 400 from the question's own checks.
        for platform in StreamingAPI.platforms { XCTAssertNotNil(Platform(forgiving: platform), platform) }
        for unit in StreamingAPI.units { XCTAssertNotNil(DurationUnit(forgiving: unit), unit) }
        for type in StreamingAPI.types { XCTAssertNotNil(TitleType(forgiving: type), type) }
    }
}
