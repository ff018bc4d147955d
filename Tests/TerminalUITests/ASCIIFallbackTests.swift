import XCTest
@testable import TerminalUI

final class ASCIIFallbackTests: XCTestCase {
    func testTheSeparatorsTheHeaderUsesHaveOneCellASCIIForms() {
        XCTAssertEqual(ASCIIFallback.symbol("·"), "|")
        XCTAssertEqual(ASCIIFallback.symbol("–"), "-")
        XCTAssertEqual(ASCIIFallback.symbol("…"), "~")
        XCTAssertEqual(ASCIIFallback.symbol("a"), "a")
        XCTAssertEqual(ASCIIFallback.symbol("é"), "?")
        for (symbol, replacement) in ASCIIFallback.table {
            XCTAssertEqual(replacement.displayWidth, symbol.displayWidth, "\(symbol) keeps its width")
        }
    }

    func testABufferFallsBackToPlainASCIIWithoutMovingColumns() {
        var buffer = Buffer(size: Size(width: 24, height: 1))
        buffer.write("2010–2015 · 漢 ok", x: 0, y: 0)
        buffer.fallBackToASCII()
        XCTAssertEqual(buffer.plainLines(trimmingTrailingSpaces: true), ["2010-2015 | ?? ok"])
        XCTAssertTrue(buffer.cells.allSatisfy { $0.symbol.unicodeScalars.allSatisfy { $0.isASCII } })
    }

    func testOnlyTheASCIIGlyphSetAsksForTheFallback() {
        XCTAssertFalse(Glyphs.ascii.isUnicode)
        XCTAssertTrue(Glyphs.unicode.isUnicode)
    }
}
