import XCTest
@testable import SteamLensEngine

final class BinaryMetricsTests: XCTestCase {
    func testAccuracyCountsMatchingDecisions() {
        XCTAssertEqual(BinaryMetrics.accuracy(predicted: [true, true, false, false],
                                              labels: [true, false, false, true]), 0.5)
    }

    func testMacroF1AveragesBothClasses() {
        // tp 2, fp 1, fn 1, tn 1: F1(pos) = 4/6, F1(neg) = 2/4.
        let predicted = [true, true, true, false, false]
        let labels = [true, true, false, true, false]
        XCTAssertEqual(BinaryMetrics.macroF1(predicted: predicted, labels: labels), (4.0 / 6 + 0.5) / 2, accuracy: 1e-12)
    }

    func testMacroF1OfAlwaysPositiveIsHalfThePositiveF1() {
        // 3 positives of 4: F1(pos) = 6/7, F1(neg) = 0.
        XCTAssertEqual(BinaryMetrics.macroF1(predicted: [true, true, true, true], labels: [true, true, true, false]),
                       3.0 / 7, accuracy: 1e-12)
    }

    func testAUCIsOneForPerfectRankingAndHalfForConstantScores() {
        XCTAssertEqual(BinaryMetrics.rocAUC(scores: [0.1, 0.4, 0.35, 0.8], labels: [false, true, false, true]), 1)
        XCTAssertEqual(BinaryMetrics.rocAUC(scores: [1, 1, 1], labels: [true, false, true]), 0.5)
    }

    func testAUCCountsTiesAsHalf() {
        // Pairs (pos, neg): (0.8,0.1) 1, (0.8,0.5) 1, (0.5,0.1) 1, (0.5,0.5) ½ → 3.5 / 4.
        XCTAssertEqual(BinaryMetrics.rocAUC(scores: [0.8, 0.5, 0.1, 0.5], labels: [true, true, false, false]), 0.875)
    }

    func testAUCOfReversedRankingIsZero() {
        XCTAssertEqual(BinaryMetrics.rocAUC(scores: [0.9, 0.1], labels: [false, true]), 0)
    }
}
