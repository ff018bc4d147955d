import Foundation
import SteamLensData
import XCTest
@testable import SteamLensSample

final class DistributionTests: XCTestCase {
    func testLibrarySizesFollowTheQuantileTable() {
        var rng = SplitMix64(seed: 5)
        let draws = (0..<200_000).map { _ in LibrarySize.draw(using: &rng) }.sorted()
        func quantile(_ p: Double) -> Double { Double(draws[Int(p * Double(draws.count - 1))]) }
        func table(_ p: Double) -> Double { LibrarySizeTable.knots.first { abs($0.p - p) < 1e-9 }!.count }
        for p in [0.3, 0.5, 0.7, 0.9, 0.95, 0.99] {
            XCTAssertEqual(quantile(p), table(p), accuracy: max(2, table(p) * 0.05), "quantile \(p)")
        }
        let zeros = Double(draws.prefix { $0 == 0 }.count) / Double(draws.count)
        XCTAssertEqual(zeros, LibrarySizeTable.realZeroShare, accuracy: 0.01)
        let mean = Double(draws.reduce(0, +)) / Double(draws.count)
        let realMean = Double(LibrarySizeTable.realItemRows) / Double(LibrarySizeTable.realUsers)
        XCTAssertEqual(mean, realMean, accuracy: realMean * 0.04, "at 88,310 users the item rows must come to ≈ 5.15 M")
    }

    func testTheSampleLibrariesHaveTheRealMedianAndMean() {
        let summary = SampleFixtures.standard.summary
        XCTAssertEqual(Double(summary.itemRows) / Double(summary.users), 58.35, accuracy: 12)
    }

    func testGamePopularityIsLongTailed() {
        let catalog = GameCatalog(games: 2_000, seed: 1)
        var rng = SplitMix64(seed: 2)
        var hits = [Int](repeating: 0, count: catalog.itemCount)
        for _ in 0..<100_000 { hits[catalog.drawItem(using: &rng)] += 1 }
        let ranked = hits.sorted(by: >)
        XCTAssertGreaterThan(ranked[0], 20 * ranked[ranked.count / 2], "the top item dwarfs the median one")
        XCTAssertGreaterThan(ranked[0], 5 * ranked[99])
        XCTAssertGreaterThan(ranked.prefix(100).reduce(0, +), 100_000 / 4, "the top 5 % take a quarter of the draws")
    }

    func testPlaytimesAreLogNormalWithManyZeros() {
        let catalog = GameCatalog(games: 500, seed: 1)
        var stamp = [Int32](repeating: 0, count: catalog.itemCount)
        var times: [Int] = []
        for user in 0..<400 {
            var rng = SplitMix64.stream(seed: 3, .libraries, index: user)
            times += UserDraws.library(catalog: catalog, using: &rng, stamp: &stamp, mark: Int32(user + 1)).map(\.playtimeForever)
        }
        let zeros = Double(times.filter { $0 == 0 }.count) / Double(times.count)
        XCTAssertEqual(zeros, UserDraws.zeroPlaytimeShare, accuracy: 0.05)
        let logs = times.filter { $0 > 0 }.map { Foundation.log(Double($0)) }
        let mean = logs.reduce(0, +) / Double(logs.count)
        XCTAssertEqual(mean, UserDraws.playtimeMu, accuracy: 0.3)
    }

    func testReviewWordsMostlyAgreeWithRecommendButNotAlways() {
        let positive = ["great", "fun", "love", "best", "recommend", "masterpiece", "not bad", "worth every", "amazing",
                        "awesome", "excellent", "fantastic", "brilliant", "beautiful", "addictive", "relaxing", "enjoyable", "10/10"]
        let negative = ["terrible", "boring", "waste", "not worth", "don't buy", "do not buy", "regret", "broken", "bug",
                        "not good", "awful", "worst", "garbage", "refund", "unplayable", "can't recommend", "poor", "never again"]
        func score(_ text: String) -> Int {
            let lower = text.lowercased()
            var s = 0
            for word in positive where lower.contains(word) { s += 1 }
            for word in negative where lower.contains(word) { s -= 1 }
            return s
        }
        var rng = SplitMix64(seed: 11)
        let up = (0..<4_000).map { _ in score(ReviewText.make(recommend: true, rng: &rng)) }
        let down = (0..<4_000).map { _ in score(ReviewText.make(recommend: false, rng: &rng)) }
        let upAgrees = Double(up.filter { $0 > 0 }.count) / 4_000, upDisagrees = Double(up.filter { $0 < 0 }.count) / 4_000
        let downAgrees = Double(down.filter { $0 < 0 }.count) / 4_000
        XCTAssertGreaterThan(upAgrees, 0.65)
        XCTAssertGreaterThan(downAgrees, 0.65)
        XCTAssertGreaterThan(upDisagrees, 0.02, "noise: some recommended games get negative words")
        XCTAssertLessThan(upDisagrees, 0.2)
    }

    func testPortableExpAgreesWithLibm() {
        var x = -30.0
        while x < 30 {
            XCTAssertEqual(PortableMath.exp(x), Foundation.exp(x), accuracy: Foundation.exp(x) * 1e-13, "exp(\(x))")
            x += 0.37
        }
        XCTAssertEqual(PortableMath.exp(0), 1)
    }
}
