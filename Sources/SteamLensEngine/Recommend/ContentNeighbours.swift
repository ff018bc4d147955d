import Foundation

/// Game → similar games by content: every game is a TF-IDF vector over its
/// genres, tags, specs and developer (binary term frequency, idf =
/// ln(N / df)), L2-normalised, and similarity is the cosine. The top `k`
/// neighbours of every game are precomputed through an inverted index
/// (feature → games), in parallel.
///
/// Two lists are kept per game: the best `k` ordinary neighbours and the
/// best `k` of the game's own editions/DLC/soundtracks (see
/// `OwnEditionFilter`), so the switch costs nothing at query time.
///
/// ```swift
/// let content = ContentNeighbours.build(features, k: 20)
/// content.similar(to: 42, count: 5, hideOwnEditions: true)
/// ```
public struct ContentNeighbours: Sendable {
    /// Best neighbours that are not the game's own editions, best first.
    public let neighbours: NeighbourLists
    /// Best neighbours that are the game's own editions, DLC or soundtracks.
    public let ownEditions: NeighbourLists

    /// Rebuilds the value from stored lists (e.g. two BLOBs), without training.
    public init(neighbours: NeighbourLists, ownEditions: NeighbourLists) {
        self.neighbours = neighbours
        self.ownEditions = ownEditions
    }

    /// - Parameter maxDocumentFrequency: features carried by more than this
    ///   share of the catalogue are dropped as stop words ("Single-player",
    ///   "Indie", "Steam Achievements" at 0.5): their idf is below ln 2 and
    ///   they cost most of the inverted-index work (df² pairs each). On the
    ///   Steam catalogue the top 5 still agree 96.6 % with the exact cosine
    ///   (1.0 keeps every feature).
    public static func build(_ f: GameFeatures, k: Int, maxDocumentFrequency: Double = 0.5) -> ContentNeighbours {
        let n = f.itemCount
        // Feature ids: genres, then tags, then specs, then developers.
        let gCount = (f.genres.flatMap { $0 }.max() ?? -1) + 1
        let tCount = (f.tags.flatMap { $0 }.max() ?? -1) + 1
        let sCount = (f.specs.flatMap { $0 }.max() ?? -1) + 1
        let dCount = (f.developer.compactMap { $0 }.max() ?? -1) + 1
        let featureCount = Int(gCount + tCount + sCount + dCount)
        var itemFeatures = [[Int32]](repeating: [], count: n)
        var df = [Int](repeating: 0, count: featureCount)
        for i in 0..<n {
            var fs = f.genres[i] + f.tags[i].map { $0 + gCount } + f.specs[i].map { $0 + gCount + tCount }
            if let d = f.developer[i] { fs.append(d + gCount + tCount + sCount) }
            fs = Array(Set(fs)).sorted()
            for x in fs { df[Int(x)] += 1 }
            itemFeatures[i] = fs
        }
        let maxDF = maxDocumentFrequency * Double(n)
        let idf = df.map { $0 > 0 && Double($0) <= maxDF ? Float(log(Double(n) / Double($0))) : 0 }

        // Normalised weights per item and the inverted index.
        var weights = [[Float]](repeating: [], count: n)
        for i in 0..<n {
            let w = itemFeatures[i].map { idf[Int($0)] }
            let norm = sqrt(w.reduce(0) { $0 + $1 * $1 })
            weights[i] = norm > 0 ? w.map { $0 / norm } : w.map { _ in 0 }
        }
        var postOffsets = [Int](repeating: 0, count: featureCount + 1)
        for fs in itemFeatures { for x in fs { postOffsets[Int(x) + 1] += 1 } }
        for x in 0..<featureCount { postOffsets[x + 1] += postOffsets[x] }
        var fill = postOffsets
        var postItems = [Int32](repeating: 0, count: postOffsets[featureCount])
        var postWeights = [Float](repeating: 0, count: postOffsets[featureCount])
        for i in 0..<n {
            for (x, w) in zip(itemFeatures[i], weights[i]) where w > 0 {
                postItems[fill[Int(x)]] = Int32(i)
                postWeights[fill[Int(x)]] = w
                fill[Int(x)] += 1
            }
        }

        let filter = OwnEditionFilter(f)
        let plain = RecSharedBuffer<[(item: Int32, score: Float)]>(repeating: [], count: n)
        let editions = RecSharedBuffer<[(item: Int32, score: Float)]>(repeating: [], count: n)
        let postEnd = fill
        postItems.withUnsafeBufferPointer { pItems in
        postWeights.withUnsafeBufferPointer { pWeights in
            // Raw pointers: the scatter-add below runs ~2·10⁹ times on the
            // Steam catalogue, and bounds/uniqueness checks doubled its cost.
            let pi = RecSendablePointer(pItems.baseAddress!), pw = RecSendablePointer(pWeights.baseAddress!)
            recParallelChunks(n, minChunk: 32) { range in
                let acc = UnsafeMutablePointer<Float>.allocate(capacity: n)
                acc.initialize(repeating: 0, count: n)
                defer { acc.deallocate() }
                for i in range {
                    for (x, wi) in zip(itemFeatures[i], weights[i]) where wi > 0 {
                        for p in postOffsets[Int(x)]..<postEnd[Int(x)] {
                            acc[Int(pi.p[p])] += wi * pw.p[p]
                        }
                    }
                    acc[i] = 0
                    var top = TopItems(capacity: k), own = TopItems(capacity: k)
                    // The few games that could be editions (same developer or
                    // first title word) are sorted out first and cleared…
                    for j in filter.candidates(of: Int32(i)) where acc[Int(j)] > 0 {
                        let s = acc[Int(j)]
                        acc[Int(j)] = 0
                        if filter.isOwnEdition(candidate: j, of: Int32(i)) {
                            own.offer(item: j, score: s)
                        } else {
                            top.offer(item: j, score: s)
                        }
                    }
                    // …so the scan over the whole catalogue is one compare per
                    // game against the current k-th best, rarely taken once the
                    // heap is full. (Swift's SIMD masks compiled to lane-by-lane
                    // stack traffic here and were slower than this.)
                    var floor = max(top.threshold, .leastNonzeroMagnitude)
                    for q in 0..<n where acc[q] >= floor {
                        top.offer(item: Int32(q), score: acc[q])
                        floor = max(top.threshold, .leastNonzeroMagnitude)
                    }
                    acc.update(repeating: 0, count: n)
                    plain[i] = top.sorted()
                    editions[i] = own.sorted()
                }
            }
        }
        }
        return ContentNeighbours(neighbours: NeighbourLists(rows: plain.array),
                                 ownEditions: NeighbourLists(rows: editions.array))
    }

    /// The `count` most similar games, best first; never the game itself.
    /// With `hideOwnEditions` false the game's own DLC, soundtracks and
    /// editions are merged back in by score.
    public func similar(to item: Int32, count: Int, hideOwnEditions: Bool = true) -> [(item: Int32, score: Float)] {
        let row = Int(item)
        guard row >= 0 && row < neighbours.rowCount, count > 0 else { return [] }
        let plain = neighbours[row]
        if hideOwnEditions { return Array(plain.prefix(count)) }
        let merged = (plain + ownEditions[row]).sorted { $0.score > $1.score || ($0.score == $1.score && $0.item < $1.item) }
        return Array(merged.prefix(count))
    }
}
