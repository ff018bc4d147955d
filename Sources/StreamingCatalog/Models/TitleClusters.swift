import SteamLensData
import SteamLensEngine

/// k-means over standardized content features (genres, type, release year,
/// duration, audience band, cast size, countries), with the elbow (inertia)
/// and silhouette for a range of k so the choice of k is justified.
public struct TitleClusters: Sendable {
    /// The cluster of each title (0..<k).
    public let assignment: [Int32]
    public let k: Int
    /// Per k tried: (k, inertia per title, mean silhouette), on a seeded sample of titles.
    public let sweep: [(k: Int, inertia: Double, silhouette: Double)]
    /// The feature names, for describing a cluster.
    public let featureNames: [String]
    /// Row-major centroids in standardized units.
    public let centroids: [Double]

    public init(assignment: [Int32], k: Int, sweep: [(k: Int, inertia: Double, silhouette: Double)], featureNames: [String], centroids: [Double]) {
        self.assignment = assignment
        self.k = k
        self.sweep = sweep
        self.featureNames = featureNames
        self.centroids = centroids
    }

    /// Clusters `titles` into `k` groups and measures every k in `range`.
    /// The sweep runs on a seeded sample of at most `sweepSample` titles (the
    /// shape of the elbow needs no more, and 14 runs over 23 k titles would
    /// cost seconds); the k used is fitted on every title.
    public init(titles: [Title], k: Int = 9, range: ClosedRange<Int> = 2...15, seed: UInt64 = 42, sweepSample: Int = 3_000) {
        let (matrix, names) = Self.features(titles)
        let dims = names.count
        let rows = Self.sample(count: titles.count, size: sweepSample, seed: seed)
        var sampled = [Double]()
        sampled.reserveCapacity(rows.count * dims)
        for i in rows { sampled.append(contentsOf: matrix[(i * dims)..<((i + 1) * dims)]) }
        let silhouetteRows = Array(0..<min(rows.count, 1_000))
        var sweep: [(Int, Double, Double)] = []
        for candidate in range where candidate <= rows.count {
            let result = Self.kMeans(sampled, rows: rows.count, dims: dims, k: candidate, seed: seed &+ UInt64(candidate))
            // Inertia per title, so the sweep reads the same at any sample size.
            sweep.append((candidate, result.inertia / Double(rows.count),
                          Self.silhouette(sampled, dims: dims, assignment: result.assignment, k: candidate, sample: silhouetteRows)))
        }
        let used = min(k, max(1, titles.count))
        let result = titles.isEmpty ? ([Int32](), [Double](), 0.0) : Self.kMeans(matrix, rows: titles.count, dims: dims, k: used, seed: seed &+ UInt64(k))
        self.init(assignment: result.0, k: used, sweep: sweep, featureNames: names, centroids: result.1)
    }

    /// The features furthest above the mean (in standard deviations) in
    /// cluster `c`'s centroid, most marked first: what describes the cluster.
    public func marks(of c: Int, count: Int) -> [(feature: String, sigma: Double)] {
        let dims = featureNames.count
        guard (0..<k).contains(c), centroids.count >= (c + 1) * dims else { return [] }
        return (0..<dims).map { ($0, centroids[c * dims + $0]) }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(count)
            .map { (featureNames[$0.0], $0.1) }
    }

    /// The marks of cluster `c` as text: "genre:kids +2.4σ".
    public func describedMarks(of c: Int, count: Int) -> [String] {
        marks(of: c, count: count).map { "\($0.feature) \($0.sigma >= 0 ? "+" : "")\(ResultTable.Cell.format($0.sigma, digits: 1))σ" }
    }

    /// The standardized feature matrix (row-major) and the column names.
    static func features(_ titles: [Title]) -> ([Double], [String]) {
        var genreCounts: [String: Int] = [:], countryCounts: [String: Int] = [:]
        for title in titles {
            for genre in title.genres { genreCounts[NameKey.normalize(genre), default: 0] += 1 }
            for country in title.countries { countryCounts[NameKey.normalize(country), default: 0] += 1 }
        }
        func top(_ counts: [String: Int], _ n: Int) -> [String] {
            Array(counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(n).map(\.key))
        }
        let genres = top(genreCounts, 20), countries = top(countryCounts, 8)
        let bands = ["kids", "family", "teen", "adult"]
        let names = genres.map { "genre:" + $0 } + ["type:show", "release year", "minutes", "seasons"] + bands.map { "band:" + $0 }
            + ["cast size"] + countries.map { "country:" + $0 }
        let dims = names.count
        var matrix = [Double](repeating: 0, count: titles.count * dims)
        for (i, title) in titles.enumerated() {
            let row = i * dims
            let keys = Set(title.genres.map(NameKey.normalize))
            for (g, genre) in genres.enumerated() where keys.contains(genre) { matrix[row + g] = 1 }
            var c = genres.count
            matrix[row + c] = title.type == .show ? 1 : 0; c += 1
            matrix[row + c] = Double(title.releaseYear ?? 2015); c += 1
            matrix[row + c] = title.duration?.unit == .minutes ? Double(title.duration!.value) : 0; c += 1
            matrix[row + c] = title.duration?.unit == .seasons ? Double(title.duration!.value) : 0; c += 1
            let band = ContentFeatures.ratingBand(title.rating)
            for (b, name) in bands.enumerated() where name == band { matrix[row + c + b] = 1 }
            c += bands.count
            matrix[row + c] = Double(min(title.cast.count, 20)); c += 1
            let here = Set(title.countries.map(NameKey.normalize))
            for (n, country) in countries.enumerated() where here.contains(country) { matrix[row + c + n] = 1 }
        }
        // z-scores per column; a constant column stays 0.
        for d in 0..<dims {
            var mean = 0.0
            for i in 0..<titles.count { mean += matrix[i * dims + d] }
            mean /= Double(max(1, titles.count))
            var variance = 0.0
            for i in 0..<titles.count { variance += (matrix[i * dims + d] - mean) * (matrix[i * dims + d] - mean) }
            let sd = (variance / Double(max(1, titles.count))).squareRoot()
            for i in 0..<titles.count { matrix[i * dims + d] = sd > 1e-12 ? (matrix[i * dims + d] - mean) / sd : 0 }
        }
        return (matrix, names)
    }

