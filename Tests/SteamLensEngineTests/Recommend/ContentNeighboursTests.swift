import XCTest
import SteamLensData
@testable import SteamLensEngine

final class ContentNeighboursTests: XCTestCase {
    /// Four games over genres {0, 1} and tags {0, 1, 2}; every feature has
    /// df 2 (idf ln 2) except tag 2 (df 1, idf ln 4). Cosines by hand:
    /// cos(0,1) = 2/√6, cos(1,2) = 1/√6, cos(2,3) = 1/√10, all others 0.
    func makeFeatures() -> GameFeatures {
        GameFeatures(itemCount: 4,
                     genres: [[0], [0], [1], [1]],
                     tags: [[0], [0, 1], [1], [2]],
                     specs: [[], [], [], []],
                     developer: [nil, nil, nil, nil],
                     titles: ["Alpha", "Bravo", "Charlie", "Delta"])
    }

    func testNeighboursMatchHandComputedCosines() {
        let content = ContentNeighbours.build(makeFeatures(), maxDocumentFrequency: 1)
        let ofBravo = content.similar(to: 1, count: 5)
        XCTAssertEqual(ofBravo.map(\.item), [0, 2])
        XCTAssertEqual(ofBravo[0].score, Float(2 / 6.0.squareRoot()), accuracy: 1e-5)
        XCTAssertEqual(ofBravo[1].score, Float(1 / 6.0.squareRoot()), accuracy: 1e-5)
        let ofCharlie = content.similar(to: 2, count: 5)
        XCTAssertEqual(ofCharlie.map(\.item), [1, 3])
        XCTAssertEqual(ofCharlie[1].score, Float(1 / 10.0.squareRoot()), accuracy: 1e-5)
        XCTAssertEqual(content.similar(to: 0, count: 5).map(\.item), [1], "games sharing nothing are not neighbours")
    }

    /// Rows scored on demand through the inverted index are the exact
    /// cosine top lists: checked against a brute-force pass over every pair
    /// on random catalogues (the same sums in the same order, so equal scores).
    func testOnDemandRowsAreTheExactCosineTopLists() {
        var random = SplitMix64(seed: 7)
        for _ in 0..<5 {
            let n = 60
            func draw(_ values: Int32, _ most: Int) -> [[Int32]] {
                (0..<n).map { _ in (0..<Int.random(in: 0...most, using: &random)).map { _ in Int32.random(in: 0..<values, using: &random) } }
            }
            let f = GameFeatures(itemCount: n, genres: draw(4, 2), tags: draw(12, 4), specs: draw(5, 2),
                                 developer: (0..<n).map { _ in Int.random(in: 0...3, using: &random) == 0 ? nil : Int32.random(in: 0..<10, using: &random) },
                                 titles: (0..<n).map { "Game \($0)" })
            let content = ContentNeighbours.build(f, maxDocumentFrequency: 1)
            // The same features and weights, by hand: genres, tags, specs, developers, each field's ids after the last.
            func size(_ ids: [[Int32]]) -> Int32 { (ids.flatMap { $0 }.max() ?? -1) + 1 }
            let offsets: [Int32] = [0, size(f.genres), size(f.genres) + size(f.tags), size(f.genres) + size(f.tags) + size(f.specs)]
            let features: [[Int32]] = (0..<n).map { i in
                var fs = f.genres[i] + f.tags[i].map { $0 + offsets[1] } + f.specs[i].map { $0 + offsets[2] }
                if let d = f.developer[i] { fs.append(d + offsets[3]) }
                return Array(Set(fs)).sorted()
            }
            var df: [Int32: Int] = [:]
            for fs in features { for x in fs { df[x, default: 0] += 1 } }
            let weights: [[Int32: Float]] = features.map { fs in
                let w = fs.map { Float(log(Double(n) / Double(df[$0]!))) }
                let norm = sqrt(w.reduce(0) { $0 + $1 * $1 })
                return Dictionary(uniqueKeysWithValues: zip(fs, w).compactMap { x, v in norm > 0 && v > 0 ? (x, v / norm) : nil })
            }
            for i in 0..<n {
                var exact: [(item: Int32, score: Float)] = []
                for j in 0..<n where j != i {
                    var dot: Float = 0
                    for x in features[i] { if let wi = weights[i][x], let wj = weights[j][x] { dot += wi * wj } }
                    if dot > 0 { exact.append((Int32(j), dot)) }
                }
                exact.sort { $0.score > $1.score || ($0.score == $1.score && $0.item < $1.item) }
                let got = content.similar(to: Int32(i), count: 8, hideOwnEditions: false)
                XCTAssertEqual(got.map(\.item), exact.prefix(8).map(\.item), "game \(i)")
                XCTAssertEqual(got.map(\.score), exact.prefix(8).map(\.score), "game \(i)")
            }
        }
    }

