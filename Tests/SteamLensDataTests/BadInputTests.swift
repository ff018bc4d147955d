import XCTest
@testable import SteamLensData
import SteamLensTestSupport

/// Lines and files that are wrong in some way: each is skipped or repaired,
/// counted under a named rule, and never traps the loader.
final class BadInputTests: XCTestCase {
    private func load(libraries: String? = nil, reviews: String? = nil, games: String? = nil) throws -> Dataset {
        let folder = try Fixture.folder()
        if let libraries { try libraries.write(toFile: folder + "/australian_users_items.json", atomically: true, encoding: .utf8) }
        if let reviews { try reviews.write(toFile: folder + "/australian_user_reviews.json", atomically: true, encoding: .utf8) }
        if let games { try games.write(toFile: folder + "/steam_games.json", atomically: true, encoding: .utf8) }
        return DatasetLoader.load(try DataDirectory(folder: folder))
    }

    private func item(_ id: String, _ minutes: String = "60") -> String {
        "{'item_id': '\(id)', 'item_name': 'x', 'playtime_forever': \(minutes), 'playtime_2weeks': 0}"
    }

    func testLibraryLinesOfTheWrongShapeAreSkippedAndLaterLinesOfTheSameUserStillMerge() throws {
        let dataset = try load(libraries: """
            {'user_id': 'alice', 'items_count': 1, 'items': {'item_id': '10'}}
            {'user_id': 'bob', 'items_count': 1, 'items': 'none'}
            {'user_id': 'carol', 'items_count': 1, 'items': [\(item("10"))]}
            {'user_id': 'alice', 'items_count': 2, 'items': [\(item("10")), 7, [1], \(item("20"))]}
            {'user_id': 'carol', 'items_count': 1, 'items': [\(item("10", "90"))]}
            {'user_id': 'bob', 'items': [\(item("30"))]}
            {1: 'a'}
            ['a list']
            """)
        let report = try XCTUnwrap(dataset.report.file(named: "australian_users_items.json"))
        XCTAssertEqual(report.total(.wrongShape), 5, "two lines whose items are not a list, two items that are not objects, one line that is a list")
        XCTAssertEqual(report.total(.malformedLine), 1, "a key that is not quoted")
        XCTAssertEqual(report.total(.duplicateLibraryItem), 1, "carol's second line repeats item 10")
        XCTAssertEqual(dataset.library.count, 4)
        let carol = try XCTUnwrap(dataset.users.firstIndex { $0.id == "carol" })
        let carolsRows = (0..<dataset.library.count).filter { dataset.library.user[$0] == Int32(carol) }
        XCTAssertEqual(carolsRows.map { dataset.library.minutes[$0] }, [90], "the larger playtime of the merged rows")
    }

    func testReviewLinesOfTheWrongShapeAreSkipped() throws {
        let good = "{'funny': '', 'posted': 'Posted May 1, 2014.', 'last_edited': '', 'item_id': '10', 'helpful': '', 'recommend': True, 'review': 'fine'}"
        let dataset = try load(reviews: """
            {'user_id': 'dora', 'reviews': {'item_id': '10'}}
            {'user_id': 'erin', 'reviews': [12, 'text', \(good)]}
            {'user_id': 'dora', 'reviews': [\(good)]}
            {'user_id': ['x'], 'reviews': [\(good)]}
            """)
        let report = try XCTUnwrap(dataset.report.file(named: "australian_user_reviews.json"))
        XCTAssertEqual(report.total(.wrongShape), 3)
        XCTAssertEqual(report.total(.userWithoutId), 1)
        XCTAssertEqual(dataset.reviews.count, 2)
        XCTAssertEqual(report.total(.repeatedUserLine), 0, "dora's bad first line did not register her")
    }

    func testPostedYearsThatDoNotFitTheColumnAreUnknownAndCounted() throws {
        let dataset = try load(reviews: """
            {'user_id': 'dora', 'reviews': [{'posted': 'Posted November 5, 99999.', 'item_id': '10', 'recommend': True, 'review': 'ok'}]}
            """)
        XCTAssertEqual(dataset.reviews.count, 1)
        XCTAssertNil(dataset.reviews[0].postedYear)
        XCTAssertEqual(dataset.reviews[0].postedMonth, 11)
        let report = try XCTUnwrap(dataset.report.file(named: "australian_user_reviews.json"))
        XCTAssertEqual(report.rules.first { $0.rule == .postedYearOutOfRange }?.samples, ["australian_user_reviews.json:1: year 99999"])
    }

