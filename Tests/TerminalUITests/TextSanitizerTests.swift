import XCTest
@testable import TerminalUI

final class TextSanitizerTests: XCTestCase {
    func testPlainTextIsReturnedUnchanged() {
        XCTAssertEqual(TextSanitizer.sanitize("Great game, 10/10 東京"), "Great game, 10/10 東京")
    }

    func testAnsiColourAndOscSequencesAreRemovedWhole() {
        XCTAssertEqual(TextSanitizer.sanitize("\u{1B}[1;31mred\u{1B}[0m"), "red")
        XCTAssertEqual(TextSanitizer.sanitize("a\u{1B}]0;title\u{7}b"), "ab")
        XCTAssertEqual(TextSanitizer.sanitize("a\u{1B}]8;;http://x\u{1B}\\link"), "alink")
        XCTAssertEqual(TextSanitizer.sanitize("a\u{9B}2Jb"), "ab")
        XCTAssertEqual(TextSanitizer.sanitize("x\u{1B}cy"), "xy")
    }

    func testBidiOverridesAndIsolatesAreDroppedSoANameCannotDisplayReordered() {
        XCTAssertEqual(TextSanitizer.sanitize("evil\u{202E}gpj.exe"), "evilgpj.exe")
        XCTAssertEqual(TextSanitizer.sanitize("a\u{2066}b\u{2069}c\u{200F}d\u{061C}"), "abcd")
        XCTAssertEqual(TextSanitizer.sanitize("שלום עולם"), "שלום עולם")
    }

    func testTabsBecomeSpacesAndNewlinesAreKeptOnlyWhenAsked() {
        XCTAssertEqual(TextSanitizer.sanitize("a\tb", tabWidth: 2), "a  b")
        XCTAssertEqual(TextSanitizer.sanitize("one\r\ntwo\rthree\nfour"), "one two three four")
        XCTAssertEqual(TextSanitizer.sanitize("one\r\ntwo\rthree\nfour", keepNewlines: true), "one\ntwo\nthree\nfour")
    }

    func testOtherControlCharactersAreDropped() {
        XCTAssertEqual(TextSanitizer.sanitize("a\u{0}b\u{7}c\u{8}d\u{7F}e\u{85}f\u{C}g"), "abcdefg")
    }
}
