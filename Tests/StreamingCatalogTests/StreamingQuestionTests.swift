import SteamLensData
import SteamLensEngine
import XCTest
@testable import StreamingCatalog

/// Each question on the hand-made fixture (`StreamingFixture`), answers worked out by hand.
final class StreamingQuestionTests: XCTestCase {
    private var engine: StreamingEngine!

    override func setUpWithError() throws {
        engine = try StreamingFixture.engine()
    }

    private func ask(_ name: String, _ arguments: [String], _ definitions: StreamingDefinitions = .standard) throws -> StreamingResult {
        try XCTUnwrap(StreamingQueries.named(name))(engine, arguments, definitions)
    }

    private func json(_ result: StreamingResult, _ key: String) -> JSONValue? {
        guard case .object(let pairs) = result.json else { return nil }
        return pairs.first { $0.0 == key }?.1
    }

    func testTheRatingsFileCountsEachBadRow() throws {
        let report = try XCTUnwrap(engine.catalogue.report.file(named: "ratings.csv"))
        XCTAssertEqual(report.kept, 9)
        XCTAssertEqual(report.total(StreamingRules.ratingDuplicate), 1)
        XCTAssertEqual(report.total(StreamingRules.ratingUnknownTitle), 1)
        XCTAssertEqual(report.total(StreamingRules.ratingScoreInvalid), 2)
        XCTAssertEqual(report.total(StreamingRules.ratingWithoutUser), 1)
        XCTAssertEqual(report.total(StreamingRules.ratingTimestampInvalid), 1)
        let ratings = try XCTUnwrap(engine.catalogue.ratings)
        XCTAssertEqual(ratings.meanScore(ofTitle: engine.catalogue.index(ofId: "hs1")!), 2.5)
        XCTAssertEqual(ratings.score(viewer: 0, title: engine.catalogue.index(ofId: "ns1")!), 5, "the first of two ratings is kept")
    }

    func testWordCountMatchesWholeWordsByDefaultAndSubstringsWhenAsked() throws {
        XCTAssertEqual(json(try ask("word_count", ["netflix", "love"]), "count"), .integer(2))
        XCTAssertEqual(json(try ask("word_count", ["netflix", "love"], StreamingDefinitions(wordMatch: .substring)), "count"), .integer(4))
        XCTAssertEqual(json(try ask("word_count", ["Netflix", "Love Boat"]), "count"), .integer(1))
        XCTAssertEqual(json(try ask("word_count", ["hulu", "LOVE"]), "count"), .integer(1))
        XCTAssertEqual(json(try ask("word_count", ["amazon", "love"]), "count"), .integer(1), "'Love Actually Love' counts once")
    }

    func testScoreCountIsStrictlyAboveTheScoreAmongTheYearsMovies() throws {
        let result = try ask("score_count", ["netflix", "4", "2020"])
        XCTAssertEqual(json(result, "count"), .integer(2))
        XCTAssertEqual(result.table.rows.map { $0[1] }, [.text("ns5"), .text("ns1")], "4.5 each, by title")
        XCTAssertEqual(json(try ask("score_count", ["netflix", "3.5", "2020"]), "count"), .integer(2), "3.5 is not above 3.5")
        XCTAssertEqual(json(try ask("score_count", ["netflix", "3", "2020"]), "count"), .integer(3))
        XCTAssertEqual(json(try ask("score_count", ["netflix", "4", "2020"], StreamingDefinitions(titleYear: .added)), "count"), .integer(1),
                       "only ns4 was added in 2020")
    }

    func testSecondScoreBreaksTiesByTitle() throws {
        let result = try ask("second_score", ["netflix"])
        XCTAssertEqual(json(result, "id"), .string("ns5"))
        XCTAssertEqual(result.table.rows.map { $0[2] }, [.text("ns4"), .text("ns5"), .text("ns1")])
        XCTAssertThrowsError(try ask("second_score", ["hulu"])) { error in
            XCTAssertEqual(error as? QueryError, .noResult("Hulu has 1 scored movie; a second best needs two."))
        }
    }

    func testLongestFindsMoviesInMinutesAndShowsInSeasons() throws {
        XCTAssertEqual(json(try ask("longest", ["netflix", "min", "2020"]), "id"), .string("ns3"))
        XCTAssertEqual(json(try ask("longest", ["netflix", "min", "2020"]), "duration"), .integer(120))
        XCTAssertEqual(json(try ask("longest", ["netflix", "seasons", "2020"]), "id"), .string("ns2"))
        XCTAssertEqual(json(try ask("longest", ["hulu", "Season", "2018"]), "id"), .string("hs3"), "duration moved from rating")
        XCTAssertThrowsError(try ask("longest", ["netflix", "min", "2019"]), "ns4 has no duration") { error in
            guard case .noResult = error as? QueryError else { return XCTFail("\(error)") }
        }
    }

    func testRatingCountPerPlatformWithTheMissingRatingDefinition() throws {
        let pg13 = try ask("rating_count", ["pg-13"])
        XCTAssertEqual(json(pg13, "total"), .integer(2))
        XCTAssertEqual(pg13.table.rows.map { $0[1] }, [.integer(0), .integer(0), .integer(1), .integer(1), .integer(2)])
        XCTAssertEqual(json(try ask("rating_count", ["unknown"]), "total"), .integer(4))
        XCTAssertEqual(json(try ask("rating_count", ["G"], StreamingDefinitions(missingRating: .g)), "total"), .integer(4))
        XCTAssertThrowsError(try ask("rating_count", ["G"])) { error in
            guard case .unknownName(_, _, let suggestions) = error as? QueryError else { return XCTFail("\(error)") }
            XCTAssertFalse(suggestions.isEmpty)
        }
        XCTAssertThrowsError(try ask("rating_count", ["PG13"])) { error in
            guard case .unknownName(_, _, let suggestions) = error as? QueryError else { return XCTFail("\(error)") }
            XCTAssertTrue(suggestions.contains("PG-13"), "\(suggestions)")
        }
    }

