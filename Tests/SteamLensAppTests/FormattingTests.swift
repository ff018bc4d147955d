import XCTest
@testable import SteamLensApp

final class FormattingTests: XCTestCase {
    func testGroupedNumbersKeepOneDecimalOnlyForFractions() {
        XCTAssertEqual(Formatting.grouped(1234), "1,234")
        XCTAssertEqual(Formatting.grouped(12.5), "12.5")
    }

    func testValuesPastIntsRangeArePrintedNotTrapped() {
        XCTAssertEqual(Formatting.grouped(9.3e18), Formatting.decimal(9.3e18, digits: 0))
        XCTAssertFalse(Formatting.grouped(-1e300).isEmpty)
        XCTAssertEqual(Formatting.grouped(.nan), "?")
    }
}
