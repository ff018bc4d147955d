/// A table with a header row, per-column alignment, column widths fitted
/// to the area and "…" where a value is cut.
///
/// ```swift
/// let table = TableView(columns: [.init("year"), .init("items", alignment: .right)],
///                       rows: [["2016", "4,208"], ["2017", "5,102"]])
/// ```
///
/// ```
/// year  items
/// 2016  4,208
/// 2017  5,102
/// ```
public struct TableView: Widget {
    public struct Column: Hashable, Sendable {
        public var title: String
        public var alignment: Alignment
        /// The narrowest this column is squeezed to before columns on the
        /// right are dropped instead.
        public var minWidth: Int

        public init(_ title: String, alignment: Alignment = .left, minWidth: Int = 3) {
            self.title = title
            self.alignment = alignment
            self.minWidth = max(1, minWidth)
        }
    }

    public var columns: [Column]
    /// Cell text, one array per row; missing cells are blank.
    public var rows: [[String]]
    public var columnSpacing: Int
    public var theme: Theme
    public var glyphs: Glyphs

    public init(columns: [Column], rows: [[String]], columnSpacing: Int = 2, theme: Theme = .color, glyphs: Glyphs = .unicode) {
        self.columns = columns
        self.rows = rows
        self.columnSpacing = columnSpacing
        self.theme = theme
        self.glyphs = glyphs
    }

    /// The width of each column in an area `width` cells wide; 0 means the
    /// column is dropped.
    ///
    /// Columns get their natural width (widest of header and cells) when
    /// everything fits. Otherwise the widest column gives up one cell at a
    /// time, down to its `minWidth`, so a long name column shrinks before a
    /// short number column is touched; if even that is not enough, columns
    /// are dropped from the right.
    public func columnWidths(for width: Int) -> [Int] {
        let natural = columns.indices.map { index in
            rows.reduce(columns[index].title.displayWidth) { widest, row in
                index < row.count ? max(widest, row[index].displayWidth) : widest
            }
        }
        let minimums = columns.indices.map { min(columns[$0].minWidth, natural[$0]) }
        // Try all columns, then one fewer, and so on: shrinking restarts from
        // natural widths each time so the kept columns are not cut for space
        // that a dropped column would have used.
        for shown in stride(from: columns.count, to: 0, by: -1) {
            let available = width - columnSpacing * (shown - 1)
            guard minimums[0..<shown].reduce(0, +) <= available else { continue }
            var widths = Array(natural[0..<shown])
            var excess = widths.reduce(0, +) - available
            while excess > 0 {
                // The widest column that can still give up a cell.
                guard let widest = widths.indices.filter({ widths[$0] > minimums[$0] })
                    .max(by: { widths[$0] < widths[$1] }) else { break }
                widths[widest] -= 1
                excess -= 1
            }
            return widths + Array(repeating: 0, count: columns.count - shown)
        }
        return Array(repeating: 0, count: columns.count)
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty, !columns.isEmpty else { return }
        let widths = columnWidths(for: area.width)
        let lefts = widths.indices.map { index in
            area.x + widths[0..<index].reduce(0, +) + columnSpacing * index
        }
        let shownColumns = widths.indices.filter { widths[$0] > 0 }

        for index in shownColumns {
            let text = columns[index].title.padded(toWidth: widths[index], alignment: columns[index].alignment, ellipsis: glyphs.ellipsis)
            buffer.write(text, x: lefts[index], y: area.y, style: theme.header, maxWidth: widths[index])
        }

        let bodyHeight = area.height - 1
        guard bodyHeight > 0 else { return }
        for line in 0..<min(bodyHeight, rows.count) {
            let row = rows[line]
            let y = area.y + 1 + line
            for index in shownColumns where index < row.count {
                buffer.write(row[index].padded(toWidth: widths[index], alignment: columns[index].alignment,
                                               ellipsis: glyphs.ellipsis),
                             x: lefts[index], y: y, style: theme.text, maxWidth: widths[index])
            }
        }
    }
}
