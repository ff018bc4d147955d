import XCTest
@testable import StreamingCatalog

final class InternedNamesTests: XCTestCase {
    func testSpellingsNameKeyForgivesShareANumberShownAsFirstWritten() {
        let interned = InternedNames([["Ryan Reynolds", "Zoë Kravitz"], [], ["ryan  reynolds", "Zoe Kravitz", "Ann Lee"], ["Ann Lee", "Ann Lee"]])
        XCTAssertEqual(Array(interned.names), ["Ryan Reynolds", "Zoë Kravitz", "Ann Lee"])
        XCTAssertEqual(interned.entries(), [2, 2, 3], "every entry counts, a name listed twice by one title too")
        XCTAssertEqual(Array(interned.offsets), [0, 2, 2, 5, 7])
        XCTAssertEqual((0..<4).map { Array(interned.ids(of: $0)) }, [[0, 1], [], [0, 1, 2], [2, 2]])
        XCTAssertEqual(interned.id(of: " ANN lee "), 2)
        XCTAssertNil(interned.id(of: "Nobody"))
        XCTAssertEqual(interned.byEntries(), ["Ann Lee", "Ryan Reynolds", "Zoë Kravitz"], "most entries first, then by name")
    }
}
