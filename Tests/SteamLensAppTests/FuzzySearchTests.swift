@testable import SteamLensApp
import XCTest

final class FuzzySearchTests: XCTestCase {
    func row(_ id: Int, _ name: String) -> PaneRow {
        PaneRow(id: id, name: name, key: name.lowercased(), values: [0, 0])
    }

    func testExactBeatsPrefixBeatsSubstringBeatsLettersInOrder() {
        let rows = [row(0, "valve hidden path"), row(1, "the valve team"), row(2, "vxaxlxvxe"), row(3, "valve")]
        XCTAssertEqual(FuzzySearch.bestMatch("VALVE", in: rows, from: 0), 3)
        XCTAssertEqual(FuzzySearch.bestMatch("valve h", in: rows, from: 0), 0)
        XCTAssertEqual(FuzzySearch.bestMatch("vxl", in: rows, from: 0), 2)
        XCTAssertNil(FuzzySearch.bestMatch("zzz", in: rows, from: 0))
    }

    func testAccentsAreIgnored() {
        let rows = [row(0, "abc"), PaneRow(id: 1, name: "Pokémon", key: "pokemon", values: [0, 0])]
        XCTAssertEqual(FuzzySearch.bestMatch("POKÉMON", in: rows, from: 0), 1)
    }

    func testNextMatchWrapsAndPrefersSubstrings() {
        let rows = [row(0, "alpha"), row(1, "beta"), row(2, "alpine"), row(3, "a-l-x")]
        XCTAssertEqual(FuzzySearch.nextMatch("al", in: rows, after: 0, forward: true), 2)
        XCTAssertEqual(FuzzySearch.nextMatch("al", in: rows, after: 2, forward: true), 0, "a-l-x only matches letters in order")
        XCTAssertEqual(FuzzySearch.nextMatch("al", in: rows, after: 0, forward: false), 2)
    }

    func testSlugMakesAFileNameFromATitle() {
        XCTAssertEqual(slug("Valve · items and free% per year"), "valve-items-and-free-per-year")
        XCTAssertEqual(slug("···"), "table")
    }

    func testAWordsPrefixRanksAboveASubstringAndLettersMustBeClose() {
        let rows = [row(0, "the navalvex"), row(1, "big valve co"), row(2, "coldwild games,vladimir slav,lev zvezdny quinn")]
        XCTAssertEqual(FuzzySearch.rank("valve", "big valve co"), 2)
        XCTAssertEqual(FuzzySearch.rank("valve", "the navalvex"), 3)
        XCTAssertEqual(FuzzySearch.bestMatch("valve", in: rows, from: 0), 1, "a word starting with the query beats one containing it")
        XCTAssertNil(FuzzySearch.bestMatch("valvezzq", in: rows, from: 0), "letters scattered over a long name are no match")
        XCTAssertEqual(FuzzySearch.rank("cstrk", "counter-strike"), 4)
        XCTAssertEqual(FuzzySearch.matchCount("v", in: rows), 3)
        XCTAssertEqual(FuzzySearch.matchCount("valvezzq", in: rows), 0)
    }

    func testTheSearchPromptCountsMatchesAndSaysNoMatch() {
        var state = Fixture.state()
        state.press("/ z z q x")
        XCTAssertEqual(state.search?.matches, 0)
        XCTAssertEqual(state.status, "no match for \"zzqx\"")
        state.press("Esc")
        XCTAssertEqual(state.status, "no match for \"zzqx\"")
    }
}
