import XCTest
@testable import TerminalUI

final class MemoryTerminalTests: XCTestCase {
    func testScriptedKeysComeOutInOrderThenNil() throws {
        let terminal = try MemoryTerminal(replay: "j k Enter")
        XCTAssertEqual(terminal.readKey(timeoutMilliseconds: 50), .char("j"))
        terminal.enqueue([.escape])
        XCTAssertEqual(terminal.readKey(timeoutMilliseconds: 50), .char("k"))
        XCTAssertEqual(terminal.readKey(timeoutMilliseconds: 50), .enter)
        XCTAssertEqual(terminal.readKey(timeoutMilliseconds: 50), .escape)
        XCTAssertNil(terminal.readKey(timeoutMilliseconds: 50))
    }

    func testResizingChangesTheSizeAndQueuesAResizeKey() {
        let terminal = MemoryTerminal(size: Size(width: 80, height: 24))
        terminal.resize(to: Size(width: 40, height: 10))
        XCTAssertEqual(terminal.size, Size(width: 40, height: 10))
        XCTAssertEqual(terminal.readKey(timeoutMilliseconds: 0), .resize)
    }

    func testKeepsTheLastFrameAndShutsDownOnce() {
        let terminal = MemoryTerminal(size: Size(width: 5, height: 2))
        XCTAssertEqual(terminal.screenLines(), ["     ", "     "])
        var first = Buffer(size: terminal.size)
        first.write("one", x: 0, y: 0)
        terminal.draw(first)
        var second = Buffer(size: terminal.size)
        second.write("two", x: 1, y: 1)
        terminal.draw(second)
        XCTAssertEqual(terminal.drawCount, 2)
        XCTAssertEqual(terminal.screenText(), "     \n two ")
        terminal.shutdown()
        terminal.shutdown()
        XCTAssertTrue(terminal.isShutDown)
        XCTAssertEqual(terminal.shutdownCount, 1)
    }

    /// A miniature app loop (reduce + render), replayed at several sizes:
    /// the pattern the app's own screen tests follow.
    func testReplayedKeysDriveAMiniatureAppAtEachSize() throws {
        struct State { var cursor = 0; var quit = false; var help = false }
        let names = (1...30).map { "developer \($0)" }
        func render(_ state: State, _ size: Size) -> Buffer {
            var buffer = Buffer(size: size)
            if size.isTooSmall {
                buffer.render(TooSmallNotice(size: size))
                return buffer
            }
            let rows = buffer.area.split(.vertical, [.fill, .fixed(1)])
            let panel = Panel(title: "Developers", isFocused: true)
            buffer.render(panel, area: rows[0])
            let list = panel.inner(rows[0])
            let first = Scrolling.offset(keeping: state.cursor, visible: list.height, offset: 0, count: names.count)
            for (line, index) in (first..<min(names.count, first + list.height)).enumerated() {
                buffer.write((index == state.cursor ? "▶ " : "  ") + names[index], x: list.x, y: list.y + line, maxWidth: list.width)
            }
            buffer.render(StatusBar(keymap: testKeymap), area: rows[1])
            if state.help { buffer.render(HelpOverlay(keymap: testKeymap)) }
            return buffer
        }
        func run(_ terminal: MemoryTerminal) {
            var state = State()
            terminal.draw(render(state, terminal.size))
            while !state.quit, let key = terminal.readKey(timeoutMilliseconds: 50) {
                switch testKeymap.command(for: key) {
                case .down?: state.cursor = min(names.count - 1, state.cursor + 1)
                case .up?: state.cursor = max(0, state.cursor - 1)
                case .help?: state.help.toggle()
                case .quit?: state.quit = true
                default: break
                }
                terminal.draw(render(state, terminal.size))
            }
            terminal.shutdown()
        }

        let small = try MemoryTerminal(size: Size(width: 80, height: 24), replay: String(repeating: "j ", count: 25) + "k q")
        run(small)
        let lines = small.screenLines()
        XCTAssertEqual(lines[0], "┌ Developers " + String(repeating: "─", count: 66) + "┐")
        XCTAssertEqual(lines[21], "│▶ developer 25" + String(repeating: " ", count: 64) + "│")
        XCTAssertEqual(lines[23].trimmingSuffixSpaces, " / search  Tab pane  Enter open  s sort  h histogram  ? help  q quit")
        XCTAssertTrue(small.isShutDown)

        let large = try MemoryTerminal(size: Size(width: 120, height: 40), replay: "j j ?")
        run(large)
        XCTAssertEqual(large.screenLines()[3], "│▶ developer 3" + String(repeating: " ", count: 105) + "│", "the help box does not reach row 3")
        XCTAssertTrue(large.screenText().contains("┌ Help "))
        XCTAssertTrue(large.screenText().contains("│ Move "))

        let tiny = try MemoryTerminal(size: Size(width: 50, height: 12), replay: "j")
        run(tiny)
        XCTAssertTrue(tiny.screenLines().contains { $0.contains("terminal too small") })
        XCTAssertTrue(tiny.screenLines().contains { $0.contains("50x12 (need 60x16)") })
    }
}

extension String {
    var trimmingSuffixSpaces: String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
