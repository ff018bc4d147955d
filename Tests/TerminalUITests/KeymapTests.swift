import XCTest
@testable import TerminalUI

enum TestCommand: Hashable { case up, down, search, pane, open, sort, histogram, help, quit }

let testKeymap = Keymap<TestCommand>([
    KeyBinding([.up, .char("k")], .up, description: "move up", group: "Move"),
    KeyBinding([.down, .char("j")], .down, description: "move down", group: "Move"),
    KeyBinding([.char("/")], .search, description: "search this pane", group: "Find", hint: "search", priority: 10),
    KeyBinding([.tab], .pane, description: "next pane", group: "Move", hint: "pane", priority: 20),
    KeyBinding([.enter], .open, description: "open the row", group: "Move", hint: "open", priority: 30),
    KeyBinding([.char("s")], .sort, description: "sort by next column", group: "View", hint: "sort", priority: 40),
    KeyBinding([.char("h")], .histogram, description: "histogram", group: "View", hint: "histogram", priority: 50),
    KeyBinding([.char("?")], .help, description: "this help", group: "General", hint: "help", priority: 5),
    KeyBinding([.char("q"), .ctrl("c")], .quit, displayName: "q", description: "quit", group: "General",
               hint: "quit", priority: 0),
])

final class KeymapTests: XCTestCase {
    func testLooksUpCommandsByAnyOfTheirKeys() {
        XCTAssertEqual(testKeymap.command(for: .char("j")), .down)
        XCTAssertEqual(testKeymap.command(for: .down), .down)
        XCTAssertEqual(testKeymap.command(for: .ctrl("c")), .quit)
        XCTAssertNil(testKeymap.command(for: .char("x")))
    }

    func testDisplayNamesDefaultToTheKeysJoined() {
        XCTAssertEqual(testKeymap.binding(for: .up)?.displayName, "↑/k")
        XCTAssertEqual(testKeymap.binding(for: .ctrl("c"))?.displayName, "q")
        XCTAssertEqual(KeyBinding([.backTab, .ctrl("p")], 1, description: "").displayName, "S-Tab/Ctrl-p")
    }

    func testGroupsKeepTableOrderAndDuplicatesAreFound() {
        XCTAssertEqual(testKeymap.groups, ["Move", "Find", "View", "General"])
        XCTAssertEqual(testKeymap.duplicateKeys, [])
        let clash = Keymap([KeyBinding([.char("s")], 1, description: "a"), KeyBinding([.char("s")], 2, description: "b")])
        XCTAssertEqual(clash.duplicateKeys, [.char("s")])
    }

    func testStatusHintsComeOnlyFromBindingsWithAHint() {
        XCTAssertEqual(testKeymap.statusHints.map(\.key), ["/", "Tab", "Enter", "s", "h", "?", "q"])
        XCTAssertEqual(testKeymap.helpEntries.count, 9)
    }
}
