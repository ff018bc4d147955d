import XCTest
@testable import TerminalUI

final class TableViewTests: XCTestCase {
    let columns = [TableView.Column("name"), TableView.Column("year"), TableView.Column("items", alignment: .right)]
    let rows = [["Counter-Strike", "2000", "1,234"], ["Half-Life 2", "2004", "56"]]

    func testNaturalWidthsWhenEverythingFits() {
        let table = TableView(columns: columns, rows: rows)
        assertLines(renderLines(table, width: 30, height: 3), [
            "name            year  items   ",
            "Counter-Strike  2000  1,234   ",
            "Half-Life 2     2004     56   ",
        ])
    }

    func testTheWidestColumnGivesWayFirstAndIsCutWithAnEllipsis() {
        let table = TableView(columns: columns, rows: rows)
        XCTAssertEqual(table.columnWidths(for: 20), [7, 4, 5], "the name shrinks; the numbers keep their width")
        assertLines(renderLines(table, width: 20, height: 3), [
            "name     year  items",
            "Counte…  2000  1,234",
            "Half-L…  2004     56",
        ])
    }

    func testColumnsAreDroppedFromTheRightWhenMinimumsDoNotFit() {
        let table = TableView(columns: columns, rows: rows)
        let widths = table.columnWidths(for: 10)
        XCTAssertEqual(widths[2], 0)
        assertLines(renderLines(table, width: 10, height: 2), ["name  year", "Cou…  2000"])
    }

    func testWideCharactersInCellsTakeTwoCells() {
        let table = TableView(columns: [.init("name"), .init("n", alignment: .right)],
                              rows: [["東京 Game", "1"], ["Pong", "22"]])
        assertLines(renderLines(table, width: 13, height: 3), [
            "name        n",
            "東京 Game   1",
            "Pong       22",
        ])
        assertLines(renderLines(table, width: 10, height: 2), [
            "name     n",
            "東京 …   1",
        ])
    }
}
