import CKernels
import XCTest
import SteamLensData
@testable import SteamLensEngine

final class UserRecommenderTests: XCTestCase {
    func interactions(_ libs: [[(Int32, Int32)]], items: Int) -> Interactions {
        var rows: [(user: Int32, item: Int32, minutes: Int32)] = []
        for (u, lib) in libs.enumerated() { for (i, m) in lib { rows.append((Int32(u), i, m)) } }
        return Interactions(userCount: libs.count, itemCount: items, rows: rows)
    }

    func testDuplicateRowsKeepTheLongestPlaytime() {
        let x = Interactions(userCount: 1, itemCount: 3, rows: [(0, 2, 5), (0, 1, 0), (0, 2, 90), (0, 2, 7)])
        XCTAssertEqual(Array(x.items(of: 0)), [1, 2])
        XCTAssertEqual(Array(x.minutes(of: 0)), [0, 90])
        XCTAssertEqual(Array(x.owners(of: 2)), [0])
        XCTAssertTrue(x.owns(user: 0, item: 1))
        XCTAssertFalse(x.owns(user: 0, item: 0))
        XCTAssertEqual(x.playedCount(of: 0), 1)
    }

    /// Owners: item 0 {0, 1, 3}, item 1 {0, 1, 2}, item 2 {1, 2}.
    /// cos(0,1) = 2/3, cos(0,2) = 1/√6, cos(1,2) = 2/√6.
    func testItemKNNScoresAreSumsOfHandComputedCosines() {
        let x = interactions([[(0, 1), (1, 1)], [(0, 1), (1, 1), (2, 1)], [(1, 1), (2, 1)], [(0, 1)]], items: 3)
        let knn = ItemKNN(x, neighbours: 10)
        let recs = knn.recommend(user: 3, count: 5)
        XCTAssertEqual(recs.map(\.item), [1, 2])
        XCTAssertEqual(recs[0].score, 2.0 / 3, accuracy: 1e-5)
        XCTAssertEqual(recs[1].score, Float(1 / 6.0.squareRoot()), accuracy: 1e-5)
        XCTAssertEqual(knn.recommend(user: 0, count: 5).map(\.item), [2])
        XCTAssertEqual(knn.recommend(user: 0, count: 5)[0].score, Float(3 / 6.0.squareRoot()), accuracy: 1e-5)
        XCTAssertEqual(knn.similarItems[2].map(\.item), [1, 0])
    }

    /// Every item's list is the brute-force answer: every pair's co-ownership
    /// counted by set intersection, ranked by cosine (ties to the lower id), cut at k.
    func assertBruteForceRanking(_ lists: NeighbourLists, _ x: Interactions, k: Int, shrink: Float,
                                 file: StaticString = #filePath, line: UInt = #line) {
        let owners = (0..<x.itemCount).map { Set(x.owners(of: Int32($0))) }
        for i in 0..<x.itemCount {
            let expected = (0..<x.itemCount).compactMap { j -> (item: Int32, score: Float)? in
                let co = owners[i].intersection(owners[j]).count
                guard j != i, co > 0 else { return nil }
                let norms = Float(owners[i].count).squareRoot() * Float(owners[j].count).squareRoot()
                return (Int32(j), Float(co) / (norms + shrink))
            }.sorted { $0.score != $1.score ? $0.score > $1.score : $0.item < $1.item }.prefix(k)
            XCTAssertEqual(lists[i].map(\.item), expected.map(\.item), "item \(i), k \(k)", file: file, line: line)
            XCTAssertEqual(lists[i].map(\.score), expected.map(\.score), "item \(i), k \(k)", file: file, line: line)
        }
    }

