import XCTest
@testable import SteamLensSample

/// The expected strings are what Python 3 prints (`repr(s)` / `json.dumps(s)`).
final class LiteralEncodingTests: XCTestCase {
    private func python(_ text: String) -> String {
        var line = LineBuffer(); line.python(text)
        return String(decoding: line.bytes, as: UTF8.self)
    }

    private func json(_ text: String) -> String {
        var line = LineBuffer(); line.json(text)
        return String(decoding: line.bytes, as: UTF8.self)
    }

    func testPythonReprPicksQuotesLikePython() {
        XCTAssertEqual(python("plain"), "'plain'")
        XCTAssertEqual(python("it's"), #""it's""#)
        XCTAssertEqual(python(#"say "hi""#), #"'say "hi"'"#)
        XCTAssertEqual(python(#"it's "both""#), #"'it\'s "both"'"#)
        XCTAssertEqual(python(""), "''")
    }

    func testPythonReprEscapesControlsAndNonPrintablesButKeepsPrintableUnicode() {
        XCTAssertEqual(python("a\\b"), #"'a\\b'"#)
        XCTAssertEqual(python("t\tn\nr\r"), #"'t\tn\nr\r'"#)
        XCTAssertEqual(python("\u{01}\u{7F}\u{85}\u{A0}"), #"'\x01\x7f\x85\xa0'"#)
        XCTAssertEqual(python("\u{200B}\u{FEFF}"), #"'\u200b\ufeff'"#)
        XCTAssertEqual(python("bad ♥♥♥ café 弹炸人 Ёж"), "'bad ♥♥♥ café 弹炸人 Ёж'")
    }

    func testJSONEscapesLikePythonJsonDumps() {
        XCTAssertEqual(json("Design &amp; Illustration"), #""Design &amp; Illustration""#)
        XCTAssertEqual(json("弹炸人2222"), #""\u5f39\u70b8\u4eba2222""#)
        XCTAssertEqual(json("a\"b\\c/d"), #""a\"b\\c/d""#)
        XCTAssertEqual(json("\u{7F}\u{01}\n™"), #""\u007f\u0001\n\u2122""#)
        XCTAssertEqual(json("😀"), #""\ud83d\ude00""#)
    }

    func testMissingValuesAndFloatsAreWrittenAsPandasDid() {
        var line = LineBuffer()
        line.json(nil as [String]?); line.raw(" "); line.jsonOrNaN(nil); line.raw(" ")
        line.jsonFloat(4.99); line.raw(" "); line.jsonFloat(499); line.raw(" "); line.jsonFloat(0)
        XCTAssertEqual(String(decoding: line.bytes, as: UTF8.self), "NaN NaN 4.99 499.0 0.0")
    }

    func testIntegersAreWrittenInDecimal() {
        var line = LineBuffer()
        for value in [0, 7, 10, 632_452, -15, Int.max] { line.int(value); line.raw(" ") }
        XCTAssertEqual(String(decoding: line.bytes, as: UTF8.self), "0 7 10 632452 -15 \(Int.max) ")
    }

    func testStoreSlugsKeepOnlyASCIILettersDigitsAndUnderscores() {
        XCTAssertEqual(GameRecord.slug("Real Pool 3D - Poolians"), "Real_Pool_3D__Poolians")
        XCTAssertEqual(GameRecord.slug("Wolfenstein II: The New Colossus"), "Wolfenstein_II_The_New_Colossus")
        XCTAssertEqual(GameRecord.slug("弹炸人2222"), "2222")
    }

    func testThousandsAreGroupedWithCommas() {
        XCTAssertEqual(UserDraws.grouped(7), "7")
        XCTAssertEqual(UserDraws.grouped(1_234), "1,234")
        XCTAssertEqual(UserDraws.grouped(1_234_567), "1,234,567")
    }
}
