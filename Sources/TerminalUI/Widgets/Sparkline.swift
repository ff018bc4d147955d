/// A sparkline: one column per value, heights in eighths of a cell
/// (▁▂▃▄▅▆▇█), one or more rows high.
///
/// ```swift
/// buffer.render(Sparkline(values: itemsPerYear), area: row)
/// ```
///
/// ```
/// ▁▂▄█▆▃
/// ```
public struct Sparkline: Widget {
    public var values: [Double]
    /// The value drawn as a full column; nil scales to the largest value shown.
    public var maxValue: Double?
    public var style: Style?
    public var theme: Theme
    public var glyphs: Glyphs

    public init(values: [Double], maxValue: Double? = nil, style: Style? = nil,
                theme: Theme = .color, glyphs: Glyphs = .unicode) {
        self.values = values
        self.maxValue = maxValue
        self.style = style
        self.theme = theme
        self.glyphs = glyphs
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty, !values.isEmpty else { return }
        // A time series keeps its most recent end when it is too long.
        let shown = Array(values.suffix(area.width))
        let levels = Self.levels(shown, rows: area.height, maxValue: maxValue)
        let drawStyle = style ?? theme.sparkline
        for (column, level) in levels.enumerated() {
            // Fill from the bottom row up: each row takes up to 8 eighths.
            for row in 0..<area.height {
                let inRow = min(8, max(0, level - row * 8))
                let y = area.bottom - 1 - row
                buffer.write(glyphs.verticalEighths[inRow], x: area.x + column, y: y, style: drawStyle)
            }
        }
    }

    /// Each value's height in eighths of a cell for a chart `rows` high.
    /// Negative and non-finite values count as 0; a positive value is at
    /// least one eighth so it is never mistaken for zero.
    public static func levels(_ values: [Double], rows: Int, maxValue: Double? = nil) -> [Int] {
        let clean = values.map { $0.isFinite && $0 > 0 ? $0 : 0 }
        let top = maxValue ?? clean.max() ?? 0
        guard top > 0 else { return clean.map { _ in 0 } }
        let full = rows * 8
        return clean.map { value in
            guard value > 0 else { return 0 }
            return max(1, min(full, Int((value / top * Double(full)).rounded())))
        }
    }

    /// The one-row sparkline of `values` as text (the last `width` values
    /// when given), for embedding in a list row or a table cell.
    ///
    /// ```swift
    /// Sparkline.symbols([1, 2, 4, 8])   // "▁▂▄█"
    /// ```
    public static func symbols(_ values: [Double], width: Int? = nil, maxValue: Double? = nil,
                               glyphs: Glyphs = .unicode) -> String {
        let shown = width.map { Array(values.suffix(max(0, $0))) } ?? values
        return levels(shown, rows: 1, maxValue: maxValue).map { glyphs.verticalEighths[$0] }.joined()
    }
}
