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

    /// The six sums of two viewers' co-ratings, in half stars: n, Σx, Σy, Σx², Σy², Σxy.
    /// Integers, so every way of adding them up gives the same r to the bit.
    struct CoSums {
        var n: Int32 = 0, sx: Int32 = 0, sy: Int32 = 0, sxx: Int32 = 0, syy: Int32 = 0, sxy: Int32 = 0

        mutating func add(_ x: Int32, _ y: Int32) {
            n += 1; sx += x; sy += y; sxx += x * x; syy += y * y; sxy += x * y
        }
    }

    /// Shrunk Pearson r of `sums`, nil below the overlap or without variance
    /// (r does not change with the scale, so half stars give the r of stars).
    func correlation(_ sums: CoSums) -> Double? {
        guard Int(sums.n) >= minimumOverlap else { return nil }
        let n = Double(sums.n), sx = Double(sums.sx), sy = Double(sums.sy)
        let cov = Double(sums.sxy) - sx * sy / n, vx = Double(sums.sxx) - sx * sx / n, vy = Double(sums.syy) - sy * sy / n
        guard vx > 1e-9, vy > 1e-9 else { return nil }
        return cov / (vx * vy).squareRoot() * n / (n + shrinkage)
    }

    /// The predicted score of `v` for `t` from the `k` most correlated viewers who rated `t`.
    /// Without any, the prediction is the viewer's mean (and `neighbours` is empty).
    ///
    /// The co-rating sums of `v` with each rater of `t` are found by whichever
    /// walk reads fewer ratings: every rater's row against `v`'s scores, or
    /// every rater of `v`'s titles, kept when they rated `t`. A popular title
    /// has thousands of raters; a light viewer's titles have far fewer.
    public func predict(viewer v: Int, title t: Int, k: Int = 20) -> Prediction {
        let raters = ratings.titleOffsets[t]..<ratings.titleOffsets[t + 1]
        let viaRaters = raters.reduce(0) { $0 + ratings.ratingCount(ofViewer: Int(ratings.titleViewers[$1])) }
        let viaRow = ratings.withRow(of: v) { titles, _ in titles.reduce(0) { $0 + ratings.ratingCount(ofTitle: Int($1)) } }
        // The sums of the i-th rater of t (raters in viewer order).
        var pairs = [CoSums](repeating: CoSums(), count: raters.count)
        if viaRaters <= viaRow {
            var dense = [UInt8](repeating: 0, count: ratings.titleCount)
            ratings.withRow(of: v) { titles, halves in
                for (title, h) in zip(titles, halves) { dense[Int(title)] = h }
            }
            ratings.withRaters(of: t) { viewers, _ in
                for (i, w) in viewers.enumerated() where Int(w) != v {
                    ratings.withRow(of: Int(w)) { titles, halves in
                        for (title, h) in zip(titles, halves) where dense[Int(title)] != 0 { pairs[i].add(Int32(dense[Int(title)]), Int32(h)) }
                    }
                }
            }
        } else {
            var place = [Int32](repeating: -1, count: ratings.viewers.count)
            ratings.withRaters(of: t) { viewers, _ in
                for (i, w) in viewers.enumerated() where Int(w) != v { place[Int(w)] = Int32(i) }
            }
            ratings.withRow(of: v) { titles, mine in
                for (title, x) in zip(titles, mine) {
                    ratings.withRaters(of: Int(title)) { viewers, halves in
                        for (w, y) in zip(viewers, halves) where place[Int(w)] >= 0 { pairs[Int(place[Int(w)])].add(Int32(x), Int32(y)) }
                    }
                }
            }
        }
        var candidates: [Neighbour] = []
        ratings.withRaters(of: t) { viewers, halves in
            for (i, (w, h)) in zip(viewers, halves).enumerated() where Int(w) != v {
                guard let r = correlation(pairs[i]), r > 0 else { continue }
                candidates.append(Neighbour(viewer: Int(w), correlation: r, overlap: Int(pairs[i].n), score: Double(h) / 2))
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
    /// The sums of every co-rater sit in one array indexed by viewer, the
    /// viewers touched listed once: a hash table per (title, rater) pair
    /// made a heavy viewer's call take 200 ms.
    public func neighbours(of v: Int, k: Int = 30) -> [Neighbour] {
        var sums = [CoSums](repeating: CoSums(), count: ratings.viewers.count)
        var touched: [Int32] = []
        sums.withUnsafeMutableBufferPointer { sums in
            ratings.withRow(of: v) { titles, mine in
                for (t, x) in zip(titles, mine) {
                    ratings.withRaters(of: Int(t)) { viewers, halves in
                        for (w, y) in zip(viewers, halves) where Int(w) != v {
                            if sums[Int(w)].n == 0 { touched.append(w) }
                            sums[Int(w)].add(Int32(x), Int32(y))
                        }
                    }
                }
            }
        }
        var out: [Neighbour] = []
        for w in touched {
            guard let r = correlation(sums[Int(w)]), r > 0 else { continue }
            out.append(Neighbour(viewer: Int(w), correlation: r, overlap: Int(sums[Int(w)].n), score: nil))
        }
        out.sort { $0.correlation != $1.correlation ? $0.correlation > $1.correlation : $0.viewer < $1.viewer }
        return Array(out.prefix(k))
    }

    /// Predicted scores of the titles `v` has not rated that at least two
    /// neighbours rated, best first. The neighbours' rows are summed into
    /// arrays over titles, not hash tables.
    public func recommend(viewer v: Int, k: Int = 30, exclude: (Int) -> Bool = { _ in false }) -> [(title: Int, score: Double)] {
        let neighbours = neighbours(of: v, k: k)
        let titleCount = ratings.titleCount
        var num = [Double](repeating: 0, count: titleCount), den = num, count = [Int32](repeating: 0, count: titleCount)
        for n in neighbours {
            let mean = viewerMean[n.viewer]
            ratings.withRow(of: n.viewer) { titles, halves in
                for (t, h) in zip(titles, halves) {
                    num[Int(t)] += n.correlation * (Double(h) / 2 - mean)
                    den[Int(t)] += n.correlation
                    count[Int(t)] += 1
                }
            }
        }
        ratings.withRow(of: v) { titles, _ in titles.forEach { count[Int($0)] = 0 } }
        return (0..<titleCount).compactMap { t -> (Int, Double)? in
            guard count[t] >= 2, !exclude(t) else { return nil }
            return (t, min(5, max(0.5, viewerMean[v] + num[t] / den[t])))
        }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
    }
}
