import Dispatch
import SteamLensData

/// Viewers' scores of titles (0.5–5 in half steps), by viewer and by title
/// in compressed sparse rows, titles ascending inside a viewer's row and
/// viewers ascending inside a title's.
///
/// Scores are kept as half-stars in a `UInt8` (score × 2) so 11 M ratings
/// take 11 MB a view. The views are `Column`s: built in memory by a first
/// start, mapped from the store by a later one (`StreamingStore`), so a
/// start reads only the rows its questions touch.
public struct Ratings: Sendable {
    /// Viewer names ("u17"), indexed by viewer number.
    public let viewers: [String]
    public let titleCount: Int
    public let viewerOffsets: Column<Int>
    public let viewerTitles: Column<Int32>
    public let viewerHalves: Column<UInt8>
    public let titleOffsets: Column<Int>
    public let titleViewers: Column<Int32>
    public let titleHalves: Column<UInt8>
    /// The viewers by name (`index(ofViewer:)`): an open-addressing table,
    /// stored with the ratings so a later start maps it instead of hashing
    /// every name again (115 k in the full set).
    let viewerSlots: Column<Int32>
    /// Each title's scores summed, in half stars: a mean score reads one
    /// number instead of every rating (a platform's ~9 k movies hold ~5 M).
    let titleHalfSums: Column<Int>

    /// `rows` in any order, without repeats of a (viewer, title) pair; ids in range.
    public init(viewers: [String], titleCount: Int, rows: [(viewer: Int32, title: Int32, halves: UInt8)]) {
        self.viewers = viewers
        self.titleCount = titleCount
        func compress(_ count: Int, key: (Int) -> Int32, other: (Int) -> Int32) -> (Column<Int>, Column<Int32>, Column<UInt8>) {
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
            return (Column(offsets), Column(packed.map { Int32(truncatingIfNeeded: $0 >> 8) }), Column(packed.map { UInt8(truncatingIfNeeded: $0 & 0xFF) }))
        }
        (viewerOffsets, viewerTitles, viewerHalves) = compress(viewers.count, key: { rows[$0].viewer }, other: { rows[$0].title })
        (titleOffsets, titleViewers, titleHalves) = compress(titleCount, key: { rows[$0].title }, other: { rows[$0].viewer })
        viewerSlots = Self.viewerTable(viewers)
        titleHalfSums = Self.halfSums(offsets: titleOffsets, halves: titleHalves)
    }

