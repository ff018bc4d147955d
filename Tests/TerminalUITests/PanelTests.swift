import XCTest
@testable import TerminalUI

final class PanelTests: XCTestCase {
    func testDrawsABorderWithTheTitleInTheTopEdge() {
        assertLines(renderLines(Panel(title: "Developers"), width: 16, height: 3), [
            "┌ Developers ──┐",
            "│              │",
            "└──────────────┘",
        ])
        XCTAssertEqual(Panel().inner(Rect(x: 0, y: 0, width: 16, height: 3)), Rect(x: 1, y: 1, width: 14, height: 1))
    }

    func testLongTitlesAreCutKeepingTheCorners() {
        assertLines(renderLines(Panel(title: "Developers"), width: 10, height: 2), [
            "┌ Deve… ─┐",
            "└────────┘",
        ])
    }

    func testFocusIsVisibleWithoutColour() {
        let focused = renderBuffer(Panel(title: "Users", isFocused: true, theme: .monochrome), width: 12, height: 3)
        let plain = renderBuffer(Panel(title: "Users", isFocused: false, theme: .monochrome), width: 12, height: 3)
        XCTAssertTrue(focused[2, 0].style.reverse, "focused title is reversed")
        XCTAssertTrue(focused[0, 1].style.bold, "focused border is bold")
        XCTAssertFalse(plain[2, 0].style.reverse)
        XCTAssertFalse(plain[0, 1].style.bold)
        XCTAssertEqual(focused.plainLines(), plain.plainLines())
    }

    func testAsciiBorder() {
        assertLines(renderLines(Panel(title: "Years", glyphs: .ascii), width: 11, height: 3), [
            "+ Years --+",
            "|         |",
            "+---------+",
        ])
    }
}
