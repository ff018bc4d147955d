import Foundation
import SteamLensData

/// `steamlens eval ratings`: a fixed, seeded split of the ratings; every
/// score predictor against the global-mean and bias baselines, top-10
/// lists against popularity, and the "> threshold" decision.
public enum RatingsEvaluation {
    /// Held out: `fraction` of each viewer's ratings (at least one) for viewers with at least `minimum`.
    public static func split(_ ratings: Ratings, seed: UInt64, fraction: Double = 0.2, minimum: Int = 5)
        -> (train: Ratings, test: [(viewer: Int, title: Int, score: Double)]) {
        var rng = SplitMix64(seed: seed)
        var train: [(viewer: Int32, title: Int32, halves: UInt8)] = []
        var test: [(viewer: Int, title: Int, score: Double)] = []
        train.reserveCapacity(ratings.count)
        for v in 0..<ratings.viewers.count {
            let row = ratings.ratings(of: v)
            let held = row.titles.count >= minimum ? max(1, Int(Double(row.titles.count) * fraction)) : 0
            var positions = Array(row.titles.indices)
            for i in 0..<held {
                let j = i + Int(truncatingIfNeeded: rng.next().multipliedFullWidth(by: UInt64(positions.count - i)).high)
                positions.swapAt(i, j)
            }
            let out = Set(positions.prefix(held))
            for i in row.titles.indices {
                if out.contains(i) {
                    test.append((v, Int(row.titles[i]), Double(row.halves[i]) / 2))
                } else {
                    train.append((Int32(v), row.titles[i], row.halves[i]))
                }
            }
        }
        return (Ratings(viewers: ratings.viewers, titleCount: ratings.titleCount, rows: train), test)
    }

    public struct ScoreRow: Sendable {
        public var model: String
        public var rmse: Double
        public var mae: Double
        public var precision: Double
        public var recall: Double
        /// RMSE against the generator's noiseless score, when the truth is known.
        public var truthRMSE: Double?
        public var evaluated: Int
    }

    public struct RankingRow: Sendable {
        public var model: String
        public var hitRate: Double
        public var ndcg: Double
        public var viewers: Int
    }

    public struct Report: Sendable {
        public var seed: UInt64
        public var trainCount: Int
        public var testCount: Int
        public var threshold: Double
        public var scores: [ScoreRow]
        public var ranking: [RankingRow]
        /// RMSE of the noiseless truth itself against the held-out scores (the floor), when known.
        public var oracleRMSE: Double?
        public var notes: [String]

        public func row(_ model: String) -> ScoreRow? { scores.first { $0.model == model } }
        public func ranking(_ model: String) -> RankingRow? { ranking.first { $0.model == model } }

        public var formatted: String {
            func f(_ x: Double, _ d: Int = 3) -> String { String(format: "%.\(d)f", x) }
            var out = "Ratings evaluation — the ratings are GENERATED (docs/streaming.md), not real viewers' scores.\n"
            out += "split: seed \(seed), 20% of each viewer's ratings held out (viewers with ≥ 5): \(trainCount) train, \(testCount) test\n\n"
            out += "score prediction          RMSE    MAE   P(>\(f(threshold, 1)))  R(>\(f(threshold, 1)))  vs truth  rated\n"
            for r in scores {
                out += r.model.padding(toLength: 24, withPad: " ", startingAt: 0) + "  " + f(r.rmse) + "  " + f(r.mae) + "   " + f(r.precision)
                    + "    " + f(r.recall) + "    " + (r.truthRMSE.map { f($0) } ?? "  —  ") + "  \(r.evaluated)\n"
            }
            if let oracleRMSE { out += "the generator's noiseless score itself: RMSE \(f(oracleRMSE)) (the floor no model can beat)\n" }
            out += "\ntop-10 lists (held-out titles scored ≥ 4 are relevant)   HR@10  NDCG@10  viewers\n"
            for r in ranking {
                out += r.model.padding(toLength: 55, withPad: " ", startingAt: 0) + "  " + f(r.hitRate) + "  " + f(r.ndcg) + "    \(r.viewers)\n"
            }
            for note in notes { out += "· " + note + "\n" }
            return out
        }
    }

