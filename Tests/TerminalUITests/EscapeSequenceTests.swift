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
