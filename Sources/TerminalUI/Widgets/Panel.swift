/// A box border with a title in the top border; the content goes in
/// ``inner(_:)``.
///
/// ```swift
/// let panel = Panel(title: "Developers", isFocused: true)
/// buffer.render(panel, area: left)
/// buffer.render(list, area: panel.inner(left))
/// ```
///
/// ```
/// ┌ Developers ──┐
/// │              │
/// └──────────────┘
/// ```
public struct Panel: Widget {
    public var title: String?
    /// Focused panels draw a bold (coloured) border and a reversed title,
    /// so focus is visible without colour.
    public var isFocused: Bool
    public var theme: Theme
    public var glyphs: Glyphs

    public init(title: String? = nil, isFocused: Bool = false,
                theme: Theme = .color, glyphs: Glyphs = .unicode) {
        self.title = title
        self.isFocused = isFocused
        self.theme = theme
        self.glyphs = glyphs
    }

    /// The area inside the border.
    public func inner(_ area: Rect) -> Rect { area.inset(by: 1) }

    public func render(into buffer: inout Buffer, area: Rect) {
        guard area.width >= 2, area.height >= 2 else { return }
        let style = isFocused ? theme.focusedBorder : theme.border
        let inside = area.width - 2
        let horizontal = String(repeating: glyphs.horizontal, count: inside)
        buffer.write(glyphs.topLeft + horizontal + glyphs.topRight, x: area.x, y: area.y, style: style)
        for y in (area.y + 1)..<(area.bottom - 1) {
            buffer.write(glyphs.vertical, x: area.x, y: y, style: style)
            buffer.write(glyphs.vertical, x: area.right - 1, y: y, style: style)
        }
        buffer.write(glyphs.bottomLeft + horizontal + glyphs.bottomRight, x: area.x, y: area.bottom - 1, style: style)

        // Title: " Name " starting one cell after the corner, cut to keep
        // both corners and at least one border cell visible.
        if let title, !title.isEmpty, inside >= 3 {
            let titleStyle = isFocused ? theme.focusedTitle : theme.title
            buffer.write(" " + title + " ", x: area.x + 1, y: area.y, style: titleStyle,
                         maxWidth: inside - 1, ellipsis: glyphs.ellipsis + " ")
        }
    }
}

/// ratatui's name for the same thing.
public typealias Block = Panel
