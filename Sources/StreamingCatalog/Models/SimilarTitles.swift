import Foundation

/// Titles similar by content: TF-IDF weighted tokens (`ContentFeatures`),
/// L2-normalized, compared by cosine through an inverted index, so one
/// query touches only the titles sharing a token with it.
public struct SimilarTitles: Sendable {
    /// Per title, its (token, weight) pairs, weights normalized to length 1.
    let vectors: [[(token: Int32, weight: Float)]]
    /// Per token, the titles holding it and their weights.
    let postings: [[(title: Int32, weight: Float)]]

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
        var postings = [[(title: Int32, weight: Float)]](repeating: [], count: ids.count)
        vectors = raw.enumerated().map { t, vector in
            let weighted = vector.map { ($0.0, $0.1 * idf[Int($0.0)]) }.filter { $0.1 > 0 }
            let norm = weighted.reduce(0) { $0 + $1.1 * $1.1 }.squareRoot()
            return weighted.map { token, weight in
                let w = Float(norm > 0 ? weight / norm : 0)
                postings[Int(token)].append((Int32(t), w))
                return (token, w)
            }
        }
        self.postings = postings
    }

    /// The index from stored vectors: the postings are their transpose.
    init(vectors: [[(token: Int32, weight: Float)]], tokenCount: Int) {
        var postings = [[(title: Int32, weight: Float)]](repeating: [], count: tokenCount)
        for (t, vector) in vectors.enumerated() { for (token, weight) in vector { postings[Int(token)].append((Int32(t), weight)) } }
        self.vectors = vectors
        self.postings = postings
    }

    var tokenCount: Int { postings.count }

    /// Up to `count` titles most similar to `title`, best first (ties by
    /// index), never `title` itself nor a title of the same copy group.
    public func similar(to title: Int, count: Int = 5, groups: [Int32]) -> [(title: Int, score: Double)] {
        var scores: [Int32: Float] = [:]
        for (token, weight) in vectors[title] {
            for (other, otherWeight) in postings[Int(token)] { scores[other, default: 0] += weight * otherWeight }
        }
        let group = groups[title]
        let ranked = scores.filter { groups[Int($0.key)] != group && $0.value > 0 }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
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
