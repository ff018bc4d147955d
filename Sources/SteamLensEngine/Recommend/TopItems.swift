/// Keeps the `capacity` best (item, score) pairs seen so far.
///
/// "Best" is the higher score, ties broken by the lower item id, so every
/// ranking in RecKit is deterministic. A binary min-heap holds the current
/// best; `sorted()` returns them best first.
///
/// ```swift
/// var top = TopItems(capacity: 2)
/// top.offer(item: 7, score: 0.5); top.offer(item: 3, score: 0.9); top.offer(item: 1, score: 0.5)
/// top.sorted()   // [(3, 0.9), (1, 0.5)]
/// ```
public struct TopItems {
    public let capacity: Int
    private var heap: [(item: Int32, score: Float)] = []

    public init(capacity: Int) {
        self.capacity = max(capacity, 0)
        heap.reserveCapacity(self.capacity)
    }

    /// `a` ranks below `b` (is worse).
    @inline(__always)
    private static func worse(_ a: (item: Int32, score: Float), _ b: (item: Int32, score: Float)) -> Bool {
        a.score < b.score || (a.score == b.score && a.item > b.item)
    }

    public var count: Int { heap.count }

    /// The worst score kept, once full; offers at or below it can be skipped.
    public var threshold: Float { heap.count < capacity ? -.infinity : heap[0].score }

    public mutating func offer(item: Int32, score: Float) {
        guard capacity > 0, !score.isNaN else { return }
        let e = (item: item, score: score)
        if heap.count < capacity {
            heap.append(e)
            var c = heap.count - 1
            while c > 0 {
                let p = (c - 1) / 2
                if Self.worse(heap[c], heap[p]) { heap.swapAt(c, p); c = p } else { break }
            }
        } else if Self.worse(heap[0], e) {
            heap[0] = e
            var p = 0
            while true {
                let l = 2 * p + 1, r = l + 1
                var m = p
                if l < heap.count && Self.worse(heap[l], heap[m]) { m = l }
                if r < heap.count && Self.worse(heap[r], heap[m]) { m = r }
                if m == p { break }
                heap.swapAt(p, m)
                p = m
            }
        }
    }

    /// Best first.
    public func sorted() -> [(item: Int32, score: Float)] {
        heap.sorted { Self.worse($1, $0) }
    }
}
