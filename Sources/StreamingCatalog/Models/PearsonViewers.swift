import SteamLensData

/// The prototype's user-based collaborative filter: viewers correlated by
/// Pearson's r over the titles both rated predict a viewer's score as
/// their mean plus the neighbours' r-weighted deviations from theirs.
///
/// A correlation over few shared titles is noisy, so r is shrunk by
/// n / (n + `shrinkage`) (significance weighting) and needs `minimumOverlap`
/// shared titles; only positive correlations predict.
public struct PearsonViewers: Sendable {
    public let ratings: Ratings
    /// Each viewer's mean score: a pass over every rating, so it is stored
    /// rather than recomputed by a later start.
    public let viewerMean: Column<Double>
    public var minimumOverlap = 3
    public var shrinkage = 10.0

    public init(_ ratings: Ratings) {
        self.ratings = ratings
        viewerMean = Column((0..<ratings.viewers.count).map { v in
            ratings.withRow(of: v) { _, halves in
                halves.isEmpty ? 3 : Double(halves.reduce(0) { $0 + Int($1) }) / 2 / Double(halves.count)
            }
        })
    }

    /// The model as stored (`StreamingStore`); the caller vouches that the means fit the ratings.
    init(ratings: Ratings, viewerMean: Column<Double>) {
        self.ratings = ratings
        self.viewerMean = viewerMean
    }

    public struct Neighbour: Sendable, Equatable {
        public var viewer: Int
        public var correlation: Double
        /// Titles both rated.
        public var overlap: Int
        /// The neighbour's score of the title predicted, when there is one.
        public var score: Double?
    }

    public struct Prediction: Sendable {
        /// The predicted score, within 0.5–5.
        public var score: Double
        /// The neighbours used, most correlated first.
        public var neighbours: [Neighbour]
    }

    /// The viewer's scores as a dense row (0 = not rated), for quick co-rating.
    func denseRow(_ v: Int) -> [UInt8] {
        var dense = [UInt8](repeating: 0, count: ratings.titleCount)
        ratings.withRow(of: v) { titles, halves in
            for (t, h) in zip(titles, halves) { dense[Int(t)] = h }
        }
        return dense
    }

    /// Shrunk Pearson r between the viewer of `dense` and `w`, nil below the overlap or without variance.
    func correlation(_ dense: [UInt8], with w: Int) -> (Double, Int)? {
        var n = 0.0, sx = 0.0, sy = 0.0, sxx = 0.0, syy = 0.0, sxy = 0.0
        ratings.withRow(of: w) { titles, halves in
            for (t, h) in zip(titles, halves) {
                let mine = dense[Int(t)]
                guard mine != 0 else { continue }
                let x = Double(mine) / 2, y = Double(h) / 2
                n += 1; sx += x; sy += y; sxx += x * x; syy += y * y; sxy += x * y
            }
        }
        guard Int(n) >= minimumOverlap else { return nil }
        let cov = sxy - sx * sy / n, vx = sxx - sx * sx / n, vy = syy - sy * sy / n
        guard vx > 1e-9, vy > 1e-9 else { return nil }
        return (cov / (vx * vy).squareRoot() * n / (n + shrinkage), Int(n))
    }

    /// The predicted score of `v` for `t` from the `k` most correlated viewers who rated `t`.
    /// Without any, the prediction is the viewer's mean (and `neighbours` is empty).
    public func predict(viewer v: Int, title t: Int, k: Int = 20) -> Prediction {
        let dense = denseRow(v)
        var candidates: [Neighbour] = []
        ratings.withRaters(of: t) { viewers, halves in
            for (w, h) in zip(viewers, halves) where Int(w) != v {
                guard let (r, overlap) = correlation(dense, with: Int(w)), r > 0 else { continue }
                candidates.append(Neighbour(viewer: Int(w), correlation: r, overlap: overlap, score: Double(h) / 2))
            }
        }
        let neighbours = Array(candidates.sorted { $0.correlation != $1.correlation ? $0.correlation > $1.correlation : $0.viewer < $1.viewer }.prefix(k))
        var num = 0.0, den = 0.0
        for n in neighbours {
            num += n.correlation * (n.score! - viewerMean[n.viewer])
            den += n.correlation
        }
        let score = den > 0 ? viewerMean[v] + num / den : viewerMean[v]
        return Prediction(score: min(5, max(0.5, score)), neighbours: neighbours)
    }

    /// The `k` viewers most correlated with `v` among all who share a title with them.
    public func neighbours(of v: Int, k: Int = 30) -> [Neighbour] {
        let mine = ratings.ratings(of: v)
        var touched: [Int32: Int] = [:]
        var sums: [(n: Double, sx: Double, sy: Double, sxx: Double, syy: Double, sxy: Double)] = []
        for (t, h) in zip(mine.titles, mine.halves) {
            let x = Double(h) / 2
            ratings.withRaters(of: Int(t)) { viewers, halves in
                for (w, g) in zip(viewers, halves) where Int(w) != v {
                    let y = Double(g) / 2
                    let slot = touched[w] ?? { touched[w] = sums.count; sums.append((0, 0, 0, 0, 0, 0)); return sums.count - 1 }()
                    sums[slot].n += 1; sums[slot].sx += x; sums[slot].sy += y
                    sums[slot].sxx += x * x; sums[slot].syy += y * y; sums[slot].sxy += x * y
                }
            }
        }
        var out: [Neighbour] = []
        for (w, slot) in touched {
            let s = sums[slot]
            guard Int(s.n) >= minimumOverlap else { continue }
            let cov = s.sxy - s.sx * s.sy / s.n, vx = s.sxx - s.sx * s.sx / s.n, vy = s.syy - s.sy * s.sy / s.n
            guard vx > 1e-9, vy > 1e-9 else { continue }
            let r = cov / (vx * vy).squareRoot() * s.n / (s.n + shrinkage)
            if r > 0 { out.append(Neighbour(viewer: Int(w), correlation: r, overlap: Int(s.n), score: nil)) }
        }
        out.sort { $0.correlation != $1.correlation ? $0.correlation > $1.correlation : $0.viewer < $1.viewer }
        return Array(out.prefix(k))
    }

    /// Predicted scores of the titles `v` has not rated that at least two
    /// neighbours rated, best first.
    public func recommend(viewer v: Int, k: Int = 30, exclude: (Int) -> Bool = { _ in false }) -> [(title: Int, score: Double)] {
        let neighbours = neighbours(of: v, k: k)
        var num: [Int32: Double] = [:], den: [Int32: Double] = [:], count: [Int32: Int] = [:]
        for n in neighbours {
            let mean = viewerMean[n.viewer]
            ratings.withRow(of: n.viewer) { titles, halves in
                for (t, h) in zip(titles, halves) {
                    num[t, default: 0] += n.correlation * (Double(h) / 2 - mean)
                    den[t, default: 0] += n.correlation
                    count[t, default: 0] += 1
                }
            }
        }
        let seen = Set(ratings.ratings(of: v).titles)
        return num.compactMap { t, value -> (Int, Double)? in
            guard count[t]! >= 2, !seen.contains(t), !exclude(Int(t)) else { return nil }
            return (Int(t), min(5, max(0.5, viewerMean[v] + value / den[t]!)))
        }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
    }
}
