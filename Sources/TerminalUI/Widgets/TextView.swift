/// Word-wrapped text with a scroll offset, for review bodies and the
/// definitions page. Control characters and escape sequences are removed
/// before wrapping (see ``TextSanitizer``).
///
/// ```swift
/// buffer.render(TextView(text: review.body, offset: state.textOffset), area: pane)
/// ```
public struct TextView: Widget {
    public var text: String
    /// First wrapped line shown; clamped so the view never scrolls past the end.
    public var offset: Int
    public var style: Style

    public init(text: String, offset: Int = 0, style: Style = .plain) {
        self.text = text
        self.offset = offset
        self.style = style
    }

    /// The number of lines `text` takes when wrapped to `width`.
    public func lineCount(width: Int) -> Int {
        Self.wrap(TextSanitizer.sanitize(text, keepNewlines: true), width: width).count
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        let lines = Self.wrap(TextSanitizer.sanitize(text, keepNewlines: true), width: area.width)
        let first = min(max(0, offset), max(0, lines.count - area.height))
        for (line, text) in lines.dropFirst(first).prefix(area.height).enumerated() {
            buffer.write(text, x: area.x, y: area.y + line, style: style, maxWidth: area.width)
        }
    }

    /// Wraps `text` into lines at most `width` columns wide.
    ///
    /// Newlines start new lines (blank lines are kept as paragraph breaks),
    /// runs of spaces (tabs included, once sanitised) collapse to one —
    /// reviews use them for ragged ASCII layout that cannot survive
    /// re-wrapping anyway — and a word longer than the width is broken
    /// across lines rather than cut off.
    ///
    /// ```swift
    /// TextView.wrap("the quick brown fox", width: 9)   // ["the quick", "brown fox"]
    /// ```
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var word = Substring(word)
                var wordWidth = word.displayWidth
                if lineWidth > 0 && lineWidth + 1 + wordWidth <= width {
                    line += " " + word
                    lineWidth += 1 + wordWidth
                    continue
                }
                if lineWidth > 0 {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                // Break an over-long word (URLs, CJK runs without spaces).
                while wordWidth > width {
                    var head = ""
                    var headWidth = 0
                    var rest = word[...]
                    while let character = rest.first {
                        let w = displayWidth(of: character)
                        if headWidth + w > width { break }
                        head.append(character)
                        headWidth += w
                        rest = rest.dropFirst()
                    }
                    if head.isEmpty { rest = rest.dropFirst() }  // a wide char in a 1-wide view
                    else { lines.append(head) }
                    word = rest
                    wordWidth = word.displayWidth
                }
                line = String(word)
                lineWidth = wordWidth
            }
            lines.append(line)
        }
        return lines
    }
}
