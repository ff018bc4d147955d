import XCTest
@testable import SteamLensData

final class CleaningRuleTests: XCTestCase {
    func testPricesFollowTheFreeDefinition() {
        XCTAssertEqual(ParsedPrice(.double(4.99)).amount, 4.99)
        XCTAssertFalse(ParsedPrice(.double(4.99)).isFree)
        XCTAssertTrue(ParsedPrice(.double(0)).isFree)
        XCTAssertTrue(ParsedPrice(.string("Free To Play")).isFree)
        XCTAssertTrue(ParsedPrice(.string("Play for Free!")).isFree)
        XCTAssertEqual(ParsedPrice(.string("Free Demo")).amount, 0)
        XCTAssertEqual(ParsedPrice(.string("Starting at $1,449.00")), .startingAt(1449, label: "Starting at $1,449.00"))
        XCTAssertEqual(ParsedPrice(.string("Install Now")).amount, nil)
        XCTAssertFalse(ParsedPrice(.string("Install Now")).isFree)
        // A missing price is unknown, and explicitly not free.
        XCTAssertEqual(ParsedPrice(.nan), .missing)
        XCTAssertFalse(ParsedPrice(nil).isFree)
        XCTAssertEqual(ParsedPrice(.nan).amount, nil)
    }

    func testReleaseDatesYieldAYearOnlyWhenTheyNameOne() {
        XCTAssertEqual(ReleaseDate("2018-01-04"), .iso(year: 2018, month: 1, day: 4))
        XCTAssertEqual(ReleaseDate("Jun 2009").year, 2009)
        XCTAssertEqual(ReleaseDate("Q2 2017").year, 2017)
        XCTAssertEqual(ReleaseDate("Winter 2016"), .approximate(year: 2016))
        XCTAssertEqual(ReleaseDate("2018"), .approximate(year: 2018))
        XCTAssertEqual(ReleaseDate("Soon.."), .noYear)
        XCTAssertEqual(ReleaseDate("Beta测试已开启"), .noYear)
        XCTAssertEqual(ReleaseDate("12345"), .noYear)
        XCTAssertEqual(ReleaseDate(nil), .missing)
        XCTAssertEqual(ReleaseDate("2018-13-45"), .approximate(year: 2018), "an impossible ISO date still names its year")
    }

    func testPostedDatesWithAndWithoutYear() {
        XCTAssertEqual(PostedDate("Posted November 5, 2011."), PostedDate(year: 2011, month: 11, day: 5))
        XCTAssertEqual(PostedDate("Posted June 3."), PostedDate(year: nil, month: 6, day: 3))
        XCTAssertEqual(PostedDate(""), PostedDate(year: nil, month: nil, day: nil))
    }

    func testHTMLEntitiesAreDecodedAndPlainTextIsUntouched() {
        XCTAssertEqual(HTMLEntities.decode("Design &amp; Illustration"), "Design & Illustration")
        XCTAssertEqual(HTMLEntities.decode("A &#38; B &#x26; C &lt;3"), "A & B & C <3")
        XCTAssertNil(HTMLEntities.decode("Action"))
        XCTAssertNil(HTMLEntities.decode("Rock & Roll"), "a bare ampersand is not an entity")
    }

    func testEveryRuleHasASummaryAndAnEffect() {
        for rule in CleaningRule.allCases {
            XCTAssertFalse(rule.summary.isEmpty, "\(rule)")
        }
        XCTAssertEqual(CleaningRule.emptyRow.effect, .skipped)
        XCTAssertEqual(CleaningRule.freePriceText.effect, .repaired)
        XCTAssertEqual(CleaningRule.unknownItem.effect, .noted)
    }
}
