import XCTest
@testable import SteamLensEngine

/// Numbers in tables and CSV are printed faithfully for every Double,
/// never by converting an out-of-range value to Int (which traps).
final class CellFormatTests: XCTestCase {
    func testOrdinaryNumbersKeepTheirDecimals() {
        XCTAssertEqual(ResultTable.Cell.format(29.98, digits: 2), "29.98")
        XCTAssertEqual(ResultTable.Cell.format(0.05, digits: 1), "0.1")
        XCTAssertEqual(ResultTable.Cell.format(-2.5, digits: 2), "-2.50")
        XCTAssertEqual(ResultTable.Cell.format(-0.001, digits: 2), "0.00", "no minus sign on a value that rounds to zero")
        XCTAssertEqual(ResultTable.Cell.format(1234.5, digits: 0), "1235")
        XCTAssertEqual(ResultTable.Cell.format(0.5, digits: 3), "0.500")
    }

    func testHugeValuesAreWrittenInScientificFormInsteadOfTrapping() {
        XCTAssertEqual(ResultTable.Cell.format(9.3e18, digits: 2), "9.3e18")
        XCTAssertEqual(ResultTable.Cell.format(-9.3e18, digits: 2), "-9.3e18")
        XCTAssertEqual(ResultTable.Cell.format(Double.greatestFiniteMagnitude, digits: 1), "1.7976931348623157e308")
        XCTAssertEqual(ResultTable.Cell.format(1e16, digits: 0), "1e16")
        // Under 2^53 units the fixed form is still exact.
        XCTAssertEqual(ResultTable.Cell.format(12_345_678_901_234.56, digits: 2), "12345678901234.56")
    }

    func testNaNAndInfinitiesAreNamed() {
        XCTAssertEqual(ResultTable.Cell.format(.nan, digits: 2), "NaN")
        XCTAssertEqual(ResultTable.Cell.format(.infinity, digits: 2), "inf")
        XCTAssertEqual(ResultTable.Cell.format(-.infinity, digits: 0), "-inf")
    }

    func testTablesAndCSVWithAbsurdNumbersRender() {
        let user = UserData(userId: "whale", moneySpent: 9.3e18, recommendPercent: .nan, itemsCount: 1, reviews: 0,
                            unpricedItems: 0, definitions: .standard)
        XCTAssertEqual(user.table.rows[0].map(\.description), ["whale", "9.3e18", "NaN", "1", "0"])
        XCTAssertEqual(user.table.csv().split(separator: "\n").last, "whale,9.3e18,NaN,1,0")
    }

    func testCSVQuotesEveryLineBreakAndKeepsOtherBytes() {
        let table = ResultTable(title: "t", columns: [.init("name")],
                                rows: [[.text("a\r\nb")], [.text("say \"hi\", ok")], [.text("\u{1B}[31mred")]])
        XCTAssertEqual(table.csv(), "name\n\"a\r\nb\"\n\"say \"\"hi\"\", ok\"\n\u{1B}[31mred\n")
        XCTAssertEqual(table.csv(transform: { $0.uppercased() }), "NAME\n\"A\r\nB\"\n\"SAY \"\"HI\"\", OK\"\n\u{1B}[31MRED\n")
    }
}
