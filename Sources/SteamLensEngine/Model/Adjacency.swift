/// A compressed sparse row list: for each of `count` owners, a contiguous
/// slice of `values`. Used for games of a developer, items of a user, users of
/// an item and every other one-to-many index, so each is two flat arrays.
public struct Adjacency<Value>: Sendable where Value: Sendable {
    public private(set) var offsets: [Int32]
    public private(set) var values: [Value]

    public var count: Int { offsets.count - 1 }

    public init() {
        offsets = [0]
        values = []
    }

    /// Rebuilds a list from its two arrays; nil when they do not fit together.
    public init?(offsets: [Int32], values: [Value]) {
        guard let first = offsets.first, first == 0, Int(offsets.last!) == values.count,
              zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 }) else { return nil }
        self.offsets = offsets
        self.values = values
    }

    /// Groups `pairs` (owner, value) by owner, keeping their relative order.
    public init(count: Int, pairs: some Sequence<(Int32, Value)>, placeholder: Value) {
        var sizes = [Int32](repeating: 0, count: count + 1)
        var buffered: [(Int32, Value)] = []
        for pair in pairs {
            sizes[Int(pair.0) + 1] += 1
            buffered.append(pair)
        }
        for index in 0..<count { sizes[index + 1] += sizes[index] }
        offsets = sizes
        var cursor = sizes
        values = [Value](repeating: placeholder, count: buffered.count)
        for (owner, value) in buffered {
            values[Int(cursor[Int(owner)])] = value
            cursor[Int(owner)] += 1
        }
    }

    public subscript(owner: Int) -> ArraySlice<Value> {
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
