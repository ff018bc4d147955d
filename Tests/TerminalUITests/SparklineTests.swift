import XCTest
@testable import TerminalUI

final class SparklineTests: XCTestCase {
    func testOneRowUsesAllEightLevels() {
        let sparkline = Sparkline(values: [0, 1, 2, 3, 4, 5, 6, 7, 8])
        assertLines(renderLines(sparkline, width: 9, height: 1), [" ▁▂▃▄▅▆▇█"])
    }

    func testTwoRowsFillFromTheBottom() {
        // 16 eighths per column: 1 -> ▁ at the bottom, 8 -> a full bottom
        // cell, 12 -> full bottom and half top, 16 -> full both.
        let sparkline = Sparkline(values: [1, 8, 12, 16])
        assertLines(renderLines(sparkline, width: 4, height: 2), [
            "  ▄█",
            "▁███",
        ])
    }

    func testLongSeriesKeepTheMostRecentValues() {
        let sparkline = Sparkline(values: [8, 8, 8, 1, 2, 4, 8])
        assertLines(renderLines(sparkline, width: 4, height: 1), ["▁▂▄█"])
    }

    func testExplicitMaximumAndBadValues() {
        XCTAssertEqual(Sparkline.symbols([2, 4, -3, .nan, 100], maxValue: 8), "▂▄  █")
        XCTAssertEqual(Sparkline.levels([0, 0], rows: 1), [0, 0])
        XCTAssertEqual(Sparkline.levels([1, 1000], rows: 1), [1, 8], "a small positive value is never drawn as zero")
    }

    func testAsciiFallback() {
        XCTAssertEqual(Sparkline.symbols([0, 1, 4, 8], glyphs: .ascii), " _.#")
        assertLines(renderLines(Sparkline(values: [2, 8], glyphs: .ascii), width: 3, height: 1), ["_# "])
    }
}
