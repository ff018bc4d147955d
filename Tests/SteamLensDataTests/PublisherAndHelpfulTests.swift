import XCTest
@testable import SteamLensData
import SteamLensTestSupport

/// The games' `publisher` and the reviews' `helpful` votes, read from every
/// shape the real files use and from junk, which is counted and never traps.
final class PublisherAndHelpfulTests: XCTestCase {
    func testEveryRealHelpfulShapeReadsAsItsCounts() {
        // The shapes of the real file (zcat … | grep -o "'helpful': '[^']*'" | sed 's/[0-9]\+/N/g' | sort | uniq -c).
        XCTAssertEqual(HelpfulVotes("2 of 3 people (67%) found this review helpful"), HelpfulVotes(found: 2, rated: 3))
        XCTAssertEqual(HelpfulVotes("0 of 1 people (0%) found this review helpful"), HelpfulVotes(found: 0, rated: 1))
        XCTAssertEqual(HelpfulVotes("973 of 1,099 people (89%) found this review helpful"), HelpfulVotes(found: 973, rated: 1_099))
        XCTAssertEqual(HelpfulVotes("1,594 of 1,739 people (92%) found this review helpful"), HelpfulVotes(found: 1_594, rated: 1_739))
        XCTAssertEqual(HelpfulVotes("No ratings yet"), HelpfulVotes(found: 0, rated: 0))
        // How the site words a count without a total.
        XCTAssertEqual(HelpfulVotes("1 person found this review helpful"), HelpfulVotes(found: 1, rated: nil))
        XCTAssertEqual(HelpfulVotes("12 people found this review helpful"), HelpfulVotes(found: 12, rated: nil))
        XCTAssertEqual(HelpfulVotes("  2 of 3 people  (67%) found this review helpful "), HelpfulVotes(found: 2, rated: 3), "extra spaces")
    }

    func testJunkHelpfulTextsAreUnreadableNotGuessed() {
        for junk in ["", "lots", "No ratings", "5 of 3 people (166%) found this review helpful", "two of 3 people (67%) found this review helpful",
                     "2 of 3 people (67%) found this review funny", "2 of 3 people (67) found this review helpful",
                     "2 of people (67%) found this review helpful", ",2 of 3 people (67%) found this review helpful",
                     "1,,000 of 2,000 people (50%) found this review helpful", "1 person (100%) found this review helpful",
                     "99999999999 of 99999999999 people (100%) found this review helpful", "١ person found this review helpful",
                     "-1 people found this review helpful", "found this review helpful", "2 of 3 people (67%) (5%) found this review helpful"] {
            XCTAssertNil(HelpfulVotes(junk), junk)
        }
    }

    func testTheReviewsReaderCountsUnreadableHelpfulTextsAndKeepsTheReviews() throws {
        let path = Fixture.temporaryFolder() + "/reviews.json"
        let line = { (item: Int, helpful: String) in
            "{'item_id': '\(item)', 'posted': 'Posted March 1, 2015.', 'recommend': True, 'review': 'ok', 'funny': '', 'helpful': \(helpful)}"
        }
        let text = "{'user_id': 'u1', 'reviews': [" + [
            line(1, "'2 of 3 people (67%) found this review helpful'"),
            line(2, "'No ratings yet'"),
            line(3, "'1,203 of 1,500 people (80%) found this review helpful'"),
            line(4, "'lots'"),
            line(5, "7"),
            line(6, "None"),
        ].joined(separator: ", ") + "]}\n"
            + "{'user_id': 'u2', 'reviews': [{'item_id': '7', 'posted': 'Posted March 1, 2015.', 'recommend': False, 'review': 'no', 'funny': ''}]}\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let result = ReviewsFileReader(path: path, displayName: "reviews.json").read()
        XCTAssertEqual(result.rows.count, 7, "no review is dropped for its votes")
        XCTAssertEqual(result.rows.map { $0.helpfulVotes?.found }, [2, 0, 1_203, nil, nil, nil, nil])
        XCTAssertEqual(result.rows.map { $0.helpfulVotes?.rated }, [3, 0, 1_500, nil, nil, nil, nil])
        XCTAssertEqual(result.report.total(.helpfulUnreadable), 4, "'lots', a number, None and a missing field")
        XCTAssertEqual(result.report.total(.fieldWrongType), 1, "the number 7 where text belongs")
    }

    func testTheGamesReaderKeepsPublishersAndCountsTheMissingOnes() throws {
        let dataset = DatasetLoader.load(try DataDirectory(folder: try Fixture.folder()))
        XCTAssertEqual(dataset.games.map(\.publisher), ["Valve", "Valve", "Valve", nil, nil])
        let report = try XCTUnwrap(dataset.report.file(named: "steam_games.json"))
        XCTAssertEqual(report.total(.publisherMissing), 2, "Indie Gem and Puzzle Box; rows that are skipped are not counted")
        XCTAssertEqual(report.total(.developerMissing), 0)
    }

    func testPublisherJunkIsTrimmedDecodedOrMissingNeverATrap() throws {
        let folder = Fixture.temporaryFolder()
        let games = [
            #"{"id": "1", "title": "A", "publisher": "  Devolver Digital  ", "developer": "X"}"#,
            #"{"id": "2", "title": "B", "publisher": "Tom &amp; Jerry", "developer": "X"}"#,
            #"{"id": "3", "title": "C", "publisher": "   ", "developer": "X"}"#,
            #"{"id": "4", "title": "D", "publisher": 42, "developer": "X"}"#,
            #"{"id": "5", "title": "E", "developer": "X"}"#,
            #"{"id": "6", "title": "F", "publisher": ["Valve"], "developer": "X"}"#,
        ].joined(separator: "\n")
        try Data(games.utf8).write(to: URL(fileURLWithPath: folder + "/games.json"))
        let (read, report) = GamesFileReader(path: folder + "/games.json", displayName: "games.json").read()
        XCTAssertEqual(read.map(\.publisher), ["Devolver Digital", "Tom & Jerry", nil, nil, nil, nil])
        XCTAssertEqual(report.total(.publisherMissing), 4)
        XCTAssertEqual(report.total(.fieldWrongType), 2, "a number and a list where text belongs")
    }

    func testBothNewRulesAreNamedInTheDefinitions() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let docs = try String(contentsOf: root.appendingPathComponent("docs/definitions.md"), encoding: .utf8)
        for rule in [CleaningRule.publisherMissing, .helpfulUnreadable] {
            XCTAssertTrue(docs.contains("| `\(rule.rawValue)` |"), "\(rule.rawValue) is not in docs/definitions.md")
        }
    }
}