    /// Small random libraries, with heavy and empty users, an item nobody
    /// owns and a shrink that makes near-ties, ranked as brute force ranks them.
    func testItemKNNNeighboursAreTheBruteForceCosineRanking() {
        var rng = SplitMix64(seed: 9)
        let itemCount = 45  // five groups of eight and a tail
        let libs: [[(Int32, Int32)]] = (0..<70).map { u in
            let size = u % 11 == 0 ? 30 : u % 7 == 0 ? 0 : Int.random(in: 1...6, using: &rng)
            return (0..<size).map { _ in (Int32.random(in: 0..<Int32(itemCount - 1), using: &rng), 1) }
        }
        let x = interactions(libs, items: itemCount)
        for (k, shrink) in [(5, Float(0)), (200, Float(2.5))] {
            let lists = ItemKNN.cosineNeighbours(x, k: k, shrink: shrink)
            assertBruteForceRanking(lists, x, k: k, shrink: shrink)
            XCTAssertEqual(lists[itemCount - 1].count, 0, "nobody owns the last item")
        }
    }

    /// Hundreds of items with popular ones among them, so most rows have far
    /// more candidates than k: the case the row kernel's sampled threshold is for.
    func testItemKNNNeighboursOfALargerSetAreTheBruteForceRanking() {
        var rng = SplitMix64(seed: 31)
        let itemCount = 300
        let libs: [[(Int32, Int32)]] = (0..<500).map { u in
            let size = u % 50 == 0 ? 120 : Int.random(in: 0...25, using: &rng)
            // Squaring a uniform draw makes low ids popular.
            return (0..<size).map { _ in
                let r = Double.random(in: 0..<1, using: &rng)
                return (Int32(r * r * Double(itemCount)), 1)
            }
        }
        let x = interactions(libs, items: itemCount)
        for (k, shrink) in [(3, Float(0)), (20, Float(1.5))] {
            let lists = ItemKNN.cosineNeighbours(x, k: k, shrink: shrink)
            assertBruteForceRanking(lists, x, k: k, shrink: shrink)
        }
    }

    /// The row kernel keeps the best k, best first (ties to the lower item),
    /// all nonzero lanes when fewer than k, and leaves the counts cleared;
    /// reading every lane or only a list of touched ones (in any order, zeros
    /// among them) is the same.
    func testCosineRowKernelKeepsTheBestKInOrder() {
        var rng = SplitMix64(seed: 5)
        let n = 4000
        let norms = (0..<n).map { _ in Float(Int.random(in: 1...400, using: &rng)).squareRoot() }
        // Few distinct counts and norms: many equal scores, so the order of ties is tested too.
        let original = (0..<n).map { _ in Int.random(in: 0..<3, using: &rng) == 0 ? Int32.random(in: 1...50, using: &rng) : 0 }
        let touched = (0..<Int32(n)).filter { original[Int($0)] != 0 || $0 % 97 == 0 }.shuffled(using: &rng)
        func run(k: Int, lanes: [Int32]?) -> [(item: Int32, score: Float)] {
            var counts = original
            var scores = [Float](repeating: 0, count: n), items = [Int32](repeating: 0, count: n)
            var best = [Float](repeating: 0, count: n), keys = [UInt64](repeating: 0, count: n)
            let written = sl_cosine_top(&counts, norms, n, 7, 0.5, k, lanes, lanes?.count ?? 0, &scores, &items, &best, &keys)
            XCTAssertEqual(counts, [Int32](repeating: 0, count: n))
            return (0..<written).map { (items[$0], best[$0]) }
        }
        let ranked = (0..<n).compactMap { j -> (item: Int32, score: Float)? in
            original[j] == 0 ? nil : (Int32(j), Float(original[j]) / (7 * norms[j] + 0.5))
        }.sorted { $0.score != $1.score ? $0.score > $1.score : $0.item < $1.item }
        XCTAssertLessThan(Set(ranked.map(\.score)).count, ranked.count, "the fixture has ties")
        for k in [0, 1, 10, 200, ranked.count - 1, ranked.count, ranked.count + 1] {
            let expected = ranked.prefix(k)
            for lanes in [nil, touched] {
                let kept = run(k: k, lanes: lanes)
                XCTAssertEqual(kept.map(\.item), expected.map(\.item), "k \(k), touched \(lanes != nil)")
                XCTAssertEqual(kept.map(\.score), expected.map(\.score), "k \(k), touched \(lanes != nil)")
            }
        }
    }

