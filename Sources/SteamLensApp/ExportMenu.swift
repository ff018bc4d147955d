import TerminalUI

/// The `e` box: every table the view can write, the chosen one marked,
/// and the format, switched with Tab.
///
/// ```
/// ┌ Export · j/k choose · Tab format · Enter writes · Esc ┐
/// │ format: [csv]  tsv  json                              │
/// │▶ list: 5 Games |price<10 (3 of 6) · 3 rows            │
/// │  Similar games                                        │
/// └───────────────────────────────────────────────────────┘
/// ```
struct ExportMenu: Widget {
    var labels: [String]
    var cursor: Int
    var format: ExportFormat
    var folder: String
    var theme: Theme
    var glyphs: Glyphs

    func render(into buffer: inout Buffer, area: Rect) {
        let title = "Export · j/k choose · Tab format · Enter writes · Esc"
        let lines = labels.count + 2
        let width = min(area.width, max(title.displayWidth + 6, (labels.map(\.displayWidth).max() ?? 0) + 6, folder.displayWidth + 9))
        let box = area.centered(width: width, height: min(area.height, lines + 2))
        guard box.width >= 10, box.height >= 4 else { return }
        buffer.fill(box)
        let panel = Panel(title: title, isFocused: true, theme: theme, glyphs: glyphs)
        buffer.render(panel, area: box)
        let inner = panel.inner(box).inset(horizontal: 1, vertical: 0)
        let formats = ExportFormat.allCases.map { $0 == format ? "[\($0.rawValue)]" : " \($0.rawValue) " }.joined(separator: " ")
        buffer.write("format: " + formats, x: inner.x, y: inner.y, style: theme.text, maxWidth: inner.width)
        buffer.write("into " + folder, x: inner.x, y: inner.y + 1, style: theme.muted, maxWidth: inner.width, ellipsis: glyphs.ellipsis)
        let rows = inner.height - 2
        let first = Scrolling.offset(keeping: cursor, visible: rows, offset: 0, count: labels.count)
        for (line, index) in (first..<min(labels.count, first + rows)).enumerated() {
            let y = inner.y + 2 + line
            if index == cursor { buffer.write(glyphs.selectionMarker, x: inner.x, y: y, style: theme.text) }
            buffer.write(labels[index], x: inner.x + 2, y: y, style: theme.text, maxWidth: inner.width - 2, ellipsis: glyphs.ellipsis)
            if index == cursor { buffer.patchStyle(theme.selection, in: Rect(x: inner.x, y: y, width: inner.width, height: 1)) }
        }
    }
}
