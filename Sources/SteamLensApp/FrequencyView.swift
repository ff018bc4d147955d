import TerminalUI

/// A ``FrequencyTable`` on the right side: value, count, share of the set
/// and a bar scaled to the table's largest count, with a cursor row that
/// Enter turns into a filter of the Games pane.
///
/// ```
/// ┌ Frequency 1/8 · tag ────────────────────────────────────────────┐
/// │ tag of Games · 6 games                                          │
/// │ value             games      % ██                               │
/// │▶ FPS                  3   50.0 ████████                         │
/// │  Indie                2   33.3 █████▍                           │
/// └─ F next · a scope · Enter filters ─────────────── row 1 of 2 ─┘
/// ```
struct FrequencyView: Widget {
    var table: FrequencyTable
    /// 1-based place of the attribute among the catalogue's `count`, for the title.
    var position: Int
    var count: Int
    var cursor: Int
    var offset: Int
    var theme: Theme
    var glyphs: Glyphs

    /// Rows of the table that fit in a view `height` rows high: less the
    /// frame, the heading, the column header and the note.
    static func visibleRows(height: Int, hasNote: Bool) -> Int { max(1, height - 4 - (hasNote ? 1 : 0)) }

    func render(into buffer: inout Buffer, area: Rect) {
        guard area.width >= 10, area.height >= 5 else { return }
        let title = "Frequency \(position)/\(count) · \(table.attribute)"
        let panel = Panel(title: title, isFocused: true, theme: theme, glyphs: glyphs)
        buffer.render(panel, area: area)
        let inner = panel.inner(area).inset(horizontal: 1, vertical: 0)
        var y = inner.y
        let heading = "\(table.attribute) of \(table.scopeName) · \(Formatting.counted(table.total, String(table.unit.dropLast()), table.unit))"
        buffer.write(heading, x: inner.x, y: y, style: theme.header, maxWidth: inner.width, ellipsis: glyphs.ellipsis)
        y += 1
        guard !table.rows.isEmpty else {
            buffer.write("nothing to count", x: inner.x, y: y, style: theme.muted, maxWidth: inner.width)
            return
        }
        let counts = table.rows.map { NumberFormat.grouped($0.count) }
        let shares = table.rows.map { Formatting.grouped(table.percent($0), digits: 1) }
        let countWidth = max(table.unit.displayWidth, counts.map(\.displayWidth).max() ?? 0)
        let shareWidth = max(5, shares.map(\.displayWidth).max() ?? 0)
        let labelWidth = min(max(5, table.rows.map(\.label.displayWidth).max() ?? 0), max(8, inner.width / 2))
        let barX = inner.x + 2 + labelWidth + 1 + countWidth + 1 + shareWidth + 1
        let barCells = max(0, inner.right - barX)
        let largest = table.rows.map(\.count).max() ?? 0

        buffer.write("value".padded(toWidth: labelWidth), x: inner.x + 2, y: y, style: theme.header)
        buffer.write(table.unit.padded(toWidth: countWidth, alignment: .right), x: inner.x + 2 + labelWidth + 1, y: y, style: theme.header)
        buffer.write("%".padded(toWidth: shareWidth, alignment: .right), x: inner.x + 3 + labelWidth + countWidth + 1, y: y, style: theme.header)
        y += 1
        let visible = Self.visibleRows(height: area.height, hasNote: table.note != nil)
        let first = Scrolling.offset(keeping: cursor, visible: visible, offset: offset, count: table.rows.count)
        for index in first..<min(table.rows.count, first + visible) {
            let row = table.rows[index]
            if index == cursor { buffer.write(glyphs.selectionMarker, x: inner.x, y: y, style: theme.text) }
            buffer.write(row.label.keepingTail(width: labelWidth, ellipsis: glyphs.ellipsis), x: inner.x + 2, y: y, style: theme.text)
            buffer.write(counts[index].padded(toWidth: countWidth, alignment: .right), x: inner.x + 2 + labelWidth + 1, y: y, style: theme.text)
            buffer.write(shares[index].padded(toWidth: shareWidth, alignment: .right), x: inner.x + 3 + labelWidth + countWidth + 1, y: y,
                         style: theme.muted)
            buffer.write(glyphs.bar(Double(row.count), of: Double(largest), cells: barCells), x: barX, y: y, style: theme.bar,
                         maxWidth: barCells)
            if index == cursor { buffer.patchStyle(theme.selection, in: Rect(x: inner.x, y: y, width: inner.width, height: 1)) }
            y += 1
        }
        if let note = table.note, y < inner.bottom {
            buffer.write(note, x: inner.x, y: inner.bottom - 1, style: theme.muted, maxWidth: inner.width, ellipsis: glyphs.ellipsis)
        }
        // The bottom border: the keys on the left, the position on the right, each when it fits.
        let position = " row \(NumberFormat.grouped(cursor + 1)) of \(NumberFormat.grouped(table.rows.count)) "
        if position.displayWidth + 4 <= area.width {
            buffer.write(position, x: area.right - 2 - position.displayWidth, y: area.bottom - 1, style: theme.muted)
        }
        for keys in [" F next · a scope · Enter filters ", " F next · Enter filters "]
        where keys.displayWidth + position.displayWidth + 6 <= area.width {
            buffer.write(keys, x: area.x + 2, y: area.bottom - 1, style: theme.muted)
            break
        }
    }
}
