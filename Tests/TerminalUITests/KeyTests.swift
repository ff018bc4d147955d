import XCTest
@testable import TerminalUI

final class KeyTests: XCTestCase {
    func testParsesTheReplaySyntax() throws {
        XCTAssertEqual(try Key.parse(replay: "j j Tab Enter / v a l v e Esc"), [
            .char("j"), .char("j"), .tab, .enter, .char("/"),
            .char("v"), .char("a"), .char("l"), .char("v"), .char("e"), .escape,
        ])
    }

    func testNamedKeysCtrlChordsAndFunctionKeys() throws {
        XCTAssertEqual(try Key.parse(replay: "Up Down Left Right PgUp PgDn Home End BTab Space BSpace C-c F5"), [
            .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .backTab,
            .char(" "), .backspace, .ctrl("c"), .function(5),
        ])
        XCTAssertEqual(try Key.parse(replay: "esc ENTER pgdn s-tab"), [.escape, .enter, .pageDown, .backTab])
    }

    func testSingleCharactersStandForThemselvesEvenIfTheyLookLikeNames() throws {
        XCTAssertEqual(try Key.parse(replay: "G g ? q é 東"), [
            .char("G"), .char("g"), .char("?"), .char("q"), .char("é"), .char("東"),
        ])
        XCTAssertEqual(try Key.parse(replay: "  j\n\tk  "), [.char("j"), .char("k")])
        XCTAssertEqual(try Key.parse(replay: ""), [])
    }

    func testUnknownNamesAreReportedWithTheirPosition() {
        XCTAssertThrowsError(try Key.parse(replay: "j Foo k")) { error in
            let replayError = error as? KeyReplayError
            XCTAssertEqual(replayError?.token, "Foo")
            XCTAssertEqual(replayError?.position, 2)
            XCTAssertTrue(replayError?.description.contains("unknown key 'Foo'") ?? false)
        }
        XCTAssertThrowsError(try Key.parse(replay: "F99"))
        XCTAssertThrowsError(try Key.parse(replay: "C-cc"))
    }

    func testNamesRoundTripThroughTheParser() throws {
        let keys: [Key] = [.char("a"), .char(" "), .up, .down, .left, .right, .pageUp, .pageDown, .home, .end,
                           .tab, .backTab, .enter, .escape, .backspace, .delete, .insert, .resize,
                           .ctrl("x"), .function(12)]
        XCTAssertEqual(try Key.parse(replay: Key.replayString(keys)), keys)
    }

    func testControlCodesFromTheTerminal() {
        XCTAssertEqual(Key(controlCode: 3), .ctrl("c"))
        XCTAssertEqual(Key(controlCode: 9), .tab)
        XCTAssertEqual(Key(controlCode: 10), .enter)
        XCTAssertEqual(Key(controlCode: 13), .enter)
        XCTAssertEqual(Key(controlCode: 27), .escape)
        XCTAssertEqual(Key(controlCode: 127), .backspace)
        XCTAssertEqual(Key(controlCode: 0x1C), .ctrl("\\"))
        XCTAssertEqual(Key(controlCode: 0x61), .char("a"))
        XCTAssertEqual(Key(controlCode: 0x6771), .char("東"))
        XCTAssertEqual(Key(controlCode: 0x85), .unknown(0x85))
    }

    func testDisplayNamesForHelp() {
        XCTAssertEqual(Key.up.displayName(), "↑")
        XCTAssertEqual(Key.up.displayName(unicode: false), "Up")
        XCTAssertEqual(Key.ctrl("c").displayName(), "Ctrl-c")
        XCTAssertEqual(Key.char(" ").displayName(), "Space")
    }
}
