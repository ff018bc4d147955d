/// A user → games model. Implementations never return an item the user
/// already owns, rank best first, and break ties by the lower item id.
///
/// ```swift
/// let model = EASE(train, lambda: 100)
/// model.recommend(user: 7, count: 5)   // [(item: 812, score: 0.41), …]
/// ```
public protocol UserRecommender: Sendable {
    var name: String { get }
    func recommend(user: Int32, count: Int) -> [(item: Int32, score: Float)]
}

/// A model that can score every item for a user. `scores` arrives filled
/// with `-.infinity` ("no evidence"); the model writes what it knows.
protocol ItemScorer: Sendable {
    var interactions: Interactions { get }
    func scores(for user: Int32, into scores: inout [Float], scratch: RecScratch)
}

/// Per-thread working memory for scorers whose inner loops would otherwise
/// allocate or hash (Pearson's per-candidate statistics).
final class RecScratch {
    var floats: [Float] = []
    var touched: [Int32] = []
    var items: [Float] = []
    var itemTouched: [Int32] = []
}

extension ItemScorer {
    /// Best `count` unowned items with a finite score.
    func rank(user: Int32, count: Int, buffer: inout [Float], scratch: RecScratch = RecScratch()) -> [(item: Int32, score: Float)] {
        if buffer.count != interactions.itemCount {
            buffer = [Float](repeating: -.infinity, count: interactions.itemCount)
        }
        scores(for: user, into: &buffer, scratch: scratch)
        for i in interactions.items(of: user) { buffer[Int(i)] = -.infinity }
        var top = TopItems(capacity: count)
        for j in 0..<buffer.count {
            let s = buffer[j]
            if s > -.infinity && s >= top.threshold { top.offer(item: Int32(j), score: s) }
            buffer[j] = -.infinity
        }
        return top.sorted()
    }

    /// Per-user top lists computed once, in parallel, so a later
    /// `recommend` is a slice copy.
    func precomputeTopLists(depth: Int) -> NeighbourLists {
        let n = interactions.userCount
        let out = RecSharedBuffer<[(item: Int32, score: Float)]>(repeating: [], count: n)
        recParallelChunks(n, minChunk: 64) { range in
            var buffer: [Float] = []
            let scratch = RecScratch()
            for u in range { out[u] = rank(user: Int32(u), count: depth, buffer: &buffer, scratch: scratch) }
        }
        return NeighbourLists(packing: out)
    }
}

extension ItemScorer {
    /// Serves `recommend` from precomputed per-user top lists of length
    /// `depth`, scoring on the fly only when more items are asked for.
    func serve(user: Int32, count: Int, lists: NeighbourLists?, depth: Int) -> [(item: Int32, score: Float)] {
        guard user >= 0 && Int(user) < interactions.userCount, count > 0 else { return [] }
        if let lists, count <= depth { return Array(lists[Int(user)].prefix(count)) }
        var buffer: [Float] = []
        return rank(user: user, count: count, buffer: &buffer)
    }
}
