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

    func testCollapsedPanesStackAsTitledRulesInsideOneFrame() {
        var buffer = Buffer(size: Size(width: 16, height: 5))
        let column = buffer.area
        buffer.render(Panel(title: "Developers", isFocused: true), area: column)
        buffer.write("Valve", x: 1, y: 1)
        buffer.render(TitledRule(title: "Users"), area: column.row(2))
        buffer.render(TitledRule(title: "Genres and tags"), area: column.row(3))
        assertLines(buffer.plainLines(), [
            "┌ Developers ──┐",
            "│Valve         │",
            "├ Users ───────┤",
            "├ Genres and… ─┤",
            "└──────────────┘",
        ])
        XCTAssertTrue(buffer[0, 0].style.bold)
        XCTAssertFalse(buffer[0, 2].style.bold)
    }
}