    /// A row whose sampled lanes (every eighth) all score high and the rest
    /// low: the sample's threshold admits only the 100 sampled lanes, fewer
    /// than k, so the kernel must fall back to every nonzero lane.
    func testCosineRowKernelFallsBackWhenTheSampleOverrates() {
        let n = 800, k = 150
        let norms = [Float](repeating: 1, count: n)
        var counts = (0..<n).map { $0 % 8 == 0 ? Int32(50) : 1 }
        var scores = [Float](repeating: 0, count: n), items = [Int32](repeating: 0, count: n)
        var best = [Float](repeating: 0, count: n), keys = [UInt64](repeating: 0, count: n)
        let written = sl_cosine_top(&counts, norms, n, 1, 0, k, nil, 0, &scores, &items, &best, &keys)
        let expected = (0..<Int32(n)).filter { $0 % 8 == 0 } + (0..<Int32(n)).filter { $0 % 8 != 0 }.prefix(k - 100)
        XCTAssertEqual(Array(items.prefix(written)), Array(expected))
        XCTAssertEqual(Array(best.prefix(written)), [Float](repeating: 50, count: 100) + [Float](repeating: 1, count: k - 100))
    }

    /// User 0 correlates +1 with users 1 and 3 on two co-owned games
    /// (damped to 0.5) and −0.67 with user 2 (dropped). Predictions computed
    /// by hand (numpy) from pred = mean(0) + Σ sim·(r − mean(v)) / Σ |sim|.
    func pearsonFixture() -> Interactions {
        interactions([[(0, 100), (1, 10), (2, 0)],
                      [(0, 200), (1, 5), (3, 50)],
                      [(0, 1), (1, 300), (3, 1000), (2, 20)],
                      [(0, 50), (1, 2), (3, 10), (4, 30)]], items: 5)
    }

    func testPearsonSimilaritiesMatchHandComputation() {
        let p = PearsonUserBased(pearsonFixture(), neighbours: 10, precomputedDepth: 0)
        let sims = p.similarUsers(to: 0)
        XCTAssertEqual(sims.map(\.item), [1, 3])
        XCTAssertEqual(sims[0].score, 0.5, accuracy: 1e-4)
        XCTAssertEqual(sims[1].score, 0.5, accuracy: 1e-4)
    }

    func testPearsonPredictionsMatchHandComputation() {
        let zero = PearsonUserBased(pearsonFixture(), neighbours: 10, threshold: -100, precomputedDepth: 0)
        let a = zero.recommend(user: 0, count: 5)
        XCTAssertEqual(a.map(\.item), [3, 4])
        XCTAssertEqual(a[0].score, 2.306927 + 2e-4, accuracy: 1e-4)   // both neighbours own item 3
        XCTAssertEqual(a[1].score, 0.859060 + 1e-4, accuracy: 1e-4)   // user 1 lacks item 4: counts as 0
        let textbook = PearsonUserBased(pearsonFixture(), neighbours: 10, threshold: -100,
                                        unownedAsZero: false, precomputedDepth: 0)
        let b = textbook.recommend(user: 0, count: 5)
        XCTAssertEqual(b.map(\.item), [4, 3])
        XCTAssertEqual(b[0].score, 3.056079 + 1e-4, accuracy: 1e-4)
    }

    func testPearsonThresholdDropsLowPredictions() {
        let p = PearsonUserBased(pearsonFixture(), neighbours: 10, threshold: 1.0, precomputedDepth: 0)
        XCTAssertEqual(p.recommend(user: 0, count: 5).map(\.item), [3])
    }

