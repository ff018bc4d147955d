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

    func testSortIndicatorAndTruncationWhenTooNarrow() {
        let table = TableView(columns: columns, rows: rows, sort: .init(column: 2, ascending: false))
        XCTAssertEqual(table.columnWidths(for: 24), [9, 4, 7])
        assertLines(renderLines(table, width: 24, height: 3), [
            "name       year  items ▼",
            "Counter-…  2000    1,234",
            "Half-Lif…  2004       56",
        ])
    }

    func testAscendingIndicatorAndAsciiFallback() {
        let table = TableView(columns: columns, rows: rows, sort: .init(column: 0, ascending: true), glyphs: .ascii)
        XCTAssertEqual(table.columnWidths(for: 24), [11, 4, 5])
        assertLines(renderLines(table, width: 24, height: 2), [
            "name ^       year  items",
            "Counter-St~  2000  1,234",
        ])
    }

    func testSortArrowStaysVisibleWhenTheTitleIsCut() {
        let table = TableView(columns: [.init("developer", minWidth: 5)], rows: [["Valve"]],
                              sort: .init(column: 0, ascending: true))
        assertLines(renderLines(table, width: 7, height: 2), ["deve… ▲", "Valve  "])
        assertLines(renderLines(table, width: 6, height: 2), ["dev… ▲", "Valve "])
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

    func testSelectedRowScrollsIntoViewBelowTheHeader() {
        let many = (0..<10).map { ["game \($0)", "\($0)"] }
        let table = TableView(columns: [.init("name"), .init("n")], rows: many, selectedRow: 6, isFocused: true)
        let buffer = renderBuffer(table, width: 10, height: 4)
        assertLines(buffer.plainLines(), [
            "name    n ",
            "game 4  4 ",
            "game 5  5 ",
            "game 6  6 ",
        ])
        XCTAssertTrue(buffer[0, 3].style.reverse)
        XCTAssertFalse(buffer[0, 2].style.reverse)
        XCTAssertTrue(buffer[0, 0].style.bold, "header is bold")
    }
}
