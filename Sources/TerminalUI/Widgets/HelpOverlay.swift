/// A centred box listing the key bindings by group, drawn over whatever
/// is underneath. Built from the same ``Keymap`` as the status bar.
///
/// ```swift
/// if state.showsHelp { buffer.render(HelpOverlay(keymap: keymap)) }
/// ```
///
/// ```
/// ┌ Help ──────────────────┐
/// │ Move                   │
/// │   ↑/k    move up       │
/// │   ↓/j    move down     │
/// │                        │
/// │ General                │
/// │   q      quit          │
/// └────────────────────────┘
/// ```
public struct HelpOverlay: Widget {
    public struct Entry: Hashable, Sendable {
        public var key: String
        public var description: String
        public var group: String

        public init(key: String, description: String, group: String) {
            self.key = key
            self.description = description
            self.group = group
        }
    }

    public var entries: [Entry]
    public var title: String
    /// First content line shown, for help taller than the screen.
    public var offset: Int
    public var theme: Theme
    public var glyphs: Glyphs

    public init(entries: [Entry], title: String = "Help", offset: Int = 0,
                theme: Theme = .color, glyphs: Glyphs = .unicode) {
        self.entries = entries
        self.title = title
        self.offset = offset
        self.theme = theme
        self.glyphs = glyphs
    }

    public init<Command>(keymap: Keymap<Command>, title: String = "Help", offset: Int = 0,
                         theme: Theme = .color, glyphs: Glyphs = .unicode) {
        self.init(entries: keymap.helpEntries, title: title, offset: offset, theme: theme, glyphs: glyphs)
    }

    /// One content line: a group heading, a binding, or a blank separator.
    enum Line: Equatable {
        case heading(String)
        case binding(key: String, description: String)
        case blank
    }

    /// Entries grouped in order of first appearance, a blank line between groups.
    var lines: [Line] {
        var groups: [String] = []
        var byGroup: [String: [Entry]] = [:]
        for entry in entries {
            if byGroup[entry.group] == nil { groups.append(entry.group) }
            byGroup[entry.group, default: []].append(entry)
        }
        var lines: [Line] = []
        for group in groups {
            if !lines.isEmpty { lines.append(.blank) }
            lines.append(.heading(group))
            lines += byGroup[group, default: []].map { .binding(key: $0.key, description: $0.description) }
        }
        return lines
    }

    /// Where the box goes in `area`: as wide as its longest line, as tall as
    /// its content or the area, whichever is smaller.
    func box(in area: Rect) -> Rect {
        let content = lines
        let keyWidth = entries.map(\.key.displayWidth).max() ?? 0
        // "  key   description" under each heading.
        let contentWidth = content.map { line -> Int in
            switch line {
            case .heading(let text): return text.displayWidth
            case .binding(_, let description): return 2 + keyWidth + 3 + description.displayWidth
            case .blank: return 0
            }
        }.max() ?? 0
        let boxWidth = max(contentWidth, title.displayWidth + 2) + 4   // border + one space of padding each side
        return area.centered(width: boxWidth, height: content.count + 2)
    }

    /// The largest useful ``offset`` in `area`: the last line at the bottom of the box.
    public func maxOffset(in area: Rect) -> Int {
        max(0, lines.count - max(0, box(in: area).height - 2))
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        let content = lines
        let keyWidth = entries.map(\.key.displayWidth).max() ?? 0
        let box = self.box(in: area)
        guard box.width >= 4, box.height >= 3 else { return }

        buffer.fill(box)
        let panel = Panel(title: title, isFocused: true, theme: theme, glyphs: glyphs)
        panel.render(into: &buffer, area: box)
        let inner = panel.inner(box).inset(horizontal: 1, vertical: 0)
        let first = Scrolling.offset(keeping: nil, visible: inner.height, offset: offset, count: content.count)
        for (row, line) in content.dropFirst(first).prefix(inner.height).enumerated() {
            let y = inner.y + row
            switch line {
            case .heading(let text):
                buffer.write(text, x: inner.x, y: y, style: theme.header, maxWidth: inner.width, ellipsis: glyphs.ellipsis)
            case .binding(let key, let description):
                buffer.write(key, x: inner.x + 2, y: y, style: theme.key, maxWidth: max(0, inner.width - 2))
                let descriptionX = inner.x + 2 + keyWidth + 3
                buffer.write(description, x: descriptionX, y: y, style: theme.text,
                             maxWidth: max(0, inner.right - descriptionX), ellipsis: glyphs.ellipsis)
            case .blank:
                break
            }
        }
        // Taller than the box: say which lines are shown, on the bottom border.
        if content.count > inner.height {
            let last = min(content.count, first + inner.height)
            let position = " \(first + 1)–\(last) of \(content.count) "
            if position.displayWidth + 4 <= box.width {
                buffer.write(position, x: box.right - 2 - position.displayWidth, y: box.bottom - 1, style: theme.muted)
            }
            buffer.render(Scrollbar(count: content.count, visible: inner.height, offset: first, theme: theme, glyphs: glyphs),
                          area: Rect(x: box.right - 1, y: inner.y, width: 1, height: inner.height))
        }
    }
}
