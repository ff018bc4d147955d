/// One cell that differs between two frames.
public struct CellChange: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var cell: Cell

    public init(x: Int, y: Int, cell: Cell) {
        self.x = x
        self.y = y
        self.cell = cell
    }
}

extension Buffer {
    /// The cells of `self` that differ from `previous`, in row-major order.
    /// When the sizes differ, every cell is a change (the terminal was
    /// resized and must be redrawn entirely).
    ///
    /// A backend that draws only these cells must draw a wide character's
    /// lead cell whenever its continuation changed; ``changedSpans(from:)``
    /// does that grouping.
    ///
    /// ```swift
    /// let changes = next.changes(from: last)
    /// if changes.isEmpty { return }   // nothing to redraw
    /// ```
    public func changes(from previous: Buffer) -> [CellChange] {
        var result: [CellChange] = []
        let sameSize = previous.size == size
        for y in 0..<size.height {
            for x in 0..<size.width {
                let index = y * size.width + x
                let cell = cells[index]
                if !sameSize || previous.cells[index] != cell {
                    result.append(CellChange(x: x, y: y, cell: cell))
                }
            }
        }
        return result
    }

    /// Rows (top to bottom) where anything changed.
    public func changedRows(from previous: Buffer) -> [Int] {
        guard previous.size == size else { return Array(0..<size.height) }
        return (0..<size.height).filter { y in
            let range = (y * size.width)..<((y + 1) * size.width)
            return cells[range] != previous.cells[range]
        }
    }

    /// Runs of changed cells per row, as `(y, xRange)`, widened so a run
    /// never starts on the right half of a wide character. Drawing each
    /// span's cells from `self` brings the screen from `previous` to `self`.
    public func changedSpans(from previous: Buffer) -> [(y: Int, x: Range<Int>)] {
        var spans: [(y: Int, x: Range<Int>)] = []
        var current: (y: Int, start: Int, end: Int)?
        for change in changes(from: previous) {
            var x = change.x
            if change.cell.isContinuation && x > 0 { x -= 1 }
            if let run = current, run.y == change.y, x <= run.end {
                current = (run.y, run.start, max(run.end, change.x + 1))
            } else {
                if let run = current { spans.append((run.y, run.start..<run.end)) }
                current = (change.y, x, change.x + 1)
            }
        }
        if let run = current { spans.append((run.y, run.start..<run.end)) }
        return spans
    }
}
