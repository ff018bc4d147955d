import XCTest
import SteamLensData
@testable import SteamLensEngine

final class RecEvaluationTests: XCTestCase {
    func library(seed: UInt64) -> Interactions {
        var rng = SplitMix64(seed: seed)
        var rows: [(user: Int32, item: Int32, minutes: Int32)] = []
        for u in 0..<120 {
            for i in 0..<40 where rng.next() % 4 == 0 {
                rows.append((Int32(u), Int32(i), rng.next() % 3 == 0 ? 0 : Int32(1 + rng.next() % 900)))
            }
        }
        return Interactions(userCount: 120, itemCount: 40, rows: rows)
    }

    func testTheSplitIsDeterministicForASeed() {
        let x = library(seed: 1)
        let a = RecEvaluation.split(x, seed: 42), b = RecEvaluation.split(x, seed: 42)
        XCTAssertEqual(a.heldOut.map(\.user), b.heldOut.map(\.user))
        XCTAssertEqual(a.heldOut.map(\.item), b.heldOut.map(\.item))
        let c = RecEvaluation.split(x, seed: 43)
        XCTAssertNotEqual(a.heldOut.map(\.item), c.heldOut.map(\.item), "another seed hides other games")
    }

    func testTheSplitHidesOnePlayedGamePerEligibleUser() {
        let x = library(seed: 2)
        let (train, heldOut) = RecEvaluation.split(x, seed: 7)
        let eligible = (0..<Int32(x.userCount)).filter { x.playedCount(of: $0) >= 5 }
        XCTAssertEqual(heldOut.map(\.user), eligible)
        XCTAssertEqual(train.rowCount, x.rowCount - heldOut.count)
        for h in heldOut {
            XCTAssertFalse(train.owns(user: h.user, item: h.item))
            let k = x.items(of: h.user).firstIndex(of: h.item)!
            XCTAssertGreaterThan(x.userMinutes[k], 0, "only played games are held out")
        }
    }

    /// SplitMix64(42) first draw % 5 picks the same index in numpy.
    func testTheSplitUsesTheDocumentedDraw() {
        var rows: [(user: Int32, item: Int32, minutes: Int32)] = (0..<5).map { (0, Int32($0), 10) }
        rows.append((0, 5, 0))   // unplayed: never held out, never counted
        let x = Interactions(userCount: 1, itemCount: 6, rows: rows)
        var rng = SplitMix64(seed: 42)
        let expected = Int32(rng.next() % 5)
        XCTAssertEqual(RecEvaluation.split(x, seed: 42).heldOut.first?.item, expected)
    }

    func testMetricsOnHandMadeRankings() {
        let lists: [[Int32]] = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
        let held: [Int32] = [2, 6, 10]
        XCTAssertEqual(RecMetrics.hitRate(lists, heldOut: held, k: 3), 2.0 / 3, accuracy: 1e-12)
        XCTAssertEqual(RecMetrics.hitRate(lists, heldOut: held, k: 2), 1.0 / 3, accuracy: 1e-12)
        XCTAssertEqual(RecMetrics.ndcg(lists, heldOut: held, k: 3), (1 / log2(3.0) + 1 / log2(4.0)) / 3, accuracy: 1e-12)
        XCTAssertEqual(RecMetrics.precision(lists, heldOut: held, k: 2), 0.5 / 3, accuracy: 1e-12)
        XCTAssertEqual(RecMetrics.coverage(lists, itemCount: 20, k: 3), 9.0 / 20, accuracy: 1e-12)
        XCTAssertEqual(RecMetrics.coverage(lists, itemCount: 20, k: 1), 3.0 / 20, accuracy: 1e-12)
    }

    func testRunReportsEveryModelAndTheSeed() {
        let report = RecEvaluation.run(library(seed: 3), models: ["popularity", "item-knn", "pearson", "ease", "nope"], seed: 9)
        XCTAssertEqual(report.models.map(\.name), ["popularity", "item-knn", "pearson-user", "ease", "nope"])
        XCTAssertNotNil(report.models[4].error)
        XCTAssertTrue(report.description.contains("seed 9"))
        for m in report.models.prefix(4) {
            XCTAssertTrue((0...1).contains(m.hitRate) && m.ndcg <= m.hitRate && m.precision5 <= m.hitRate)
        }
        XCTAssertGreaterThan(report.evalUsers, 0)
    }
}
