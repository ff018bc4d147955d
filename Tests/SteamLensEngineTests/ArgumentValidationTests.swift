import XCTest
import SteamLensData
@testable import SteamLensEngine
import SteamLensTestSupport

/// Every query argument is checked before the query runs, with a message
/// naming the argument (docs/cli.md, "Arguments").
final class ArgumentValidationTests: XCTestCase {
    private var engine: Engine!

    override func setUpWithError() throws {
        let dataset = DatasetLoader.load(try DataDirectory(folder: try Fixture.folder()))
        let contents = StoreContents(dataset: dataset, sentiment: QueryTests.sentiment, fingerprint: SourceFingerprint(value: "test"))
        engine = Engine(catalog: CatalogBuilder.build(contents))
    }

    private func badArgumentMessage(_ body: () throws -> Any, file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            _ = try body()
            XCTFail("expected a bad-argument error", file: file, line: line)
        } catch QueryError.badArgument(let message) {
            return message
        } catch {
            XCTFail("expected a bad-argument error, got \(error)", file: file, line: line)
        }
        return ""
    }

    func testEmptyOrBlankNamesAreAnEmptyArgumentErrorNotAnUnknownName() {
        let cases: [(String, [String], String)] = [
            ("developer", [""], "<developer> is empty"), ("userdata", ["  "], "<user_id> is empty"),
            ("user_for_genre", ["\t"], "<genre> is empty"), ("recommend_game", [""], "<item_id or title> is empty"),
            ("recommend_user", [""], "<user_id> is empty"), ("best_developer_year", [""], "<year> is empty"),
            ("count_reviews", ["", "2015"], "<from> is empty"),
        ]
        for (name, arguments, expected) in cases {
            let query = QueryRegistry.named(name)!
            let message = badArgumentMessage { try query.validate(arguments) }
            XCTAssertTrue(message.hasPrefix(name + ": " + expected), "\(name): \(message)")
            // The engine API refuses them too, whoever calls it.
            XCTAssertThrowsError(try query(engine, arguments, .standard)) { error in
                guard case QueryError.badArgument = error else { return XCTFail("\(name): \(error)") }
            }
        }
        XCTAssertTrue(badArgumentMessage { try engine.developer("") }.contains("<developer> is empty"))
        XCTAssertTrue(badArgumentMessage { try engine.list(.reviews, of: "") }.hasPrefix("reviews: <item_id or title> is empty"))
        XCTAssertTrue(badArgumentMessage { try engine.list(.games, of: " ") }.hasPrefix("games: the scope is empty"))
        XCTAssertTrue(badArgumentMessage { try engine.list(.games, of: "developer:") }.contains("<developer> is empty"))
    }

    func testImpossibleDatesNameTheArgumentAndAreNeverRolledOver() {
        XCTAssertEqual(badArgumentMessage { try engine.countReviews(from: "2014-02-31", to: "2015") },
                       #"<from> "2014-02-31" is not a date: February 2014 has 28 days."#)
        XCTAssertEqual(badArgumentMessage { try engine.countReviews(from: "2011", to: "2015-04-31") },
                       #"<to> "2015-04-31" is not a date: April 2015 has 30 days."#)
        XCTAssertEqual(badArgumentMessage { try engine.countReviews(from: "2015-13", to: "2016") },
                       #"<from> "2015-13" is not a date: there is no month 13."#)
        for malformed in ["2014--02", "14-02-01", "2014-02-01-03", "+2014", "2014-2x", "二〇一四"] {
            XCTAssertTrue(badArgumentMessage { try QueryArguments.day(malformed, argument: "from", roundUp: false) }.contains("is not a date"), malformed)
        }
        // Leap years follow the Gregorian rule.
        XCTAssertEqual(try QueryArguments.day("2016-02-29", argument: "from", roundUp: false), 20160229)
        XCTAssertThrowsError(try QueryArguments.day("1900-02-29", argument: "from", roundUp: false))
        XCTAssertEqual(try QueryArguments.day("2000-02-29", argument: "from", roundUp: false), 20000229)
        // A missing day rounds to the month's real last day at the end of a range.
        XCTAssertEqual(try QueryArguments.day("2015-02", argument: "to", roundUp: true), 20150228)
        XCTAssertEqual(try QueryArguments.day("2015", argument: "to", roundUp: true), 20151231)
    }

    func testARangeWhoseStartIsAfterItsEndIsAnErrorNotASwap() {
        XCTAssertEqual(badArgumentMessage { try engine.countReviews(from: "2015-01-01", to: "2011-01-01") },
                       "the range is empty: <from> 2015-01-01 comes after <to> 2011-01-01; give the earlier date first.")
        // The registry checks it before running, as it does each date.
        XCTAssertTrue(badArgumentMessage { try QueryRegistry.named("count_reviews")!.validate(["2015", "2014"]) }
            .hasPrefix("count_reviews: the range is empty"))
        XCTAssertNoThrow(try QueryRegistry.named("count_reviews")!.validate(["2015-03-01", "2015-03"]))
    }

    func testYearsOutOfRangeOrMalformedAreRejected() {
        XCTAssertEqual(badArgumentMessage { try engine.sentimentByYear("3000") }, "<year> 3000 is out of range (1900–2100).")
        XCTAssertEqual(badArgumentMessage { try engine.usersRecommend("1899") }, "<year> 1899 is out of range (1900–2100).")
        for malformed in ["20x9", "-2015", "2015.0", "99999999999999999999999"] {
            XCTAssertTrue(badArgumentMessage { try engine.bestDeveloperYear(malformed) }.contains("is not a year"), malformed)
        }
        XCTAssertNil(try QueryArguments.year(" Unknown "))
        XCTAssertEqual(try QueryArguments.year(" 2015 "), 2015)
        XCTAssertTrue(badArgumentMessage { try engine.list(.games, of: "year:3000") }.hasPrefix("games: <year> 3000 is out of range"))
    }

    func testGameArgumentsThatLookLikeIdsMustBeValidIds() {
        for id in ["0", "-5", "99999999999", "+0"] {
            XCTAssertTrue(badArgumentMessage { try engine.recommendGame(id) }.contains("is not an app id"), id)
        }
        XCTAssertEqual(try QueryArguments.game(" 570 "), "570")
        XCTAssertEqual(try QueryArguments.game("Half-Life 2"), "Half-Life 2")
    }

    func testEveryRegisteredQueryChecksItsArgumentCountBeforeRunning() {
        for query in QueryRegistry.all {
            for count in [0, query.parameters.count + 1] where count != query.parameters.count {
                let message = badArgumentMessage { try query.validate(Array(repeating: "2015", count: count)) }
                XCTAssertTrue(message.hasPrefix("\(query.name) takes \(query.parameters.count) argument"), message)
                XCTAssertTrue(message.hasSuffix(query.usage), message)
            }
        }
    }

    func testEveryRegisteredQueryChecksTheKindOfEachArgument() {
        // One value of each kind that no other kind accepts… except names, which take any non-blank text.
        let invalid: [QueryArgument.Kind: String] = [.year: "soon", .date: "2014-02-31", .game: "-1"]
        for query in QueryRegistry.all {
            for (position, parameter) in query.parameters.enumerated() {
                guard let bad = invalid[parameter.kind] else {
                    XCTAssertTrue([.name, .user].contains(parameter.kind), query.name)
                    continue
                }
                var arguments = query.parameters.map { $0.kind == .date ? "2015" : "x" }
                arguments[position] = bad
                let message = badArgumentMessage { try query.validate(arguments) }
                XCTAssertTrue(message.hasPrefix("\(query.name): <\(parameter.name)>"), message)
            }
        }
    }

    func testListsRejectArgumentsTheyDoNotTake() {
        for kind in [ListPage.Kind.developers, .users, .genres, .years] {
            XCTAssertEqual(badArgumentMessage { try ListPage.validate(kind, scope: "Valve") }, "\(kind.rawValue) takes no argument.")
        }
        XCTAssertTrue(badArgumentMessage { try ListPage.validate(.games, scope: "studio:Valve") }.contains("unknown scope \"studio\""))
        XCTAssertTrue(badArgumentMessage { try ListPage.validate(.reviews, scope: nil) }.hasPrefix("reviews: which game?"))
        XCTAssertNoThrow(try ListPage.validate(.games, scope: nil))
        XCTAssertNoThrow(try ListPage.validate(.games, scope: "Year:unknown"))
    }

    func testPagingSaturatesInsteadOfOverflowing() throws {
        // offset + limit = 5 + (Int.max - 1) overflows Int; the engine must not trap.
        let page = try engine.list(.users, sort: .name, offset: 1, limit: Int.max - 1)
        XCTAssertEqual(page.entries.map(\.name), ["bob", "carol"])
        XCTAssertEqual(page.table.title, "Users (2–3 of 3)")
        XCTAssertEqual(try engine.list(.users, offset: Int.max, limit: Int.max).entries, [])
        XCTAssertEqual(try engine.list(.users, offset: 5, limit: Int.max - 1).table.title, "Users (none of 3)")
        // A page built by hand with absurd numbers still gets a title.
        var absurd = page
        absurd.offset = Int.max
        XCTAssertEqual(absurd.table.title, "Users (\(Int.max)–\(Int.max) of 3)")
    }
}
