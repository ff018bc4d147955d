import CKernels
import SteamLensData

/// Ranked lists of (item, score), one per row, packed into three flat
/// columns: `Int32` ids, `Float` scores and row offsets. Used for the content
/// neighbours of every game and the item-kNN neighbours; stored in the
/// store's column file and mapped in place.
///
/// ```swift
/// let lists = NeighbourLists(rows: [[(2, 0.9), (1, 0.3)], []])
/// lists[0]                      // [(item: 2, score: 0.9), (item: 1, score: 0.3)]
/// ```
public struct NeighbourLists: Sendable, Equatable {
    /// `items[offsets[r] ..< offsets[r + 1]]` is row r, best first.
    public let offsets: Column<Int32>
    public let items: Column<Int32>
    public let scores: Column<Float>

    public init(offsets: [Int32], items: [Int32], scores: [Float]) {
        precondition(items.count == scores.count && offsets.last.map(Int.init) == items.count)
        self.offsets = Column(offsets)
        self.items = Column(items)
        self.scores = Column(scores)
    }

    /// From stored columns; nil when they do not fit together or offsets go
    /// backwards (which would make `self[row]` trap on a reversed range).
    public init?(offsets: Column<Int32>, items: Column<Int32>, scores: Column<Float>) {
        guard items.count == scores.count, offsets.areOffsets(over: items.count) else { return nil }
        self.offsets = offsets
        self.items = items
        self.scores = scores
    }

    public init(rows: [[(item: Int32, score: Float)]]) {
        self.init(count: rows.count, total: rows.reduce(0) { $0 + $1.count }) { rows[$0] }
    }

    /// The rows that parallel chunks filled, each freed once copied and the
    /// freed pages handed back every 4,096 rows: the rows and the packed
    /// lists are never both whole (64 MB each for item-kNN at full scale,
    /// once the last step of the cold start's memory peak).
    init(packing rows: RecSharedBuffer<[(item: Int32, score: Float)]>) {
        self.init(count: rows.count, total: (0..<rows.count).reduce(0) { $0 + rows[$1].count }) { i in
            let row = rows[i]
            rows[i] = []
            if i % 4096 == 4095 { sl_release_freed_memory() }
            return row
        }
    }

    /// Rows `row(0) ..< row(count)`, `total` entries in all, packed in order.
    private init(count: Int, total: Int, row: (Int) -> [(item: Int32, score: Float)]) {
        var offsets: [Int32] = [0]
        offsets.reserveCapacity(count + 1)
        var items: [Int32] = []
        var scores: [Float] = []
        items.reserveCapacity(total)
        scores.reserveCapacity(total)
        for i in 0..<count {
            for e in row(i) { items.append(e.item); scores.append(e.score) }
            offsets.append(Int32(items.count))
        }
        self.init(offsets: offsets, items: items, scores: scores)
    }

    public var rowCount: Int { offsets.count - 1 }

    public subscript(row: Int) -> [(item: Int32, score: Float)] {
        guard row >= 0 && row < rowCount else { return [] }
        return (Int(offsets[row])..<Int(offsets[row + 1])).map { (items[$0], scores[$0]) }
    }

    public static func == (a: NeighbourLists, b: NeighbourLists) -> Bool {
        a.offsets == b.offsets && a.items == b.items && a.scores == b.scores
    }
}

extension NeighbourLists {
    /// Writes the lists as `name.offsets`, `name.items` and `name.scores`.
    func write(_ name: String, into out: inout ColumnFileWriter) {
        out.add(name + ".offsets", offsets)
        out.add(name + ".items", items)
        out.add(name + ".scores", scores)
    }

    /// Maps lists written by `write`, every item checked to be a row of a
    /// table of `count` as it is first read.
    static func stored(_ name: String, _ file: ColumnFile, below count: Int) throws -> NeighbourLists {
        guard let lists = NeighbourLists(offsets: try file.column(name + ".offsets"), items: try file.index(name + ".items", below: count),
                                         scores: try file.column(name + ".scores")) else {
            throw ColumnFile.OpenError.damaged(file.path, reason: "lists '\(name)' have offsets that do not match their items")
        }
        return lists
    }
}
