/// A one-column scrollbar: a thumb whose length and place show which part
/// of `count` rows a window of `visible` rows starting at `offset` shows.
/// Draws nothing when everything fits.
///
/// ```swift
/// buffer.render(Scrollbar(count: 10_992, visible: 18, offset: 300), area: rightBorder)
/// ```
///
/// ```
/// │
/// ┃
/// │
/// ```
public struct Scrollbar: Widget {
    public var count: Int
    public var visible: Int
    public var offset: Int
    public var theme: Theme
    public var glyphs: Glyphs

    public init(count: Int, visible: Int, offset: Int, theme: Theme = .color, glyphs: Glyphs = .unicode) {
        self.count = count
        self.visible = visible
        self.offset = offset
        self.theme = theme
        self.glyphs = glyphs
    }

    /// The thumb's first row and length in a track `height` rows high.
    public func thumb(height: Int) -> (start: Int, length: Int)? {
        guard height > 0, count > visible, visible > 0 else { return nil }
        let length = max(1, min(height, height * visible / count))
        let maxOffset = count - visible
        let start = (height - length) * min(max(0, offset), maxOffset) / maxOffset
        return (start, length)
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        guard let (start, length) = thumb(height: area.height) else { return }
        let mark = glyphs.isUnicode ? "┃" : "#"
        for row in start..<(start + length) {
            buffer.write(mark, x: area.x, y: area.y + row, style: theme.focusedBorder)
        }
    }
}
