import Foundation
import XCTest
@testable import SteamLensSample

/// The real-data quirks a loader must survive are all present in a 2,000-user sample.
final class QuirkTests: XCTestCase {
    private var directory: URL { SampleFixtures.standard.directory }
    private var summary: SampleSummary { SampleFixtures.standard.summary }

    func testTheGamesFileOpensWithAllNaNRowsThenHoldsGames() throws {
        let games = try SampleFixtures.lines(of: "steam_games", in: directory)
        let nan = String(decoding: GameRecord.nanLine, as: UTF8.self)
        XCTAssertEqual(summary.nanRows, 2_000)
        XCTAssertTrue(games.prefix(summary.nanRows).allSatisfy { $0 == nan })
        XCTAssertNotEqual(games[summary.nanRows], nan)
        XCTAssertFalse(games.dropFirst(summary.nanRows).contains(nan))
    }

    func testGameRowsCarryStringPricesMissingValuesAndOddDates() throws {
        let games = try SampleFixtures.lines(of: "steam_games", in: directory).joined(separator: "\n")
        for needle in [
            #""price": "Free""#, #""price": "Free to Play""#, #""price": "Free To Play""#, #""price": NaN"#,
            #""price": 4.99"#, "Design &amp; Illustration", #""release_date": NaN"#, #""developer": NaN"#,
            #""title": NaN"#, #""genres": NaN"#, #""early_access": true"#, #""metascore": "#, #"\u"#,
        ] {
            XCTAssertTrue(games.contains(needle), "no \(needle) in the games file")
        }
        let dates = games.components(separatedBy: #""release_date": ""#).dropFirst().map { $0.prefix { $0 != "\"" } }
        let odd = dates.filter { $0.count != 10 || $0.dropFirst(4).first != "-" }
        XCTAssertGreaterThan(odd.count, 5, "non-ISO release dates such as \"Jun 2009\" or \"Soon..\"")
        XCTAssertLessThan(Double(odd.count) / Double(dates.count), 0.03)
    }

    func testOneGameIDAppearsTwiceAndTwoRowsHaveNoID() throws {
        let games = try SampleFixtures.lines(of: "steam_games", in: directory).filter { $0.hasPrefix("{\"publisher\"") && $0.hasSuffix("}") }
        let ids = games.compactMap { line -> String? in
            guard let range = line.range(of: #""id": ""#) else { return nil }
            return String(line[range.upperBound...].prefix { $0 != "\"" })
        }
        XCTAssertEqual(games.filter { $0.contains(#""id": NaN"#) }.count - summary.nanRows, 2)
        let sorted = ids.sorted()
        let repeated = zip(sorted, sorted.dropFirst()).filter { $0 == $1 }.map { $0.0 }
        XCTAssertEqual(repeated.count, 1, "exactly one duplicated game id")
        XCTAssertEqual(Set(ids).count, summary.games)
    }

    func testReviewsHaveYearlessDatesDuplicatesAndCensoredOrEmptyTexts() throws {
        let reviews = try SampleFixtures.lines(of: "australian_user_reviews", in: directory)
        let text = reviews.joined(separator: "\n")
        XCTAssertNotNil(text.range(of: #"'Posted [A-Z][a-z]+ \d{1,2}\.'"#, options: .regularExpression), "a posted date without a year")
        XCTAssertNotNil(text.range(of: #"'Posted [A-Z][a-z]+ \d{1,2}, 20\d\d\.'"#, options: .regularExpression))
        XCTAssertTrue(text.contains("♥♥♥"))
        XCTAssertTrue(text.contains("'recommend': False"))
        XCTAssertTrue(text.contains("'review': \""), "a text with a single quote is double-quoted, as Python prints it")
        XCTAssertTrue(text.contains("people found this review funny"))
        XCTAssertTrue(text.contains(" found this review helpful"))
        let sorted = reviews.filter { $0.hasPrefix("{'user_id'") }.sorted()
        XCTAssertEqual(zip(sorted, sorted.dropFirst()).filter { $0 == $1 }.count, summary.duplicateReviewLines)
        XCTAssertGreaterThan(summary.duplicateReviewLines, 0)
    }

    func testLibrariesHaveRepeatedRowsAbsentIDsAndBothKindsOfUserID() throws {
        let items = try SampleFixtures.lines(of: "australian_users_items", in: directory)
        XCTAssertGreaterThan(summary.duplicateItemRows, 0)
        XCTAssertGreaterThan(summary.absentItemRows, summary.itemRows / 10)
        XCTAssertLessThan(summary.absentItemRows, summary.itemRows / 3)
        XCTAssertTrue(items.contains { $0.contains("'item_name': ''") }, "absent ids have an empty name")
        XCTAssertTrue(items.contains { $0.contains("'items_count': 0, ") && $0.hasSuffix("'items': []}") })
        let numeric = items.filter { $0.hasPrefix("{'user_id': '7656119") }.count
        let vanity = items.filter { $0.hasPrefix("{'user_id': '") && !$0.hasPrefix("{'user_id': '7656119") }.count
        XCTAssertEqual(Double(vanity) / Double(numeric + vanity), UserDraws.vanityShare, accuracy: 0.05)
        XCTAssertTrue(items.contains { $0.contains("'user_url': 'http://steamcommunity.com/id/") })
    }

    func testReviewersAndReviewsPerUserAreLikeTheRealFile() {
        // Real: 25,799 of 88,310 users review, 2.30 reviews each.
        XCTAssertEqual(Double(summary.reviewUsers) / Double(summary.users), 0.292, accuracy: 0.04)
        XCTAssertEqual(Double(summary.reviews) / Double(summary.reviewUsers), 2.30, accuracy: 0.25)
    }

    func testEveryLibraryItemNameIsTheGamesAppName() throws {
        let games = try SampleFixtures.lines(of: "steam_games", in: directory)
        var names: [String: String] = [:]
        for line in games {
            // JSONSerialization rejects bare NaN; the loader's job, not this test's.
            guard let data = line.replacingOccurrences(of: ": NaN", with: ": null").data(using: .utf8),
                  let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) as? [String: Any],
                  let id = object["id"] as? String, let name = object["app_name"] as? String else { continue }
            names[id] = name
        }
        XCTAssertEqual(names.count, summary.games)
        let items = try SampleFixtures.lines(of: "australian_users_items", in: directory)
        var checked = 0
        for line in items.prefix(200) where line.hasSuffix("]}") {
            // Names without quotes or backslashes can be read back with a plain split.
            for row in line.components(separatedBy: "{'item_id': '").dropFirst() {
                let id = String(row.prefix { $0 != "'" })
                guard let name = names[id], !name.contains("'"), name.unicodeScalars.allSatisfy({ $0.isASCII }) else { continue }
                XCTAssertTrue(row.contains("'item_name': '\(name)', "), "item \(id) is not named \(name)")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 1_000)
    }
}
