import XCTest
@testable import SteamLensEngine

final class SentimentCalibrationTests: XCTestCase {
    func testSeparableValidationPutsThresholdBetweenTheClasses() {
        let c = SentimentCalibration(probabilities: [0.9, 0.1, 0.7, 0.2, 0.6, 0.3],
                                     labels: [true, false, true, false, true, false])
        XCTAssertEqual(c.threshold, 0.45, accuracy: 1e-12)
        XCTAssertEqual(c.neutralBand.lowerBound, 0.45, accuracy: 1e-12)
        XCTAssertEqual(c.neutralBand.upperBound, 0.45, accuracy: 1e-12)
    }

    func testNeutralBandCoversProbabilitiesWhereTheRecommendRateIsNearHalf() {
        // Isotonic rates by probability: 0, 0, ½, ½, 1, 1.
        let c = SentimentCalibration(probabilities: [0.1, 0.2, 0.4, 0.5, 0.8, 0.9],
                                     labels: [false, false, true, false, true, true])
        XCTAssertEqual(c.neutralBand.lowerBound, 0.3, accuracy: 1e-12)
        XCTAssertEqual(c.neutralBand.upperBound, 0.65, accuracy: 1e-12)
        XCTAssertTrue(c.neutralBand.contains(c.threshold))
    }

    func testOneClassValidationFallsBack() {
        XCTAssertEqual(SentimentCalibration(probabilities: [0.2, 0.9], labels: [true, true]), .fallback)
    }
}
