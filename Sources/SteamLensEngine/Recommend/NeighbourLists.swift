import Foundation

/// Ranked lists of (item, score), one per row, packed into three flat
/// arrays: `Int32` ids, `Float` scores and row offsets. Used for the content
/// neighbours of every game, the item-kNN neighbours and precomputed
/// per-user top lists; `serialized()` gives a BLOB for SQLite.
///
/// ```swift
/// let lists = NeighbourLists(rows: [[(2, 0.9), (1, 0.3)], []])
/// lists[0]                      // [(item: 2, score: 0.9), (item: 1, score: 0.3)]
/// let same = try NeighbourLists(serialized: lists.serialized())
/// ```
public struct NeighbourLists: Sendable, Equatable {
    /// `items[offsets[r] ..< offsets[r + 1]]` is row r, best first.
    public let offsets: [Int32]
    public let items: [Int32]
    public let scores: [Float]

    public init(offsets: [Int32], items: [Int32], scores: [Float]) {
        precondition(items.count == scores.count && offsets.last.map(Int.init) == items.count)
        self.offsets = offsets
        self.items = items
        self.scores = scores
    }

    public init(rows: [[(item: Int32, score: Float)]]) {
        var offsets: [Int32] = [0]
        offsets.reserveCapacity(rows.count + 1)
        var items: [Int32] = []
        var scores: [Float] = []
        let total = rows.reduce(0) { $0 + $1.count }
        items.reserveCapacity(total)
        scores.reserveCapacity(total)
        for row in rows {
            for e in row { items.append(e.item); scores.append(e.score) }
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

    // MARK: BLOB format
    // "SLNL", version UInt32, rowCount UInt32, entryCount UInt32, then
    // offsets (rowCount + 1) Int32, items Int32, scores Float32 bit patterns,
    // all little-endian.

    public enum DecodingError: Error, CustomStringConvertible {
        case badHeader, truncated
        public var description: String {
            switch self {
            case .badHeader: return "not a SteamLens neighbour list BLOB (bad magic or version); rebuild the store"
            case .truncated: return "neighbour list BLOB is truncated; rebuild the store"
            }
        }
    }

    private static let magic: UInt32 = 0x4C4E_4C53  // "SLNL" little-endian

    public func serialized() -> Data {
        var out = [UInt8]()
        out.reserveCapacity(16 + 4 * (offsets.count + 2 * items.count))
        func put(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        put(Self.magic); put(1); put(UInt32(rowCount)); put(UInt32(items.count))
        for o in offsets { put(UInt32(bitPattern: o)) }
        for i in items { put(UInt32(bitPattern: i)) }
        for s in scores { put(s.bitPattern) }
        return Data(out)
    }

    public init(serialized data: Data) throws {
        let bytes = [UInt8](data)
        var pos = 0
        func get() throws -> UInt32 {
            guard pos + 4 <= bytes.count else { throw DecodingError.truncated }
            let v = UInt32(bytes[pos]) | UInt32(bytes[pos + 1]) << 8 | UInt32(bytes[pos + 2]) << 16 | UInt32(bytes[pos + 3]) << 24
            pos += 4
            return v
        }
        guard try get() == Self.magic, try get() == 1 else { throw DecodingError.badHeader }
        let rows = Int(try get()), entries = Int(try get())
        guard bytes.count == 16 + 4 * (rows + 1 + 2 * entries) else { throw DecodingError.truncated }
        var offsets = [Int32](), items = [Int32](), scores = [Float]()
        offsets.reserveCapacity(rows + 1); items.reserveCapacity(entries); scores.reserveCapacity(entries)
        for _ in 0...rows { offsets.append(Int32(bitPattern: try get())) }
        for _ in 0..<entries { items.append(Int32(bitPattern: try get())) }
        for _ in 0..<entries { scores.append(Float(bitPattern: try get())) }
        // Offsets that go backwards would make `self[row]` trap on a reversed range.
        guard offsets.first == 0, Int(offsets.last!) == entries,
              zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 }) else { throw DecodingError.truncated }
        self.init(offsets: offsets, items: items, scores: scores)
    }
}
