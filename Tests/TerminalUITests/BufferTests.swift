import XCTest
@testable import TerminalUI

final class BufferTests: XCTestCase {
    func testWriteReturnsColumnsUsedAndKeepsTheRestBlank() {
        var buffer = Buffer(size: Size(width: 8, height: 2))
        let used = buffer.write("Valve", x: 1, y: 1)
        XCTAssertEqual(used, 5)
        assertLines(buffer.plainLines(), ["        ", " Valve  "])
    }

    func testTextThatDoesNotFitIsCutWithAnEllipsis() {
        var buffer = Buffer(size: Size(width: 12, height: 1))
        buffer.write("Counter-Strike", at: Point(x: 0, y: 0), maxWidth: 8)
        assertLines(buffer.plainLines(), ["Counter…    "])
    }

    func testTextIsCutAtTheRightEdgeOfTheBuffer() {
        var buffer = Buffer(size: Size(width: 6, height: 1))
        buffer.write("Half-Life", x: 2, y: 0)
        assertLines(buffer.plainLines(), ["  Hal…"])
    }

    func testWideCharactersTakeTwoCells() {
        var buffer = Buffer(size: Size(width: 7, height: 1))
        let used = buffer.write("東京ab", x: 0, y: 0)
        XCTAssertEqual(used, 6)
        XCTAssertEqual(buffer[0, 0].symbol, "東")
        XCTAssertTrue(buffer[1, 0].isContinuation)
        XCTAssertEqual(buffer[2, 0].symbol, "京")
        XCTAssertEqual(buffer[4, 0].symbol, "a")
        assertLines(buffer.plainLines(), ["東京ab "])
    }

    func testAWideCharacterThatWouldStraddleTheLimitIsNotHalfDrawn() {
        var buffer = Buffer(size: Size(width: 5, height: 1))
        buffer.write("a東京", x: 0, y: 0, maxWidth: 4)
        // "a東京" is 5 columns; in 4 the ellipsis needs one, leaving "a東".
        assertLines(buffer.plainLines(), ["a東… "])
        var narrow = Buffer(size: Size(width: 3, height: 1))
        narrow.write("東京", x: 0, y: 0)
        assertLines(narrow.plainLines(), ["東…"])
    }

    func testCombiningMarksStayInTheirBaseCell() {
        var buffer = Buffer(size: Size(width: 4, height: 1))
        let used = buffer.write("e\u{301}te", x: 0, y: 0)
        XCTAssertEqual(used, 3)
        XCTAssertEqual(buffer[0, 0].symbol.unicodeScalars.count, 2)
        XCTAssertEqual(buffer[1, 0].symbol, "t")
        XCTAssertEqual(buffer.plainLines()[0], "e\u{301}te ")
    }

    func testControlCharactersAndEscapeSequencesAreStripped() {
        var buffer = Buffer(size: Size(width: 10, height: 2))
        buffer.write("a\u{7}b\nc\td", x: 0, y: 0)
        buffer.write("\u{1B}[31mred\u{1B}[0m!", x: 0, y: 1)
        assertLines(buffer.plainLines(), ["ab c    d ", "red!      "])
    }

    func testOverwritingHalfOfAWideCharacterBlanksTheOtherHalf() {
        var buffer = Buffer(size: Size(width: 6, height: 1))
        buffer.write("東京", x: 0, y: 0)
        buffer.write("x", x: 1, y: 0)   // right half of 東
        buffer.write("y", x: 2, y: 0)   // left half of 京
        assertLines(buffer.plainLines(), [" xy   "])
        XCTAssertFalse(buffer.cells.contains { $0.isContinuation })
    }

    func testFillCuttingAWideCharacterLeavesNoOrphanHalf() {
        var buffer = Buffer(size: Size(width: 6, height: 1))
        buffer.write("東京a", x: 0, y: 0)
        buffer.fill(Rect(x: 1, y: 0, width: 2, height: 1), with: Cell("-"))
        assertLines(buffer.plainLines(), [" -- a "])
    }

    func testWritesOutsideTheBufferAreIgnored() {
        var buffer = Buffer(size: Size(width: 3, height: 1))
        XCTAssertEqual(buffer.write("abc", x: 5, y: 0), 0)
        XCTAssertEqual(buffer.write("abc", x: 0, y: 3), 0)
        XCTAssertEqual(buffer.write("abc", x: -1, y: 0), 0)
        buffer[9, 9] = Cell("z")
        XCTAssertEqual(buffer[9, 9], .blank)
        assertLines(buffer.plainLines(), ["   "])
    }

    func testStylesAreKeptPerCellAndPatchingAddsAttributes() {
        var buffer = Buffer(size: Size(width: 4, height: 1))
        buffer.write("ab", x: 0, y: 0, style: Style(foreground: .red))
        buffer.patchStyle(Style(reverse: true), in: Rect(x: 1, y: 0, width: 3, height: 1))
        XCTAssertEqual(buffer[0, 0].style, Style(foreground: .red))
        XCTAssertEqual(buffer[1, 0].style, Style(foreground: .red, reverse: true))
        XCTAssertEqual(buffer[3, 0].style, Style(reverse: true))
    }

    func testTrimmedPlainLinesDropTrailingSpacesOnly() {
        var buffer = Buffer(size: Size(width: 6, height: 1))
        buffer.write(" a b", x: 0, y: 0)
        XCTAssertEqual(buffer.plainLines(trimmingTrailingSpaces: true), [" a b"])
        XCTAssertEqual(buffer.plainText, " a b  ")
    }
}
