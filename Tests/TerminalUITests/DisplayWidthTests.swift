import XCTest
@testable import TerminalUI

final class DisplayWidthTests: XCTestCase {
    func testASCIIAndLatinTakeOneColumn() {
        XCTAssertEqual(displayWidth(of: "a" as Character), 1)
        XCTAssertEqual(displayWidth(of: "é" as Character), 1)
        XCTAssertEqual("Valve".displayWidth, 5)
    }

    func testEastAsianWideAndFullwidthTakeTwoColumns() {
        XCTAssertEqual(displayWidth(of: "東" as Character), 2)
        XCTAssertEqual(displayWidth(of: "한" as Character), 2)
        XCTAssertEqual(displayWidth(of: "あ" as Character), 2)
        XCTAssertEqual(displayWidth(of: "Ａ" as Character), 2)     // FF21 fullwidth A
        XCTAssertEqual(displayWidth(of: "ｱ" as Character), 1)      // FF71 halfwidth katakana
        XCTAssertEqual("東京 Game".displayWidth, 9)
    }

    func testCombiningMarksAndZeroWidthCharactersTakeNoColumn() {
        XCTAssertEqual(displayWidth(of: "\u{301}" as Unicode.Scalar), 0)
        XCTAssertEqual(displayWidth(of: "e\u{301}" as Character), 1)
        XCTAssertEqual(displayWidth(of: "\u{200B}" as Unicode.Scalar), 0)
        XCTAssertEqual(displayWidth(of: "\u{FE0F}" as Unicode.Scalar), 0)
        XCTAssertEqual("Pokémon".decomposedForTest.displayWidth, 7)
    }

    func testEmojiShownAsPicturesTakeTwoColumns() {
        XCTAssertEqual(displayWidth(of: "😀" as Character), 2)
        XCTAssertEqual(displayWidth(of: "🇫🇷" as Character), 2)
        XCTAssertEqual(displayWidth(of: "👩‍💻" as Character), 2)
        XCTAssertEqual(displayWidth(of: "❤" as Character), 1)          // text presentation by default
        XCTAssertEqual(displayWidth(of: "❤\u{FE0F}" as Character), 2)  // emoji presentation selector
    }

    func testControlCharactersTakeNoColumn() {
        XCTAssertEqual(displayWidth(of: "\t" as Character), 0)
        XCTAssertEqual(displayWidth(of: "\r\n" as Character), 0)
        XCTAssertEqual(displayWidth(of: "\u{1B}" as Character), 0)
        XCTAssertEqual(displayWidth(of: "\u{85}" as Character), 0)     // C1 NEL
        XCTAssertTrue(isControl("\u{7F}"))
        XCTAssertFalse(isControl(" "))
    }

    func testTruncationEndsWithEllipsisAndNeverExceedsWidth() {
        XCTAssertEqual("Counter-Strike".truncated(toWidth: 8), "Counter…")
        XCTAssertEqual("Counter-Strike".truncated(toWidth: 14), "Counter-Strike")
        XCTAssertEqual("東京東京".truncated(toWidth: 4), "東…")     // 東京 would be 4, but "…" needs a cell
        XCTAssertEqual("東京東京".truncated(toWidth: 5), "東京…")
        XCTAssertEqual("abc".truncated(toWidth: 0), "")
        XCTAssertEqual("abcdef".truncated(toWidth: 4, ellipsis: "~"), "abc~")
    }

    func testPaddingAlignsByDisplayWidth() {
        XCTAssertEqual("東".padded(toWidth: 4, alignment: .right), "  東")
        XCTAssertEqual("ab".padded(toWidth: 5, alignment: .center), " ab  ")
        XCTAssertEqual("abcdef".padded(toWidth: 4), "abc…")
    }
}

extension String {
    /// NFD form built by hand (no Foundation): "é" as "e" + U+0301.
    var decomposedForTest: String {
        var result = ""
        for scalar in unicodeScalars {
            if scalar == "é" { result += "e\u{301}" } else { result.unicodeScalars.append(scalar) }
        }
        return result
    }
}
