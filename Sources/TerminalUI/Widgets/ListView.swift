/// A scrolling list of labelled rows with a right-aligned count column,
/// an optional small bar or sparkline per row, and a selection marker.
///
/// ```swift
/// let list = ListView(rows: developers.map { ListView.Row($0.name, count: $0.items, gauge: .bar($0.share)) },
///                     selectedIndex: state.cursor, offset: state.offset, isFocused: true)
/// buffer.render(list, area: panel.inner(left))
/// ```
///
/// ```
/// ▶ Valve         12 ██▌
///   Capcom         9 █▊
///   Ubisoft Mont…  4 ▊
/// ```
public struct ListView: Widget {
    /// A small graphic at the end of a row.
    public enum Gauge: Hashable, Sendable {
        /// A bar filled to this fraction (0…1) of the gauge column.
        case bar(Double)
        /// A one-row sparkline of these values (its own scale).
        case sparkline([Double])
    }

    public struct Row: Hashable, Sendable {
        public var label: String
        /// Already formatted, shown right-aligned.
        public var count: String?
        public var gauge: Gauge?

        public init(_ label: String, count: String? = nil, gauge: Gauge? = nil) {
            self.label = label
            self.count = count
            self.gauge = gauge
        }

        /// A row whose count is shown with thousands separators.
        public init(_ label: String, count: Int, gauge: Gauge? = nil) {
            self.init(label, count: NumberFormat.grouped(count), gauge: gauge)
        }
    }

    public var rows: [Row]
    /// The cursor row, or nil for no cursor.
    public var selectedIndex: Int?
    /// First row shown, as stored in the app state. Rendering adjusts it
    /// (see ``visibleOffset(height:)``) so the cursor is always visible;
    /// the app should store that adjusted value back.
    public var offset: Int
    public var isFocused: Bool
    /// Cells given to the gauge column when any row has a gauge.
    public var gaugeWidth: Int
    /// Shown (muted) when there are no rows.
    public var emptyText: String?
    public var theme: Theme
    public var glyphs: Glyphs

    public init(rows: [Row], selectedIndex: Int? = nil, offset: Int = 0, isFocused: Bool = false,
                gaugeWidth: Int = 4, emptyText: String? = nil,
                theme: Theme = .color, glyphs: Glyphs = .unicode) {
        self.rows = rows
        self.selectedIndex = selectedIndex
        self.offset = offset
        self.isFocused = isFocused
        self.gaugeWidth = gaugeWidth
        self.emptyText = emptyText
        self.theme = theme
        self.glyphs = glyphs
    }

    /// The first row shown in a view `height` rows high: `offset` moved
    /// just enough to keep the cursor visible.
    public func visibleOffset(height: Int) -> Int {
        Scrolling.offset(keeping: selectedIndex, visible: height, offset: offset, count: rows.count)
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        if rows.isEmpty {
            if let emptyText {
                buffer.write(emptyText, x: area.x + min(2, area.width - 1), y: area.y, style: theme.muted,
                             maxWidth: area.width - min(2, area.width - 1), ellipsis: glyphs.ellipsis)
            }
            return
        }
        let first = visibleOffset(height: area.height)
        let visible = rows[first..<min(rows.count, first + area.height)]

        // Column widths come from the visible rows only: measuring 30,000
        // developers every frame would cost more than the whole frame budget.
        let markerWidth = 2
        var countWidth = visible.map { $0.count?.displayWidth ?? 0 }.max() ?? 0
        var gaugeColumn = visible.contains { $0.gauge != nil } ? max(0, gaugeWidth) : 0
        // Narrow areas give up the gauge first, then the count, so the label
        // keeps at least a few cells.
        func labelWidth() -> Int {
            area.width - markerWidth - (countWidth > 0 ? countWidth + 1 : 0) - (gaugeColumn > 0 ? gaugeColumn + 1 : 0)
        }
        if labelWidth() < 4 { gaugeColumn = 0 }
        if labelWidth() < 4 { countWidth = 0 }
        let labelColumns = max(0, labelWidth())

        for (line, index) in visible.indices.enumerated() {
            let row = rows[index]
            let y = area.y + line
            let isSelected = index == selectedIndex
            var x = area.x
            if isSelected {
                buffer.write(glyphs.selectionMarker, x: x, y: y, style: theme.text, maxWidth: area.width)
            }
            x += markerWidth
            buffer.write(row.label, x: x, y: y, style: theme.text, maxWidth: labelColumns, ellipsis: glyphs.ellipsis)
            x += labelColumns
            if countWidth > 0 {
                x += 1
                if let count = row.count {
                    buffer.write(count.padded(toWidth: countWidth, alignment: .right, ellipsis: glyphs.ellipsis),
                                 x: x, y: y, style: theme.muted)
                }
                x += countWidth
            }
            if gaugeColumn > 0 {
                x += 1
                switch row.gauge {
                case .bar(let fraction)?:
                    buffer.write(glyphs.bar(eighths: Self.eighths(fraction, cells: gaugeColumn)),
                                 x: x, y: y, style: theme.bar, maxWidth: gaugeColumn)
                case .sparkline(let values)?:
                    buffer.write(Sparkline.symbols(values, width: gaugeColumn, glyphs: glyphs),
                                 x: x, y: y, style: theme.sparkline, maxWidth: gaugeColumn)
                case nil:
                    break
                }
            }
            if isSelected {
                buffer.patchStyle(isFocused ? theme.selection : theme.inactiveSelection, in: area.row(line))
            }
        }
    }

    /// A fraction of `cells` in eighths of a cell; any positive fraction
    /// shows at least one eighth so "a little" never looks like "none".
    static func eighths(_ fraction: Double, cells: Int) -> Int {
        guard fraction.isFinite, fraction > 0 else { return 0 }
        let exact = min(fraction, 1) * Double(cells * 8)
        return max(1, Int(exact.rounded()))
    }
}
