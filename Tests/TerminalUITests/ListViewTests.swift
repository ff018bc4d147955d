import XCTest
@testable import TerminalUI

final class ListViewTests: XCTestCase {
    let developers = [
        ListView.Row("Valve", count: 12, gauge: .bar(0.625)),
        ListView.Row("Capcom", count: 9, gauge: .bar(0.45)),
        ListView.Row("Ubisoft Montreal", count: 4, gauge: .bar(0.2)),
    ]

    func testRowsShowMarkerLabelRightAlignedCountAndBar() {
        let list = ListView(rows: developers, selectedIndex: 0, isFocused: true)
        assertLines(renderLines(list, width: 24, height: 4), [
            "▶ Valve          12 ██▌ ",
            "  Capcom          9 █▊  ",
            "  Ubisoft Montr…  4 ▊   ",
            "                        ",
        ])
    }

    func testSelectedRowIsReversedWhenFocusedAndOnlyBoldOtherwise() {
        let focused = renderBuffer(ListView(rows: developers, selectedIndex: 1, isFocused: true,
                                            theme: .monochrome), width: 24, height: 3)
        XCTAssertTrue(focused[5, 1].style.reverse)
        XCTAssertTrue(focused[23, 1].style.reverse, "the whole row is highlighted")
        XCTAssertFalse(focused[5, 0].style.reverse)
        let unfocused = renderBuffer(ListView(rows: developers, selectedIndex: 1, isFocused: false,
                                              theme: .monochrome), width: 24, height: 3)
        XCTAssertFalse(unfocused[5, 1].style.reverse)
        XCTAssertTrue(unfocused[5, 1].style.bold)
        XCTAssertEqual(unfocused[0, 1].symbol, "▶", "the marker stays without focus")
    }

    func testScrollingKeepsTheCursorVisible() {
        let rows = (0..<10).map { ListView.Row("item \($0)") }
        let list = ListView(rows: rows, selectedIndex: 7, offset: 0)
        XCTAssertEqual(list.visibleOffset(height: 4), 4)
        assertLines(renderLines(list, width: 10, height: 4), [
            "  item 4  ",
            "  item 5  ",
            "  item 6  ",
            "▶ item 7  ",
        ])
        // Moving back up inside the window does not scroll.
        let up = ListView(rows: rows, selectedIndex: 5, offset: 4)
        XCTAssertEqual(up.visibleOffset(height: 4), 4)
        // Above the window scrolls so the cursor is the first row.
        let top = ListView(rows: rows, selectedIndex: 2, offset: 4)
        XCTAssertEqual(renderLines(top, width: 10, height: 4).first, "▶ item 2  ")
    }

    func testSparklineGaugeAndAsciiGlyphs() {
        let rows = [ListView.Row("Valve", count: "3", gauge: .sparkline([1, 2, 4, 8]))]
        assertLines(renderLines(ListView(rows: rows, selectedIndex: 0), width: 14, height: 1),
                    ["▶ Valve 3 ▁▂▄█"])
        assertLines(renderLines(ListView(rows: rows, selectedIndex: 0, glyphs: .ascii), width: 14, height: 1),
                    ["> Valve 3 __.#"])
    }

    func testNarrowAreasDropTheGaugeBeforeTheLabel() {
        let list = ListView(rows: developers, selectedIndex: 0)
        assertLines(renderLines(list, width: 10, height: 1), ["▶ Valve 12"])
    }

    func testEmptyListShowsItsEmptyText() {
        let list = ListView(rows: [], emptyText: "no match")
        assertLines(renderLines(list, width: 12, height: 2), ["  no match  ", "            "])
    }
}
