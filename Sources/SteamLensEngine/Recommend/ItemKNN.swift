import CKernels
import Foundation

/// Item-based k-nearest-neighbours on libraries.
///
/// sim(i, j) = |U_i ∩ U_j| / (sqrt(|U_i|·|U_j|) + shrink), cosine on the
/// binary ownership matrix (the best weighting on the Steam libraries);
/// only the `neighbours` best per item are kept. A user's score for j is
/// Σ over owned i of w(u, i)·sim(i, j), with w from `weighting`.
///
/// ```swift
/// let knn = ItemKNN(train, neighbours: 200)
/// knn.recommend(user: 3, count: 5)
/// knn.similarItems   // NeighbourLists, one row per item, storable as a BLOB
/// ```
public struct ItemKNN: UserRecommender, ItemScorer {
    public let name = "item-knn"
    let interactions: Interactions
    /// The `neighbours` most similar items of every item, best first.
    public let similarItems: NeighbourLists
    let weighting: FeedbackWeighting
    /// Per-user top lists computed at build time (nil: score on demand).
    public private(set) var userTopLists: NeighbourLists?
    let precomputedDepth: Int

    /// Builds the item neighbour lists (and per-user top lists when
    /// `precomputedDepth` > 0). `shrink` is added to the cosine denominator.
    public init(_ interactions: Interactions, neighbours: Int = 200, shrink: Float = 0,
                weighting: FeedbackWeighting = .binary, precomputedDepth: Int = 50) {
        self.interactions = interactions
        self.weighting = weighting
        similarItems = Self.cosineNeighbours(interactions, k: neighbours, shrink: shrink)
        self.precomputedDepth = precomputedDepth
        userTopLists = nil
        if precomputedDepth > 0 { userTopLists = precomputeTopLists(depth: precomputedDepth) }
    }

    /// Init from stored neighbour lists (no training).
    public init(_ interactions: Interactions, similarItems: NeighbourLists, weighting: FeedbackWeighting = .binary) {
        self.interactions = interactions
        self.similarItems = similarItems
        self.weighting = weighting
        precomputedDepth = 0
        userTopLists = nil
    }

    /// Co-ownership counts by walking each item's owners' libraries
    /// (Σ over users of |library|² steps in all), over raw buffers, then one
    /// pass over the row's counts that scores and clears them and keeps the
    /// best k (`sl_cosine_top`, in C: only the candidates at or above a
    /// threshold that k of them reach are selected from; a mispredicted
    /// branch per count, then a heap offered every nonzero score, each took
    /// about as long as the counting). A row whose owners' libraries hold
    /// fewer than half as many items as there are items (most of the long
    /// tail) also lists each item as it is first counted, without a branch,
    /// and the pass reads only those; any other row is counted by a bare
    /// increment and the pass reads every item. Counts are whole numbers and ties go to the lower id, so
    /// the result does not depend on the order anything is added in.
    static func cosineNeighbours(_ x: Interactions, k: Int, shrink: Float) -> NeighbourLists {
        precondition(k >= 0 && shrink >= 0, "item-kNN: k and shrink must not be negative")
        let n = x.itemCount
        let norms = (0..<n).map { Float(x.ownerCount(of: Int32($0))).squareRoot() }
        let rows = RecSharedBuffer<[(item: Int32, score: Float)]>(repeating: [], count: n)
        x.userOffsets.withUnsafeBufferPointer { userOffsets in
        x.userItems.withUnsafeBufferPointer { userItems in
        x.itemOffsets.withUnsafeBufferPointer { itemOffsets in
        x.itemUsers.withUnsafeBufferPointer { itemUsers in
        norms.withUnsafeBufferPointer { norms in
            recParallelChunks(n, minChunk: 16) { range in
                let co = UnsafeMutableBufferPointer<Int32>.allocate(capacity: max(n, 1))
                co.initialize(repeating: 0)
                let touched = UnsafeMutablePointer<Int32>.allocate(capacity: max(n, 1))
                let scores = UnsafeMutablePointer<Float>.allocate(capacity: max(n, 1))
                let best = UnsafeMutablePointer<Int32>.allocate(capacity: max(n, 1))
                let bestScores = UnsafeMutablePointer<Float>.allocate(capacity: max(n, 1))
                let keys = UnsafeMutablePointer<UInt64>.allocate(capacity: max(n, 1))
                defer {
                    co.deallocate(); touched.deallocate(); scores.deallocate()
                    best.deallocate(); bestScores.deallocate(); keys.deallocate()
                }
                for i in range where itemOffsets[i + 1] > itemOffsets[i] {
                    var steps = 0
                    for p in itemOffsets[i]..<itemOffsets[i + 1] {
                        let u = Int(itemUsers[p])
                        steps += userOffsets[u + 1] - userOffsets[u]
                    }
                    let sparse = 2 * steps < n
                    var touchedCount = 0
                    for p in itemOffsets[i]..<itemOffsets[i + 1] {
                        let u = Int(itemUsers[p])
                        if sparse {
                            for q in userOffsets[u]..<userOffsets[u + 1] {
                                let j = Int(userItems[q])
                                touched[touchedCount] = Int32(j)
                                touchedCount &+= co[j] == 0 ? 1 : 0
                                co[j] &+= 1
                            }
                        } else {
                            for q in userOffsets[u]..<userOffsets[u + 1] { co[Int(userItems[q])] &+= 1 }
                        }
                    }
                    co[i] = 0
                    let count = sl_cosine_top(co.baseAddress!, norms.baseAddress!, n, norms[i], shrink, k,
                                              sparse ? UnsafePointer(touched) : nil, touchedCount,
                                              scores, best, bestScores, keys)
                    rows[i] = (0..<count).map { (item: best[$0], score: bestScores[$0]) }
                }
            }
        }}}}}
        return NeighbourLists(packing: rows)
    }

    func scores(for user: Int32, into scores: inout [Float], scratch: RecScratch) {
        let items = interactions.items(of: user), minutes = interactions.minutes(of: user)
        for (i, m) in zip(items, minutes) {
            let w = weighting.weight(minutes: m)
            guard w > 0 else { continue }
            let r = Int(i)
            for p in Int(similarItems.offsets[r])..<Int(similarItems.offsets[r + 1]) {
                let j = Int(similarItems.items[p])
                let s = w * similarItems.scores[p]
                scores[j] = scores[j] == -.infinity ? s : scores[j] + s
            }
        }
    }

    public func recommend(user: Int32, count: Int) -> [(item: Int32, score: Float)] {
        serve(user: user, count: count, lists: userTopLists, depth: precomputedDepth)
    }
}
