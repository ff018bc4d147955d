import XCTest
@testable import TerminalUI

final class LayoutTests: XCTestCase {
    let screen = Rect(x: 0, y: 0, width: 80, height: 24)

    func testFixedAndPercentagePartsComeFirstAndFillTakesTheRest() {
        let parts = screen.split(.horizontal, [.fixed(10), .fill, .percentage(25)])
        XCTAssertEqual(parts, [
            Rect(x: 0, y: 0, width: 10, height: 24),
            Rect(x: 10, y: 0, width: 50, height: 24),
            Rect(x: 60, y: 0, width: 20, height: 24),
        ])
    }

    func testFillWeightsShareTheRemainderAndRoundingGoesToTheFirst() {
        let rows = Rect(x: 0, y: 2, width: 5, height: 10).split(.vertical, [.fill(1), .fill(2)])
        XCTAssertEqual(rows.map(\.height), [4, 6])
        XCTAssertEqual(rows.map(\.y), [2, 6])
    }

    func testSpacingSeparatesPartsAndOverAllocationShrinksTheLast() {
        let parts = screen.split(.horizontal, [.fixed(30), .fill], spacing: 2)
        XCTAssertEqual(parts.map(\.x), [0, 32])
        XCTAssertEqual(parts.map(\.width), [30, 48])
        let over = screen.split(.vertical, [.fixed(20), .fixed(20)])
        XCTAssertEqual(over.map(\.height), [20, 4])
        XCTAssertEqual(screen.split(.vertical, []).count, 0)
    }

    func testRectHelpers() {
        XCTAssertEqual(screen.inset(by: 1), Rect(x: 1, y: 1, width: 78, height: 22))
        XCTAssertEqual(screen.centered(width: 20, height: 4), Rect(x: 30, y: 10, width: 20, height: 4))
        XCTAssertEqual(Rect(x: 0, y: 0, width: 4, height: 4).inset(by: 3).isEmpty, true)
        XCTAssertEqual(Rect(x: 0, y: 0, width: 10, height: 10).intersection(Rect(x: 5, y: 8, width: 10, height: 10)),
                       Rect(x: 5, y: 8, width: 5, height: 2))
    }

    func testTooSmallBelowSixtyBySixteen() {
        XCTAssertFalse(Size(width: 60, height: 16).isTooSmall)
        XCTAssertTrue(Size(width: 59, height: 40).isTooSmall)
        XCTAssertTrue(Size(width: 200, height: 15).isTooSmall)
    }

    func testTooSmallNoticeIsCentred() {
        assertLines(renderLines(TooSmallNotice(size: Size(width: 40, height: 5)), width: 40, height: 5), [
            "                                        ",
            "           terminal too small           ",
            "           40x5 (need 60x16)            ",
            "         enlarge it or press q          ",
            "                                        ",
        ])
    }

    func testScrollOffsetMovesOnlyWhenTheCursorLeavesTheWindow() {
        XCTAssertEqual(Scrolling.offset(keeping: 12, visible: 10, offset: 0, count: 50), 3)
        XCTAssertEqual(Scrolling.offset(keeping: 5, visible: 10, offset: 3, count: 50), 3)
        XCTAssertEqual(Scrolling.offset(keeping: 1, visible: 10, offset: 3, count: 50), 1)
        XCTAssertEqual(Scrolling.offset(keeping: nil, visible: 10, offset: 45, count: 50), 40, "never past the end")
        XCTAssertEqual(Scrolling.offset(keeping: 3, visible: 0, offset: 3, count: 50), 0)
    }
}
