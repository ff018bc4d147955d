/// A one-row divider with a title that joins a panel's side borders, for
/// stacking collapsed panes inside one frame.
///
/// ```swift
/// buffer.render(TitledRule(title: "Users"), area: column.row(5))
/// ```
///
/// ```
/// ├ Users ────────┤
/// ```
public struct TitledRule: Widget {
    public var title: String
    public var isFocused: Bool
    public var theme: Theme
    public var glyphs: Glyphs

    public init(title: String, isFocused: Bool = false, theme: Theme = .color, glyphs: Glyphs = .unicode) {
        self.title = title
        self.isFocused = isFocused
        self.theme = theme
        self.glyphs = glyphs
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        guard area.width >= 2, area.height >= 1 else { return }
        let style = isFocused ? theme.focusedBorder : theme.border
        let inside = area.width - 2
        buffer.write(glyphs.teeRight + String(repeating: glyphs.horizontal, count: inside) + glyphs.teeLeft,
                     x: area.x, y: area.y, style: style)
        if !title.isEmpty, inside >= 3 {
            buffer.write(" " + title + " ", x: area.x + 1, y: area.y,
                         style: isFocused ? theme.focusedTitle : theme.title,
                         maxWidth: inside - 1, ellipsis: glyphs.ellipsis + " ")
        }
    }
}