    func testPlaytimesThatAreNotWholeMinutesBecomeZeroAndAreCounted() throws {
        let dataset = try load(libraries: """
            {'user_id': 'alice', 'items': [\(item("10", "'abc'")), \(item("20", "-3")), \(item("30", "[5]")), \(item("40", "99999999999")), \(item("50", "'45'")), \(item("60", "7.0"))]}
            {'user_id': 'bob', 'items': [{'item_id': '10'}]}
            """)
        let report = try XCTUnwrap(dataset.report.file(named: "australian_users_items.json"))
        XCTAssertEqual(report.total(.playtimeInvalid), 6, "four bad playtime_forever values, bob's two missing fields")
        let samples = try XCTUnwrap(report.rules.first { $0.rule == .playtimeInvalid }?.samples)
        XCTAssertEqual(samples[0], "australian_users_items.json:1: item 10: 'playtime_forever' is 'abc'")
        XCTAssertEqual(Array(dataset.library.minutes), [0, 0, 0, 0, 45, 7, 0])
    }

    func testRecommendIsReadOnlyFromABoolOrAnUnambiguousSpelling() throws {
        func review(_ item: Int, _ recommend: String) -> String {
            "{'posted': 'Posted May 1, 2014.', 'item_id': '\(item)', 'recommend': \(recommend), 'review': 'ok'}"
        }
        let dataset = try load(reviews: """
            {'user_id': 'dora', 'reviews': [\(review(10, "True")), \(review(20, "'false'")), \(review(30, "1")), \(review(40, "'yes'")), \(review(50, "2")), \(review(60, "None"))]}
            """)
        XCTAssertEqual(dataset.reviews.map(\.itemId), [10, 20, 30])
        XCTAssertEqual(dataset.reviews.map(\.recommend), [true, false, true])
        let report = try XCTUnwrap(dataset.report.file(named: "australian_user_reviews.json"))
        XCTAssertEqual(report.total(.recommendNotBool), 2)
        XCTAssertEqual(report.total(.recommendUnreadable), 3)
        XCTAssertEqual(report.rules.first { $0.rule == .recommendUnreadable }?.samples.first,
                       "australian_user_reviews.json:1: review 4: 'yes'")
    }

    func testFieldsOfTheWrongKindAreMissingAndCountedNotSilentlyEmpty() throws {
        let dataset = try load(reviews: """
            {'user_id': 'dora', 'user_url': 5, 'reviews': [{'posted': 2014, 'item_id': '10', 'recommend': True, 'review': ['words'], 'helpful': None}]}
            """, games: """
            {"id": "10", "title": 42, "app_name": "Named", "developer": ["A"], "genres": "Action", "tags": ["FPS", 3], "early_access": "no", "price": 1.0, "release_date": "2014-02-31"}
            """)
        let reviews = try XCTUnwrap(dataset.report.file(named: "australian_user_reviews.json"))
        XCTAssertEqual(reviews.total(.fieldWrongType), 3, "user_url, posted and review; a None helpful is just missing")
        XCTAssertEqual(dataset.reviews.first?.text, "")
        let games = try XCTUnwrap(dataset.report.file(named: "steam_games.json"))
        XCTAssertEqual(games.total(.fieldWrongType), 5, "title, developer, genres, tags (a number inside), early_access")
        XCTAssertEqual(games.total(.releaseDateImpossible), 1)
        let game = try XCTUnwrap(dataset.games.first)
        XCTAssertEqual(game.title, "Named")
        XCTAssertNil(game.developer)
        XCTAssertEqual(game.tags, ["FPS"])
        XCTAssertEqual(game.releaseYear, 2014)
    }

    func testPricesAndYearsOutOfRangeAreUnknownAndCounted() throws {
        let dataset = try load(games: """
            {"id": "10", "title": "A", "price": -4.0, "release_date": "9999-01-01", "developer": "D"}
            {"id": "20", "title": "B", "price": 1e300, "release_date": "2010-01-01", "developer": "D"}
            {"id": "30", "title": "C", "price": "nan", "release_date": "2010-01-01", "developer": "D"}
            {"id": "99999999999", "title": "D"}
            """)
        let report = try XCTUnwrap(dataset.report.file(named: "steam_games.json"))
        XCTAssertEqual(report.total(.priceOutOfRange), 3)
        XCTAssertEqual(report.total(.releaseYearOutOfRange), 1)
        XCTAssertEqual(report.total(.gameIdNotNumeric), 1, "an id beyond 32 bits")
        XCTAssertEqual(dataset.games.map(\.price), [nil, nil, nil])
        XCTAssertEqual(dataset.games.map(\.isFree), [false, false, false])
        XCTAssertNil(dataset.games[0].releaseYear)
    }

