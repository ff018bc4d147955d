/// Viewers' scores of titles (0.5–5 in half steps), by viewer and by title
/// in compressed sparse rows, titles ascending inside a viewer's row and
/// viewers ascending inside a title's.
///
/// Scores are kept as half-stars in a `UInt8` (score × 2) so 11 M ratings
/// take 11 MB a view.
public struct Ratings: Sendable {
    /// Viewer names ("u17"), indexed by viewer number.
    public let viewers: [String]
    public let titleCount: Int
    public let viewerOffsets: [Int]
    public let viewerTitles: [Int32]
    public let viewerHalves: [UInt8]
    public let titleOffsets: [Int]
    public let titleViewers: [Int32]
    public let titleHalves: [UInt8]

    /// `rows` in any order, without repeats of a (viewer, title) pair; ids in range.
    public init(viewers: [String], titleCount: Int, rows: [(viewer: Int32, title: Int32, halves: UInt8)]) {
        self.viewers = viewers
        self.titleCount = titleCount
        func compress(_ count: Int, key: (Int) -> Int32, other: (Int) -> Int32) -> ([Int], [Int32], [UInt8]) {
            var offsets = [Int](repeating: 0, count: count + 1)
            for r in rows.indices { offsets[Int(key(r)) + 1] += 1 }
            for i in 0..<count { offsets[i + 1] += offsets[i] }
            var fill = offsets
            var packed = [Int64](repeating: 0, count: rows.count)
            for r in rows.indices {
                packed[fill[Int(key(r))]] = Int64(other(r)) << 8 | Int64(rows[r].halves)
                fill[Int(key(r))] += 1
            }
            for i in 0..<count { packed[offsets[i]..<offsets[i + 1]].sort() }
            return (offsets, packed.map { Int32(truncatingIfNeeded: $0 >> 8) }, packed.map { UInt8(truncatingIfNeeded: $0 & 0xFF) })
        }
        (viewerOffsets, viewerTitles, viewerHalves) = compress(viewers.count, key: { rows[$0].viewer }, other: { rows[$0].title })
        (titleOffsets, titleViewers, titleHalves) = compress(titleCount, key: { rows[$0].title }, other: { rows[$0].viewer })
    }

    /// Ratings from parallel columns in file order; a repeated (viewer,
    /// title) pair keeps its first row. Returns the rows dropped as repeats.
    /// Built by counting sorts, so 11 M rows need no hash set.
    static func firstOfEachPair(viewers: [String], titleCount: Int, viewerOf: [Int32], titleOf: [Int32], halves: [UInt8])
        -> (ratings: Ratings, repeats: [Int]) {
        let viewerCount = viewers.count
        var offsets = [Int](repeating: 0, count: viewerCount + 1)
        for v in viewerOf { offsets[Int(v) + 1] += 1 }
        for v in 0..<viewerCount { offsets[v + 1] += offsets[v] }
        var fill = offsets
        var packed = [UInt64](repeating: 0, count: viewerOf.count)  // title << 32 | row
        for row in viewerOf.indices {
            let v = Int(viewerOf[row])
            packed[fill[v]] = UInt64(UInt32(bitPattern: titleOf[row])) << 32 | UInt64(row)
            fill[v] += 1
        }
        var keptOffsets = [Int](repeating: 0, count: viewerCount + 1)
        var viewerTitles: [Int32] = [], viewerHalves: [UInt8] = [], repeats: [Int] = []
        viewerTitles.reserveCapacity(viewerOf.count)
        viewerHalves.reserveCapacity(viewerOf.count)
        for v in 0..<viewerCount {
            packed[offsets[v]..<offsets[v + 1]].sort()
            var last: UInt64 = .max
            for key in packed[offsets[v]..<offsets[v + 1]] {
                let title = key >> 32, row = Int(key & 0xFFFF_FFFF)
                if title == last { repeats.append(row); continue }
                last = title
                viewerTitles.append(Int32(truncatingIfNeeded: title))
                viewerHalves.append(halves[row])
            }
            keptOffsets[v + 1] = viewerTitles.count
        }
        // The by-title view: viewers come out ascending as they are visited in order.
        var titleOffsets = [Int](repeating: 0, count: titleCount + 1)
        for t in viewerTitles { titleOffsets[Int(t) + 1] += 1 }
        for t in 0..<titleCount { titleOffsets[t + 1] += titleOffsets[t] }
        var titleFill = titleOffsets
        var titleViewers = [Int32](repeating: 0, count: viewerTitles.count), titleHalves = [UInt8](repeating: 0, count: viewerTitles.count)
        for v in 0..<viewerCount {
            for i in keptOffsets[v]..<keptOffsets[v + 1] {
                let t = Int(viewerTitles[i])
                titleViewers[titleFill[t]] = Int32(v)
                titleHalves[titleFill[t]] = viewerHalves[i]
                titleFill[t] += 1
            }
        }
        return (Ratings(viewers: viewers, titleCount: titleCount, viewerOffsets: keptOffsets, viewerTitles: viewerTitles, viewerHalves: viewerHalves,
                        titleOffsets: titleOffsets, titleViewers: titleViewers, titleHalves: titleHalves), repeats.sorted())
    }

    /// The arrays as stored (`StreamingStore`); the caller vouches for their shape.
    init(viewers: [String], titleCount: Int, viewerOffsets: [Int], viewerTitles: [Int32], viewerHalves: [UInt8],
         titleOffsets: [Int], titleViewers: [Int32], titleHalves: [UInt8]) {
        self.viewers = viewers
        self.titleCount = titleCount
        self.viewerOffsets = viewerOffsets
        self.viewerTitles = viewerTitles
        self.viewerHalves = viewerHalves
        self.titleOffsets = titleOffsets
        self.titleViewers = titleViewers
        self.titleHalves = titleHalves
    }

    public var count: Int { viewerTitles.count }

    /// The titles viewer `v` rated and the scores, in title order.
    public func ratings(of v: Int) -> (titles: ArraySlice<Int32>, halves: ArraySlice<UInt8>) {
        let range = viewerOffsets[v]..<viewerOffsets[v + 1]
        return (viewerTitles[range], viewerHalves[range])
    }

    /// The viewers who rated title `t` and their scores, in viewer order.
    public func raters(of t: Int) -> (viewers: ArraySlice<Int32>, halves: ArraySlice<UInt8>) {
        let range = titleOffsets[t]..<titleOffsets[t + 1]
        return (titleViewers[range], titleHalves[range])
    }

    public func ratingCount(ofTitle t: Int) -> Int { titleOffsets[t + 1] - titleOffsets[t] }
    public func ratingCount(ofViewer v: Int) -> Int { viewerOffsets[v + 1] - viewerOffsets[v] }

    /// The mean score of title `t`, nil without ratings.
    public func meanScore(ofTitle t: Int) -> Double? {
        let range = titleOffsets[t]..<titleOffsets[t + 1]
        guard !range.isEmpty else { return nil }
        return Double(titleHalves[range].reduce(0) { $0 + Int($1) }) / 2 / Double(range.count)
    }

    /// The score viewer `v` gave title `t`, if any (binary search in the row).
    public func score(viewer v: Int, title t: Int) -> Double? {
        var low = viewerOffsets[v], high = viewerOffsets[v + 1]
        while low < high {
            let mid = (low + high) / 2
            if viewerTitles[mid] < Int32(t) { low = mid + 1 } else { high = mid }
        }
        guard low < viewerOffsets[v + 1], viewerTitles[low] == Int32(t) else { return nil }
        return Double(viewerHalves[low]) / 2
    }
}
