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

    func testListsOfObjectsWithChangingKeySetsKeepEveryMember() throws {
        // The parser shares a keys array between neighbouring objects with equal keys; objects whose
        // keys differ, nest or come back must still get exactly their own members.
        let line = "[{'a': 1, 'b': 2}, {'a': 3, 'b': 4}, {'a': 5}, {'a': 6, 'c': [{'x': 1}, {'x': 2, 'y': 3}]}, {'a': 7, 'b': 8}, {}]"
        let value = try LiteralParser.parse(line, dialect: .python)
        func object(_ members: [(String, LiteralValue)]) -> LiteralValue {
            .object(LiteralObject(keys: members.map(\.0), values: members.map(\.1)))
        }
        XCTAssertEqual(value, .array([
            object([("a", .int(1)), ("b", .int(2))]),
            object([("a", .int(3)), ("b", .int(4))]),
            object([("a", .int(5))]),
            object([("a", .int(6)), ("c", .array([object([("x", .int(1))]), object([("x", .int(2)), ("y", .int(3))])]))]),
            object([("a", .int(7)), ("b", .int(8))]),
            object([]),
        ]))
    }

    func testAParsedLineOfManySmallItemsTakesAtMostThreeTimesItsSize() throws {
        // A library line of 100,000 items used to take 12 times its size once parsed
        // (every object reserved room for 16 members and kept its own keys array).
        let items = (0..<100_000).map { "{'item_id': '\($0)', 'item_name': 'Game \($0)', 'playtime_forever': \($0), 'playtime_2weeks': 0}" }
        let line = Array(("{'user_id': 'u', 'items': [" + items.joined(separator: ", ") + "]}").utf8)
        let before = try Self.residentBytes()
        let value = try line.withUnsafeBufferPointer { try LiteralParser.parse($0, dialect: .python) }
        let grown = try Self.residentBytes() - before
        XCTAssertEqual(value.objectValue?["items"]?.arrayValue?.count, 100_000)
        XCTAssertLessThan(grown, 3 * line.count, "\(grown) bytes more resident for a line of \(line.count)")
    }

    /// The process's resident memory, from Linux's /proc (the heap statistics are not exported to Swift).
    private static func residentBytes() throws -> Int {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else {
            throw XCTSkip("no /proc/self/statm on this system")
        }
        let fields = statm.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { throw XCTSkip("unexpected /proc/self/statm") }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
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