    func testAGzNameWithoutGzipBytesIsAProblemNamingTheFile() throws {
        let folder = try Fixture.folder()
        var bytes = Gzip.compress(Array(Fixture.libraries.utf8))
        bytes[0] = 0x00
        try FileManager.default.removeItem(atPath: folder + "/australian_users_items.json")
        let path = folder + "/australian_users_items.json.gz"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let dataset = DatasetLoader.load(try DataDirectory(folder: folder))
        let report = try XCTUnwrap(dataset.report.file(named: "australian_users_items.json.gz"))
        XCTAssertEqual(report.problem, ReadProblem.notGzip(path: path).description)
        XCTAssertTrue(report.problem?.contains(path) ?? false)
        XCTAssertEqual(report.total(.malformedLine), 0, "the garbage is not read as text")
        XCTAssertTrue(dataset.report.hasProblems)
        XCTAssertEqual(dataset.library.count, 0)
    }

    func testAnEmptyFileIsNotedInTheReport() throws {
        let dataset = try load(reviews: "")
        let report = try XCTUnwrap(dataset.report.file(named: "australian_user_reviews.json"))
        XCTAssertEqual(report.total(.emptyFile), 1)
        XCTAssertNil(report.problem)
        XCTAssertEqual(dataset.reviews.count, 0)
        XCTAssertEqual(dataset.report.file(named: "steam_games.json")?.total(.emptyFile), 0)
    }

    func testAnOversizedLineIsSkippedAndTheLimitIsNamed() throws {
        let folder = try Fixture.folder()
        var report = LoadReport.FileReport(file: "big.json", unit: "rows")
        var reader = LineReader(path: folder + "/steam_games.json")
        reader.maximumLineLength = 100
        var kept = 0
        report.read(path: reader.path, reader: reader) { _, _, _ in kept += 1 }
        let oversized = try XCTUnwrap(report.rules.first { $0.rule == .oversizedLine })
        XCTAssertEqual(oversized.count, 8, "every line of the fixture but the last, broken one is longer than 100 bytes")
        XCTAssertEqual(oversized.samples.first, "big.json:1: longer than the 100 bytes line limit")
        XCTAssertEqual(kept, 1)
        XCTAssertEqual(LineReader.defaultMaximumLineLength, 16 << 20)
        XCTAssertTrue(CleaningRule.oversizedLine.summary.contains("16 MiB"))
    }

    func testLinesSplicedFromRandomFragmentsNeverTrapTheLoader() throws {
        // Random mixes of real syntax reach deeper into the readers than random bytes:
        // lists where objects belong, huge numbers, repeated users, bad years.
        let fragments = ["{", "}", "[", "]", ", ", ": ", "'user_id'", "'items'", "'reviews'", "'item_id'", "'playtime_forever'",
                         "'recommend'", "'posted'", "'Posted May 5, 99999.'", "'alice'", "'10'", "99999999999999999999", "-3",
                         "1e400", "True", "None", "NaN", "'abc'", "\"id\"", "\"price\"", "\"release_date\"", "\"2014-02-31\"", "\\x"]
        var rng = SplitMix64(seed: 11)
        func line() -> String {
            (0..<Int(rng.next() % 30)).map { _ in fragments[Int(rng.next() % UInt64(fragments.count))] }.joined()
        }
        let lines = (0..<600).map { _ in line() }
        let users = lines.map { "{'user_id': 'u\($0.count % 7)', 'items': [" + $0 + "], 'reviews': [" + $0 + "]}" }
        let dataset = try load(libraries: (users + lines).joined(separator: "\n"), reviews: (lines + users).joined(separator: "\n"),
                               games: lines.joined(separator: "\n"))
        for file in dataset.report.files {
            XCTAssertEqual(file.lines, file.file == "steam_games.json" ? 600 : 1200, file.file)
            XCTAssertNil(file.problem, file.file)
        }
    }
}