    /// B checked against numpy: P = inv(XᵀX + 0.5 I), B = −P / diag(P), diag 0.
    func testEASEWeightsMatchNumpy() {
        let x = interactions([[(0, 1), (1, 1)], [(0, 1), (2, 1)], [(1, 1), (2, 1), (3, 1)],
                              [(0, 1), (1, 1), (2, 1)], [(2, 1), (3, 1)]], items: 4)
        let ease = EASE(x, lambda: 0.5, maxItems: 10)
        let expected: [[Float]] = [[0, 0.552846, 0.554745, -0.437811], [0.450331, 0, 0.029197, 0.228856],
                                   [0.503311, 0.032520, 0, 0.537313], [-0.582781, 0.373984, 0.788321, 0]]
        for a in 0..<4 { for b in 0..<4 {
            XCTAssertEqual(ease.weight(from: Int32(a), to: Int32(b))!, expected[a][b], accuracy: 1e-5, "B[\(a),\(b)]")
        } }
        let recs = ease.recommend(user: 0, count: 5)
        XCTAssertEqual(recs.map(\.item), [2, 3])
        XCTAssertEqual(recs[0].score, 0.583942, accuracy: 1e-5)
        XCTAssertEqual(recs[1].score, -0.208955, accuracy: 1e-5)
    }

    func testEASEOnlyModelsTheMostOwnedItems() {
        let x = interactions([[(0, 1), (1, 1)], [(0, 1), (2, 1)], [(0, 1), (1, 1)]], items: 3)
        let ease = EASE(x, lambda: 1, maxItems: 2)
        XCTAssertEqual(ease.modelItems, [0, 1])
        XCTAssertNil(ease.weight(from: 2, to: 0))
        XCTAssertFalse(ease.recommend(user: 1, count: 5).contains { $0.item == 2 })
    }

    func testCholeskyInverseInvertsASymmetricPositiveDefiniteMatrix() {
        let n = 70   // crosses two 32-column blocks
        var rng = SplitMix64(seed: 3)
        var m = [Double](repeating: 0, count: n * n)
        for _ in 0..<(3 * n) {
            let v = (0..<n).map { _ in rng.nextUnit() - 0.5 }
            for a in 0..<n { for b in 0..<n { m[a * n + b] += v[a] * v[b] } }
        }
        for a in 0..<n { m[a * n + a] += 0.1 }
        var inv = m
        XCTAssertTrue(CholeskyInverse.invertSPD(&inv, n: n))
        var worst = 0.0
        for a in 0..<n { for b in 0..<n {
            var s = 0.0
            for k in 0..<n { s += m[a * n + k] * inv[k * n + b] }
            worst = max(worst, abs(s - (a == b ? 1 : 0)))
        } }
        XCTAssertLessThan(worst, 1e-8)
        var notPD = [1.0, 2, 2, 1]
        XCTAssertFalse(CholeskyInverse.invertSPD(&notPD, n: 2))
    }

    func randomLibraries(users: Int, items: Int, seed: UInt64) -> Interactions {
        var rng = SplitMix64(seed: seed)
        var rows: [(user: Int32, item: Int32, minutes: Int32)] = []
        for u in 0..<users {
            let size = 1 + Int(rng.next() % 12)
            for _ in 0..<size {
                // Skewed towards low ids so there are popular items.
                let i = Int32(Double(items) * pow(rng.nextUnit(), 2))
                rows.append((Int32(u), i, rng.next() % 3 == 0 ? 0 : Int32(rng.next() % 5000)))
            }
        }
        return Interactions(userCount: users, itemCount: items, rows: rows)
    }

