import XCTest
import SteamLensData
@testable import SteamLensEngine
import SteamLensTestSupport

/// Every answer below was worked out by hand from `Fixture` (see the comments).
final class QueryTests: XCTestCase {
    /// Reviews in load order: alice 10 (recommend), alice 30 (recommend, no year),
    /// alice 99 (not), bob 10 (not), bob 50 (recommend, empty text).
    static let sentiment: [UInt8] = [2, 2, 0, 0, 1]
    private var engine: Engine!

    override func setUpWithError() throws {
        let dataset = DatasetLoader.load(try DataDirectory(folder: try Fixture.folder()))
        let contents = StoreContents(dataset: dataset, sentiment: Self.sentiment, fingerprint: SourceFingerprint(value: "test"))
        engine = Engine(catalog: CatalogBuilder.build(contents))
    }

    func testDeveloperCountsItemsAndFreeShareByReleaseYear() throws {
        // Valve: 20 (1999, free), 10 (2000, 9.99), 30 (Nov 2004, 19.99).
        let valve = try engine.developer("valve")
        XCTAssertEqual(valve.rows, [
            .init(year: 1999, items: 1, freePercent: 100),
            .init(year: 2000, items: 1, freePercent: 0),
            .init(year: 2004, items: 1, freePercent: 0),
        ])
        // Café Studio: 50 (2015, price 0 → free), 40 (no year, no price → not free); unknown year last.
        let cafe = try engine.developer("  CAFE   studio ")
        XCTAssertEqual(cafe.developer, "Café Studio")
        XCTAssertEqual(cafe.rows, [.init(year: 2015, items: 1, freePercent: 100), .init(year: nil, items: 1, freePercent: 0)])
    }

    func testUserdataSumsKnownPricesOfDistinctItems() throws {
        // alice owns 10 (9.99), 30 (19.99) and 99 (unknown price); 2 of 3 reviews recommend.
        let alice = try engine.userdata("alice")
        XCTAssertEqual(alice.moneySpent, 29.98)
        XCTAssertEqual(alice.itemsCount, 3)
        XCTAssertEqual(alice.reviews, 3)
        XCTAssertEqual(alice.recommendPercent, 66.67)
        XCTAssertEqual(alice.unpricedItems, 1)
        // bob owns two free games; 1 of 2 reviews recommends.
        let bob = try engine.userdata("bob")
        XCTAssertEqual(bob.moneySpent, 0)
        XCTAssertEqual(bob.recommendPercent, 50)
        // carol wrote no review: the share is unknown, not 0.
        XCTAssertNil(try engine.userdata("carol").recommendPercent)
    }

    func testUserForGenreFindsTheTopPlayerAndSplitsByReleaseYear() throws {
        // Action = 10, 20, 30. Minutes: alice 900 + 120, bob 6000, carol 60 + 60 + 6000 = 6120.
        let result = try engine.userForGenre("action")
        XCTAssertEqual(result.userId, "carol")
        XCTAssertEqual(result.total, 102)
        XCTAssertEqual(result.hoursByYear, [YearAmount(year: 1999, hours: 1), YearAmount(year: 2000, hours: 1), YearAmount(year: 2004, hours: 100)])
        let minutes = try engine.userForGenre("action", definitions: Definitions(timeUnit: .minutes))
        XCTAssertEqual(minutes.total, 6120)
    }

    func testPlayTimeGenreAndGenreRank() throws {
        // Action by release year: 1999 → 6060, 2000 → 960, 2004 → 6120 minutes.
        let playTime = try engine.playTimeGenre("Action")
        XCTAssertEqual(playTime.year, 2004)
        XCTAssertEqual(playTime.hours, 102)
        // Totals: Action 13140, Adventure 6120, Indie 60, Design & Illustration 0.
        let rank = try engine.genreRank("indie")
        XCTAssertEqual(rank.rank, 3)
        XCTAssertEqual(rank.of, 4)
        XCTAssertEqual(rank.hours, 1)
        XCTAssertEqual(try engine.genreRank("design &amp; illustration").rank, 4)
    }

    func testYearQueriesUseRecommendAndSentiment() throws {
        // 2011: alice → 10 (recommend, positive), bob → 10 (not, negative).
        XCTAssertEqual(try engine.bestDeveloperYear("2011").rows, [RankedDeveloper(rank: 1, developer: "Valve", count: 1)])
        // 2015: alice → 99 (not, negative), bob → 50 (recommend, neutral).
        XCTAssertEqual(try engine.usersRecommend("2015").rows, [RankedGame(rank: 1, itemId: 50, title: "Puzzle Box", count: 1)])
        XCTAssertEqual(try engine.usersNotRecommend("2015").rows, [RankedGame(rank: 1, itemId: 99, title: "unknown game 99", count: 1)])
        let unknownYear = try engine.sentimentByYear("unknown")
        XCTAssertEqual([unknownYear.negative, unknownYear.neutral, unknownYear.positive], [0, 0, 1])
    }

