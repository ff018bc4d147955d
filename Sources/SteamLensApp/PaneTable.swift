import TerminalUI

/// The focused pane as a table: a header naming every column with ▲/▼ on
/// the sorted one, then a row per entity (marker, name, numbers, a bar).
/// Numbers have one format per column; bars are scaled to the largest
/// value of the whole list, not of the screen. A name that does not fit
/// keeps its tail ("Aliens: Colonial…Limited Edition"), which is what
/// tells editions apart.
///
/// ```
///   name            owners▼ reviews
/// ▶ Puzzle Box           3       1 ████
///   Counter-Strike       2       4 ██▋
/// ```
struct PaneTable: Widget {
    var columns: [PaneColumnSpec]
    /// The rows on screen and around it, indexed as in the whole list.
    var rows: ArraySlice<PaneRow>
    var cursor: Int
    var offset: Int
    var sort: PaneSort
    /// The largest value of each column over the whole list.
    var columnMax: [Double]
    /// Cells the longest name of the list needs: other columns give way to names only up to it.
    var nameWidth: Int
    var isFocused: Bool
    var theme: Theme
    var glyphs: Glyphs
    /// False for an unfocused pane's few rows under its title in a tall window.
    var showsHeader = true

    static let barWidth = 4

    /// Cells a column needs: its header with the sort mark, or its widest value.
    static func width(of column: PaneColumnSpec, max: Double) -> Int {
        Swift.max(column.name.displayWidth + 1, column.format(max).displayWidth, column.format(nil).displayWidth)
    }

    /// Which columns fit beside a name of at least `minimumName` cells: in
    /// order while they fit, the sorted column always kept.
    func shownColumns(width: Int, minimumName: Int) -> [Int] {
        var shown: [Int] = []
        var used = 2 + minimumName
        let sorted = sort.column - 1
        if columns.indices.contains(sorted) {
            shown.append(sorted)
            used += Self.width(of: columns[sorted], max: columnMax[sorted]) + 1
        }
        for index in columns.indices where index != sorted {
            let need = Self.width(of: columns[index], max: columnMax[index]) + 1
            if used + need <= width {
                shown.append(index)
                used += need
            }
        }
        return shown.sorted()
    }

    /// Where things go in a table `width` cells wide: the number columns
    /// shown and their widths, the name's width, and whether the bar fits.
    func layout(width: Int) -> (shown: [Int], widths: [Int], nameWidth: Int, showBar: Bool) {
        // Columns come before the bar; the bar only takes room the name can spare.
        let minimumName = min(nameWidth, 16, width / 2)
        let shown = shownColumns(width: width, minimumName: minimumName)
        let widths = shown.map { Self.width(of: columns[$0], max: columnMax[$0]) }
        let showBar = width - 2 - (widths.reduce(0, +) + widths.count) - (Self.barWidth + 1) >= minimumName
        let nameWidth = width - 2 - (widths.reduce(0, +) + widths.count) - (showBar ? Self.barWidth + 1 : 0)
        return (shown, widths, nameWidth, showBar)
    }

    /// The sort column (0 the name, 1… the number columns) drawn at `x`
    /// cells from the left of a table `width` wide, for a click on the header.
    func sortColumn(atX x: Int, width: Int) -> Int? {
        let (shown, widths, nameWidth, _) = layout(width: width)
        if x < 2 + nameWidth { return 0 }
        var left = 2 + nameWidth
        for (n, column) in shown.enumerated() {
            if x >= left && x <= left + widths[n] { return column + 1 }
            left += widths[n] + 1
        }
        return nil
    }

    func render(into buffer: inout Buffer, area: Rect) {
        guard area.width >= 6, area.height >= (showsHeader ? 2 : 1) else { return }
        let (shown, widths, nameWidth, showBar) = layout(width: area.width)
        let barColumn = sort.column >= 1 ? sort.column - 1 : (columns.isEmpty ? nil : 0)

        if showsHeader {
            let mark = sort.descending ? glyphs.sortDescending : glyphs.sortAscending
            buffer.write(sort.column == 0 ? "name" + mark : "name", x: area.x + 2, y: area.y, style: theme.header, maxWidth: nameWidth)
            var x = area.x + 2 + nameWidth
            for (n, index) in shown.enumerated() {
                let header = columns[index].name + (index == sort.column - 1 ? mark : "")
                buffer.write(header.padded(toWidth: widths[n], alignment: .right), x: x + 1, y: area.y, style: theme.header)
                x += widths[n] + 1
            }
        }

        let headerHeight = showsHeader ? 1 : 0
        let body = Rect(x: area.x, y: area.y + headerHeight, width: area.width, height: area.height - headerHeight)
        guard !rows.isEmpty else {
            buffer.write("nothing here", x: body.x + 2, y: body.y, style: theme.muted, maxWidth: body.width - 2)
            return
        }
        for line in 0..<body.height {
            let index = offset + line
            guard rows.indices.contains(index) else { break }
            let row = rows[index]
            let y = body.y + line
            if index == cursor { buffer.write(glyphs.selectionMarker, x: body.x, y: y, style: theme.text) }
            buffer.write(row.name.keepingTail(width: nameWidth, ellipsis: glyphs.ellipsis), x: body.x + 2, y: y, style: theme.text)
            var x = body.x + 2 + nameWidth
            for (n, column) in shown.enumerated() {
                let text = columns[column].format(row.values[column])
                buffer.write(text.padded(toWidth: widths[n], alignment: .right), x: x + 1, y: y,
                             style: column == sort.column - 1 ? theme.text : theme.muted)
                x += widths[n] + 1
            }
            if showBar, let barColumn, let value = row.values[barColumn] {
                buffer.write(glyphs.bar(value, of: columnMax[barColumn], cells: Self.barWidth), x: x + 1, y: y, style: theme.bar,
                             maxWidth: Self.barWidth)
            }
            if index == cursor {
                buffer.patchStyle(isFocused ? theme.selection : theme.inactiveSelection, in: body.row(line))
            }
        }
    }
}

extension String {
    /// Fits `width` cells, cutting the middle so the head and the tail
    /// survive: "Romance of the Three Kingdoms XIII" → "Romance of t…ngdoms XIII".
    func keepingTail(width: Int, ellipsis: String = "…") -> String {
        guard displayWidth > width else { return self }
        guard width > 8 else { return truncated(toWidth: width, ellipsis: ellipsis) }
        let budget = width - ellipsis.displayWidth
        let tailBudget = budget / 3
        var tail = "", used = 0
        for character in reversed() {
            let w = TerminalUI.displayWidth(of: character)
            if used + w > tailBudget { break }
            tail.insert(character, at: tail.startIndex)
            used += w
        }
        return truncated(toWidth: budget - used, ellipsis: "") + ellipsis + tail
    }
}
