import XCTest
#if canImport(Glibc)
import Glibc
#endif
@testable import TerminalUI

/// What can be checked of the ncurses backend without a terminal; the rest
/// is exercised in tmux by the app's end-to-end runs.
final class CursesTerminalTests: XCTestCase {
    func testKeyCodesMapToKeys() {
        // Values from <ncursesw/curses.h> (octal there).
        XCTAssertEqual(CursesTerminal.key(forCode: 0o402), .down)
        XCTAssertEqual(CursesTerminal.key(forCode: 0o403), .up)
        XCTAssertEqual(CursesTerminal.key(forCode: 0o404), .left)
        XCTAssertEqual(CursesTerminal.key(forCode: 0o405), .right)
        XCTAssertEqual(CursesTerminal.key(forCode: 0o406), .home)
        XCTAssertEqual(CursesTerminal.key(forCode: 0o550), .end)
        XCTAssertEqual(CursesTerminal.key(forCode: 0o523), .pageUp)
        XCTAssertEqual(CursesTerminal.key(forCode: 0o522), .pageDown)
        XCTAssertEqual(CursesTerminal.key(forCode: 0o541), .backTab)
        XCTAssertEqual(CursesTerminal.key(forCode: 0o407), .backspace)
        XCTAssertEqual(CursesTerminal.key(forCode: 0o632), .resize)
        XCTAssertEqual(CursesTerminal.key(forCode: 0o410 + 5), .function(5))
        XCTAssertEqual(CursesTerminal.key(forCode: 0o777), .unknown(0o777))
    }

    func testStartingWithoutATTYThrowsAClearErrorAndLeavesTheTerminalAlone() throws {
        try XCTSkipIf(isatty(STDIN_FILENO) != 0, "stdin is a TTY here; this test needs it redirected")
        XCTAssertThrowsError(try CursesTerminal()) { error in
            XCTAssertEqual(error as? TerminalError, .notATTY(stream: "stdin"))
            XCTAssertTrue("\(error)".contains("stdin is not a TTY"))
        }
        XCTAssertFalse(TerminalGuard.isArmed)
    }

    func testErrorsSayWhatToDoNext() {
        XCTAssertTrue(TerminalError.unknownTerminal("xyz").description.contains("terminal 'xyz' is unknown"))
        XCTAssertTrue(TerminalError.unknownTerminal("xyz").description.contains("TERM="))
    }
}
