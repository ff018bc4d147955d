import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import SteamLensEngine
@testable import SteamLensServer
import SteamLensOutput
import XCTest

/// Every generated route answers with the body `steamlens query … --format json` prints.
final class RouteTests: XCTestCase {
    let engine = ServerFixture.engine

    /// The CLI's JSON for a question, computed straight from the engine.
    func expectedJSON(_ question: NamedQuery, _ arguments: [String], _ definitions: Definitions = .standard,
                      _ options: QueryOptions = QueryOptions()) throws -> String {
        try ResultPrinter.render(try question(engine, arguments, definitions, options), format: .json, toTerminal: false)
    }

    func testEveryQuestionHasAV1RouteAnsweringWithTheCLIsJSON() async throws {
        let table = RouteTable(dataSets: [.steam], metrics: false)
        XCTAssertEqual(QueryRegistry.all.count, 13)
        for question in QueryRegistry.all {
            let arguments = question.arguments.map { ServerFixture.arguments[$0]! }
            let expected = try expectedJSON(question, arguments)
            let path = "/v1/steam/\(question.name)/" + arguments.map(Examples.encode).joined(separator: "/")
            XCTAssertNotNil(table.match(try RequestTarget.parse(path).segments), path)
            try await ServerFixture.test { client in
                try await client.execute(uri: path, method: .get) { response in
                    XCTAssertEqual(response.status, .ok, "\(path): \(response.text)")
                    XCTAssertEqual(response.text, expected, path)
                    XCTAssertEqual(response.headers[.contentType], "application/json; charset=utf-8")
                    XCTAssertEqual(response.headers[HTTPField.Name("SteamLens-Definitions")!], "review_year=posted; unit=hours; join=item_id")
                }
            }
        }
    }

    func testEveryAliasAnswersExactlyLikeItsV1Route() async throws {
        XCTAssertEqual(Alias.steam.count, 11)
        for alias in Alias.steam {
            let question = try XCTUnwrap(QueryRegistry.named(alias.question), alias.path)
            let arguments = question.arguments.map { ServerFixture.arguments[$0]! }
            let expected = try expectedJSON(question, arguments)
            var template = alias.path
            for (name, value) in zip(alias.arguments, arguments) {
                template = template.replacingOccurrences(of: "{\(name)}", with: Examples.encode(value))
            }
            let path = template
            try await ServerFixture.test { client in
                try await client.execute(uri: path, method: .get) { response in
                    XCTAssertEqual(response.status, .ok, "\(path): \(response.text)")
                    XCTAssertEqual(response.text, expected, path)
                }
            }
        }
    }

    func testAliasPathsKeepTheNotebooksSpelling() {
        let table = RouteTable(dataSets: [.steam], metrics: false)
        let aliases = Set(table.routes.filter { $0.aliasOf != nil }.map(\.template))
        XCTAssertEqual(aliases, [
            "/developer/{desarrollador}", "/userdata/{User_id}", "/UserForGenre/{genero}", "/best_developer_year/{año}",
            "/developer_reviews_analysis/{desarrolladora}", "/PlayTimeGenre/{genero}", "/UsersRecommend/{año}",
            "/UsersNotRecommend/{año}", "/sentiment_analysis/{año}", "/recomendacion_juego/{id}", "/recomendacion_usuario/{id}",
        ])
        // An accented parameter name and an encoded accented argument both work.
        let match = table.match(try! RequestTarget.parse("/developer/Caf%C3%A9%20Studio").segments)
        XCTAssertEqual(match?.route.template, "/developer/{desarrollador}")
        XCTAssertEqual(match?.values, ["Café Studio"])
    }

    func testSummariesLeaveOutTheCLIsFlags() {
        XCTAssertEqual(APIQuestion.summary("five games for a user (--model ease|item-knn|pearson-user|popularity)"), "five games for a user")
        XCTAssertEqual(APIQuestion.summary("will a viewer like a title? Pearson neighbours (--threshold, --neighbours)"),
                       "will a viewer like a title? Pearson neighbours")
        XCTAssertEqual(APIQuestion.summary("items and free share per release year"), "items and free share per release year")
        let table = RouteTable(dataSets: [.steam, .streaming], metrics: false)
        XCTAssertFalse(table.routes.contains { $0.summary.contains("--") }, "a summary names a CLI flag")
    }

