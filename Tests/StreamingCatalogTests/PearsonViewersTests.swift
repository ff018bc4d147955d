import SteamLensData
import XCTest
@testable import StreamingCatalog

/// The Pearson model's fast sums against a brute force written from the
/// definition: every pair of viewers, their co-rated titles by dictionary,
/// r in stars with doubles.
final class PearsonViewersTests: XCTestCase {
    /// Seeded ratings with heavy and light viewers and popular and rare titles,
    /// so `predict` takes both of its walks.
    private func ratings(seed: UInt64) -> Ratings {
        var rng = SplitMix64(seed: seed)
        let viewers = 60, titles = 40
        var rows: [(viewer: Int32, title: Int32, halves: UInt8)] = []
        for v in 0..<viewers {
            let activity = v % 7 == 0 ? 35 : 3 + Int(rng.next() % 12)
            var seen = Set<Int>()
            for _ in 0..<activity {
                // Low titles are popular: the square skews the draw towards 0.
                let u = rng.nextUnit()
                let t = Int(u * u * Double(titles))
                guard seen.insert(t).inserted else { continue }
                let taste = (v % 3 == t % 3) ? 8 : 4
                rows.append((Int32(v), Int32(t), UInt8(max(1, min(10, taste + Int(rng.next() % 4) - 1)))))
            }
        }
        return Ratings(viewers: (0..<viewers).map { "u\($0)" }, titleCount: titles, rows: rows)
    }

    private func scores(_ ratings: Ratings, _ v: Int) -> [Int: Double] {
        let row = ratings.ratings(of: v)
        return Dictionary(uniqueKeysWithValues: zip(row.titles, row.halves).map { (Int($0), Double($1) / 2) })
    }

