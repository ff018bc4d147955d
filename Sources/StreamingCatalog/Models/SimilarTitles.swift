import Foundation
import SteamLensData

/// Titles similar by content: TF-IDF weighted tokens (`ContentFeatures`),
/// L2-normalized, compared by cosine through an inverted index, so one
/// query touches only the titles sharing a token with it.
///
/// Both the vectors and their transpose (the postings) are compressed
/// sparse rows in `Column`s, so a later start maps them from the store
/// instead of rebuilding either.
public struct SimilarTitles: Sendable {
    /// Title t's (token, weight) pairs, weights normalized to length 1, are
    /// `vectorTokens`/`vectorWeights[vectorOffsets[t] ..< vectorOffsets[t + 1]]`.
    let vectorOffsets: Column<Int32>
    let vectorTokens: Column<Int32>
    let vectorWeights: Column<Float>
    /// Per token, the titles holding it (ascending) and their weights.
    let postingOffsets: Column<Int32>
    let postingTitles: Column<Int32>
    let postingWeights: Column<Float>

    public init(titles: [Title]) {
        var ids: [String: Int32] = [:]
        let raw = titles.map { title -> [(Int32, Double)] in
            var merged: [Int32: Double] = [:]
            for (token, weight) in ContentFeatures.tokens(title) {
                let id = ids[token] ?? { let id = Int32(ids.count); ids[token] = id; return id }()
                merged[id, default: 0] += weight
            }
            return merged.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        }
        var documents = [Int](repeating: 0, count: ids.count)
        for vector in raw { for (token, _) in vector { documents[Int(token)] += 1 } }
        let n = Double(max(1, titles.count))
        // A token on more than half the titles tells them apart from nothing: dropped.
        let idf = documents.map { $0 * 2 > titles.count && titles.count > 10 ? 0 : Foundation.log(n / Double($0)) + 1 }
        var offsets: [Int32] = [0], tokens: [Int32] = [], weights: [Float] = []
        for vector in raw {
            let weighted = vector.map { ($0.0, $0.1 * idf[Int($0.0)]) }.filter { $0.1 > 0 }
            let norm = weighted.reduce(0) { $0 + $1.1 * $1.1 }.squareRoot()
            for (token, weight) in weighted {
                tokens.append(token)
                weights.append(Float(norm > 0 ? weight / norm : 0))
            }
            offsets.append(Int32(tokens.count))
        }
        self.init(vectorOffsets: offsets, tokens: tokens, weights: weights, tokenCount: ids.count)
    }

    /// The index of `vectors` in rows; the postings are their transpose, by a counting sort.
    init(vectorOffsets offsets: [Int32], tokens: [Int32], weights: [Float], tokenCount: Int) {
        var postingOffsets = [Int32](repeating: 0, count: tokenCount + 1)
        for token in tokens { postingOffsets[Int(token) + 1] += 1 }
        for token in 0..<tokenCount { postingOffsets[token + 1] += postingOffsets[token] }
        var fill = postingOffsets
        var titles = [Int32](repeating: 0, count: tokens.count), postingWeights = [Float](repeating: 0, count: tokens.count)
        for t in 0..<(offsets.count - 1) {
            for i in Int(offsets[t])..<Int(offsets[t + 1]) {
                let slot = Int(fill[Int(tokens[i])])
                titles[slot] = Int32(t)
                postingWeights[slot] = weights[i]
                fill[Int(tokens[i])] += 1
            }
        }
        self.init(vectorOffsets: Column(offsets), vectorTokens: Column(tokens), vectorWeights: Column(weights),
                  postingOffsets: Column(postingOffsets), postingTitles: Column(titles), postingWeights: Column(postingWeights))
    }

    /// The index as stored (`StreamingStore`); the caller vouches for its shape.
    init(vectorOffsets: Column<Int32>, vectorTokens: Column<Int32>, vectorWeights: Column<Float>,
         postingOffsets: Column<Int32>, postingTitles: Column<Int32>, postingWeights: Column<Float>) {
        self.vectorOffsets = vectorOffsets
        self.vectorTokens = vectorTokens
        self.vectorWeights = vectorWeights
        self.postingOffsets = postingOffsets
        self.postingTitles = postingTitles
        self.postingWeights = postingWeights
    }

    var tokenCount: Int { postingOffsets.count - 1 }

    /// Up to `count` titles most similar to `title`, best first (ties by
    /// index), never `title` itself nor a title of the same copy group.
    public func similar(to title: Int, count: Int = 5, groups: [Int32]) -> [(title: Int, score: Double)] {
        // Dense sums over every title plus the list of those touched: a
        // common genre's postings run to thousands, too many for a dictionary.
        var scores = [Float](repeating: 0, count: vectorOffsets.count - 1)
        var touched: [Int32] = []
        for i in Int(vectorOffsets[title])..<Int(vectorOffsets[title + 1]) {
            let token = Int(vectorTokens[i]), weight = vectorWeights[i]
            let postings = Int(postingOffsets[token])..<Int(postingOffsets[token + 1])
            postingTitles.withVerifiedBuffer(postings) { others in
                postingWeights.withVerifiedBuffer(postings) { otherWeights in
                    for (other, otherWeight) in zip(others, otherWeights) {
                        if scores[Int(other)] == 0 { touched.append(other) }
                        scores[Int(other)] += weight * otherWeight
                    }
                }
            }
        }
        // The best `count` of distinct copy groups, kept sorted as they come
        // (copies elsewhere would fill the list with one title: each group
        // keeps its best member): no set or sort over thousands of candidates.
        let group = groups[title]
        func ahead(_ a: (Int32, Float), of b: (Int32, Float)) -> Bool { a.1 != b.1 ? a.1 > b.1 : a.0 < b.0 }
        var best: [(Int32, Float)] = []
        for other in touched {
            let candidate = (other, scores[Int(other)])
            guard candidate.1 > 0, groups[Int(other)] != group else { continue }
            if best.count == count, let last = best.last, !ahead(candidate, of: last) { continue }
            if let same = best.firstIndex(where: { groups[Int($0.0)] == groups[Int(other)] }) {
                guard ahead(candidate, of: best[same]) else { continue }
                best.remove(at: same)
            }
            best.insert(candidate, at: best.firstIndex { ahead(candidate, of: $0) } ?? best.count)
            if best.count > count { best.removeLast() }
        }
        let out = best.map { (Int($0.0), Double($0.1)) }
        return out
    }
}