    func testCountPlatformSplitsMoviesAndShows() throws {
        let netflix = try ask("count_platform", ["netflix"])
        XCTAssertEqual([json(netflix, "movies"), json(netflix, "shows"), json(netflix, "total")], [.integer(4), .integer(1), .integer(5)])
        let hulu = try ask("count_platform", ["Hulu"])
        XCTAssertEqual([json(hulu, "movies"), json(hulu, "shows")], [.integer(1), .integer(2)])
    }

    func testActorCountsCastAcrossTheYearsTitlesAndListsTies() throws {
        let result = try ask("actor", ["netflix", "2020"])
        XCTAssertEqual(json(result, "actor"), .string("Meg Ryan"))
        XCTAssertEqual(json(result, "count"), .integer(2))
        XCTAssertEqual(json(result, "ties"), .array([.string("Tom Hanks")]))
        XCTAssertEqual(json(try ask("actor", ["netflix", "2019"]), "actor"), .string("Ann Lee"))
        XCTAssertThrowsError(try ask("actor", ["hulu", "2020"])) { error in
            XCTAssertEqual(error as? QueryError, .noResult("Hulu's catalogue lists no cast for any title, so it has no most frequent actor."))
        }
    }

    func testProductionsPerCountryCountEachPlatformAndSuggestCountries() throws {
        let result = try ask("prod_per_country", ["movie", "united states", "2020"])
        XCTAssertEqual(json(result, "total"), .integer(2))
        XCTAssertEqual(result.table.rows.map { $0[1] }, [.integer(0), .integer(0), .integer(1), .integer(1), .integer(2)])
        XCTAssertEqual(json(try ask("prod_per_country", ["TV Show", "India", "2020"]), "total"), .integer(0))
        XCTAssertThrowsError(try ask("prod_per_country", ["movie", "Untied States", "2020"])) { error in
            XCTAssertEqual(error as? QueryError, .unknownName(kind: "country", name: "Untied States", suggestions: ["United States"]))
        }
    }

    func testArgumentsAreCheckedBeforeTheData() throws {
        let wordCount = try XCTUnwrap(StreamingQueries.named("Word-Count"))
        XCTAssertThrowsError(try wordCount.validate(["netflx", "love"])) { error in
            XCTAssertEqual(error as? QueryError, .badArgument("word_count: <platform> \"netflx\" is not a platform: give amazon, disney, hulu or netflix."))
        }
        XCTAssertThrowsError(try StreamingQueries.named("score_count")!.validate(["netflix", "six", "2020"]))
        XCTAssertThrowsError(try StreamingQueries.named("longest")!.validate(["netflix", "hours", "2020"]))
        XCTAssertThrowsError(try StreamingQueries.named("prod_per_country")!.validate(["book", "India", "2020"]))
        XCTAssertThrowsError(try StreamingQueries.named("actor")!.validate(["netflix"]))
        XCTAssertEqual(StreamingQueries.suggestions(for: "wordcount").first, "word_count")
        XCTAssertThrowsError(try engine.platform("netflx")) { error in
            guard case .unknownName(_, _, let suggestions) = error as? QueryError else { return XCTFail("\(error)") }
            XCTAssertEqual(suggestions.first, "netflix")
        }
    }

    func testScoreQuestionsWithoutRatingsSayHowToMakeThem() throws {
        let bare = try StreamingFixture.engine(ratings: String?.none)
        XCTAssertThrowsError(try StreamingQueries.named("second_score")!(bare, ["netflix"])) { error in
            XCTAssertTrue("\(error)".contains("steamlens sample-streaming --ratings-for"), "\(error)")
        }
        XCTAssertNoThrow(try StreamingQueries.named("count_platform")!(bare, ["netflix"]))
    }

    func testListsSortByCountThenNameAndPage() throws {
        let genres = try engine.list(.genres, limit: 4, definitions: .standard)
        XCTAssertEqual(genres.table.rows.map { $0[0] }, [.text("Comedy"), .text("Drama"), .text("Dramas"), .text("Action")])
        XCTAssertEqual(genres.table.rows.map { $0[2] }, [.number(2, digits: 0), .number(0, digits: 0), .number(2, digits: 0), .number(0, digits: 0)])
        XCTAssertTrue(genres.table.title.hasSuffix("(1–4 of 12)"), genres.table.title)
        let viewers = try engine.list(.viewers, definitions: .standard)
        XCTAssertEqual(viewers.table.rows.map { $0[0] }, [.text("u1"), .text("u3"), .text("u2"), .text("u4")])
        let byName = try engine.list(.viewers, sort: .name, descending: true, offset: 1, limit: 2, definitions: .standard)
        XCTAssertEqual(byName.table.rows.map { $0[0] }, [.text("u3"), .text("u2")])
        let seen = try engine.list(.titles, scope: "viewer:u2", definitions: .standard)
        XCTAssertEqual(Set(seen.table.rows.map { $0[0].description }), ["The Love Boat (ns1)", "Lovely Day (ns3)"])
        let years = try engine.list(.years, sort: .name, definitions: .standard)
        XCTAssertEqual(years.table.rows.first, [.text("2003"), .integer(1), .number(0, digits: 0)])
        XCTAssertThrowsError(try engine.list(.titles, scope: "genre:Dramass", definitions: .standard))
        XCTAssertThrowsError(try engine.list(.genres, scope: "platform:netflix", definitions: .standard))
    }
}