    /// Each row's halves summed.
    static func halfSums(offsets: Column<Int>, halves: Column<UInt8>) -> Column<Int> {
        Column((0..<max(0, offsets.count - 1)).map { t in
            halves.withVerifiedBuffer(offsets[t]..<offsets[t + 1]) { $0.reduce(0) { $0 + Int($1) } }
        })
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
        // Each viewer's keys sorted, the viewers in two halves on two cores (a sort per viewer, in place).
        packed.withUnsafeMutableBufferPointer { keys in
            nonisolated(unsafe) let keys = keys
            let rows = offsets
            let middle = min(viewerCount, offsets.partitioningIndex { $0 >= viewerOf.count / 2 })
            DispatchQueue.concurrentPerform(iterations: 2) { half in
                for v in half == 0 ? 0..<middle : middle..<viewerCount {
                    var row = UnsafeMutableBufferPointer(rebasing: keys[rows[v]..<rows[v + 1]])
                    row.sort()
                }
            }
        }
        var keptOffsets = [Int](repeating: 0, count: viewerCount + 1)
        var viewerTitles: [Int32] = [], viewerHalves: [UInt8] = [], repeats: [Int] = []
        viewerTitles.reserveCapacity(viewerOf.count)
        viewerHalves.reserveCapacity(viewerOf.count)
        for v in 0..<viewerCount {
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
        packed = []
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
        // Each array is let go as soon as its column holds a copy, so 11 M ratings are never held three times.
        func column<T: BitwiseCopyable & Sendable>(_ array: inout [T]) -> Column<T> {
            defer { array = [] }
            return Column(array)
        }
        let byTitleOffsets = column(&titleOffsets), byTitleHalves = column(&titleHalves)
        return (Ratings(viewers: viewers, titleCount: titleCount, viewerOffsets: column(&keptOffsets), viewerTitles: column(&viewerTitles),
                        viewerHalves: column(&viewerHalves), titleOffsets: byTitleOffsets, titleViewers: column(&titleViewers),
                        titleHalves: byTitleHalves, viewerSlots: viewerTable(viewers),
                        titleHalfSums: halfSums(offsets: byTitleOffsets, halves: byTitleHalves)), repeats.sorted())
    }

    /// The views as stored (`StreamingStore`); the caller vouches for their shape.
    init(viewers: [String], titleCount: Int, viewerOffsets: Column<Int>, viewerTitles: Column<Int32>, viewerHalves: Column<UInt8>,
         titleOffsets: Column<Int>, titleViewers: Column<Int32>, titleHalves: Column<UInt8>, viewerSlots: Column<Int32>,
         titleHalfSums: Column<Int>) {
        self.viewers = viewers
        self.titleCount = titleCount
        self.viewerOffsets = viewerOffsets
        self.viewerTitles = viewerTitles
        self.viewerHalves = viewerHalves
        self.titleOffsets = titleOffsets
        self.titleViewers = titleViewers
        self.titleHalves = titleHalves
        self.viewerSlots = viewerSlots
        self.titleHalfSums = titleHalfSums
    }

    /// The number of the viewer named exactly `name`, if any.
    public func index(ofViewer name: String) -> Int? {
        let mask = viewerSlots.count - 1
        var slot = Int(Self.hash(name) & UInt64(mask))
        // At most every slot once: a damaged table without an empty slot still ends.
        for _ in 0..<viewerSlots.count {
            let v = Int(viewerSlots[slot])
            guard v >= 0, v < viewers.count else { return nil }
            if viewers[v] == name { return v }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// The slots of `viewers`' table: a power of two at least twice their number, -1 = empty; the first of equal names wins.
    static func viewerTable(_ viewers: [String]) -> Column<Int32> {
        var slots = [Int32](repeating: -1, count: viewerTableSize(viewers.count))
        let mask = slots.count - 1
        for (v, name) in viewers.enumerated() {
            var slot = Int(hash(name) & UInt64(mask))
            while slots[slot] >= 0 && viewers[Int(slots[slot])] != name { slot = (slot + 1) & mask }
            if slots[slot] < 0 { slots[slot] = Int32(v) }
        }
        return Column(slots)
    }

    static func viewerTableSize(_ count: Int) -> Int {
        var size = 4
        while size < 2 * count { size *= 2 }
        return size
    }

    /// FNV-1a of the UTF-8: the same in every process, as a stored table needs (Swift's `Hasher` is seeded per run).
    static func hash(_ name: String) -> UInt64 {
        name.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }

    public var count: Int { viewerTitles.count }

    /// The titles viewer `v` rated and the scores, in title order.
    public func ratings(of v: Int) -> (titles: Slice<Column<Int32>>, halves: Slice<Column<UInt8>>) {
        let range = viewerOffsets[v]..<viewerOffsets[v + 1]
        return (viewerTitles[range], viewerHalves[range])
    }

    /// The viewers who rated title `t` and their scores, in viewer order.
    public func raters(of t: Int) -> (viewers: Slice<Column<Int32>>, halves: Slice<Column<UInt8>>) {
        let range = titleOffsets[t]..<titleOffsets[t + 1]
        return (titleViewers[range], titleHalves[range])
    }

    /// Viewer `v`'s row as buffers, its blocks verified once: for loops over many rows.
    func withRow<R>(of v: Int, _ body: (UnsafeBufferPointer<Int32>, UnsafeBufferPointer<UInt8>) -> R) -> R {
        let range = viewerOffsets[v]..<viewerOffsets[v + 1]
        return viewerTitles.withVerifiedBuffer(range) { titles in viewerHalves.withVerifiedBuffer(range) { body(titles, $0) } }
    }

    /// Title `t`'s raters as buffers, as `withRow`.
    func withRaters<R>(of t: Int, _ body: (UnsafeBufferPointer<Int32>, UnsafeBufferPointer<UInt8>) -> R) -> R {
        let range = titleOffsets[t]..<titleOffsets[t + 1]
        return titleViewers.withVerifiedBuffer(range) { viewers in titleHalves.withVerifiedBuffer(range) { body(viewers, $0) } }
    }

    public func ratingCount(ofTitle t: Int) -> Int { titleOffsets[t + 1] - titleOffsets[t] }
    public func ratingCount(ofViewer v: Int) -> Int { viewerOffsets[v + 1] - viewerOffsets[v] }

    /// The mean score of title `t`, nil without ratings.
    public func meanScore(ofTitle t: Int) -> Double? {
        let count = titleOffsets[t + 1] - titleOffsets[t]
        guard count > 0 else { return nil }
        return Double(titleHalfSums[t]) / 2 / Double(count)
    }

    /// The score viewer `v` gave title `t`, if any (binary search in the row).
    public func score(viewer v: Int, title t: Int) -> Double? {
        let low = viewerTitles[viewerOffsets[v]..<viewerOffsets[v + 1]].partitioningIndex { $0 >= Int32(t) }
        guard low < viewerOffsets[v + 1], viewerTitles[low] == Int32(t) else { return nil }
        return Double(viewerHalves[low]) / 2
    }
}