    func testTheGameItselfNeverAppears() {
        let content = ContentNeighbours.build(makeFeatures(), maxDocumentFrequency: 1)
        for item in Int32(0)..<4 {
            for hide in [true, false] {
                XCTAssertFalse(content.similar(to: item, count: 10, hideOwnEditions: hide).contains { $0.item == item })
            }
        }
    }

    func testCountAndUnknownItemsAreRespected() {
        let content = ContentNeighbours.build(makeFeatures(), maxDocumentFrequency: 1)
        XCTAssertEqual(content.similar(to: 1, count: 1).map(\.item), [0])
        XCTAssertTrue(content.similar(to: 99, count: 5).isEmpty)
    }

    func testVeryCommonFeaturesAreDroppedAsStopWords() {
        // Genre 0 is on 3 of 4 games; with the default 0.5 cut-off it no
        // longer links Alpha and Bravo, which then share nothing else.
        let f = GameFeatures(itemCount: 4, genres: [[0], [0], [0], [1]], tags: [[], [], [5], [5]],
                             specs: [[], [], [], []], developer: [nil, nil, nil, nil],
                             titles: ["A1", "B2", "C3", "D4"])
        XCTAssertEqual(ContentNeighbours.build(f, maxDocumentFrequency: 1).similar(to: 0, count: 5).map(\.item), [1, 2])
        XCTAssertTrue(ContentNeighbours.build(f).similar(to: 0, count: 5).isEmpty)
    }

    /// Same genre and tag on the first eight games, so only the filter
    /// decides; the ninth shares nothing (and keeps the idf above zero).
    func makeCatalogue() -> GameFeatures {
        let titles = ["Portal 2", "Portal 2 - Soundtrack", "Portal 2: Peer Review", "Borderlands",
                      "Borderlands 2", "Borderlands: Game of the Year Edition", "Space Opera Soundtrack",
                      "Quiet Garden", "Elsewhere"]
        let n = titles.count
        return GameFeatures(itemCount: n, genres: Array(repeating: [0], count: n - 1) + [[1]],
                            tags: Array(repeating: [1], count: n - 1) + [[2]],
                            specs: Array(repeating: [], count: n),
                            developer: [0, 0, 0, 1, 1, 1, 2, 3, 4], titles: titles,
                            isAddOn: [false, false, true, false, false, false, false, false, false])
    }

    func testOwnSoundtrackDLCAndEditionsAreHiddenByDefault() {
        let content = ContentNeighbours.build(makeCatalogue(), maxDocumentFrequency: 1)
        let portal = Set(content.similar(to: 0, count: 10).map(\.item))
        XCTAssertFalse(portal.contains(1), "own soundtrack hidden")
        XCTAssertFalse(portal.contains(2), "store-flagged DLC of the same developer hidden")
        XCTAssertTrue(portal.contains(6), "someone else's soundtrack is not Portal's")
        XCTAssertTrue(portal.contains(3))
        let borderlands = Set(content.similar(to: 3, count: 10).map(\.item))
        XCTAssertTrue(borderlands.contains(4), "a sequel is a different game")
        XCTAssertFalse(borderlands.contains(5), "GOTY edition hidden")
    }

