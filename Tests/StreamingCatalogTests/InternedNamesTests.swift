import SteamLensData
import XCTest
@testable import StreamingCatalog

final class InternedNamesTests: XCTestCase {
    func testSpellingsNameKeyForgivesShareANumberShownAsFirstWritten() {
        let interned = InternedNames([["Ryan Reynolds", "Zoë Kravitz"], [], ["ryan  reynolds", "Zoe Kravitz", "Ann Lee"], ["Ann Lee", "Ann Lee"]])
        XCTAssertEqual(Array(interned.names), ["Ryan Reynolds", "Zoë Kravitz", "Ann Lee"])
        XCTAssertEqual(Array(interned.entries), [2, 2, 3], "every entry counts, a name listed twice by one title too")
        XCTAssertEqual(Array(interned.offsets), [0, 2, 2, 5, 7])
        XCTAssertEqual((0..<4).map { Array(interned.ids(of: $0)) }, [[0, 1], [], [0, 1, 2], [2, 2]])
        XCTAssertEqual(interned.id(of: " ANN lee "), 2)
        XCTAssertNil(interned.id(of: "Nobody"))
        XCTAssertEqual(interned.byEntries(), ["Ann Lee", "Ryan Reynolds", "Zoë Kravitz"], "most entries first, then by name")
    }

    func testStoredPartsThatDoNotFitAreRejected() {
        let good = InternedNames([["a", "b"], ["b"]])
        func check(_ offsets: [Int32], _ ids: [Int32], _ entries: [Int32] = [1, 2], titles: Int = 2) -> InternedNames? {
            InternedNames.validated(names: good.names, offsets: Column(offsets), ids: Column(ids), entries: Column(entries), titles: titles)
        }
        XCTAssertNotNil(check([0, 2, 3], [0, 1, 1]))
        XCTAssertNil(check([0, 2, 3], [0, 1, 1], titles: 3), "an offset per title and one more")
        XCTAssertNil(check([1, 2, 3], [0, 1, 1]), "from 0")
        XCTAssertNil(check([0, 3, 2], [0, 1, 1]), "ascending")
        XCTAssertNil(check([0, 2, 4], [0, 1, 1]), "to the number of ids")
        XCTAssertNil(check([0, 2, 3], [0, 2, 1]), "every id a name")
        XCTAssertNil(check([0, 2, 3], [0, -1, 1]), "no negative id")
        XCTAssertNil(check([0, 2, 3], [0, 1, 1], [1]), "a count per name")
    }
}