    func testNoModelEverRecommendsAnOwnedGame() {
        let x = randomLibraries(users: 300, items: 60, seed: 11)
        let genres = (0..<60).map { [Int32($0 % 4)] }
        var models: [any UserRecommender] = RecModel.allCases.map { $0.train(on: x, itemGenres: genres) }
        models.append(PopularInGenres(x, itemGenres: genres))
        models += RecModel.allCases.map { $0.train(on: x, precompute: false) }
        for model in models {
            for u in Int32(0)..<300 {
                let recs = model.recommend(user: u, count: 20)
                XCTAssertEqual(recs.count, 20, "\(model.name) fills the list")
                XCTAssertEqual(Set(recs.map(\.item)).count, recs.count, "\(model.name) repeats an item")
                for r in recs { XCTAssertFalse(x.owns(user: u, item: r.item), "\(model.name) recommended owned item to \(u)") }
            }
        }
    }

    func testPrecomputedListsEqualOnDemandScoring() {
        let x = randomLibraries(users: 200, items: 50, seed: 5)
        let pre = EASE(x, lambda: 10, precomputedDepth: 20), live = EASE(x, lambda: 10, precomputedDepth: 0)
        for u in Int32(0)..<200 {
            XCTAssertEqual(pre.recommend(user: u, count: 10).map(\.item), live.recommend(user: u, count: 10).map(\.item))
        }
        XCTAssertEqual(pre.recommend(user: 0, count: 30).count, live.recommend(user: 0, count: 30).count,
                       "asking past the precomputed depth scores on demand")
    }

    func testColdUsersGetPopularGamesInTheirGenres() {
        // Items 0–2 are genre 0 and very popular; item 5 is genre 1.
        var libs: [[(Int32, Int32)]] = Array(repeating: [(0, 10), (1, 10), (2, 10)], count: 10)
        libs.append([(5, 30), (6, 30)])
        libs.append([(3, 60), (4, 0)])   // cold: one played game, genre 1
        libs.append([])                  // no games at all
        let x = interactions(libs, items: 7)
        let genres: [[Int32]] = [[0], [0], [0], [1], [1], [1], [1]]
        let model = RecModel.ease.train(on: x, itemGenres: genres)
        XCTAssertEqual(model.recommend(user: 11, count: 2).map(\.item), [5, 6], "genre-1 games first")
        XCTAssertEqual(model.recommend(user: 12, count: 1).map(\.item), [0], "no games: plain popularity")
    }

    func testStoredItemModelsScoreOneUserOnDemandLikeTheTrainedModels() throws {
        let x = randomLibraries(users: 50, items: 30, seed: 8)
        let ease = EASE(x, lambda: 5, precomputedDepth: 0)
        let knn = ItemKNN(x, neighbours: 10, precomputedDepth: 0)
        for user in Int32(0)..<50 {
            // Only the user's own library, as a start from the store builds it.
            let rows = zip(x.items(of: user), x.minutes(of: user)).map { (user: Int32(0), item: $0.0, minutes: $0.1) }
            let library = Interactions(userCount: 1, itemCount: 30, rows: rows)
            let storedEASE = EASE(library, modelItems: ease.modelItems, weights: ease.weights, columnSums: ease.columnSums)
            XCTAssertEqual(storedEASE.recommend(user: 0, count: 5).map(\.item), ease.recommend(user: user, count: 5).map(\.item))
            let storedKNN = ItemKNN(library, similarItems: knn.similarItems)
            XCTAssertEqual(storedKNN.recommend(user: 0, count: 5).map(\.item), knn.recommend(user: user, count: 5).map(\.item))
        }
        // User 4 buys their first recommendation: scored on demand, it is gone at once.
        let first = ease.recommend(user: 4, count: 1)[0].item
        let rows = zip(x.items(of: 4), x.minutes(of: 4)).map { (user: Int32(0), item: $0.0, minutes: $0.1) } + [(0, first, 0)]
        let after = EASE(Interactions(userCount: 1, itemCount: 30, rows: rows), modelItems: ease.modelItems,
                         weights: ease.weights, columnSums: ease.columnSums)
        XCTAssertFalse(after.recommend(user: 0, count: 5).contains { $0.item == first })
        XCTAssertEqual(after.recommend(user: 0, count: 5).count, 5)
    }

