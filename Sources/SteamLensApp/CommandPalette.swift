import TerminalUI

/// The `:` / Ctrl-P box: what was typed, then the matching commands with
/// their keys, the chosen one marked.
///
/// ```
/// ┌ Commands · type to find · Enter runs · Esc ┐
/// │ : sort▏                                     │
/// │▶ s/]   sort by the next column              │
/// │  [     sort by the previous column          │
/// └─────────────────────────────────────────────┘
/// ```
struct CommandPalette: Widget {
    struct Entry: Equatable {
        var key: String
        var description: String
    }

    var query: String
    var entries: [Entry]
    var cursor: Int
    var theme: Theme
    var glyphs: Glyphs

    func render(into buffer: inout Buffer, area: Rect) {
        let title = "Commands · type to find · Enter runs · Esc"
        let box = area.centered(width: min(area.width, 72), height: min(area.height, 16))
        guard box.width >= 12, box.height >= 4 else { return }
        buffer.fill(box)
        let panel = Panel(title: title, isFocused: true, theme: theme, glyphs: glyphs)
        buffer.render(panel, area: box)
        let inner = panel.inner(box).inset(horizontal: 1, vertical: 0)
        let written = buffer.write(": " + query, x: inner.x, y: inner.y, style: theme.key, maxWidth: inner.width - 1)
        buffer.write(glyphs.hasPartialBlocks ? "▏" : "_", x: inner.x + written, y: inner.y, style: theme.text)
        guard !entries.isEmpty else {
            buffer.write("no command matches", x: inner.x + 2, y: inner.y + 1, style: theme.muted, maxWidth: inner.width - 2)
            return
        }
        let keyWidth = min(12, entries.map(\.key.displayWidth).max() ?? 0)
        let rows = inner.height - 1
        let first = Scrolling.offset(keeping: cursor, visible: rows, offset: 0, count: entries.count)
        for (line, index) in (first..<min(entries.count, first + rows)).enumerated() {
            let y = inner.y + 1 + line
            let entry = entries[index]
            if index == cursor { buffer.write(glyphs.selectionMarker, x: inner.x, y: y, style: theme.text) }
            buffer.write(entry.key.padded(toWidth: keyWidth), x: inner.x + 2, y: y, style: theme.key)
            buffer.write(entry.description, x: inner.x + 2 + keyWidth + 2, y: y, style: theme.text,
                         maxWidth: max(0, inner.width - keyWidth - 4), ellipsis: glyphs.ellipsis)
            if index == cursor { buffer.patchStyle(theme.selection, in: Rect(x: inner.x, y: y, width: inner.width, height: 1)) }
        }
    }
}
