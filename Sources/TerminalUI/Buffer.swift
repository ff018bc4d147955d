/// A grid of cells that widgets draw into and terminals display.
///
/// Everything the app shows is first drawn into a `Buffer`; only a
/// ``Terminal`` turns it into escape sequences. That keeps every widget
/// testable as plain text:
///
/// ```swift
/// var buffer = Buffer(size: Size(width: 12, height: 1))
/// buffer.write("Counter-Strike", at: Point(x: 0, y: 0), maxWidth: 8)
/// buffer.plainLines()   // ["Counter…    "]
/// ```
public struct Buffer: Hashable, Sendable {
    public private(set) var size: Size
    /// Row-major cells, `size.width * size.height` of them.
    public private(set) var cells: [Cell]

    public init(size: Size, fill: Cell = .blank) {
        self.size = size
        self.cells = Array(repeating: fill, count: size.width * size.height)
    }

    /// The whole buffer as a rectangle at the origin.
    public var area: Rect { Rect(size: size) }

    /// The cell at column `x`, row `y`. Out-of-range reads return a blank
    /// and writes are ignored, so widgets may draw past an edge safely.
    public subscript(x: Int, y: Int) -> Cell {
        get {
            guard let index = index(x, y) else { return .blank }
            return cells[index]
        }
        set {
            guard let index = index(x, y) else { return }
            cells[index] = newValue
        }
    }

    private func index(_ x: Int, _ y: Int) -> Int? {
        guard x >= 0, y >= 0, x < size.width, y < size.height else { return nil }
        return y * size.width + x
    }

    /// Resizes to `newSize`, clearing every cell (a resized terminal is
    /// redrawn from scratch anyway).
    public mutating func resize(to newSize: Size) {
        self = Buffer(size: newSize)
    }

