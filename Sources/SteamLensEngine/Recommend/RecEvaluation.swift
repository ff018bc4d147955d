import Foundation
import SteamLensData

/// The fixed offline protocol for user→games models.
///
/// 1. Eval users: users with ≥ 5 distinct played items (minutes > 0).
/// 2. For each, in ascending user id, one played item is held out:
///    index `rng.next() % playedCount` into the played items sorted by id,
///    with `SplitMix64(seed)` — the same split in Swift and numpy.
/// 3. Train on every other row (unplayed owned games included).
/// 4. Each model ranks all items the user does not own in training; the top
///    10 give HR@10, NDCG@10 (1 / log2(rank + 2), rank from 0), precision@5
///    and catalogue coverage (distinct items in any top 10 / item count).
///
/// ```swift
/// let report = RecEvaluation.run(data, models: ["popularity", "ease"], seed: 42)
/// print(report)
/// ```
public enum RecEvaluation {
    public static let minPlayed = 5
    public static let cutoff = 10

    /// Training data plus the held-out (user, item) pairs.
    public static func split(_ x: Interactions, seed: UInt64) -> (train: Interactions, heldOut: [(user: Int32, item: Int32)]) {
        var rng = SplitMix64(seed: seed)
        var heldOut: [(user: Int32, item: Int32)] = []
        var rows: [(user: Int32, item: Int32, minutes: Int32)] = []
        rows.reserveCapacity(x.rowCount)
        for u in 0..<Int32(x.userCount) {
            let played = zip(x.items(of: u), x.minutes(of: u)).filter { $0.1 > 0 }.map(\.0)
            var hidden: Int32 = -1
            if played.count >= minPlayed {
                hidden = played[Int(rng.next() % UInt64(played.count))]
                heldOut.append((u, hidden))
            }
            for (i, m) in zip(x.items(of: u), x.minutes(of: u)) where i != hidden { rows.append((u, i, m)) }
        }
        return (Interactions(userCount: x.userCount, itemCount: x.itemCount, rows: rows), heldOut)
    }

    /// Splits with `seed`, trains each named model (see `RecModel`) on the
    /// training part and scores its top 10 for every eval user. Unknown
    /// names are reported as errors in their row, not thrown.
    public static func run(_ x: Interactions, models: [String], seed: UInt64, itemGenres: [[Int32]]? = nil) -> RecReport {
        let (train, heldOut) = split(x, seed: seed)
        var results: [RecReport.ModelResult] = []
        for name in models {
            guard let kind = try? RecModel(name: name) else {
                results.append(.init(name: name, error: RecModel.UnknownModel(name: name).description))
                continue
            }
            let t0 = Date()
            let model = kind.train(on: train, itemGenres: itemGenres, precompute: false)
            let trainSeconds = Date().timeIntervalSince(t0)
            let t1 = Date()
            var lists: [[Int32]] = []
            lists.reserveCapacity(heldOut.count)
            var slowest = 0.0
            for h in heldOut {
                let c = Date()
                lists.append(model.recommend(user: h.user, count: cutoff).map(\.item))
                slowest = max(slowest, Date().timeIntervalSince(c))
            }
            let evalSeconds = Date().timeIntervalSince(t1)
            let targets = heldOut.map(\.item)
            results.append(.init(
                name: model.name,
                hitRate: RecMetrics.hitRate(lists, heldOut: targets, k: cutoff),
                ndcg: RecMetrics.ndcg(lists, heldOut: targets, k: cutoff),
                precision5: RecMetrics.precision(lists, heldOut: targets, k: 5),
                coverage: RecMetrics.coverage(lists, itemCount: x.itemCount, k: cutoff),
                trainSeconds: trainSeconds,
                msPerCall: heldOut.isEmpty ? 0 : 1000 * evalSeconds / Double(heldOut.count),
                slowestCallMs: 1000 * slowest))
        }
        return RecReport(seed: seed, users: x.userCount, items: x.itemCount, rows: x.rowCount,
                         trainRows: train.rowCount, evalUsers: heldOut.count, models: results)
    }
}

/// Ranking metrics for one held-out item per user.
public enum RecMetrics {
    /// 0-based position of `target` in the first `k` of `list`, if there.
    static func rank(_ list: [Int32], _ target: Int32, _ k: Int) -> Int? {
        list.prefix(k).firstIndex(of: target)
    }

    /// Share of users whose held-out item is in their top k.
    public static func hitRate(_ lists: [[Int32]], heldOut: [Int32], k: Int) -> Double {
        mean(zip(lists, heldOut).map { rank($0, $1, k) == nil ? 0 : 1 })
    }

    /// Mean of 1 / log2(rank + 2) (one relevant item, so the ideal DCG is 1).
    public static func ndcg(_ lists: [[Int32]], heldOut: [Int32], k: Int) -> Double {
        mean(zip(lists, heldOut).map { rank($0, $1, k).map { 1 / log2(Double($0) + 2) } ?? 0 })
    }

    /// Mean share of the top k that is relevant: 1/k on a hit.
    public static func precision(_ lists: [[Int32]], heldOut: [Int32], k: Int) -> Double {
        mean(zip(lists, heldOut).map { rank($0, $1, k) == nil ? 0 : 1 / Double(k) })
    }

    /// Distinct items appearing in any top k, over the catalogue size.
    public static func coverage(_ lists: [[Int32]], itemCount: Int, k: Int) -> Double {
        guard itemCount > 0 else { return 0 }
        return Double(Set(lists.flatMap { $0.prefix(k) }).count) / Double(itemCount)
    }

    static func mean(_ v: [Double]) -> Double { v.isEmpty ? 0 : v.reduce(0, +) / Double(v.count) }
}

/// What `RecEvaluation.run` measured; `description` is the printed table.
public struct RecReport: Sendable, CustomStringConvertible {
    public struct ModelResult: Sendable {
        public var name: String
        public var hitRate = 0.0, ndcg = 0.0, precision5 = 0.0, coverage = 0.0
        public var trainSeconds = 0.0, msPerCall = 0.0, slowestCallMs = 0.0
        public var error: String?

        init(name: String, hitRate: Double, ndcg: Double, precision5: Double, coverage: Double,
             trainSeconds: Double, msPerCall: Double, slowestCallMs: Double) {
            self.name = name; self.hitRate = hitRate; self.ndcg = ndcg; self.precision5 = precision5
            self.coverage = coverage; self.trainSeconds = trainSeconds; self.msPerCall = msPerCall
            self.slowestCallMs = slowestCallMs
        }
        init(name: String, error: String) { self.name = name; self.error = error }
    }

    public let seed: UInt64
    public let users: Int, items: Int, rows: Int, trainRows: Int, evalUsers: Int
    public let models: [ModelResult]

    public var description: String {
        var s = "seed \(seed): \(users) users, \(items) items, \(rows) rows; train \(trainRows) rows, "
        s += "held out 1 played item for each of \(evalUsers) users (≥ \(RecEvaluation.minPlayed) played)\n"
        s += "model            HR@10   NDCG@10  P@5     coverage  train s  ms/call (max)\n"
        for m in models {
            if let e = m.error { s += "\(m.name.padding(toLength: 16, withPad: " ", startingAt: 0)) \(e)\n"; continue }
            s += m.name.padding(toLength: 16, withPad: " ", startingAt: 0)
            s += String(format: " %.4f  %.4f   %.4f  %.4f    %6.2f   %.3f (%.2f)\n",
                        m.hitRate, m.ndcg, m.precision5, m.coverage, m.trainSeconds, m.msPerCall, m.slowestCallMs)
        }
        return s
    }
}
