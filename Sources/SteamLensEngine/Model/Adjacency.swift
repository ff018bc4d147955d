import SteamLensData

/// A compressed sparse row list: for each of `count` owners, a contiguous
/// slice of `values`. Used for games of a developer, items of a user, users of
/// an item and every other one-to-many index, so each is two flat columns
/// (in memory after a parse, mapped in place after a start from the store).
public struct Adjacency<Value>: Sendable where Value: BitwiseCopyable & Sendable {
    public let offsets: Column<Int32>
    public let values: Column<Value>

    public var count: Int { offsets.count - 1 }

    public init() {
        offsets = [0]
        values = []
    }

    /// Rebuilds a list from its two arrays; nil when they do not fit together.
    public init?(offsets: [Int32], values: [Value]) {
        self.init(offsets: Column(offsets), values: Column(values))
    }

    /// From stored columns. Checks the ends and that offsets never go
    /// backwards, so a row range can never be reversed or run past the values.
    public init?(offsets: Column<Int32>, values: Column<Value>) {
        guard offsets.areOffsets(over: values.count) else { return nil }
        self.offsets = offsets
        self.values = values
    }

    /// Groups `pairs` (owner, value) by owner, keeping their relative order.
    public init(count: Int, pairs: some Sequence<(Int32, Value)>, placeholder: Value) {
        let pairs = Array(pairs)
        self.init(count: count, owners: pairs.map(\.0), placeholder: placeholder) { pairs[$0].1 }
    }

    /// Groups row r's `value(r)` under owner `owners[r]`, keeping the rows'
    /// order: two passes over the rows and no list of pairs (for 5 M library
    /// rows the pairs and their copy held some 250 MB at once).
    public init(count: Int, owners: [Int32], placeholder: Value, value: (Int) -> Value) {
        var sizes = [Int32](repeating: 0, count: count + 1)
        for owner in owners { sizes[Int(owner) + 1] += 1 }
        for index in 0..<count { sizes[index + 1] += sizes[index] }
        var cursor = sizes
        var values = [Value](repeating: placeholder, count: owners.count)
        for (row, owner) in owners.enumerated() {
            values[Int(cursor[Int(owner)])] = value(row)
            cursor[Int(owner)] += 1
        }
        self.offsets = Column(sizes)
        self.values = Column(values)
    }

    public subscript(owner: Int) -> Slice<Column<Value>> {
        values[Int(offsets[owner])..<Int(offsets[owner + 1])]
    }

    public func rowCount(_ owner: Int) -> Int {
        Int(offsets[owner + 1] - offsets[owner])
    }

    /// The range of `values` owned by `owner`.
    public func range(_ owner: Int) -> Range<Int> {
        Int(offsets[owner])..<Int(offsets[owner + 1])
    }
}
