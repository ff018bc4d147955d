import XCTest
@testable import TerminalUI

final class HistogramTests: XCTestCase {
    let bins = [
        Histogram.Bin(lower: 0, upper: 10, count: 5),
        Histogram.Bin(lower: 10, upper: 20, count: 12),
        Histogram.Bin(lower: 20, upper: 30, count: 0),
        Histogram.Bin(lower: 30, upper: 40, count: 1, includesUpper: true),
    ]

    func testBarsEndOnPartialBlocksInEighths() {
        // 18 bar cells = 144 eighths for the largest count (12):
        // 5 -> 60 eighths = 7 cells + 4/8 (▌); 1 -> 12 eighths = 1 cell + 4/8.
        assertLines(renderLines(Histogram(bins: bins), width: 30, height: 5), [
            "[0, 10)   5 ███████▌          ",
            "[10, 20) 12 ██████████████████",
            "[20, 30)  0                   ",
            "[30, 40]  1 █▌                ",
            "total    18                   ",
        ])
    }

    func testEveryPartialBlockGlyphIsUsedForItsEighth() {
        // One bar cell per bin, max count 8: count n is n eighths.
        let eighths = (1...8).map { Histogram.Bin(lower: Double($0), upper: Double($0 + 1), count: $0) }
        let lines = renderLines(Histogram(bins: eighths, showsTotal: false), width: 10, height: 8)
        XCTAssertEqual(lines.map { String($0.suffix(1)) }, ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"])
    }

    func testAsciiFallbackRoundsToWholeHashes() {
        assertLines(renderLines(Histogram(bins: bins, glyphs: .ascii), width: 30, height: 5), [
            "[0, 10)   5 ########          ",
            "[10, 20) 12 ##################",
            "[20, 30)  0                   ",
            "[30, 40]  1 ##                ",
            "total    18                   ",
        ])
    }

    func testLogScaleKeepsSmallBinsVisibleBesideHugeOnes() {
        let edges = Histogram.logarithmicEdges(from: 1, to: 10_000, count: 4)
        XCTAssertEqual(edges, [1, 10, 100, 1000, 10_000])
        let values = [5.0] + Array(repeating: 50.0, count: 10) + Array(repeating: 500.0, count: 100)
            + Array(repeating: 5000.0, count: 1000)
        let binned = Histogram.bin(values, edges: edges)
        XCTAssertEqual(binned.map(\.count), [1, 10, 100, 1000])
        // 10 bar cells = 80 eighths; log1p(1)/log1p(1000)*80 = 8.03 -> 8 eighths,
        // log1p(10): 27.8 -> 28, log1p(100): 53.4 -> 53 (6 cells + 5/8).
        assertLines(renderLines(Histogram(bins: binned, scale: .logarithmic), width: 30, height: 5), [
            "[1, 10)           1 █         ",
            "[10, 100)        10 ███▌      ",
            "[100, 1000)     100 ██████▋   ",
            "[1000, 10000] 1,000 ██████████",
            "total         1,111           ",
        ])
        // On a linear scale the smallest bin shrinks to the minimum sliver.
        let linear = renderLines(Histogram(bins: binned, showsTotal: false), width: 30, height: 1)
        XCTAssertEqual(linear, ["[1, 10)           1 ▏         "])
    }

    func testBinningCountsTheMaximumInTheLastBinAndSkipsOutliers() {
        let edges = Histogram.linearEdges(from: 0, to: 40, count: 4)
        XCTAssertEqual(edges, [0, 10, 20, 30, 40])
        let binned = Histogram.bin([0, 9.99, 10, 39.9, 40, 41, -1, .nan], edges: edges)
        XCTAssertEqual(binned.map(\.count), [2, 1, 0, 2])
        XCTAssertEqual(binned.map(\.includesUpper), [false, false, false, true])
        let histogram = Histogram(bins: binned)
        XCTAssertEqual(binned.map(histogram.label(for:)), ["[0, 10)", "[10, 20)", "[20, 30)", "[30, 40]"])
        XCTAssertEqual(histogram.total, 5)
    }

    func testFractionalEdgesAndThousandsInCounts() {
        let bins = [Histogram.Bin(lower: 0, upper: 0.25, count: 12_345), Histogram.Bin(lower: 0.25, upper: 0.5, count: 0)]
        assertLines(renderLines(Histogram(bins: bins), width: 24, height: 3), [
            "[0, 0.25)   12,345 █████",
            "[0.25, 0.5)      0      ",
            "total       12,345      ",
        ])
    }

    func testTheTotalLineStaysWhenBinsAreCutByHeight() {
        let lines = renderLines(Histogram(bins: bins), width: 20, height: 2)
        XCTAssertEqual(lines[1].prefix(11), "total    18")
        XCTAssertTrue(lines[0].hasPrefix("[0, 10)"))
    }
}
