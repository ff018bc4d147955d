import Foundation
import SteamLensData

/// EASE (Steck 2019, "Embarrassingly Shallow Autoencoders"): a closed-form
/// item × item linear model, B = I − P·diag(1/diag P) with
/// P = (XᵀX + λI)⁻¹ and a zero diagonal. A user's score for j is
/// Σ over owned i of x(u, i)·B[i, j].
///
/// Only the `maxItems` most-owned items are modelled (the rest never win a
/// top-10 slot anyway: on the Steam libraries 1,000 vs 4,185 items changes
/// HR@10 by < 0.001), which bounds the inverse to a few seconds.
///
/// ```swift
/// let ease = EASE(train, lambda: 50)
/// ease.recommend(user: 3, count: 5)
/// ```
public struct EASE: UserRecommender, ItemScorer {
    public let name = "ease"
    let interactions: Interactions
    /// Modelled items (most owned first) and B over them, row-major.
    public let modelItems: Column<Int32>
    /// B over `modelItems`, row-major: B[a, b] = `weights[a * modelItems.count + b]`.
    public let weights: Column<Float>
    /// Each column's sum over every row of B. With binary weighting a user's
    /// scores are these sums less the rows of the modelled items the user
    /// does not own (the same scores up to rounding): fewer rows to read for
    /// a user who owns most of them (the busiest user at full scale, 7,416
    /// games, took 1 ms adding the owned rows).
    public let columnSums: Column<Float>
    let slot: [Int32]   // item → index in modelItems, or −1
    let weighting: FeedbackWeighting
    /// Per-user top lists computed at build time (nil: score on demand).
    public private(set) var userTopLists: NeighbourLists?
    let precomputedDepth: Int

    /// Trains on `interactions` (one Gram matrix + one inverse).
    /// - Parameters:
    ///   - lambda: L2 penalty; 50 scored best on the Steam libraries.
    ///   - maxItems: only this many most-owned items are modelled.
    ///   - weighting: how a row becomes x(u, i); binary scored best.
    ///   - precomputedDepth: per-user top list length computed now (0: none).
    public init(_ interactions: Interactions, lambda: Double = 50, maxItems: Int = 2000,
                weighting: FeedbackWeighting = .binary, precomputedDepth: Int = 50) {
        self.interactions = interactions
        self.weighting = weighting
        let ranked = Popularity(interactions).ranking
        let items = Array(ranked.prefix(maxItems))
        var slot = [Int32](repeating: -1, count: interactions.itemCount)
        for (k, i) in items.enumerated() { slot[Int(i)] = Int32(k) }
        modelItems = Column(items)
        self.slot = slot
        let weights = Self.train(interactions, items: items, slot: slot, lambda: lambda, weighting: weighting)
        self.weights = Column(weights)
        columnSums = Column(Self.columnSums(weights, count: items.count))
        self.precomputedDepth = precomputedDepth
        userTopLists = nil
        if precomputedDepth > 0 { userTopLists = precomputeTopLists(depth: precomputedDepth) }
    }

    /// From stored weights and their column sums (no training), scoring the users of `interactions` on demand.
    init(_ interactions: Interactions, modelItems: Column<Int32>, weights: Column<Float>, columnSums: Column<Float>,
         weighting: FeedbackWeighting = .binary) {
        self.interactions = interactions
        self.weighting = weighting
        var slot = [Int32](repeating: -1, count: interactions.itemCount)
        for (k, i) in modelItems.enumerated() where i >= 0 && Int(i) < slot.count { slot[Int(i)] = Int32(k) }
        self.modelItems = modelItems
        self.slot = slot
        self.weights = weights
        self.columnSums = columnSums
        precomputedDepth = 0
        userTopLists = nil
    }

    static func train(_ x: Interactions, items: [Int32], slot: [Int32], lambda: Double,
                      weighting: FeedbackWeighting) -> [Float] {
        let m = items.count
        guard m > 0 else { return [] }
        var p = [Double](repeating: 0, count: m * m)
        gram(x, items: items, slot: slot, lambda: lambda, weighting: weighting, into: &p)
        let ok = CholeskyInverse.invertSPD(&p, n: m)
        precondition(ok, "EASE: XᵀX + λI is not positive definite; λ must be > 0")
        var b = [Float](repeating: 0, count: m * m)
        for r in 0..<m {
            for c in 0..<m where r != c { b[r * m + c] = Float(-p[r * m + c] / p[c * m + c]) }
        }
        return b
    }