    /// A user who owns most of the modelled items is scored as every row's
    /// sum less the rows not owned: the same scores as adding the owned rows.
    func testEASEScoresAUserWhoOwnsMostItemsFromTheColumnSums() {
        var libs: [[(Int32, Int32)]] = []
        for u in 0..<40 {
            let owned = (0..<12).filter { i in (u * 7 + i * 3) % 5 < 2 }
            libs.append(owned.map { (Int32($0), Int32(1)) })
        }
        libs.append((0..<12).filter { $0 != 4 && $0 != 9 }.map { (Int32($0), Int32(30)) })  // owns 10 of 12
        let x = interactions(libs, items: 12)
        let ease = EASE(x, lambda: 2, maxItems: 12, precomputedDepth: 0)
        XCTAssertEqual(ease.modelItems.count, 12)
        var scores = [Float](repeating: -.infinity, count: 12)
        ease.scores(for: 40, into: &scores, scratch: RecScratch())
        for j in Int32(0)..<12 {
            let direct = x.items(of: 40).reduce(Float(0)) { $0 + ease.weight(from: $1, to: j)! }
            XCTAssertEqual(scores[Int(j)], direct, accuracy: 1e-4, "item \(j)")
        }
        // The sums are what this user is scored from: zeroed, the scores are those of the two unowned rows alone.
        let zeroed = EASE(x, modelItems: ease.modelItems, weights: ease.weights, columnSums: Column([Float](repeating: 0, count: 12)))
        var fromZero = [Float](repeating: -.infinity, count: 12)
        zeroed.scores(for: 40, into: &fromZero, scratch: RecScratch())
        for j in Int32(0)..<12 {
            XCTAssertEqual(fromZero[Int(j)], -(ease.weight(from: 4, to: j)! + ease.weight(from: 9, to: j)!), accuracy: 1e-5, "item \(j)")
        }
    }

    func testShortListsAreToppedUpBelowThePrimaryScores() {
        // Pearson finds one neighbour with one extra game; the rest comes from popularity.
        let x = interactions([[(0, 10), (1, 20), (2, 30)], [(0, 10), (1, 20), (2, 40), (3, 5)],
                              [(4, 1)], [(4, 1)], [(5, 1)]], items: 6)
        let model = ColdStartFallback(primary: PearsonUserBased(x, precomputedDepth: 0), fallback: Popularity(x), interactions: x)
        let recs = model.recommend(user: 0, count: 3)
        XCTAssertEqual(recs.map(\.item), [3, 4, 5])
        XCTAssertTrue(zip(recs, recs.dropFirst()).allSatisfy { $0.score > $1.score }, "scores keep falling")
    }

    func testPopularityRanksByOwnersAndSkipsOwned() {
        let x = interactions([[(0, 1), (1, 1)], [(0, 1), (2, 1)], [(0, 1), (1, 1)], [(3, 1)]], items: 4)
        XCTAssertEqual(Popularity(x).recommend(user: 3, count: 3).map(\.item), [0, 1, 2])
        XCTAssertEqual(Popularity(x).recommend(user: 0, count: 3).map(\.item), [2, 3])
    }

    func testTopKBreaksTiesByLowerItemId() {
        var top = TopItems(capacity: 2)
        top.offer(item: 7, score: 0.5); top.offer(item: 3, score: 0.9); top.offer(item: 1, score: 0.5)
        XCTAssertEqual(top.sorted().map(\.item), [3, 1])
    }

    func testUnknownModelNamesSayWhatToChoose() {
        XCTAssertThrowsError(try RecModel(name: "svd")) { error in
            XCTAssertTrue("\(error)".contains("ease"))
        }
        XCTAssertEqual(try RecModel(name: "knn"), .itemKNN)
    }
}
