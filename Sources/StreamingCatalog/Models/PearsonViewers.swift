import SteamLensData
import SteamLensEngine

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
    /// The most raters of a title `predict` weighs (`raterSample(of:)`).
    public var raterSample = 1_000
    /// About how many co-ratings the neighbour search reads for one viewer
    /// (`candidateWindow(of:)`).
    public var neighbourBudget = 60_000

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
    struct CoSums: Equatable {
        var n: Int32 = 0, sx: Int32 = 0, sy: Int32 = 0, sxx: Int32 = 0, syy: Int32 = 0, sxy: Int32 = 0

        mutating func add(_ x: Int32, _ y: Int32) {
            n += 1; sx += x; sy += y; sxx += x * x; syy += y * y; sxy += x * y
        }

        /// The sums of one viewer's row (`titles`, `halves`) with the viewer
        /// whose scores by title are `mine` (0: not rated), without a branch
        /// per title: a title `mine` lacks adds 0 to Σx, Σx² and Σxy by
        /// itself, and n, Σy, Σy² take it times 0. A branch here was
        /// mispredicted about one title in three.
        static func of(_ titles: UnsafeBufferPointer<Int32>, _ halves: UnsafeBufferPointer<UInt8>, against mine: [UInt8]) -> CoSums {
            var s = CoSums()
            mine.withUnsafeBufferPointer { mine in
                for (t, h) in zip(titles, halves) {
                    let x = Int32(mine[Int(t)]), y = Int32(h), rated: Int32 = x != 0 ? 1 : 0
                    s.n += rated; s.sx += x; s.sy += rated * y; s.sxx += x * x; s.syy += rated * y * y; s.sxy += x * y
                }
            }
            return s
        }

        /// The same sums found the other way round: each of `mine`'s titles
        /// looked up in the other row by binary search, from where the last
        /// one was found. Rows hold each title once, ascending (`Ratings`),
        /// so this reads |mine| · log |theirs| ratings instead of |theirs|:
        /// a light viewer against the heavy ones a neighbour search ends with.
        static func of(_ titles: UnsafeBufferPointer<Int32>, _ halves: UnsafeBufferPointer<UInt8>,
                       searching mineTitles: UnsafeBufferPointer<Int32>, _ mineHalves: UnsafeBufferPointer<UInt8>) -> CoSums {
            var s = CoSums()
            var from = 0
            for (t, x) in zip(mineTitles, mineHalves) {
                let low = titles[from...].partitioningIndex { $0 >= t }
                guard low < titles.count else { break }
                from = low
                if titles[low] == t { s.add(Int32(x), Int32(halves[low])) }
            }
            return s
        }
    }

    /// `v`'s scores, as each form of the exact sums wants them.
    struct Row {
        let titles: UnsafeBufferPointer<Int32>, halves: UnsafeBufferPointer<UInt8>
        /// By title number, 0 where `v` rated nothing.
        let dense: [UInt8]
    }

    /// `body` with `v`'s row (`Row`).
    func withRow<R>(of v: Int, _ body: (Row) -> R) -> R {
        ratings.withRow(of: v) { titles, halves in
            var dense = [UInt8](repeating: 0, count: ratings.titleCount)
            for (title, h) in zip(titles, halves) { dense[Int(title)] = h }
            return body(Row(titles: titles, halves: halves, dense: dense))
        }
    }

    /// The exact sums of `mine` with viewer `w`, by whichever form reads fewer ratings.
    func coSums(_ mine: Row, with w: Int) -> CoSums {
        ratings.withRow(of: w) { titles, halves in
            // A search step (a dependent load) costs about four of the linear walk's.
            let steps = 4 * mine.titles.count * (Int.bitWidth - titles.count.leadingZeroBitCount + 1)
            return steps < titles.count ? CoSums.of(titles, halves, searching: mine.titles, mine.halves) : CoSums.of(titles, halves, against: mine.dense)
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
    /// The candidates are `raterSample(of:)`: every rater of a title with up
    /// to `raterSample` of them, an even sample of a more popular one's (a
    /// popular title has tens of thousands of raters, and a heavy viewer's
    /// walk over all of them took 90 ms). Each candidate's r is exact, over
    /// every title both rated. The sums are found by whichever walk reads
    /// fewer ratings: the candidates' rows against `v`'s row
    /// (`coSums(_:with:)`, itself the shorter of two walks), or every rater
    /// of `v`'s titles, kept when they are candidates.
    public func predict(viewer v: Int, title t: Int, k: Int = 20) -> Prediction {
        let candidates = raterSample(of: t).filter { Int($0.viewer) != v }
        var pairs = [CoSums](repeating: CoSums(), count: candidates.count)
        let viaRaters = candidates.reduce(0) { $0 + ratings.ratingCount(ofViewer: Int($1.viewer)) }
        let viaRow = ratings.withRow(of: v) { titles, _ in titles.reduce(0) { $0 + ratings.ratingCount(ofTitle: Int($1)) } }
        if viaRaters <= viaRow {
            withRow(of: v) { mine in
                for (i, c) in candidates.enumerated() { pairs[i] = coSums(mine, with: Int(c.viewer)) }
            }
        } else {
            var place = [Int32](repeating: -1, count: ratings.viewers.count)
            for (i, c) in candidates.enumerated() { place[Int(c.viewer)] = Int32(i) }
            ratings.withRow(of: v) { titles, mine in
                for (title, x) in zip(titles, mine) {
                    ratings.withRaters(of: Int(title)) { viewers, halves in
                        for (w, y) in zip(viewers, halves) where place[Int(w)] >= 0 { pairs[Int(place[Int(w)])].add(Int32(x), Int32(y)) }
                    }
                }
            }
        }
        var weighed: [Neighbour] = []
        for (i, c) in candidates.enumerated() {
            guard let r = correlation(pairs[i]), r > 0 else { continue }
            weighed.append(Neighbour(viewer: Int(c.viewer), correlation: r, overlap: Int(pairs[i].n), score: Double(c.halves) / 2))
        }
        let neighbours = Self.first(k, of: weighed, by: Self.stronger)
        var num = 0.0, den = 0.0
        for n in neighbours {
            num += n.correlation * (n.score! - viewerMean[n.viewer])
            den += n.correlation
        }
        let score = den > 0 ? viewerMean[v] + num / den : viewerMean[v]
        return Prediction(score: min(5, max(0.5, score)), neighbours: neighbours)
    }

    /// The raters of `t` that `predict` weighs, in viewer order: all of them
    /// up to `raterSample`, else the ⌊j·n / raterSample⌋-th of the n for
    /// j = 0, 1, …: a fixed, even sample, the same at every call.
    public func raterSample(of t: Int) -> [(viewer: Int32, halves: UInt8)] {
        ratings.withRaters(of: t) { viewers, halves in
            Self.evenSample(count: viewers.count, limit: raterSample).map { (viewers[$0], halves[$0]) }
        }
    }

    /// The positions 0..<count, or `limit` of them spread evenly from the first.
    static func evenSample(count: Int, limit: Int) -> EvenSample { EvenSample(count: count, limit: max(1, limit)) }

    /// ⌊j · count / limit⌋ for j = 0 ..< min(count, limit), stepped by
    /// adding the quotient and remainder of count / limit: a division per
    /// position cost as much as the sampled rater's own read.
    struct EvenSample: Sequence, IteratorProtocol {
        private let step: Int, remainder: Int, limit: Int
        private var left: Int, position = 0, carry = 0

        init(count: Int, limit: Int) {
            (step, remainder) = count <= limit ? (1, 0) : count.quotientAndRemainder(dividingBy: limit)
            self.limit = limit
            left = Swift.min(count, limit)
        }

        @inline(__always)
        mutating func next() -> Int? {
            guard left > 0 else { return nil }
            left -= 1
            defer {
                position += step
                carry += remainder
                if carry >= limit { carry -= limit; position += 1 }
            }
            return position
        }
    }

    /// Higher r first, then the lower viewer number: one order for every list.
    static func stronger(_ a: Neighbour, _ b: Neighbour) -> Bool {
        a.correlation != b.correlation ? a.correlation > b.correlation : a.viewer < b.viewer
    }

    /// The `k` first of `items` in `before` order, kept as they come: a
    /// light viewer has ~100 k co-raters, and sorting them all took 8 ms.
    static func first<T>(_ k: Int, of items: some Sequence<T>, by before: (T, T) -> Bool) -> [T] {
        guard k > 0 else { return [] }
        var best: [T] = []
        best.reserveCapacity(k + 1)
        for item in items where best.count < k || before(item, best[best.count - 1]) {
            best.insert(item, at: best.partitioningIndex { !before($0, item) })
            if best.count > k { best.removeLast() }
        }
        return best
    }

    /// The `k` viewers most correlated with `v` among the candidates
    /// (`candidateWindow(of:)`) who share a title with them, each r exact.
    ///
    /// Every title `v` rated is read for the candidates' ratings only: its
    /// raters are in viewer order, so those of a window of viewer numbers
    /// are one run, found by binary search and read in sequence. (Sampling
    /// each title's raters instead spread the reads over the whole column,
    /// a cache miss each, and left the candidates' sums to be read again.)
    /// The sums sit in an array over the window, the candidates touched
    /// listed once: a hash table per (title, rater) pair made a heavy
    /// viewer's call take 200 ms.
    public func neighbours(of v: Int, k: Int = 30) -> [Neighbour] {
        let viewerCount = ratings.viewers.count
        let (start, width) = candidateWindow(of: v)
        // The window as runs of viewer numbers: to the end, then from 0 when it wraps.
        let runs = [(start, min(viewerCount, start + width)), (0, max(0, start + width - viewerCount))].filter { $0.0 < $0.1 }
        var sums = [CoSums](repeating: CoSums(), count: width)
        var touched: [Int32] = []
        sums.withUnsafeMutableBufferPointer { sums in
            ratings.withRow(of: v) { titles, mine in
                for (t, x) in zip(titles, mine) {
                    ratings.withRaters(of: Int(t)) { viewers, halves in
                        for (low, high) in runs {
                            var i = viewers.partitioningIndex { $0 >= Int32(low) }
                            while i < viewers.count, Int(viewers[i]) < high {
                                let w = Int(viewers[i])
                                if w != v {
                                    let slot = w >= start ? w - start : w + viewerCount - start
                                    if sums[slot].n == 0 { touched.append(Int32(slot)) }
                                    sums[slot].add(Int32(x), Int32(halves[i]))
                                }
                                i += 1
                            }
                        }
                    }
                }
            }
        }
        let exact = sums
        return Self.first(k, of: touched.lazy.compactMap { slot in
            neighbour((start + Int(slot)) % viewerCount, exact[Int(slot)])
        }, by: Self.stronger)
    }

    /// The viewers `neighbours(of: v)` weighs, as `width` consecutive viewer
    /// numbers from `start`, wrapping past the last: every viewer when the
    /// raters of `v`'s titles number at most `neighbourBudget`, else the
    /// share of them the budget pays for (about budget / raters of the
    /// viewers, so about the budget's co-ratings are read), starting at
    /// (v · 2,654,435,761) mod viewers: fixed for a viewer, spread over the
    /// numbers for different ones. Viewer numbers follow first appearance
    /// in the ratings file, so a window is a sample of the viewers, and the
    /// neighbours are the best of that sample by exact r.
    func candidateWindow(of v: Int) -> (start: Int, width: Int) {
        let viewerCount = ratings.viewers.count
        let raters = ratings.withRow(of: v) { titles, _ in titles.reduce(0) { $0 + ratings.ratingCount(ofTitle: Int($1)) } }
        guard raters > neighbourBudget, viewerCount > 0 else { return (0, viewerCount) }
        let width = max(1, (viewerCount * max(1, neighbourBudget) + raters - 1) / raters)
        return (v * 2_654_435_761 % viewerCount, width)
    }

    /// `w` as a neighbour by its exact sums, when r is defined and positive.
    private func neighbour(_ w: Int, _ sums: CoSums) -> Neighbour? {
        correlation(sums).flatMap { $0 > 0 ? Neighbour(viewer: w, correlation: $0, overlap: Int(sums.n), score: nil) : nil }
    }

    /// The `count` best predicted scores of the titles `v` has not rated
    /// that at least two neighbours rated, best first (ties: the lower title
    /// number). The neighbours' rows are summed into arrays over titles, not hash tables.
    public func recommend(viewer v: Int, k: Int = 30, count wanted: Int = 10, exclude: (Int) -> Bool = { _ in false }) -> [(title: Int, score: Double)] {
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
        var predicted: [(title: Int, score: Double)] = []
        for t in 0..<titleCount where count[t] >= 2 && !exclude(t) {
            predicted.append((t, min(5, max(0.5, viewerMean[v] + num[t] / den[t]))))
        }
        return Self.first(wanted, of: predicted) { $0.score != $1.score ? $0.score > $1.score : $0.title < $1.title }
    }
}
