/// Shown instead of the layout when the terminal is below the minimum
/// size: says so, and how big it is versus how big it must be, centred.
///
/// ```swift
/// if terminal.size.isTooSmall {
///     buffer.render(TooSmallNotice(size: terminal.size))
/// }
/// ```
public struct TooSmallNotice: Widget {
    public var size: Size
    public var minimum: Size
    public var theme: Theme

    public init(size: Size, minimum: Size = .minimumUsable, theme: Theme = .color) {
        self.size = size
        self.minimum = minimum
        self.theme = theme
    }

    public var lines: [String] {
        ["terminal too small", "\(size) (need \(minimum))", "enlarge it or press q"]
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        let text = lines.prefix(area.height)
        let top = area.y + (area.height - text.count) / 2
        for (i, line) in text.enumerated() {
            let width = min(line.displayWidth, area.width)
            buffer.write(line, x: area.x + (area.width - width) / 2, y: top + i,
                         style: i == 0 ? theme.notice : theme.text, maxWidth: area.width, ellipsis: "~")
        }
    }
}
