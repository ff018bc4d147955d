import XCTest
@testable import TerminalUI

final class TextViewTests: XCTestCase {
    let fox = "The quick brown fox jumps over the lazy dog"

    func testWrapsAtWordBoundaries() {
        XCTAssertEqual(TextView.wrap(fox, width: 10), ["The quick", "brown fox", "jumps over", "the lazy", "dog"])
    }

    func testKeepsParagraphBreaksAndSplitsOverlongWords() {
        XCTAssertEqual(TextView.wrap("ab\n\ncd", width: 5), ["ab", "", "cd"])
        XCTAssertEqual(TextView.wrap("https://store.example/app", width: 10), ["https://st", "ore.exampl", "e/app"])
        XCTAssertEqual(TextView.wrap("東京東京東京", width: 5), ["東京", "東京", "東京"])
    }

    func testScrollOffsetShowsLaterLinesAndStopsAtTheEnd() {
        assertLines(renderLines(TextView(text: fox, offset: 1), width: 10, height: 3), [
            "brown fox ",
            "jumps over",
            "the lazy  ",
        ])
        // An offset past the end shows the last full window.
        assertLines(renderLines(TextView(text: fox, offset: 99), width: 10, height: 2), [
            "the lazy  ",
            "dog       ",
        ])
        XCTAssertEqual(TextView(text: fox).lineCount(width: 10), 5)
    }

    func testControlCharactersInReviewsAreSanitisedAndSpacesCollapsed() {
        let review = "Great\u{1B}[5m game\r\nwould\tplay\u{7} again"
        assertLines(renderLines(TextView(text: review), width: 16, height: 3), [
            "Great game      ",
            "would play again",
            "                ",
        ])
    }
}
