import XCTest
@testable import TerminalUI

final class EscapeSequenceTests: XCTestCase {
    /// Reads `bytes` (what follows ESC) and returns the result and the bytes left unread.
    private func read(_ bytes: String) -> (EscapeSequence.Result, String) {
        var rest = Array(bytes.unicodeScalars.map(\.value))[...]
        let result = EscapeSequence.read { rest.popFirst() }
        return (result, String(String.UnicodeScalarView(rest.map { Unicode.Scalar($0)! })))
    }

    func testEndVariantsOfEveryTerminalMapToEnd() {
        for sequence in ["[4~", "[8~", "[F", "OF", "[1;2F"] {
            XCTAssertEqual(read(sequence).0, .key(.end), "ESC \(sequence)")
        }
    }

    func testHomeVariantsOfEveryTerminalMapToHome() {
        for sequence in ["[1~", "[7~", "[H", "OH"] {
            XCTAssertEqual(read(sequence).0, .key(.home), "ESC \(sequence)")
        }
    }

    func testEndReadsTheWholeSequenceSoItsFourIsNotAKey() {
        let (result, rest) = read("[4~4")
        XCTAssertEqual(result, .key(.end))
        XCTAssertEqual(rest, "4", "only the byte after the sequence is left for the next read")
    }

    func testUnknownSequencesAreDroppedWhole() {
        for (sequence, left) in [("[200~x", "x"), ("[1;5X4", "4"), ("Oz4", "4"), ("[?1049h1", "1")] {
            let (result, rest) = read(sequence)
            XCTAssertEqual(result, .dropped, "ESC \(sequence)")
            XCTAssertEqual(rest, left, "ESC \(sequence) is consumed up to its final byte")
        }
    }

    func testEscapeFollowedQuicklyByAKeyKeepsBothKeys() {
        // Esc then 1 within the escape delay (a script, a fast typist): back, then the Developers pane.
        let (result, rest) = read("1/")
        XCTAssertEqual(result, .escapeThen(UInt32(UInt8(ascii: "1"))))
        XCTAssertEqual(rest, "/", "nothing after the pushed-back key is read")
        XCTAssertEqual(read("\u{1B}").0, .escapeThen(0x1B))
    }

    func testALoneEscapeIsEscape() {
        XCTAssertEqual(read("").0, .key(.escape))
    }

    func testASequenceCutOffBeforeItsFinalByteIsDropped() {
        XCTAssertEqual(read("[4").0, .dropped)
    }

    func testCursorAndPagingSequencesMapToTheirKeys() {
        XCTAssertEqual(read("[A").0, .key(.up))
        XCTAssertEqual(read("OB").0, .key(.down))
        XCTAssertEqual(read("[5~").0, .key(.pageUp))
        XCTAssertEqual(read("[6~").0, .key(.pageDown))
        XCTAssertEqual(read("[Z").0, .key(.backTab))
        XCTAssertEqual(read("[15~").0, .key(.function(5)))
    }
}

final class MouseSequenceTests: XCTestCase {
    func read(_ text: String) -> EscapeSequence.Result {
        var bytes = Array(text.unicodeScalars.map(\.value)).makeIterator()
        return EscapeSequence.read { bytes.next() }
    }

    func testSGRReportsBecomeClicksAndWheelTurnsAtZeroBasedCells() {
        XCTAssertEqual(read("[<0;10;5M"), .key(.mouse(x: 9, y: 4)))
        XCTAssertEqual(read("[<64;1;1M"), .key(.wheel(up: true, x: 0, y: 0)))
        XCTAssertEqual(read("[<65;3;7M"), .key(.wheel(up: false, x: 2, y: 6)))
    }

    func testReleasesDragsAndOtherButtonsAreDroppedWhole() {
        XCTAssertEqual(read("[<0;10;5m"), .dropped, "a release")
        XCTAssertEqual(read("[<32;10;5M"), .dropped, "a drag")
        XCTAssertEqual(read("[<2;10;5M"), .dropped, "the right button")
        XCTAssertEqual(read("[<0;0;5M"), .dropped, "columns count from 1")
    }

    func testMouseKeysRoundTripThroughTheReplaySyntax() throws {
        let keys: [Key] = [.mouse(x: 3, y: 9), .wheel(up: true, x: 0, y: 1), .wheel(up: false, x: 5, y: 5)]
        XCTAssertEqual(try Key.parse(replay: Key.replayString(keys)), keys)
        XCTAssertThrowsError(try Key.parse(replay: "Click(3)"))
    }
}
