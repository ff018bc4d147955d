import XCTest
@testable import SteamLensApp

final class FormattingTests: XCTestCase {
    func testGroupedNumbersHaveTheColumnsFixedDecimals() {
        XCTAssertEqual(Formatting.grouped(1234, digits: 0), "1,234")
        XCTAssertEqual(Formatting.grouped(1_208_093.25, digits: 1), "1,208,093.3")
        XCTAssertEqual(Formatting.grouped(672_178, digits: 1), "672,178.0")
        XCTAssertEqual(Formatting.grouped(-0.04, digits: 1), "0.0")
        XCTAssertEqual(Formatting.grouped(9.5, digits: 2), "9.50")
    }

    func testValuesPastIntsRangeArePrintedNotTrapped() {
        XCTAssertFalse(Formatting.grouped(9.3e18, digits: 0).isEmpty)
        XCTAssertFalse(Formatting.grouped(-1e300, digits: 2).isEmpty)
        XCTAssertEqual(Formatting.grouped(.nan, digits: 1), "NaN")
    }

    func testCountsSayOneOrMany() {
        XCTAssertEqual(Formatting.counted(1, "review"), "1 review")
        XCTAssertEqual(Formatting.counted(3_708, "review"), "3,708 reviews")
        XCTAssertEqual(Formatting.counted(0, "game"), "0 games")
    }
}