    /// (shrunk r, overlap) from the definition, nil where the model takes none.
    private func bruteCorrelation(_ model: PearsonViewers, _ a: [Int: Double], _ b: [Int: Double]) -> (Double, Int)? {
        let shared = a.keys.filter { b[$0] != nil }
        guard shared.count >= model.minimumOverlap else { return nil }
        let xs = shared.map { a[$0]! }, ys = shared.map { b[$0]! }
        let n = Double(shared.count), mx = xs.reduce(0, +) / n, my = ys.reduce(0, +) / n
        let cov = zip(xs, ys).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
        let vx = xs.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }, vy = ys.reduce(0) { $0 + ($1 - my) * ($1 - my) }
        guard vx > 1e-9, vy > 1e-9 else { return nil }
        return (cov / (vx * vy).squareRoot() * n / (n + model.shrinkage), shared.count)
    }

    /// `found` is the top `k` of `brute` (viewer → r) by r: each r as the
    /// definition gives it, in order, and nothing left out above the last.
    /// The fixture's integer scores tie many r exactly in theory, so ties
    /// are judged within rounding rather than by viewer number.
    private func assertTop(_ found: [PearsonViewers.Neighbour], of brute: [Int: Double], k: Int, _ message: String) {
        XCTAssertEqual(found.count, min(k, brute.count), message)
        for n in found { XCTAssertEqual(n.correlation, brute[n.viewer] ?? .nan, accuracy: 1e-12, message) }
        XCTAssertEqual(found.map(\.correlation), found.map(\.correlation).sorted(by: >), message)
        let chosen = Set(found.map(\.viewer)), floor = found.last?.correlation ?? .infinity
        XCTAssertFalse(brute.contains { !chosen.contains($0.key) && $0.value > floor + 1e-12 }, message)
    }

    func testNeighboursAreEveryPositiveCorrelationRankedAsTheDefinitionSays() {
        for seed: UInt64 in [1, 2, 3] {
            let ratings = ratings(seed: seed), model = PearsonViewers(ratings)
            for v in [0, 1, 7, 30] {
                let mine = scores(ratings, v)
                var brute: [Int: Double] = [:], overlap: [Int: Int] = [:]
                for w in 0..<ratings.viewers.count where w != v {
                    guard let (r, n) = bruteCorrelation(model, mine, scores(ratings, w)), r > 0 else { continue }
                    brute[w] = r
                    overlap[w] = n
                }
                let found = model.neighbours(of: v, k: 10)
                assertTop(found, of: brute, k: 10, "seed \(seed), viewer \(v)")
                XCTAssertEqual(found.map(\.overlap), found.map { overlap[$0.viewer] ?? -1 })
                XCTAssertFalse(brute.isEmpty, "the fixture gives viewer \(v) neighbours")
            }
        }
    }

    func testPredictUsesTheRatersOfTheTitleWhicheverWayItSumsThem() {
        let ratings = ratings(seed: 5), model = PearsonViewers(ratings)
        var checked = 0, walks = Set<Bool>()
        // Viewer 0 is heavy (35 titles), 1 and 2 light; title 0 is popular, 39 rare.
        for v in [0, 1, 2, 14] {
            for t in [0, 1, 20, 39] where ratings.ratingCount(ofTitle: t) > 0 {
                let mine = scores(ratings, v)
                let raters = ratings.raters(of: t)
                var brute: [Int: Double] = [:], given: [Int: Double] = [:]
                for (w, h) in zip(raters.viewers, raters.halves) where Int(w) != v {
                    guard let (r, _) = bruteCorrelation(model, mine, scores(ratings, Int(w))), r > 0 else { continue }
                    brute[Int(w)] = r
                    given[Int(w)] = Double(h) / 2
                }
                // Which walk `predict` takes: the raters' rows, or the raters of v's titles.
                let viaRaters = raters.viewers.reduce(0) { $0 + ratings.ratingCount(ofViewer: Int($1)) }
                walks.insert(viaRaters <= ratings.ratings(of: v).titles.reduce(0) { $0 + ratings.ratingCount(ofTitle: Int($1)) })
                let prediction = model.predict(viewer: v, title: t)
                assertTop(prediction.neighbours, of: brute, k: 20, "viewer \(v), title \(t)")
                XCTAssertEqual(prediction.neighbours.map(\.score), prediction.neighbours.map { given[$0.viewer] })
                let used = prediction.neighbours
                let num = used.reduce(0) { $0 + $1.correlation * ($1.score! - model.viewerMean[$1.viewer]) }, den = used.reduce(0) { $0 + $1.correlation }
                XCTAssertEqual(prediction.score, min(5, max(0.5, den > 0 ? model.viewerMean[v] + num / den : model.viewerMean[v])), accuracy: 1e-9)
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 8)
        XCTAssertEqual(walks, [true, false], "both walks are checked")
    }

    func testRecommendPredictsOnlyUnseenTitlesAtLeastTwoNeighboursRated() {
        let ratings = ratings(seed: 9), model = PearsonViewers(ratings)
        for v in [0, 3] {
            let neighbours = model.neighbours(of: v, k: 30)
            let seen = Set(scores(ratings, v).keys)
            let picks = model.recommend(viewer: v)
            XCTAssertFalse(picks.isEmpty)
            for (t, score) in picks {
                XCTAssertFalse(seen.contains(t))
                let raters = neighbours.filter { scores(ratings, $0.viewer)[t] != nil }
                XCTAssertGreaterThanOrEqual(raters.count, 2)
                let num = raters.reduce(0) { $0 + $1.correlation * (scores(ratings, $1.viewer)[t]! - model.viewerMean[$1.viewer]) }
                XCTAssertEqual(score, min(5, max(0.5, model.viewerMean[v] + num / raters.reduce(0) { $0 + $1.correlation })), accuracy: 1e-9)
            }
            XCTAssertEqual(picks.map(\.score), picks.map(\.score).sorted(by: >))
        }
    }

    func testAnEvenSampleIsEveryPositionOrLimitOfThemSpreadFromTheFirst() {
        for count in [0, 1, 5, 17, 100, 1_001] {
            for limit in [1, 3, 5, 50, 1_000] {
                let picked = Array(PearsonViewers.evenSample(count: count, limit: limit))
                XCTAssertEqual(picked.count, min(count, limit), "\(count) of \(limit)")
                XCTAssertEqual(picked, (0..<min(count, limit)).map { count <= limit ? $0 : $0 * count / limit }, "⌊j·count/limit⌋")
                guard count > limit else { XCTAssertEqual(picked, Array(0..<count)); continue }
                XCTAssertEqual(picked.first, 0)
                // Ascending, distinct, in range, and no gap wider than ⌈count / limit⌉.
                for (a, b) in zip(picked, picked.dropFirst()) { XCTAssertTrue(a < b && b - a <= (count + limit - 1) / limit, "\(count) of \(limit)") }
                XCTAssertLessThan(picked.last!, count)
                XCTAssertGreaterThanOrEqual(picked.last!, count - (count + limit - 1) / limit)
            }
        }
    }

    func testPredictWeighsTheEvenSampleOfAPopularTitlesRaters() {
        let ratings = ratings(seed: 5)
        var model = PearsonViewers(ratings)
        model.raterSample = 6
        var checked = 0
        for v in [0, 1, 2, 14] {
            for t in [0, 1, 2] where ratings.ratingCount(ofTitle: t) > 8 {
                let raters = ratings.raters(of: t), n = raters.viewers.count
                let mine = scores(ratings, v)
                var brute: [Int: Double] = [:]
                // The ⌊j·n/6⌋-th raters, as `raterSample(of:)` documents.
                for j in 0..<6 {
                    let w = Int(raters.viewers[raters.viewers.startIndex + j * n / 6])
                    guard w != v, let (r, _) = bruteCorrelation(model, mine, scores(ratings, w)), r > 0 else { continue }
                    brute[w] = r
                }
                let prediction = model.predict(viewer: v, title: t)
                assertTop(prediction.neighbours, of: brute, k: 20, "viewer \(v), title \(t)")
                XCTAssertLessThanOrEqual(prediction.neighbours.count, 6, "no more than the sample")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 4)
    }

    /// Past its budget the search weighs a window of viewer numbers: what it
    /// returns is the top of the brute force over that window, each r exact.
    func testABoundedNeighbourSearchIsTheBestOfItsWindowByExactR() {
        var found = 0, starts = Set<Int>()
        for seed: UInt64 in [1, 2, 3] {
            let ratings = ratings(seed: seed)
            var bounded = PearsonViewers(ratings)
            bounded.neighbourBudget = 40
            for v in [0, 7, 14, 30, 59] {
                let (start, width) = bounded.candidateWindow(of: v)
                XCTAssertLessThan(width, ratings.viewers.count, "the budget bites for viewer \(v)")
                if v == 59 { XCTAssertGreaterThan(start + width, ratings.viewers.count, "the last viewer's window wraps past the end") }
                starts.insert(start)
                let window = Set((0..<width).map { (start + $0) % ratings.viewers.count })
                let mine = scores(ratings, v)
                var brute: [Int: Double] = [:]
                for w in window where w != v {
                    if let (r, _) = bruteCorrelation(bounded, mine, scores(ratings, w)), r > 0 { brute[w] = r }
                }
                let neighbours = bounded.neighbours(of: v, k: 3)
                assertTop(neighbours, of: brute, k: 3, "seed \(seed), viewer \(v)")
                XCTAssertTrue(neighbours.allSatisfy { window.contains($0.viewer) })
                found += neighbours.count
            }
        }
        XCTAssertGreaterThan(found, 5, "the windows hold correlated viewers")
        XCTAssertGreaterThan(starts.count, 1, "viewers' windows start at different places")
    }

    /// The exact sums walk the other viewer's row against a dense copy of
    /// the viewer's scores, or look the viewer's titles up in that row by
    /// binary search: the same six integers either way, whatever the lengths.
    func testBothWalksOfTheExactSumsGiveTheSameSums() {
        var rng = SplitMix64(seed: 11)
        let titleCount = 300
        func row(_ size: Int) -> ([Int32], [UInt8]) {
            let titles = Array(Set((0..<size).map { _ in Int32(rng.next() % UInt64(titleCount)) })).sorted()
            return (titles, titles.map { _ in UInt8(1 + rng.next() % 10) })
        }
        for (mineSize, theirSize) in [(0, 10), (3, 250), (40, 40), (200, 5), (1, 1)] {
            let (mineTitles, mineHalves) = row(mineSize), (titles, halves) = row(theirSize)
            var dense = [UInt8](repeating: 0, count: titleCount)
            for (t, h) in zip(mineTitles, mineHalves) { dense[Int(t)] = h }
            var brute = PearsonViewers.CoSums()
            for (t, y) in zip(titles, halves) where dense[Int(t)] != 0 { brute.add(Int32(dense[Int(t)]), Int32(y)) }
            let walked = titles.withUnsafeBufferPointer { t in halves.withUnsafeBufferPointer { PearsonViewers.CoSums.of(t, $0, against: dense) } }
            let searched = titles.withUnsafeBufferPointer { t in
                halves.withUnsafeBufferPointer { h in
                    mineTitles.withUnsafeBufferPointer { m in mineHalves.withUnsafeBufferPointer { PearsonViewers.CoSums.of(t, h, searching: m, $0) } }
                }
            }
            XCTAssertEqual(walked, brute, "\(mineSize) against \(theirSize)")
            XCTAssertEqual(searched, brute, "\(mineSize) against \(theirSize)")
        }
    }

    func testTheFirstKeptAsTheyComeAreTheFirstOfTheFullSort() {
        var rng = SplitMix64(seed: 4)
        for count in [0, 1, 5, 40, 300] {
            // Few distinct correlations, so ties by viewer number are common.
            let candidates = (0..<count).map { _ in
                PearsonViewers.Neighbour(viewer: Int(rng.next() % 50), correlation: Double(rng.next() % 7) / 7, overlap: 3, score: nil)
            }
            for k in [0, 1, 3, 30, 400] {
                XCTAssertEqual(PearsonViewers.first(k, of: candidates, by: PearsonViewers.stronger),
                               Array(candidates.sorted(by: PearsonViewers.stronger).prefix(k)), "\(count), k \(k)")
            }
        }
    }
}
