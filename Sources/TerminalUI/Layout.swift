/// How much of a split one part takes.
public enum Constraint: Hashable, Sendable {
    /// Exactly this many cells (less if the area runs out).
    case fixed(Int)
    /// This percentage of the whole area being split, rounded down.
    case percentage(Int)
    /// A share of what is left after fixed and percentage parts, by weight.
    case fill(Int)

    /// `fill(1)`: take whatever is left.
    public static let fill = Constraint.fill(1)
}

/// The direction of a split.
public enum Axis: Hashable, Sendable {
    /// Parts side by side, left to right (splits the width).
    case horizontal
    /// Parts stacked, top to bottom (splits the height).
    case vertical
}

extension Rect {
    /// Splits this rectangle into parts along `axis`.
    ///
    /// Fixed and percentage parts are served first, in order, each clamped
    /// to what remains; fill parts then share the rest by weight, the
    /// rounding remainder going to the first fill parts. Rectangles are
    /// returned in order and never overlap; `spacing` cells separate them.
    ///
    /// ```swift
    /// let (left, right) = area.split(.horizontal, [.fixed(25), .fill]).pair
    /// let rows = area.split(.vertical, [.fixed(1), .fill, .fixed(1)])
    /// ```
    public func split(_ axis: Axis, _ constraints: [Constraint], spacing: Int = 0) -> [Rect] {
        guard !constraints.isEmpty else { return [] }
        let total = axis == .horizontal ? width : height
        let gaps = max(0, spacing) * (constraints.count - 1)
        var remaining = max(0, total - gaps)
        let available = remaining
        var lengths = Array(repeating: 0, count: constraints.count)

        for (i, constraint) in constraints.enumerated() {
            let wanted: Int
            switch constraint {
            case .fixed(let n): wanted = max(0, n)
            case .percentage(let p): wanted = available * min(max(0, p), 100) / 100
            case .fill: continue
            }
            lengths[i] = min(wanted, remaining)
            remaining -= lengths[i]
        }

        let fills = constraints.enumerated().compactMap { i, c -> (Int, Int)? in
            if case .fill(let weight) = c { return (i, max(0, weight)) }
            return nil
        }
        let totalWeight = fills.reduce(0) { $0 + $1.1 }
        if totalWeight > 0 {
            var given = 0
            for (i, weight) in fills {
                lengths[i] = remaining * weight / totalWeight
                given += lengths[i]
            }
            var leftover = remaining - given
            for (i, weight) in fills where leftover > 0 && weight > 0 {
                lengths[i] += 1
                leftover -= 1
            }
        }

        var rects: [Rect] = []
        var offset = axis == .horizontal ? x : y
        for (i, length) in lengths.enumerated() {
            switch axis {
            case .horizontal:
                rects.append(Rect(x: offset, y: y, width: length, height: height))
            case .vertical:
                rects.append(Rect(x: x, y: offset, width: width, height: length))
            }
            offset += length
            if i < lengths.count - 1 { offset += max(0, spacing) }
        }
        return rects
    }
}

extension Array where Element == Rect {
    /// The first two parts of a split, for `let (a, b) = …pair`.
    public var pair: (Rect, Rect) {
        (count > 0 ? self[0] : .zero, count > 1 ? self[1] : .zero)
    }
}

/// Scrolling arithmetic shared by lists, tables and text.
public enum Scrolling {
    /// The first visible row so that `cursor` is visible in a window of
    /// `visible` rows, moving `offset` as little as possible (the view
    /// scrolls only when the cursor would leave it), and never scrolling
    /// past the end.
    ///
    /// ```swift
    /// Scrolling.offset(keeping: 12, visible: 10, offset: 0, count: 50)  // 3
    /// ```
    public static func offset(keeping cursor: Int?, visible: Int, offset: Int, count: Int) -> Int {
        guard visible > 0, count > 0 else { return 0 }
        let maxOffset = max(0, count - visible)
        var result = min(max(0, offset), maxOffset)
        if let cursor {
            let c = min(max(0, cursor), count - 1)
            if c < result { result = c }
            if c >= result + visible { result = c - visible + 1 }
        }
        return result
    }
}
