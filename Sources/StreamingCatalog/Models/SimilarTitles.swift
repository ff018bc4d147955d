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
        let group = groups[title]
        let candidates: [(key: Int32, value: Float)] = Set(touched).compactMap { other in
            let score = scores[Int(other)]
            return groups[Int(other)] != group && score > 0 ? (other, score) : nil
        }
        let ranked = candidates.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        // Copies of one title elsewhere would fill the list with one title: keep the first of each group.
        var seenGroups = Set<Int32>()
        var out: [(Int, Double)] = []
        for (other, score) in ranked where seenGroups.insert(groups[Int(other)]).inserted {
            out.append((Int(other), Double(score)))
            if out.count == count { break }
        }
        return out
    }
}
