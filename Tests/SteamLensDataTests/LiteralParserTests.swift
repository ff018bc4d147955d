import XCTest
@testable import SteamLensData

final class LiteralParserTests: XCTestCase {
    func testJSONWithBareNaNParsesAsMissing() throws {
        let value = try LiteralParser.parse(#"{"price": NaN, "id": "761140", "tags": ["A", "B"], "early_access": false}"#, dialect: .json)
        let object = try XCTUnwrap(value.objectValue)
        XCTAssertEqual(object["price"], .nan)
        XCTAssertTrue(object["price"]!.isMissing)
        XCTAssertEqual(object["id"]?.integerValue, 761140)
        XCTAssertEqual(object["tags"], .array([.string("A"), .string("B")]))
        XCTAssertEqual(object["early_access"], .bool(false))
    }

    func testPythonLiteralQuotesKeywordsAndEscapes() throws {
        let line = #"{'a': True, 'b': None, 'c': "it's", 'd': 'caf\xe9 \u2665 \U0001F600 \n', 'e': [1, -2.5, 1e3], 'f': 'back\\slash'}"#
        let object = try XCTUnwrap(LiteralParser.parse(line, dialect: .python).objectValue)
        XCTAssertEqual(object["a"], .bool(true))
        XCTAssertEqual(object["b"], .null)
        XCTAssertEqual(object["c"], .string("it's"))
        XCTAssertEqual(object["d"], .string("café ♥ 😀 \n"))
        XCTAssertEqual(object["e"], .array([.int(1), .double(-2.5), .double(1000)]))
        XCTAssertEqual(object["f"], .string("back\\slash"))
    }

    func testPythonKeepsUnknownEscapesVerbatim() throws {
        XCTAssertEqual(try LiteralParser.parse(#"'a\d'"#, dialect: .python), .string("a\\d"))
    }

    func testJSONSurrogatePairsBecomeOneCharacter() throws {
        XCTAssertEqual(try LiteralParser.parse(#""\ud83d\ude00""#, dialect: .json), .string("😀"))
    }

    func testDialectsRejectEachOthersKeywords() {
        XCTAssertThrowsError(try LiteralParser.parse("True", dialect: .json))
        XCTAssertThrowsError(try LiteralParser.parse("true", dialect: .python))
        XCTAssertThrowsError(try LiteralParser.parse("'single'", dialect: .json))
    }

    func testErrorsNameTheColumnAndReason() {
        XCTAssertThrowsError(try LiteralParser.parse(#"{"id": "60", "title": "Broken"#, dialect: .json)) { error in
            let syntax = error as? LiteralSyntaxError
            XCTAssertEqual(syntax?.reason, "string is not closed")
            XCTAssertEqual(syntax?.offset, 22)
        }
        XCTAssertThrowsError(try LiteralParser.parse("{'a': 1} trailing", dialect: .python)) { error in
            XCTAssertEqual((error as? LiteralSyntaxError)?.reason, "unexpected text after the value")
        }
    }

    func testDeepNestingIsRejectedNotACrash() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        XCTAssertThrowsError(try LiteralParser.parse(deep, dialect: .json))
    }

    func testRandomBytesNeverCrashAndTruncationsAlwaysFail() {
        var rng = SplitMix64(seed: 7)
        let line = Array(#"{'user_id': 'x', 'items': [{'item_id': '10', 'playtime_forever': 5, 'name': "it's \xe9"}]}"#.utf8)
        for cut in 0..<line.count {
            let prefix = Array(line[0..<cut])
            XCTAssertThrowsError(try prefix.withUnsafeBufferPointer { try LiteralParser.parse($0, dialect: .python) }, "prefix of \(cut) bytes")
        }
        let alphabet = Array("{}[]:,'\"\\ aTNx0123456789eE.-+uU".utf8) + [0x00, 0xC3, 0xFF, 0x0A]
        for _ in 0..<5_000 {
            let count = Int(rng.next() % 40)
            let bytes = (0..<count).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
            _ = try? bytes.withUnsafeBufferPointer { try LiteralParser.parse($0, dialect: .python) }
            _ = try? bytes.withUnsafeBufferPointer { try LiteralParser.parse($0, dialect: .json) }
        }
    }
}

final class NaNRowDetectionTests: XCTestCase {
    private func isAllNaN(_ text: String) -> Bool {
        Array(text.utf8).withUnsafeBufferPointer { $0.isAllNaNObject }
    }

    func testOnlyObjectsWhoseEveryValueIsNaNAreEmptyRows() {
        XCTAssertTrue(isAllNaN(#"{"publisher": NaN, "genres": NaN, "id": NaN}"#))
        XCTAssertFalse(isAllNaN(#"{"publisher": NaN, "id": "10"}"#))
        XCTAssertFalse(isAllNaN(#"{"title": "a: NaN, b", "id": NaN}"#), "a colon inside a string cannot fool it")
        XCTAssertFalse(isAllNaN(#"{"a": NaNa}"#))
        XCTAssertFalse(isAllNaN(#"{"a": NaN"#), "a truncated line goes to the full parser")
        XCTAssertFalse(isAllNaN("{}"))
    }
}
