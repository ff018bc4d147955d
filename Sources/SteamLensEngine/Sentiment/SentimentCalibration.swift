/// Chooses the binary decision threshold and the neutral band from model
/// probabilities on held-out validation reviews.
///
/// - `threshold`: the cut that maximises macro-F1 (the mean of the
///   recommended and not-recommended F1) on validation, placed halfway
///   between the two neighbouring probabilities. With ~88% of reviews
///   recommending, this sits well above 0.5.
/// - `neutralBand`: the probabilities whose *observed* recommend rate on
///   validation lies between `lowRate` (35%) and `highRate` (65%): there the
///   model is no better than a 2:1 guess. The rate is read off an isotonic
///   (pool-adjacent-violators) fit of label on probability, which is
///   monotone, so the band is one interval. The band is widened to contain
///   `threshold`, so 0 always means "not recommended" and 2 "recommended"
///   under the binary decision too.
public struct SentimentCalibration: Sendable, Equatable {
    public var threshold: Double
    public var neutralBand: ClosedRange<Double>

    public static let lowRate = 0.35
    public static let highRate = 0.65

    /// Used when there is too little data to hold any out.
    public static let fallback = SentimentCalibration(threshold: 0.5, neutralBand: 0.35...0.65)

    public init(threshold: Double, neutralBand: ClosedRange<Double>) {
        self.threshold = threshold
        self.neutralBand = neutralBand
    }

    public init(probabilities: [Double], labels: [Bool]) {
        precondition(probabilities.count == labels.count)
        let order = probabilities.indices.sorted { probabilities[$0] < probabilities[$1] }
        let p = order.map { probabilities[$0] }, y = order.map { labels[$0] }
        guard p.count >= 2, y.contains(true), y.contains(false) else {
            self = .fallback
            return
        }
        // Threshold: predict "recommended" for p[i...]; sweep i over cut points
        // between distinct probabilities.
        let positives = y.filter { $0 }.count, negatives = y.count - positives
        var bestF1 = -1.0, bestCut = 0
        var negBelow = 0, posBelow = 0  // counts of p[..<i]
        for i in 0...p.count {
            if i == 0 || i == p.count || p[i] != p[i - 1] {
                let tp = positives - posBelow, fp = negatives - negBelow
                let tn = negBelow, fn = posBelow
                let f1 = (BinaryMetrics.f1(tp: tp, fp: fp, fn: fn) + BinaryMetrics.f1(tp: tn, fp: fn, fn: fp)) / 2
                if f1 > bestF1 { bestF1 = f1; bestCut = i }
            }
            if i < p.count { if y[i] { posBelow += 1 } else { negBelow += 1 } }
        }
        threshold = bestCut == 0 ? p[0] : bestCut == p.count ? p[p.count - 1] + 1e-9
            : (p[bestCut - 1] + p[bestCut]) / 2

        // Isotonic fit: blocks of (sum of labels, count, first index).
        var blocks: [(sum: Double, count: Double, start: Int)] = []
        for i in p.indices {
            blocks.append((y[i] ? 1 : 0, 1, i))
            while blocks.count > 1 {
                let b = blocks[blocks.count - 1], a = blocks[blocks.count - 2]
                if a.sum / a.count < b.sum / b.count { break }
                blocks.removeLast(2)
                blocks.append((a.sum + b.sum, a.count + b.count, a.start))
            }
        }
        // Band edges: the lowest probability whose rate reaches lowRate, and
        // the highest whose rate stays at or below highRate.
        var lower = threshold, upper = threshold
        if let first = blocks.first(where: { $0.sum / $0.count >= Self.lowRate }) {
            lower = min(lower, first.start > 0 ? (p[first.start - 1] + p[first.start]) / 2 : p[0])
        }
        if let lastIndex = blocks.lastIndex(where: { $0.sum / $0.count <= Self.highRate }) {
            let end = lastIndex + 1 < blocks.count ? blocks[lastIndex + 1].start : p.count
            let edge = end < p.count ? (p[end - 1] + p[end]) / 2 : p[p.count - 1]
            upper = max(upper, edge)
        }
        neutralBand = min(lower, upper)...max(lower, upper)
    }
}
