import SteamLensData
import SteamLensEngine

/// A list field of the titles (cast, countries) with each name numbered
/// once: names that differ only as `NameKey` forgives ("Ryan  Reynolds",
/// "ryan reynolds") share a number, shown as first written in catalogue
/// order. A question then counts numbers in an array instead of
/// normalizing and hashing every name of every title per call (2 ms for
/// `actor` over 23 k titles). Built by a first start and stored, since
/// normalizing 150 k cast names would cost a later start ~25 ms.
public struct InternedNames: Sendable {
    /// Name number → the name as first written.
    public let names: StringColumn
    /// Title i's entries, in list order: `ids[offsets[i] ..< offsets[i + 1]]`.
    public let offsets: Column<Int32>
    public let ids: Column<Int32>

    public init(_ lists: [[String]]) {
        var number: [String: Int32] = [:], names: [String] = []
        var offsets: [Int32] = [0], ids: [Int32] = []
        offsets.reserveCapacity(lists.count + 1)
        for list in lists {
            for name in list {
                let key = NameKey.normalize(name)
                let id = number[key] ?? {
                    number[key] = Int32(names.count)
                    names.append(name)
                    return Int32(names.count - 1)
                }()
                ids.append(id)
            }
            offsets.append(Int32(ids.count))
        }
        self.init(names: StringColumn(names), offsets: Column(offsets), ids: Column(ids))
    }

    /// As stored: the store's reader checks the offsets and that every id is a name.
    init(names: StringColumn, offsets: Column<Int32>, ids: Column<Int32>) {
        self.names = names
        self.offsets = offsets
        self.ids = ids
    }

    /// The name numbers of title `i`.
    public func ids(of i: Int) -> Slice<Column<Int32>> { ids[Int(offsets[i])..<Int(offsets[i + 1])] }

    /// The number of `name` (as `NameKey` forgives), if any title lists it.
    /// A scan of the names: only for resolving a question's argument.
    public func id(of name: String) -> Int32? {
        let key = NameKey.normalize(name)
        return names.indices.first { NameKey.normalize(names[$0]) == key }.map(Int32.init)
    }

    /// How many entries each name has over the whole catalogue (a name
    /// listed twice by one title counts twice).
    public func entries() -> [Int32] {
        var entries = [Int32](repeating: 0, count: names.count)
        ids.withVerifiedBuffer(0..<ids.count) { for id in $0 { entries[Int(id)] += 1 } }
        return entries
    }

    /// Every name, most entries first, then by name.
    public func byEntries() -> [String] {
        let entries = entries()
        return names.indices.sorted { entries[$0] != entries[$1] ? entries[$0] > entries[$1] : names[$0] < names[$1] }.map { names[$0] }
    }
}