    /// XᵀX + λI over the modelled items, row by row into `gram` (m × m,
    /// zeroed): G[a][b] = Σ_u x_ua·x_ub, each cell summed over users in
    /// ascending order, whatever the thread timing. Written in place and its
    /// scratch freed on return: at full scale a copy of G and the scratch's
    /// growth were a hundred megabytes at the cold start's memory peak.
    private static func gram(_ x: Interactions, items: [Int32], slot: [Int32], lambda: Double,
                             weighting: FeedbackWeighting, into gram: inout [Double]) {
        let m = items.count
        // Each user's modelled items (slot, weight), in item order, built once:
        // a row then walks Σ over its owners of their *modelled* items
        // instead of their whole libraries. Sized by a counting pass.
        var slotOffsets = [Int](repeating: 0, count: x.userCount + 1)
        for u in 0..<x.userCount {
            var owned = 0
            for j in x.items(of: Int32(u)) where slot[Int(j)] >= 0 { owned += 1 }
            slotOffsets[u + 1] = slotOffsets[u] + owned
        }
        // Slots fit 16 bits (a Gram of more items would be 34 GB), and the
        // weights are kept only when they are not all 1 (binary, the
        // default): at full scale the scratch is 8 MB instead of 32.
        precondition(m <= Int(UInt16.max) + 1, "EASE models at most 65,536 items")
        let weighted = weighting != .binary
        var userSlots = [UInt16](repeating: 0, count: slotOffsets[x.userCount])
        var userWeights = [Float](repeating: 1, count: weighted ? slotOffsets[x.userCount] : 0)
        for u in 0..<x.userCount {
            var q = slotOffsets[u]
            for (j, mins) in zip(x.items(of: Int32(u)), x.minutes(of: Int32(u))) where slot[Int(j)] >= 0 {
                userSlots[q] = UInt16(slot[Int(j)])
                if weighted { userWeights[q] = weighting.weight(minutes: mins) }
                q += 1
            }
        }
        slotOffsets.withUnsafeBufferPointer { slotOffsets in
        userSlots.withUnsafeBufferPointer { userSlots in
        userWeights.withUnsafeBufferPointer { userWeights in
        gram.withUnsafeMutableBufferPointer { gram in
            let cells = RecSendableMutablePointer(gram.baseAddress!)
            recParallelChunks(m, minChunk: 8) { range in
                for a in range {
                    let item = items[a]
                    let lo = x.itemOffsets[Int(item)]
                    let row = cells.p + a * m
                    for (k, u) in x.owners(of: item).enumerated() {
                        let wa = Double(weighting.weight(minutes: x.itemMinutes[lo + k]))
                        guard wa > 0 else { continue }
                        let owned = slotOffsets[Int(u)]..<slotOffsets[Int(u) + 1]
                        if weighted {
                            for q in owned { row[Int(userSlots[q])] += wa * Double(userWeights[q]) }
                        } else {
                            for q in owned { row[Int(userSlots[q])] += wa }  // wa · 1, to the bit
                        }
                    }
                    row[a] += lambda
                }
            }
        }}}}
    }

    /// B[from, to], or nil when either item is outside the modelled set.
    public func weight(from: Int32, to: Int32) -> Float? {
        let a = Int(slot[Int(from)]), b = Int(slot[Int(to)])
        guard a >= 0, b >= 0 else { return nil }
        return weights[a * modelItems.count + b]
    }

    /// Σ over rows of each column of the m × m row-major `weights`, in row order.
    static func columnSums(_ weights: [Float], count m: Int) -> [Float] {
        var sums = [Float](repeating: 0, count: m)
        for r in 0..<m {
            for c in 0..<m { sums[c] += weights[r * m + c] }
        }
        return sums
    }

    func scores(for user: Int32, into scores: inout [Float], scratch: RecScratch) {
        let m = modelItems.count
        var owned: [(slot: Int, weight: Float)] = []
        for (i, mins) in zip(interactions.items(of: user), interactions.minutes(of: user)) {
            let a = Int(slot[Int(i)])
            let w = weighting.weight(minutes: mins)
            if a >= 0, w > 0 { owned.append((a, w)) }
        }
        guard !owned.isEmpty else { return }
        var acc: [Float]
        if weighting == .binary, 2 * owned.count > m, columnSums.count == m {
            // Every row minus the rows not owned.
            acc = Array(columnSums)
            var isOwned = [Bool](repeating: false, count: m)
            for (a, _) in owned { isOwned[a] = true }
            for a in 0..<m where !isOwned[a] { add(row: a, times: -1, to: &acc) }
        } else {
            acc = [Float](repeating: 0, count: m)
            for (a, w) in owned { add(row: a, times: w, to: &acc) }
        }
        for (k, i) in modelItems.enumerated() { scores[Int(i)] = acc[k] }
    }

    private func add(row a: Int, times w: Float, to acc: inout [Float]) {
        let m = modelItems.count
        weights.withVerifiedBuffer(a * m..<(a + 1) * m) { row in
            acc.withUnsafeMutableBufferPointer { ap in
                for c in 0..<m { ap[c] += w * row[c] }
            }
        }
    }

    public func recommend(user: Int32, count: Int) -> [(item: Int32, score: Float)] {
        serve(user: user, count: count, lists: userTopLists, depth: precomputedDepth)
    }
}
