@testable import SteamLensApp
import XCTest

/// The filter language on its own: what each form means and what a bad one says.
final class PaneFilterTests: XCTestCase {
    let numbers = ["owners", "reviews", "price", "year"]
    let labels = ["tag", "genre", "spec", "developer"]

    func parse(_ text: String) throws -> [PaneFilter.Clause] {
        try PaneFilter.parse(text, numberFields: numbers, labelFields: labels).clauses
    }

    func testComparisonsRangesLabelsAndWords() throws {
        XCTAssertEqual(try parse("price < 10"), [.init(field: "price", test: .compare(.less, 10))])
        XCTAssertEqual(try parse("price<10"), try parse("price < 10"))
        XCTAssertEqual(try parse("year 2012..2015"), [.init(field: "year", test: .range(2012, 2015))])
        XCTAssertEqual(try parse("year 2012 .. 2015"), try parse("year 2012..2015"))
        XCTAssertEqual(try parse("year 2014"), [.init(field: "year", test: .compare(.equal, 2014))])
        XCTAssertEqual(try parse("owners >= 1,000"), [.init(field: "owners", test: .compare(.greaterOrEqual, 1000))])
        XCTAssertEqual(try parse("year=unknown"), [.init(field: "year", test: .missing)])
        XCTAssertEqual(try parse("tag:Rogue-Like"), [.init(field: "tag", test: .contains("roguelike"))])
        XCTAssertEqual(try parse("tag=\"Early Access\""), [.init(field: "tag", test: .equals("earlyaccess"))])
        XCTAssertEqual(try parse("-tag:indie"), [.init(field: "tag", test: .contains("indie"), negated: true)])
        XCTAssertEqual(try parse("portal"), [.init(field: "name", test: .contains("portal"))])
        XCTAssertEqual(try parse("price < 10 tag:roguelike year 2012..2015").count, 3)
    }

    func testBadFiltersSayWhatIsWrongAndWhichFieldsExist() {
        func message(_ text: String) -> String {
            do {
                _ = try parse(text)
                return "parsed"
            } catch {
                return "\(error)"
            }
        }
        XCTAssertEqual(message("cost < 10"), "\"<\" needs a field before it, e.g. price < 10")
        XCTAssertEqual(message("colour:red"), "no field \"colour\" here; fields: name, owners, reviews, price, year, tag, genre, spec, developer")
        XCTAssertEqual(message("price < ten"), "price: \"ten\" is not a number")
        XCTAssertEqual(message("year 2015..2012"), "year 2015..2012: the lower end comes first")
        XCTAssertEqual(message("price"), "price needs a comparison, e.g. price < 10 or price 1..5")
        XCTAssertEqual(message("tag:\"open"), "a quote \" is not closed")
        XCTAssertEqual(message("   "), "empty filter; Esc clears it")
    }

    func testTheGamesPaneTakesAPublisherLabel() throws {
        let clauses = try PaneFilter.parse("publisher:\"Iron Owl\" -publisher=valve", numberFields: numbers,
                                           labelFields: PaneRows.gameLabelFields).clauses
        XCTAssertEqual(clauses, [.init(field: "publisher", test: .contains("ironowl")),
                                 .init(field: "publisher", test: .equals("valve"), negated: true)])
        XCTAssertThrowsError(try PaneFilter.parse("publisher:valve", numberFields: numbers, labelFields: labels),
                             "a pane without the label says so")
    }

    func testNumbersMissingAValueNeverPassAComparison() {
        XCTAssertFalse(PaneFilter.holds(.compare(.less, 10), number: nil), "an unknown price is not cheap")
        XCTAssertTrue(PaneFilter.holds(.missing, number: nil))
        XCTAssertTrue(PaneFilter.holds(.range(2012, 2015), number: 2015), "both ends are in the range")
        XCTAssertFalse(PaneFilter.holds(.range(2012, 2015), number: 2016))
    }
}
