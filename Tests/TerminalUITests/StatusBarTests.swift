import XCTest
@testable import TerminalUI

final class StatusBarTests: XCTestCase {
    func testAllHintsShowWhenTheyFit() {
        assertLines(renderLines(StatusBar(keymap: testKeymap), width: 70, height: 1), [
            " / search  Tab pane  Enter open  s sort  h histogram  ? help  q quit  ",
        ])
    }

    func testLeastImportantHintsAreDroppedFirstAndOrderIsKept() {
        // By priority: q(0) ? (5) / (10) Tab(20) Enter(30) s(40) h(50).
        assertLines(renderLines(StatusBar(keymap: testKeymap), width: 40, height: 1), [
            " / search  Tab pane  ? help  q quit     ",
        ])
        assertLines(renderLines(StatusBar(keymap: testKeymap), width: 16, height: 1), [
            " ? help  q quit ",
        ])
        XCTAssertEqual(StatusBar(keymap: testKeymap).visibleHints(width: 5).map(\.key), [])
    }

    func testANarrowerHintIsNotShownInPlaceOfAMoreImportantOne() {
        let bar = StatusBar(hints: [.init(key: "Enter", description: "open the game", priority: 0),
                                    .init(key: "q", description: "quit", priority: 1)])
        XCTAssertEqual(bar.visibleHints(width: 12).map(\.key), [])
    }

    func testTrailingTextIsRightAlignedAndReservesItsSpace() {
        let bar = StatusBar(keymap: testKeymap, trailing: "32,135 games")
        assertLines(renderLines(bar, width: 40, height: 1), [
            " / search  ? help  q quit  32,135 games ",
        ])
    }

    func testKeysAreStyledApartFromDescriptions() {
        let buffer = renderBuffer(StatusBar(hints: [.init(key: "q", description: "quit")], theme: .monochrome),
                                  width: 10, height: 1)
        XCTAssertTrue(buffer[1, 0].style.bold)
        XCTAssertFalse(buffer[3, 0].style.bold)
    }
}
