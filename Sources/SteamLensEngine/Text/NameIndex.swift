import SteamLensData

/// Finds entities (developers, genres, users, games) by a forgiving name and
/// suggests near misses when there is no match.
public struct NameIndex: Sendable {
    /// The normalized name of each entity (`NameKey`), also used to sort lists.
    public let keys: StringColumn
    /// Open-addressing hash table (FNV-1a of the key's UTF-8, linear
    /// probing, -1 = empty): stored with the keys, so a start maps it
    /// instead of hashing every name again.
    let slots: Column<Int32>

    /// `names[i]` is the display name of entity `i`. When two names share a
    /// key the first wins, so callers order `names` by preference.
    public init(names: [String]) {
        self.init(keys: StringColumn(names.map(NameKey.normalize)))
    }

    /// An index over names already normalized with `NameKey.normalize`.
    public init(keys: StringColumn) {
        self.keys = keys
        var slots = [Int32](repeating: -1, count: Self.tableSize(for: keys.count))
        let mask = slots.count - 1
        for index in 0..<keys.count {
            let utf8 = Array(keys[index].utf8)
            var slot = Int(Self.hash(utf8) & UInt64(mask))
            var duplicate = false
            while slots[slot] >= 0 {
                if keys.utf8Equals(Int(slots[slot]), utf8) { duplicate = true; break }
                slot = (slot + 1) & mask
            }
            if !duplicate { slots[slot] = Int32(index) }
        }
        self.slots = Column(slots)
    }

    /// From stored keys and table; nil when the table cannot be one of these keys' tables.
    init?(keys: StringColumn, slots: Column<Int32>) {
        guard slots.count == Self.tableSize(for: keys.count) else { return nil }
        self.keys = keys
        self.slots = slots
    }

    /// A power of two at least twice the number of keys, so probes stay short.
    static func tableSize(for count: Int) -> Int {
        var size = 4
        while size < 2 * count { size *= 2 }
        return size
    }

    static func hash(_ utf8: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    public func find(_ name: String) -> Int32? {
        let utf8 = Array(NameKey.normalize(name).utf8)
        let mask = slots.count - 1
        var slot = Int(Self.hash(utf8) & UInt64(mask))
        // At most every slot once: a damaged table without an empty slot still ends.
        for _ in 0..<slots.count {
            let index = Int(slots[slot])
            guard index >= 0, index < keys.count else { return nil }
            if keys.utf8Equals(index, utf8) { return Int32(index) }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Up to `limit` entities whose names are closest to `name`: names that
    /// start with it first, then ones containing it, then by edit distance.
    public func suggestions(for name: String, limit: Int = 3) -> [Int32] {
        let query = NameKey.normalize(name)
        guard !query.isEmpty else { return [] }
        let queryScalars = Array(query.unicodeScalars)
        var scored: [(score: Int, index: Int32)] = []
        let budget = max(2, queryScalars.count / 3)
        for (index, key) in keys.enumerated() {
            let score: Int
            if key.hasPrefix(query) {
                score = key.count - query.count
            } else if key.contains(query) {
                score = 1000 + key.count - query.count
            } else if abs(key.count - queryScalars.count) <= budget,
                      let distance = Self.editDistance(queryScalars, Array(key.unicodeScalars), limit: budget) {
                score = 2000 + distance * 100 + abs(key.count - query.count)
            } else {
                continue
            }
            scored.append((score, Int32(index)))
        }
        scored.sort { $0.score != $1.score ? $0.score < $1.score : $0.index < $1.index }
        var seen = Set<String>()
        var result: [Int32] = []
        for candidate in scored where seen.insert(keys[Int(candidate.index)]).inserted {
            result.append(candidate.index)
            if result.count == limit { break }
        }
        return result
    }

    /// Levenshtein distance, or nil as soon as it must exceed `limit`.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int? {
        if a.isEmpty { return b.count <= limit ? b.count : nil }
        if b.isEmpty { return a.count <= limit ? a.count : nil }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return nil }
            swap(&previous, &current)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }
}
