/// The symbols widgets draw with: box drawing, markers, sort arrows and
/// block elements. Two sets exist because a terminal whose locale is not
/// UTF-8 prints "â" garbage for every box-drawing character.
///
/// ```swift
/// let glyphs = terminal.isUTF8 ? Glyphs.unicode : Glyphs.ascii
/// ```
public struct Glyphs: Hashable, Sendable {
    public var horizontal: String
    public var vertical: String
    public var topLeft: String
    public var topRight: String
    public var bottomLeft: String
    public var bottomRight: String
    /// ├ and ┤: where a pane's title row joins the frame of stacked panes.
    public var teeRight: String
    public var teeLeft: String

    /// In front of the selected row of a list.
    public var selectionMarker: String
    public var sortAscending: String
    public var sortDescending: String
    /// Ends text cut to fit a column. One cell wide in both sets so column
    /// arithmetic does not depend on the set.
    public var ellipsis: String

    /// Horizontal bar ends in eighths of a cell: index 0 is empty, 8 is a
    /// full cell (▏▎▍▌▋▊▉█). Bars are measured in eighths so their ends land
    /// within 1/8 of a cell of the exact value.
    public var horizontalEighths: [String]
    /// Vertical levels in eighths: index 0 is empty, 8 is full (▁▂▃▄▅▆▇█).
    public var verticalEighths: [String]

    /// True when bars can end on a fraction of a cell.
    public var hasPartialBlocks: Bool
    /// False for the ASCII set: then the whole frame goes through
    /// ``ASCIIFallback``, text included, not only the symbols above.
    public var isUnicode: Bool

    /// Box drawing and block elements from Unicode.
    public static let unicode = Glyphs(
        horizontal: "─", vertical: "│",
        topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        teeRight: "├", teeLeft: "┤",
        selectionMarker: "▶", sortAscending: "▲", sortDescending: "▼", ellipsis: "…",
        horizontalEighths: ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"],
        verticalEighths: [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
        hasPartialBlocks: true)

    /// Plain ASCII for non-UTF-8 locales. Bars round to whole `#` cells
    /// (a remainder of half a cell or more shows as one more `#`), and a
    /// positive bar shorter than half a cell still shows one `#`.
    public static let ascii = Glyphs(
        horizontal: "-", vertical: "|",
        topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        teeRight: "+", teeLeft: "+",
        selectionMarker: ">", sortAscending: "^", sortDescending: "v", ellipsis: "~",
        horizontalEighths: ["", "", "", "", "#", "#", "#", "#", "#"],
        verticalEighths: [" ", "_", "_", ".", ".", "-", "=", "*", "#"],
        hasPartialBlocks: false, isUnicode: false)

    public init(horizontal: String, vertical: String,
                topLeft: String, topRight: String, bottomLeft: String, bottomRight: String,
                teeRight: String, teeLeft: String,
                selectionMarker: String, sortAscending: String, sortDescending: String,
                ellipsis: String, horizontalEighths: [String], verticalEighths: [String],
                hasPartialBlocks: Bool, isUnicode: Bool = true) {
        precondition(horizontalEighths.count == 9 && verticalEighths.count == 9,
                     "eighths tables have 9 entries: empty, 1/8 … 8/8")
        self.horizontal = horizontal
        self.vertical = vertical
        self.topLeft = topLeft
        self.topRight = topRight
        self.bottomLeft = bottomLeft
        self.bottomRight = bottomRight
        self.teeRight = teeRight
        self.teeLeft = teeLeft
        self.selectionMarker = selectionMarker
        self.sortAscending = sortAscending
        self.sortDescending = sortDescending
        self.ellipsis = ellipsis
        self.horizontalEighths = horizontalEighths
        self.verticalEighths = verticalEighths
        self.hasPartialBlocks = hasPartialBlocks
        self.isUnicode = isUnicode
    }

    /// The set for a terminal whose locale is (or is not) UTF-8.
    public static func forLocale(isUTF8: Bool) -> Glyphs { isUTF8 ? .unicode : .ascii }

    /// A horizontal bar `eighths` eighths of a cell long: full blocks, then
    /// one partial block for the remainder.
    ///
    /// ```swift
    /// Glyphs.unicode.bar(eighths: 20)   // "██▌"
    /// Glyphs.ascii.bar(eighths: 20)     // "###"
    /// ```
    /// The one bar of every chart: `value` out of `largest` in `cells`
    /// cells, exact to an eighth of a cell; any positive value shows at
    /// least one eighth, so "a little" never looks like "none".
    ///
    /// ```swift
    /// Glyphs.unicode.bar(5, of: 20, cells: 10)   // "██▌"
    /// ```
    public func bar(_ value: Double, of largest: Double, cells: Int) -> String {
        guard value.isFinite, largest.isFinite, value > 0, largest > 0, cells > 0 else { return "" }
        return bar(eighths: max(1, Int((min(value / largest, 1) * Double(cells * 8)).rounded())))
    }

    public func bar(eighths: Int) -> String {
        guard eighths > 0 else { return "" }
        let full = eighths / 8
        let remainder = eighths % 8
        let bar = String(repeating: horizontalEighths[8], count: full) + horizontalEighths[remainder]
        // Without partial blocks a sliver would round to nothing; a positive
        // length must still look different from zero.
        return bar.isEmpty ? horizontalEighths[8] : bar
    }
}