    /// Sets every cell of `rect` (clipped to the buffer) to `cell`.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let clipped = rect.intersection(area)
        for y in clipped.y..<clipped.bottom {
            for x in clipped.x..<clipped.right {
                cells[y * size.width + x] = cell
            }
        }
        // A wide character cut in half by the fill edges would leave a
        // dangling half; blank those halves.
        for y in clipped.y..<clipped.bottom {
            repairWideCharacter(atLeftEdge: clipped.x, y: y)
            repairWideCharacter(atLeftEdge: clipped.right, y: y)
        }
    }

    /// Layers `style` over every cell of `rect` (see ``Style/patched(with:)``).
    public mutating func patchStyle(_ style: Style, in rect: Rect) {
        let clipped = rect.intersection(area)
        for y in clipped.y..<clipped.bottom {
            for x in clipped.x..<clipped.right {
                cells[y * size.width + x].style = cells[y * size.width + x].style.patched(with: style)
            }
        }
    }

    /// Writes `string` starting at `point` and returns the columns used.
    ///
    /// - Measures display width: wide characters take two cells, combining
    ///   marks stay in their base character's cell.
    /// - Strips control characters and escape sequences (see
    ///   ``TextSanitizer``); newlines become spaces.
    /// - Never writes past `maxWidth` columns nor the buffer's right edge;
    ///   text that does not fit is cut and ends with `ellipsis`.
    @discardableResult
    public mutating func write(_ string: String, at point: Point, style: Style = .plain,
                               maxWidth: Int? = nil, ellipsis: String = "…") -> Int {
        guard point.y >= 0, point.y < size.height, point.x >= 0, point.x < size.width else { return 0 }
        let limit = min(maxWidth ?? Int.max, size.width - point.x)
        guard limit > 0 else { return 0 }
        // Fast path for printable ASCII that fits (most names, numbers and
        // borders' labels): one cell per byte, no grapheme breaking.
        let utf8 = string.utf8
        if utf8.count <= limit, utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            var column = point.x
            for byte in utf8 {
                put(String(Unicode.Scalar(byte)), width: 1, x: column, y: point.y, style: style)
                column += 1
            }
            return column - point.x
        }
        var text = TextSanitizer.sanitize(string)
        // Display width never exceeds the UTF-8 length (a wide character
        // takes at least 3 bytes), so short text skips the measuring pass.
        if text.utf8.count > limit && text.displayWidth > limit {
            text = text.truncated(toWidth: limit, ellipsis: ellipsis)
        }
        var column = point.x
        for character in text {
            let width = displayWidth(of: character)
            // A cluster with no visible base (a lone combining mark or a
            // zero-width format character) has no cell of its own.
            if width == 0 { continue }
            if column + width > point.x + limit { break }
            put(String(character), width: width, x: column, y: point.y, style: style)
            column += width
        }
        return column - point.x
    }

    /// Convenience for `write(_:at:)` with separate coordinates.
    @discardableResult
    public mutating func write(_ string: String, x: Int, y: Int, style: Style = .plain,
                               maxWidth: Int? = nil, ellipsis: String = "…") -> Int {
        write(string, at: Point(x: x, y: y), style: style, maxWidth: maxWidth, ellipsis: ellipsis)
    }

    /// Places one symbol of `width` 1 or 2 at (x, y), blanking the other half
    /// of any wide character it overlaps.
    private mutating func put(_ symbol: String, width: Int, x: Int, y: Int, style: Style) {
        guard let i = index(x, y) else { return }
        breakWideCharacter(at: x, y: y)
        if width == 2 {
            guard index(x + 1, y) != nil else {
                cells[i] = Cell(" ", style: style)
                return
            }
            breakWideCharacter(at: x + 1, y: y)
            cells[i] = Cell(symbol, style: style)
            cells[i + 1] = .continuation(style: style)
        } else {
            cells[i] = Cell(symbol, style: style)
        }
    }

    /// Before (x, y) is overwritten: if it is half of a wide character,
    /// blank the other half so no orphan half remains.
    private mutating func breakWideCharacter(at x: Int, y: Int) {
        guard let i = index(x, y) else { return }
        if cells[i].isContinuation, let left = index(x - 1, y) {
            cells[left] = Cell(" ", style: cells[left].style)
        }
        if let right = index(x + 1, y), cells[right].isContinuation {
            cells[right] = Cell(" ", style: cells[right].style)
        }
    }

    /// After a fill ending or starting at column `x`: a continuation at `x`
    /// whose lead was replaced, or a lead at `x - 1` whose continuation was
    /// replaced, becomes a blank.
    private mutating func repairWideCharacter(atLeftEdge x: Int, y: Int) {
        if let i = index(x, y), cells[i].isContinuation {
            let leadIsWide = index(x - 1, y).map { displayWidth(of: cells[$0].symbol) == 2 } ?? false
            if !leadIsWide { cells[i] = Cell(" ", style: cells[i].style) }
        }
        if let lead = index(x - 1, y), displayWidth(of: cells[lead].symbol) == 2 {
            let hasContinuation = index(x, y).map { cells[$0].isContinuation } ?? false
            if !hasContinuation { cells[lead] = Cell(" ", style: cells[lead].style) }
        }
    }

    /// The text of each row, exactly `size.width` columns wide, without
    /// styles: what a test compares against literal lines.
    public func plainLines() -> [String] {
        (0..<size.height).map { y in
            var line = ""
            for x in 0..<size.width {
                line += cells[y * size.width + x].symbol
            }
            return line
        }
    }

    /// Like ``plainLines()`` but without trailing spaces, for assertions on
    /// screens where the right side is empty.
    public func plainLines(trimmingTrailingSpaces: Bool) -> [String] {
        let lines = plainLines()
        guard trimmingTrailingSpaces else { return lines }
        return lines.map { line in
            var trimmed = Substring(line)
            while trimmed.last == " " { trimmed = trimmed.dropLast() }
            return String(trimmed)
        }
    }

    /// The rows joined by newlines.
    public var plainText: String { plainLines().joined(separator: "\n") }
}

/// The app's name for a whole frame: one buffer the size of the terminal.
public typealias Screen = Buffer
