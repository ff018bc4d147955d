#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A horizontal-bar histogram: one row per bin with its `[a, b)` label,
/// its count and a bar whose end is exact to an eighth of a cell, then a
/// total line.
///
/// ```swift
/// let edges = Histogram.linearEdges(from: 0, to: 40, count: 4)
/// buffer.render(Histogram(bins: Histogram.bin(hours, edges: edges)), area: right)
/// ```
///
/// ```
/// [0, 10)    5 ████████▌
/// [10, 20)  12 ████████████████████
/// [20, 30)   0
/// [30, 40]   1 █▋
/// total     18
/// ```
public struct Histogram: Widget {
    public struct Bin: Hashable, Sendable {
        public var lower: Double
        public var upper: Double
        public var count: Int
        /// True for the last bin of ``Histogram/bin(_:edges:)``, which also
        /// holds values equal to its upper edge: labelled `[a, b]`.
        public var includesUpper: Bool

        public init(lower: Double, upper: Double, count: Int, includesUpper: Bool = false) {
            self.lower = lower
            self.upper = upper
            self.count = count
            self.includesUpper = includesUpper
        }
    }

    /// How counts map to bar lengths.
    public enum Scale: Hashable, Sendable {
        case linear
        /// Bars proportional to log(1 + count), so a bin of 3 stays visible
        /// beside a bin of 30,000 (playtime and review counts are that skewed).
        case logarithmic
    }

    public var bins: [Bin]
    public var scale: Scale
    public var showsTotal: Bool
    public var totalLabel: String
    /// Formats bin edges in labels.
    public var formatEdge: @Sendable (Double) -> String
    public var theme: Theme
    public var glyphs: Glyphs

    public init(bins: [Bin], scale: Scale = .linear, showsTotal: Bool = true, totalLabel: String = "total",
                formatEdge: @escaping @Sendable (Double) -> String = { NumberFormat.compact($0) },
                theme: Theme = .color, glyphs: Glyphs = .unicode) {
        self.bins = bins
        self.scale = scale
        self.showsTotal = showsTotal
        self.totalLabel = totalLabel
        self.formatEdge = formatEdge
        self.theme = theme
        self.glyphs = glyphs
    }

    /// "[a, b)", or "[a, b]" for a bin that includes its upper edge.
    public func label(for bin: Bin) -> String {
        "[\(formatEdge(bin.lower)), \(formatEdge(bin.upper))\(bin.includesUpper ? "]" : ")")"
    }

    public var total: Int { bins.reduce(0) { $0 + $1.count } }

    public func render(into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        let totalRows = showsTotal ? 1 : 0
        let binRows = min(bins.count, max(0, area.height - totalRows))
        let shown = bins.prefix(binRows)
        // Widths come from every bin, not only the rows that fit, so the
        // columns do not move when the pane is resized.
        let labels = bins.map(label(for:))
        let counts = bins.map { NumberFormat.grouped($0.count) }
        let totalText = NumberFormat.grouped(total)

        let labelWidth = max(labels.map(\.displayWidth).max() ?? 0, showsTotal ? totalLabel.displayWidth : 0)
        let countWidth = max(counts.map(\.displayWidth).max() ?? 0, showsTotal ? totalText.displayWidth : 0)
        let barX = area.x + labelWidth + 1 + countWidth + 1
        let barCells = max(0, area.right - barX)

        let magnitudes = bins.map { magnitude(of: $0.count) }
        let largest = magnitudes.max() ?? 0

        for (line, bin) in shown.enumerated() {
            let y = area.y + line
            buffer.write(labels[line].padded(toWidth: labelWidth, ellipsis: glyphs.ellipsis),
                         x: area.x, y: y, style: theme.text, maxWidth: area.width)
            buffer.write(counts[line].padded(toWidth: countWidth, alignment: .right, ellipsis: glyphs.ellipsis),
                         x: area.x + labelWidth + 1, y: y, style: theme.muted,
                         maxWidth: max(0, area.width - labelWidth - 1))
            guard barCells > 0, largest > 0, bin.count > 0 else { continue }
            // Lengths are counted in eighths of a cell so the partial block
            // at the end (▏▎▍▌▋▊▉) lands within 1/8 cell of the exact value.
            let exact = magnitudes[line] / largest * Double(barCells * 8)
            let eighths = max(1, Int(exact.rounded()))
            buffer.write(glyphs.bar(eighths: eighths), x: barX, y: y, style: theme.bar, maxWidth: barCells)
        }

        if showsTotal, area.height > binRows {
            let y = area.y + binRows
            buffer.write(totalLabel.padded(toWidth: labelWidth, ellipsis: glyphs.ellipsis),
                         x: area.x, y: y, style: Style(bold: true),
                         maxWidth: area.width)
            buffer.write(totalText.padded(toWidth: countWidth, alignment: .right),
                         x: area.x + labelWidth + 1, y: y, style: Style(bold: true),
                         maxWidth: max(0, area.width - labelWidth - 1))
        }
    }

    private func magnitude(of count: Int) -> Double {
        let value = Double(max(0, count))
        switch scale {
        case .linear: return value
        case .logarithmic: return log1p(value)
        }
    }

    // MARK: - Binning

    /// `count + 1` evenly spaced edges from `lower` to `upper`.
    public static func linearEdges(from lower: Double, to upper: Double, count: Int) -> [Double] {
        guard count > 0, upper > lower else { return [lower, upper] }
        let step = (upper - lower) / Double(count)
        return (0...count).map { i in i == count ? upper : lower + Double(i) * step }
    }

    /// `count + 1` edges growing by a constant factor from `lower` (> 0) to
    /// `upper`: the log-bins view, where each bin covers the same ratio.
    public static func logarithmicEdges(from lower: Double, to upper: Double, count: Int) -> [Double] {
        guard count > 0, lower > 0, upper > lower else { return [lower, upper] }
        let ratio = log(upper / lower) / Double(count)
        return (0...count).map { i in
            if i == count { return upper }
            let edge = lower * exp(ratio * Double(i))
            // exp/log round-off turns 10 into 9.999999999999998, which
            // would put the value 10 in the wrong bin; snap to whole numbers.
            let whole = edge.rounded()
            return abs(edge - whole) <= 1e-9 * max(1, abs(edge)) ? whole : edge
        }
    }

    /// Counts `values` into the bins between consecutive `edges` (sorted
    /// ascending). Bins are `[a, b)` except the last, `[a, b]`, so the
    /// maximum value is counted. Values outside the edges and NaN are not
    /// counted (the caller reports them, e.g. as "unknown").
    public static func bin(_ values: [Double], edges: [Double]) -> [Bin] {
        guard edges.count >= 2 else { return [] }
        var counts = Array(repeating: 0, count: edges.count - 1)
        let last = edges.count - 2
        for value in values where value.isFinite {
            guard value >= edges[0], value <= edges[last + 1] else { continue }
            // Binary search for the bin whose lower edge is the largest <= value.
            var low = 0, high = last
            while low < high {
                let mid = (low + high + 1) / 2
                if edges[mid] <= value { low = mid } else { high = mid - 1 }
            }
            counts[low] += 1
        }
        return (0...last).map { i in
            Bin(lower: edges[i], upper: edges[i + 1], count: counts[i], includesUpper: i == last)
        }
    }
}
