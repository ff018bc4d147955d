import XCTest
@testable import TerminalUI

final class HelpOverlayTests: XCTestCase {
    let keymap = Keymap<Int>([
        KeyBinding([.up, .char("k")], 0, description: "move up", group: "Move"),
        KeyBinding([.down, .char("j")], 1, description: "move down", group: "Move"),
        KeyBinding([.char("q")], 2, description: "quit", group: "General"),
    ])

    func testListsBindingsByGroupInACentredBox() {
        var buffer = Buffer(size: Size(width: 30, height: 10))
        buffer.fill(buffer.area, with: Cell("."))
        buffer.render(HelpOverlay(keymap: keymap))
        assertLines(buffer.plainLines(), [
            "..............................",
            "....┌ Help ─────────────┐.....",
            "....│ Move              │.....",
            "....│   ↑/k   move up   │.....",
            "....│   ↓/j   move down │.....",
            "....│                   │.....",
            "....│ General           │.....",
            "....│   q     quit      │.....",
            "....└───────────────────┘.....",
            "..............................",
        ])
    }

    func testTallHelpScrollsWithItsOffset() {
        let overlay = HelpOverlay(keymap: keymap, offset: 3)
        let lines = renderLines(overlay, width: 30, height: 5)
        assertLines(lines, [
            "    ┌ Help ─────────────┐     ",
            "    │                   │     ",
            "    │ General           │     ",
            "    │   q     quit      ┃     ",
            "    └──────── 4–6 of 6 ─┘     ",
        ])  // the bottom border says which lines show; the thumb sits at the end
    }

    func testTheLargestOffsetShowsTheLastLineAtTheBottom() {
        let overlay = HelpOverlay(keymap: keymap)
        XCTAssertEqual(overlay.maxOffset(in: Rect(x: 0, y: 0, width: 30, height: 5)), 3, "6 lines in a box of 3")
        XCTAssertEqual(overlay.maxOffset(in: Rect(x: 0, y: 0, width: 30, height: 20)), 0, "everything fits")
    }
}