    func testAnAliasWithAnotherArgumentOrderIsOneRow() async throws {
        // The streaming aliases take arguments in another order than their questions; one row maps them.
        let question = try XCTUnwrap(QueryRegistry.named("count_reviews"))
        let swapped = APIDataSet.steam(questions: [question],
                                       aliases: [Alias("/reviews_between/{hasta}/{desde}", "count_reviews", arguments: ["desde", "hasta"])])
        let table = RouteTable(dataSets: [swapped], metrics: false)
        let (route, values) = try XCTUnwrap(table.match(RequestTarget.parse("/reviews_between/2015-12-31/2011-01-01").segments))
        guard case .question(_, _, let order) = route.target else { return XCTFail("not a question") }
        XCTAssertEqual(order.map { values[$0] }, ["2011-01-01", "2015-12-31"])
        // The alias and its v1 route share cached answers only for the same arguments in the question's order.
        let v1 = try expectedJSON(question, ["2011-01-01", "2015-12-31"])
        try await ServerFixture.test(dataSets: [swapped]) { client in
            try await client.execute(uri: "/v1/steam/count_reviews/2011-01-01/2015-12-31", method: .get) { response in
                XCTAssertEqual(response.text, v1)
            }
            try await client.execute(uri: "/reviews_between/2011-01-01/2015-12-31", method: .get) { response in
                XCTAssertEqual(response.status.code, 400, "from after to: \(response.text)")
            }
            try await client.execute(uri: "/reviews_between/2015-12-31/2011-01-01", method: .get) { response in
                XCTAssertEqual(response.text, v1)
            }
        }
    }

    func testDefinitionsAndOptionsComeFromTheQueryString() async throws {
        let question = try XCTUnwrap(QueryRegistry.named("user_for_genre"))
        let minutes = Definitions(reviewYear: .release, timeUnit: .minutes)
        let expected = try expectedJSON(question, ["Action"], minutes)
        XCTAssertNotEqual(expected, try expectedJSON(question, ["Action"]))
        try await ServerFixture.test { client in
            try await client.execute(uri: "/v1/steam/user_for_genre/Action?review_year=release&unit=minutes", method: .get) { response in
                XCTAssertEqual(response.text, expected)
                XCTAssertEqual(response.headers[HTTPField.Name("SteamLens-Definitions")!], "review_year=release; unit=minutes; join=item_id")
            }
        }
        let recommend = try XCTUnwrap(QueryRegistry.named("recommend_user"))
        let popular = try expectedJSON(recommend, ["alice"], .standard, QueryOptions(model: "popularity"))
        try await ServerFixture.test { client in
            try await client.execute(uri: "/recomendacion_usuario/alice?model=popularity", method: .get) { response in
                XCTAssertEqual(response.text, popular)
            }
        }
    }

    func testListsArePagedAndCountedLikeTheCLI() async throws {
        let page = try engine.list(.developers, sort: .name, descending: nil, offset: 1, limit: 1)
        let expected = try ResultPrinter.render(page, format: .json, toTerminal: false)
        let engine = self.engine
        try await ServerFixture.test { client in
            try await client.execute(uri: "/v1/steam/developers?sort=name&offset=1&limit=1", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertEqual(response.text, expected)
                XCTAssertEqual(response.headers[HTTPField.Name("X-Total-Count")!], String(page.total))
            }
            let games = try engine.list(.games, of: "developer:Valve", limit: 100)
            try await client.execute(uri: "/v1/steam/games?scope=developer:Valve", method: .get) { response in
                XCTAssertEqual(response.text, try ResultPrinter.render(games, format: .json, toTerminal: false))
            }
            let reviews = try engine.list(.reviews, of: "10", limit: 100)
            try await client.execute(uri: "/v1/steam/reviews/10", method: .get) { response in
                XCTAssertEqual(response.text, try ResultPrinter.render(reviews, format: .json, toTerminal: false))
            }
            for kind in ListPage.Kind.allCases where kind != .reviews {
                try await client.execute(uri: "/v1/steam/\(kind.rawValue)?ascending=true", method: .get) { response in
                    XCTAssertEqual(response.status, .ok, kind.rawValue)
                }
            }
        }
    }

    func testCSVIsTheCLIsCSV() async throws {
        let question = try XCTUnwrap(QueryRegistry.named("developer"))
        let expected = try question(engine, ["Valve"], .standard).table.csv()
        try await ServerFixture.test { client in
            try await client.execute(uri: "/v1/steam/developer/Valve?format=csv", method: .get) { response in
                XCTAssertEqual(response.text, expected)
                XCTAssertEqual(response.headers[.contentType], "text/csv; charset=utf-8")
            }
        }
    }

    func testHeadAnswersHeadersWithoutABody() async throws {
        try await ServerFixture.test { client in
            let full = try await client.execute(uri: "/v1/steam/developer/Valve", method: .get)
            try await client.execute(uri: "/v1/steam/developer/Valve", method: .head) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertEqual(response.body.readableBytes, 0)
                XCTAssertEqual(response.headers[.contentLength], String(full.body.readableBytes))
            }
        }
    }

    func testRepeatedRequestsGetTheSameAnswer() async throws {
        try await ServerFixture.test { client in
            let first = try await client.execute(uri: "/v1/steam/developer/Valve", method: .get)
            let second = try await client.execute(uri: "/developer/Valve", method: .get)
            XCTAssertEqual(first.text, second.text)
            XCTAssertEqual(first.headers[HTTPField.Name("SteamLens-Definitions")!], second.headers[HTTPField.Name("SteamLens-Definitions")!])
        }
    }
}
