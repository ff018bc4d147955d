import Foundation
import SteamLensEngine

/// What the histogram view draws, whichever catalogue computed it: bins
/// `[lower, upper)` with their labels and counts, the total binned, the rows
/// left out and why. Steam's come from the engine's ``Distribution``;
/// other catalogues build their own (``Histogram/linear(_:title:rowUnit:digits:leftOut:notes:)``).
public struct Histogram: Equatable, Sendable {
    public struct Bin: Equatable, Sendable {
        public var label: String
        public var lower: Double
        public var upper: Double
        public var count: Int
    }

    public var title: String
    /// What a count counts: "games", "titles", "ratings".
    public var rowUnit: String
    public var bins: [Bin]
    public var total: Int
    public var leftOut: [(reason: String, count: Int)]
    public var logBins: Bool
    public var notes: [String]

    public static func == (a: Histogram, b: Histogram) -> Bool {
        a.title == b.title && a.rowUnit == b.rowUnit && a.bins == b.bins && a.total == b.total && a.logBins == b.logBins
            && a.notes == b.notes && a.leftOut.map(\.reason) == b.leftOut.map(\.reason) && a.leftOut.map(\.count) == b.leftOut.map(\.count)
    }
}

extension Histogram {
    /// The engine's distribution as drawn.
    init(_ distribution: Distribution) {
        title = distribution.title
        rowUnit = distribution.rowUnit
        bins = distribution.bins.map { Bin(label: $0.label, lower: $0.lower, upper: $0.upper, count: $0.count) }
        total = distribution.total
        leftOut = distribution.leftOut.map { ($0.reason, $0.count) }
        logBins = distribution.logBins
        notes = distribution.notes
    }

    /// Linear bins of width 1, 2 or 5 × 10^k, at most 14, the first edge a
    /// multiple of the width at or below the smallest value and the top edge
    /// strictly above the largest (so no bin is closed), as Steam's are.
    static func linear(_ values: [Double], title: String, rowUnit: String, digits: Int,
                       leftOut: [(reason: String, count: Int)] = [], notes: [String] = []) -> Histogram {
        guard let low = values.min(), let high = values.max() else {
            return Histogram(title: title, rowUnit: rowUnit, bins: [], total: 0, leftOut: leftOut, logBins: false, notes: notes)
        }
        func count(_ width: Double) -> Int { Int(((high - (low / width).rounded(.down) * width) / width).rounded(.down)) + 1 }
        // The smallest step the values are measured in, then 1-2-5 steps up from it until the bins fit.
        let unit = pow(10, -Double(digits))
        var width = unit
        search: for decade in 0...12 {
            for step in [1.0, 2, 5] {
                width = unit * step * pow(10, Double(decade))
                if count(width) <= 14 { break search }
            }
        }
        let first = (low / width).rounded(.down) * width
        var counts = [Int](repeating: 0, count: count(width))
        for value in values { counts[min(counts.count - 1, Int(((value - first) / width).rounded(.down)))] += 1 }
        let bins = counts.indices.map { index in
            let lower = first + Double(index) * width, upper = lower + width
            return Bin(label: "[\(Formatting.decimal(lower, digits: digits)), \(Formatting.decimal(upper, digits: digits)))",
                       lower: lower, upper: upper, count: counts[index])
        }
        return Histogram(title: title, rowUnit: rowUnit, bins: bins, total: values.count, leftOut: leftOut, logBins: false, notes: notes)
    }
}