    func testTheReleaseYearBasisMovesReviewsToTheGamesYear() throws {
        // Under the release basis, both reviews of 10 count in 2000.
        let result = try engine.sentimentByYear("2000", definitions: Definitions(reviewYear: .release))
        XCTAssertEqual([result.negative, result.neutral, result.positive], [1, 0, 1])
        XCTAssertThrowsError(try engine.sentimentByYear("2000"))
    }

    func testDeveloperReviewsAnalysisCountsSentiments() throws {
        // Valve's games 10 and 30: alice 2, bob 0, alice 2.
        let result = try engine.developerReviewsAnalysis("VALVE")
        XCTAssertEqual([result.negative, result.neutral, result.positive], [1, 0, 2])
    }

    func testCountReviewsBetweenDates() throws {
        let result = try engine.countReviews(from: "2011-01-01", to: "2011-12-31")
        XCTAssertEqual(result.users, 2)
        XCTAssertEqual(result.reviews, 2)
        XCTAssertEqual(result.recommendPercent, 50)
        XCTAssertEqual(result.undatedReviews, 1)
        XCTAssertEqual(try engine.countReviews(from: "2011", to: "2015").reviews, 4)
        XCTAssertThrowsError(try engine.countReviews(from: "2015-01-01", to: "2011-01-01"))
        XCTAssertThrowsError(try engine.countReviews(from: "yesterday", to: "2011-01-01"))
    }

    func testUnknownNamesSuggestTheClosest() {
        XCTAssertThrowsError(try engine.developer("Valv")) { error in
            XCTAssertEqual(error as? QueryError, .unknownName(kind: "developer", name: "Valv", suggestions: ["Valve"]))
            XCTAssertEqual("\(error)", #"No developer named "Valv". Did you mean: "Valve"?"#)
        }
        XCTAssertThrowsError(try engine.genreRank("Acton")) { error in
            guard case QueryError.unknownName(_, _, let suggestions) = error else { return XCTFail() }
            XCTAssertEqual(suggestions.first, "Action")
        }
        XCTAssertThrowsError(try engine.bestDeveloperYear("20x9")) { error in
            guard case QueryError.badArgument = error else { return XCTFail("\(error)") }
        }
    }

    func testResultsCarryTheirDefinitionsAndJSONShapes() throws {
        let definitions = Definitions(reviewYear: .release, timeUnit: .minutes, joinKey: .name)
        XCTAssertEqual(try engine.developer("Valve", definitions: definitions).definitions, definitions)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let rows = try engine.developer("Café Studio")
        let json = String(decoding: try encoder.encode(AnyEncodable(rows.jsonValue)), as: UTF8.self)
        XCTAssertEqual(json, #"[{"free_percent":100,"items":1,"year":2015},{"free_percent":0,"items":1,"year":null}]"#)
        let user = String(decoding: try encoder.encode(AnyEncodable(try engine.userdata("carol").jsonValue)), as: UTF8.self)
        XCTAssertEqual(user, #"{"items_count":3,"money_spent":29.98,"recommend_percent":null,"reviews":0,"user_id":"carol"}"#)
    }

    func testListsSortAndPage() throws {
        let developers = try engine.list(.developers)
        XCTAssertEqual(developers.entries.map(\.name), ["Valve", "Café Studio"])
        XCTAssertEqual(developers.entries.map(\.count), [3, 2])
        let byName = try engine.list(.users, sort: .name, offset: 1, limit: 1)
        XCTAssertEqual(byName.entries.map(\.name), ["bob"])
        XCTAssertEqual(byName.total, 3)
        XCTAssertEqual(try engine.list(.games, of: "developer:cafe studio", sort: .name).entries.map(\.name), ["Indie Gem", "Puzzle Box"])
        XCTAssertEqual(try engine.list(.reviews, of: "10").entries.count, 2)
        let years = try engine.list(.years, sort: .name)
        XCTAssertEqual(years.entries.map(\.name), ["1999", "2000", "2004", "2011", "2015", "unknown"], "release years and review years")
    }

    func testEveryRegisteredQueryRuns() throws {
        let arguments: [String: [String]] = [
            "developer": ["Valve"], "userdata": ["alice"], "user_for_genre": ["Action"], "best_developer_year": ["2011"],
            "developer_reviews_analysis": ["Valve"], "play_time_genre": ["Action"], "users_recommend": ["2015"],
            "users_not_recommend": ["2015"], "sentiment_by_year": ["2011"], "count_reviews": ["2011", "2015"], "genre_rank": ["Action"],
            "recommend_game": ["10"], "recommend_user": ["alice"],
        ]
        for query in QueryRegistry.all {
            let result = try query(engine, try XCTUnwrap(arguments[query.name], query.name), .standard)
            XCTAssertFalse(result.table.rows.isEmpty, query.name)
            XCTAssertFalse(result.table.csv().isEmpty, query.name)
        }
        XCTAssertThrowsError(try QueryRegistry.named("developer")!(engine, [], .standard))
    }
}

/// Wraps an existential so JSONEncoder can encode it.
struct AnyEncodable: Encodable {
    let value: any Encodable
    init(_ value: any Encodable) { self.value = value }
    func encode(to encoder: Encoder) throws { try value.encode(to: encoder) }
}