    static func distance(_ m: [Double], _ a: Int, _ c: [Double], _ b: Int, dims: Int) -> Double {
        var sum = 0.0
        for d in 0..<dims { let x = m[a * dims + d] - c[b * dims + d]; sum += x * x }
        return sum
    }

    /// Lloyd's algorithm from a k-means++ start, up to 40 passes.
    static func kMeans(_ m: [Double], rows: Int, dims: Int, k: Int, seed: UInt64) -> (assignment: [Int32], centroids: [Double], inertia: Double) {
        var rng = SplitMix64(seed: seed)
        var centroids = [Double](repeating: 0, count: k * dims)
        let first = Int(truncatingIfNeeded: rng.next().multipliedFullWidth(by: UInt64(rows)).high)
        for d in 0..<dims { centroids[d] = m[first * dims + d] }
        var nearest = (0..<rows).map { distance(m, $0, centroids, 0, dims: dims) }
        for c in 1..<max(1, k) {
            let total = nearest.reduce(0, +)
            var target = rng.nextUnit() * total
            var pick = rows - 1
            for i in 0..<rows { target -= nearest[i]; if target < 0 { pick = i; break } }
            for d in 0..<dims { centroids[c * dims + d] = m[pick * dims + d] }
            for i in 0..<rows { nearest[i] = min(nearest[i], distance(m, i, centroids, c, dims: dims)) }
        }
        var assignment = [Int32](repeating: 0, count: rows)
        var inertia = 0.0
        for pass in 0..<40 {
            var changed = false
            inertia = 0
            for i in 0..<rows {
                var best = 0, bestDistance = Double.infinity
                for c in 0..<k {
                    let dd = distance(m, i, centroids, c, dims: dims)
                    if dd < bestDistance { bestDistance = dd; best = c }
                }
                if assignment[i] != Int32(best) || pass == 0 { changed = changed || assignment[i] != Int32(best); assignment[i] = Int32(best) }
                inertia += bestDistance
            }
            if !changed && pass > 0 { break }
            var sums = [Double](repeating: 0, count: k * dims), counts = [Int](repeating: 0, count: k)
            for i in 0..<rows {
                let c = Int(assignment[i])
                counts[c] += 1
                for d in 0..<dims { sums[c * dims + d] += m[i * dims + d] }
            }
            for c in 0..<k where counts[c] > 0 { for d in 0..<dims { centroids[c * dims + d] = sums[c * dims + d] / Double(counts[c]) } }
        }
        return (assignment, centroids, inertia)
    }

    /// A seeded sample of row indices, for the silhouette (quadratic in its size).
    static func sample(count: Int, size: Int, seed: UInt64) -> [Int] {
        var rng = SplitMix64(seed: seed ^ 0x5111_0E77)
        var rows = Array(0..<count)
        // A shuffled order even when all are kept, so a prefix of it is a fair sample too.
        for i in 0..<min(size, max(0, count - 1)) { rows.swapAt(i, i + Int(truncatingIfNeeded: rng.next().multipliedFullWidth(by: UInt64(count - i)).high)) }
        return Array(rows.prefix(size))
    }

    /// The mean silhouette of the sampled rows, with Euclidean distances.
    static func silhouette(_ m: [Double], dims: Int, assignment: [Int32], k: Int, sample: [Int]) -> Double {
        guard k > 1, sample.count > 1 else { return 0 }
        var total = 0.0
        for i in sample {
            var sums = [Double](repeating: 0, count: k), counts = [Int](repeating: 0, count: k)
            for j in sample where j != i {
                sums[Int(assignment[j])] += distance(m, i, m, j, dims: dims).squareRoot()
                counts[Int(assignment[j])] += 1
            }
            let own = Int(assignment[i])
            guard counts[own] > 0 else { continue }
            let a = sums[own] / Double(counts[own])
            var b = Double.infinity
            for c in 0..<k where c != own && counts[c] > 0 { b = min(b, sums[c] / Double(counts[c])) }
            guard b.isFinite else { continue }
            total += (b - a) / max(a, b)
        }
        return total / Double(sample.count)
    }
}