    func testTheSwitchShowsOwnEditionsAgain() {
        let content = ContentNeighbours.build(makeCatalogue(), maxDocumentFrequency: 1)
        let all = content.similar(to: 0, count: 10, hideOwnEditions: false).map(\.item)
        XCTAssertTrue(all.contains(1) && all.contains(2))
        XCTAssertFalse(all.contains(0))
        XCTAssertEqual(all.count, 7)
    }

    func testEditionFilterRules() {
        let filter = OwnEditionFilter(makeCatalogue())
        XCTAssertTrue(filter.isOwnEdition(candidate: 1, of: 0))
        XCTAssertTrue(filter.isOwnEdition(candidate: 0, of: 1), "the base game of a soundtrack is related too")
        XCTAssertFalse(filter.isOwnEdition(candidate: 4, of: 3))
        XCTAssertFalse(filter.isOwnEdition(candidate: 5, of: 4), "the first game's GOTY edition is not the sequel's")
        XCTAssertFalse(filter.isOwnEdition(candidate: 6, of: 7))
        let witcher = GameFeatures(itemCount: 5, genres: [[], [], [], [], []], tags: [[], [], [], [], []],
                                   specs: [[], [], [], [], []], developer: [5, 5, 5, 6, 7],
                                   titles: ["The Witcher 2: Assassins of Kings Enhanced Edition",
                                            "The Witcher: Enhanced Edition Director's Cut", "The Witcher",
                                            "The Witcher 3 - Expansion Pass", "The Forest Soundtrack"])
        let w = OwnEditionFilter(witcher)
        XCTAssertFalse(w.isOwnEdition(candidate: 1, of: 0), "another game's edition by the same studio stays")
        XCTAssertTrue(w.isOwnEdition(candidate: 1, of: 2), "only edition words added to the same title")
        XCTAssertTrue(w.isOwnEdition(candidate: 3, of: 0), "a sibling's add-on: two shared title words")
        XCTAssertFalse(w.isOwnEdition(candidate: 4, of: 0), "one shared word ('the') relates nothing")
        XCTAssertEqual(OwnEditionFilter.tokenize("DARK SOULS™ III – OST"), ["dark", "souls", "iii", "ost"])
    }

    func testFeaturesFromNamesShareIdsAndFlagDLC() {
        let f = GameFeatures(titles: ["Portal 2", "Portal 2 - Peer Review"], genres: [["Action", ""], ["Action"]],
                             tags: [["Puzzle"], ["Puzzle", "Co-op"]],
                             specs: [["Single-player"], ["Single-player", "Downloadable Content"]],
                             developers: ["Valve", ""])
        XCTAssertEqual(f.genres, [[0], [0]], "same name, same id; empty names dropped")
        XCTAssertEqual(f.tags, [[0], [0, 1]])
        XCTAssertEqual(f.developer, [0, nil])
        XCTAssertEqual(f.isAddOn, [false, true])
    }

    func testNeighbourListsFromStoredColumnsCheckTheirOffsets() throws {
        let lists = NeighbourLists(rows: [[(2, 0.5), (1, 0.25)], [], [(0, 1)]])
        XCTAssertEqual(NeighbourLists(offsets: lists.offsets, items: lists.items, scores: lists.scores), lists)
        func stored(_ offsets: [Int32], _ items: [Int32], _ scores: [Float]) -> NeighbourLists? {
            NeighbourLists(offsets: Column(offsets), items: Column(items), scores: Column(scores))
        }
        XCTAssertNotNil(stored([0, 1, 2, 2], [1, 2], [0.5, 0.25]))
        XCTAssertNil(stored([0, 2, 1, 2], [1, 2], [0.5, 0.25]), "offsets going backwards")
        XCTAssertNil(stored([0, 3], [1, 2], [0.5, 0.25]), "offsets past the items")
        XCTAssertNil(stored([0, 2], [1, 2], [0.5]), "items and scores disagree")
    }
}
