import Foundation
import SteamLensData

/// Game → similar games by content: every game is a TF-IDF vector over its
/// genres, tags, specs and developer (binary term frequency, idf =
/// ln(N / df)), L2-normalised, and similarity is the cosine.
///
/// What is kept is the index, not the answers: each game's weighted
/// features and the inverted index (feature → games). A game's row of
/// cosines is scored through the index when it is asked for — a few tens of
/// thousands of multiply-adds and one pass over the catalogue, well under a
/// millisecond — so nothing is trained for every game at the first start
/// (that was n rows of the same work, 5–11 s at full scale), and the
/// answers are the same as a precomputed top list's.
///
/// Two rankings come out of a row: ordinary neighbours and the game's own
/// editions/DLC/soundtracks (see `OwnEditionFilter`), which are hidden by default.
///
/// ```swift
/// let content = ContentNeighbours.build(features)
/// content.similar(to: 42, count: 5, hideOwnEditions: true)
/// ```
public struct ContentNeighbours: Sendable {
    /// Per game, its features and their normalised weights (weight-0 features left out).
    let gameFeatures: NeighbourLists
    /// Per feature, the games carrying it and their weights, by ascending game.
    let postings: NeighbourLists
    let filter: OwnEditionFilter

    public var gameCount: Int { gameFeatures.rowCount }

    init(gameFeatures: NeighbourLists, postings: NeighbourLists, filter: OwnEditionFilter) {
        self.gameFeatures = gameFeatures
        self.postings = postings
        self.filter = filter
    }

    /// - Parameter maxDocumentFrequency: features carried by more than this
    ///   share of the catalogue are dropped as stop words ("Single-player",
    ///   "Indie", "Steam Achievements" at 0.5): their idf is below ln 2 and
    ///   they cost most of the inverted-index work (df² pairs each). On the
    ///   Steam catalogue the top 5 still agree 96.6 % with the exact cosine
    ///   (1.0 keeps every feature).
    public static func build(_ f: GameFeatures, maxDocumentFrequency: Double = 0.5) -> ContentNeighbours {
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
        var rows: [[(item: Int32, score: Float)]] = []
        rows.reserveCapacity(n)
        var posted = [[(item: Int32, score: Float)]](repeating: [], count: featureCount)
        for i in 0..<n {
            let w = itemFeatures[i].map { idf[Int($0)] }
            let norm = sqrt(w.reduce(0) { $0 + $1 * $1 })
            let row = zip(itemFeatures[i], w).compactMap { x, weight in norm > 0 && weight > 0 ? (item: x, score: weight / norm) : nil }
            for (x, weight) in row { posted[Int(x)].append((Int32(i), weight)) }
            rows.append(row)
        }
        return ContentNeighbours(gameFeatures: NeighbourLists(rows: rows), postings: NeighbourLists(rows: posted), filter: OwnEditionFilter(f))
    }

    /// The `count` most similar games, best first; never the game itself.
    /// With `hideOwnEditions` false the game's own DLC, soundtracks and
    /// editions are ranked with the rest.
    public func similar(to item: Int32, count: Int, hideOwnEditions: Bool = true) -> [(item: Int32, score: Float)] {
        let row = Int(item)
        guard row >= 0 && row < gameCount, count > 0 else { return [] }
        let (plain, own) = ranked(row, count: count)
        if hideOwnEditions { return plain }
        let merged = (plain + own).sorted { $0.score > $1.score || ($0.score == $1.score && $0.item < $1.item) }
        return Array(merged.prefix(count))
    }

    /// Row `i`'s cosines through the inverted index, then the best `count`
    /// ordinary neighbours and the best `count` own editions.
    private func ranked(_ i: Int, count: Int) -> (plain: [(item: Int32, score: Float)], own: [(item: Int32, score: Float)]) {
        let n = gameCount
        let acc = UnsafeMutableBufferPointer<Float>.allocate(capacity: n)
        acc.initialize(repeating: 0)
        defer { acc.deallocate() }
        for p in Int(gameFeatures.offsets[i])..<Int(gameFeatures.offsets[i + 1]) {
            let x = Int(gameFeatures.items[p]), wi = gameFeatures.scores[p]
            let range = Int(postings.offsets[x])..<Int(postings.offsets[x + 1])
            postings.items.withVerifiedBuffer(range) { games in
                postings.scores.withVerifiedBuffer(range) { weights in
                    for q in 0..<games.count { acc[Int(games[q])] += wi * weights[q] }
                }
            }
        }
        acc[i] = 0
        var top = TopItems(capacity: count), own = TopItems(capacity: count)
        // The few games that could be editions (same developer or first
        // title word) are sorted out first and cleared…
        for j in filter.candidates(of: Int32(i)) where acc[Int(j)] > 0 {
            let s = acc[Int(j)]
            acc[Int(j)] = 0
            if filter.isOwnEdition(candidate: j, of: Int32(i)) {
                own.offer(item: j, score: s)
            } else {
                top.offer(item: j, score: s)
            }
        }
        // …so the scan over the whole catalogue is one compare per game
        // against the current k-th best, rarely taken once the heap is full.
        var floor = max(top.threshold, .leastNonzeroMagnitude)
        for q in 0..<n where acc[q] >= floor {
            top.offer(item: Int32(q), score: acc[q])
            floor = max(top.threshold, .leastNonzeroMagnitude)
        }
        return (top.sorted(), own.sorted())
    }
}

extension ContentNeighbours {
    func write(into out: inout ColumnFileWriter) {
        gameFeatures.write("rec.content.gameFeatures", into: &out)
        postings.write("rec.content.postings", into: &out)
        filter.write(into: &out)
    }

    /// Maps the index of a column file made for a catalogue of `gameCount`
    /// games and `developerCount` developers, every index column checked against its table.
    init(file: ColumnFile, gameCount: Int, developerCount: Int) throws {
        let postings = try NeighbourLists.stored("rec.content.postings", file, below: gameCount)
        gameFeatures = try NeighbourLists.stored("rec.content.gameFeatures", file, below: postings.rowCount)
        self.postings = postings
        filter = try OwnEditionFilter(file: file, gameCount: gameCount, developerCount: developerCount)
        guard gameFeatures.rowCount == gameCount else {
            throw ColumnFile.OpenError.damaged(file.path, reason: "the content index does not match the games")
        }
    }
}