    /// Runs the protocol. `expected(viewer, title)` is the generator's
    /// noiseless score when the ratings are known to come from it.
    public static func run(_ ratings: Ratings, groups: [Int32], seed: UInt64 = 42, threshold: Double = 4,
                           settings: BiasedMF.Settings = BiasedMF.Settings(), pearsonSample: Int = 20_000, rankingViewers: Int = 500,
                           expected: ((Int, Int) -> Double)? = nil) -> Report {
        let (train, test) = split(ratings, seed: seed)
        let baseline = BiasBaseline(train)
        let pearson = PearsonViewers(train)
        let mf = BiasedMF(training: train, settings: settings)
        var sampler = SplitMix64(seed: seed ^ 0xE7A1)
        // Pearson costs a neighbourhood per prediction: a seeded sample of the test set when it is large.
        let pearsonTest = test.count <= pearsonSample ? Array(test.indices)
            : (0..<pearsonSample).map { _ in Int(truncatingIfNeeded: sampler.next().multipliedFullWidth(by: UInt64(test.count)).high) }
        func score(_ model: String, _ indices: [Int], _ predict: (Int, Int) -> Double) -> ScoreRow {
            var se = 0.0, ae = 0.0, truthSE = 0.0, tp = 0.0, fp = 0.0, fn = 0.0
            for i in indices {
                let r = test[i]
                let p = predict(r.viewer, r.title)
                se += (p - r.score) * (p - r.score)
                ae += abs(p - r.score)
                if let expected { let e = expected(r.viewer, r.title); truthSE += (p - e) * (p - e) }
                let predicted = p > threshold, actual = r.score > threshold
                if predicted && actual { tp += 1 } else if predicted { fp += 1 } else if actual { fn += 1 }
            }
            let n = Double(max(1, indices.count))
            return ScoreRow(model: model, rmse: (se / n).squareRoot(), mae: ae / n, precision: tp + fp > 0 ? tp / (tp + fp) : 0,
                            recall: tp + fn > 0 ? tp / (tp + fn) : 0, truthRMSE: expected.map { _ in (truthSE / n).squareRoot() },
                            evaluated: indices.count)
        }
        let all = Array(test.indices)
        var scores = [
            score("global mean", all) { _, _ in baseline.globalMean },
            score("viewer + title bias", all) { baseline.predict(viewer: $0, title: $1) },
            score("pearson (k=20)", pearsonTest) { pearson.predict(viewer: $0, title: $1, k: 20).score },
            score("matrix factorisation", all) { mf.predict(viewer: $0, title: $1) },
        ]
        if pearsonTest.count < test.count {
            scores.append(score("bias (Pearson's sample)", pearsonTest) { baseline.predict(viewer: $0, title: $1) })
        }
        var oracle: Double? = nil
        if let expected {
            var se = 0.0
            for r in test { let e = min(5, max(0.5, expected(r.viewer, r.title))); se += (e - r.score) * (e - r.score) }
            oracle = (se / Double(max(1, test.count))).squareRoot()
        }

        // Top-10: for sampled viewers with a relevant held-out title, rank the titles they did not rate in training.
        var relevant: [Int: Set<Int>] = [:]
        for r in test where r.score >= 4 { relevant[r.viewer, default: []].insert(r.title) }
        var viewers = relevant.keys.sorted()
        for i in viewers.indices.reversed() where i > 0 {
            viewers.swapAt(i, Int(truncatingIfNeeded: sampler.next().multipliedFullWidth(by: UInt64(i + 1)).high))
        }
        viewers = Array(viewers.prefix(rankingViewers))
        let popularity = (0..<train.titleCount).sorted { train.ratingCount(ofTitle: $0) != train.ratingCount(ofTitle: $1) ? train.ratingCount(ofTitle: $0) > train.ratingCount(ofTitle: $1) : $0 < $1 }
        func ranking(_ model: String, _ top10: (Int) -> [Int]) -> RankingRow {
            var hits = 0.0, ndcg = 0.0
            for v in viewers {
                let wanted = relevant[v]!
                let list = top10(v)
                var dcg = 0.0
                for (rank, t) in list.enumerated() where wanted.contains(t) { dcg += 1 / Foundation.log2(Double(rank) + 2) }
                var ideal = 0.0
                for rank in 0..<min(10, wanted.count) { ideal += 1 / Foundation.log2(Double(rank) + 2) }
                if dcg > 0 { hits += 1 }
                ndcg += dcg / ideal
            }
            let n = Double(max(1, viewers.count))
            return RankingRow(model: model, hitRate: hits / n, ndcg: ndcg / n, viewers: viewers.count)
        }
        let rankings = [
            ranking("popularity (most rated in training)") { v in
                let seen = Set(train.ratings(of: v).titles)
                return Array(popularity.lazy.filter { !seen.contains(Int32($0)) }.prefix(10))
            },
            ranking("pearson neighbours (k=30)") { v in pearson.recommend(viewer: v, count: 10).map(\.title) },
            ranking("matrix factorisation") { v in mf.recommend(viewer: v, ratings: train, count: 10).map(\.title) },
        ]
        var notes = ["matrix factorisation: \(settings.factors) factors, \(settings.epochs) epochs, seed \(settings.seed); Pearson: shrunk r, ≥ 3 shared titles, positive r only"]
        if pearsonTest.count < test.count { notes.append("Pearson scored on a seeded sample of \(pearsonTest.count) held-out ratings; the bias row beside it is on the same sample") }
        if expected == nil { notes.append("the generator's truth is unknown for these ratings, so 'vs truth' is not measured") }
        return Report(seed: seed, trainCount: train.count, testCount: test.count, threshold: threshold, scores: scores, ranking: rankings,
                      oracleRMSE: oracle, notes: notes)
    }
}
