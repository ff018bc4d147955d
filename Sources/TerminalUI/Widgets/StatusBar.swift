/// One line of key hints ("/ search  Tab pane  Enter open") that keeps
/// the most important hints and drops the others when the line is too
/// narrow, with optional right-aligned text.
///
/// ```swift
/// buffer.render(StatusBar(keymap: keymap, trailing: "32,135 games"), area: bottomRow)
/// ```
public struct StatusBar: Widget {
    public struct Hint: Hashable, Sendable {
        public var key: String
        public var description: String
        /// Lower numbers are kept longest.
        public var priority: Int

        public init(key: String, description: String, priority: Int = 100) {
            self.key = key
            self.description = description
            self.priority = priority
        }

        /// "key description"
        var width: Int { key.displayWidth + 1 + description.displayWidth }
    }

    public var hints: [Hint]
    /// Right-aligned text (counts, mode); kept before any hint.
    public var trailing: String?
    public var theme: Theme
    public var glyphs: Glyphs
    /// Cells between two hints.
    public var spacing: Int

    public init(hints: [Hint], trailing: String? = nil, spacing: Int = 2,
                theme: Theme = .color, glyphs: Glyphs = .unicode) {
        self.hints = hints
        self.trailing = trailing
        self.spacing = spacing
        self.theme = theme
        self.glyphs = glyphs
    }

    /// A status bar showing the hints of `keymap`.
    public init<Command>(keymap: Keymap<Command>, trailing: String? = nil, spacing: Int = 2,
                         theme: Theme = .color, glyphs: Glyphs = .unicode) {
        self.init(hints: keymap.statusHints, trailing: trailing, spacing: spacing, theme: theme, glyphs: glyphs)
    }

    /// The hints that fit in `width` cells (after a leading space), in
    /// their original order. Hints are admitted by priority (ties in table
    /// order) until the next one does not fit; a less important hint is
    /// never shown in place of a more important one that was dropped.
    public func visibleHints(width: Int) -> [Hint] {
        let order = hints.indices.sorted { (hints[$0].priority, $0) < (hints[$1].priority, $1) }
        var budget = width - 1
        var kept = Set<Int>()
        for index in order {
            let cost = hints[index].width + (kept.isEmpty ? 0 : spacing)
            if cost > budget { break }
            budget -= cost
            kept.insert(index)
        }
        return hints.indices.filter(kept.contains).map { hints[$0] }
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        let y = area.y
        buffer.fill(area.row(0), with: Cell(" ", style: theme.statusBar))
        var hintWidth = area.width
        if let trailing, !trailing.isEmpty {
            let text = trailing.truncated(toWidth: area.width - 1, ellipsis: glyphs.ellipsis)
            let width = text.displayWidth
            buffer.write(text, x: area.right - 1 - width, y: y, style: theme.statusBar.patched(with: theme.muted))
            hintWidth = area.width - width - 1 - spacing
        }
        var x = area.x + 1
        for (i, hint) in visibleHints(width: hintWidth).enumerated() {
            if i > 0 { x += spacing }
            x += buffer.write(hint.key, x: x, y: y, style: theme.statusBar.patched(with: theme.key))
            x += 1
            x += buffer.write(hint.description, x: x, y: y, style: theme.statusBar)
        }
    }
}
