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
        XCTAssertEqual(ReleaseDate("2018-13-45"), .impossible(year: 2018), "an impossible ISO date still names its year")
    }

    func testImpossibleCalendarDaysAreNotValidISODates() {
        XCTAssertEqual(ReleaseDate("2014-02-31"), .impossible(year: 2014))
        XCTAssertEqual(ReleaseDate("2015-02-29"), .impossible(year: 2015), "2015 is not a leap year")
        XCTAssertEqual(ReleaseDate("2016-02-29"), .iso(year: 2016, month: 2, day: 29))
        XCTAssertEqual(ReleaseDate("2000-02-29"), .iso(year: 2000, month: 2, day: 29), "2000 is a leap year")
        XCTAssertEqual(ReleaseDate("2014-04-31"), .impossible(year: 2014))
        XCTAssertEqual(ReleaseDate("2014-00-10"), .impossible(year: 2014))
        XCTAssertEqual(ReleaseDate("2014-01-00"), .impossible(year: 2014))
        XCTAssertEqual(ReleaseDate("2014-+1-05").year, 2014, "a sign is not a digit: not ISO, but the year still reads")
    }

    func testReleaseYearsOutsideTheValidRangeBecomeUnknown() {
        XCTAssertEqual(ReleaseDate("0201-05-01"), .yearOutOfRange(201))
        XCTAssertEqual(ReleaseDate("9999-12-31"), .yearOutOfRange(9999))
        XCTAssertNil(ReleaseDate("9999-12-31").year)
        XCTAssertEqual(ReleaseDate("1970-01-01").year, 1970)
        XCTAssertEqual(ReleaseDate("2100-12-31").year, 2100)
        XCTAssertEqual(ReleaseDate("Spring 2101"), .noYear)
    }

    func testPricesOutsideTheValidRangeAreUnknownNotFree() {
        for raw: LiteralValue in [.double(-5), .double(.infinity), .double(.nan), .double(2e6), .int(-1)] {
            let price = ParsedPrice(raw)
            guard case .outOfRange = price else { return XCTFail("\(raw) gave \(price)") }
            XCTAssertNil(price.amount)
            XCTAssertFalse(price.isFree)
        }
        for text in ["nan", "inf", "-3", "1e400", "Starting at $1e9"] {
            XCTAssertEqual(ParsedPrice(.string(text)), .outOfRange(text: text, label: text), text)
        }
        XCTAssertEqual(ParsedPrice(.double(1_000_000)), .amount(1_000_000))
        XCTAssertEqual(ParsedPrice(.string("995.00")), .amount(995))
    }

    func testPostedDatesWithAndWithoutYear() {
        XCTAssertEqual(PostedDate("Posted November 5, 2011."), PostedDate(year: 2011, month: 11, day: 5))
        XCTAssertEqual(PostedDate("Posted June 3."), PostedDate(year: nil, month: 6, day: 3))
        XCTAssertEqual(PostedDate(""), PostedDate(year: nil, month: nil, day: nil))
    }

    func testPostedYearsThatDoNotFitAreRejectedNotTrusted() {
        XCTAssertEqual(PostedDate("Posted November 5, 99999."), PostedDate(year: nil, month: 11, day: 5, rejectedYear: 99999))
        XCTAssertEqual(PostedDate("Posted November 5, 1969."), PostedDate(year: nil, month: 11, day: 5, rejectedYear: 1969))
        XCTAssertEqual(PostedDate("Posted November 5, 2101."), PostedDate(year: nil, month: 11, day: 5, rejectedYear: 2101))
        XCTAssertEqual(PostedDate("Posted May 5, 99999999999999999999999."), PostedDate(year: nil, month: 5, day: 5, rejectedYear: .max))
        XCTAssertEqual(PostedDate("Posted November 5, -2011."), PostedDate(year: nil, month: 11, day: 5, rejectedYear: -2011))
        XCTAssertEqual(PostedDate("Posted November 5, 2100."), PostedDate(year: 2100, month: 11, day: 5))
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
