import Foundation

/// Who owns which game, and for how long they played it: the implicit
/// feedback every user→games recommender trains on.
///
/// Rows are deduplicated per (user, item), keeping the largest playtime —
/// the raw Steam libraries repeat some items for the same user. Both a
/// by-user and a by-item compressed sparse row (CSR) view are kept, items
/// and users sorted ascending inside each row.
///
/// ```swift
/// let data = Interactions(userCount: 2, itemCount: 3,
///                         rows: [(0, 1, 120), (0, 2, 0), (1, 1, 5)])
/// data.items(of: 0)        // [1, 2]
/// data.owners(of: 1)       // [0, 1]
/// ```
public struct Interactions: Sendable {
    public let userCount: Int
    public let itemCount: Int
    /// By user: `userItems[userOffsets[u] ..< userOffsets[u + 1]]`.
    public let userOffsets: [Int]
    public let userItems: [Int32]
    public let userMinutes: [Int32]
    /// By item: `itemUsers[itemOffsets[i] ..< itemOffsets[i + 1]]`.
    public let itemOffsets: [Int]
    public let itemUsers: [Int32]
    public let itemMinutes: [Int32]

    /// Rows may come in any order and repeat; ids must be in range.
    public init(userCount: Int, itemCount: Int, rows: [(user: Int32, item: Int32, minutes: Int32)]) {
        precondition(userCount >= 0 && itemCount >= 0)
        // Counting sort by user, then the grouped init sorts inside each user.
        var offsets = [Int](repeating: 0, count: userCount + 1)
        for r in rows {
            precondition(Int(r.user) < userCount && r.user >= 0, "interaction row out of range: \(r)")
            offsets[Int(r.user) + 1] += 1
        }
        for u in 0..<userCount { offsets[u + 1] += offsets[u] }
        var fill = offsets
        var items = [Int32](repeating: 0, count: rows.count), minutes = [Int32](repeating: 0, count: rows.count)
        for r in rows {
            items[fill[Int(r.user)]] = r.item
            minutes[fill[Int(r.user)]] = r.minutes
            fill[Int(r.user)] += 1
        }
        self.init(userCount: userCount, itemCount: itemCount, groupedBy: offsets, items: items, minutes: minutes)
    }

    /// From rows already grouped by user: user u's are
    /// `items[offsets[u] ..< offsets[u + 1]]` (and the same of `minutes`), in
    /// any order and possibly repeated. No list of every row is built (at
    /// 5 M library rows that list and its packed copy were 100 MB at once),
    /// and each user's rows are sorted and merged in place in `items` and
    /// `minutes`, which become the by-user view (a copy was 40 MB more).
    public init(userCount: Int, itemCount: Int, groupedBy offsets: [Int], items: consuming [Int32], minutes: consuming [Int32]) {
        precondition(userCount >= 0 && itemCount >= 0 && offsets.count == userCount + 1 && offsets.first == 0
                     && offsets.last == items.count && items.count == minutes.count)
        self.userCount = userCount
        self.itemCount = itemCount
        // Sort + dedupe inside each user, through one scratch row reused; a
        // user's merged rows are written at or before where its rows were
        // read, so one pass over the two arrays compacts them.
        var userOffsets = [Int](repeating: 0, count: userCount + 1)
        var userItems = consume items, userMinutes = consume minutes
        var written = 0
        var packed: [Int64] = []  // item << 32 | minutes
        for u in 0..<userCount {
            precondition(offsets[u] <= offsets[u + 1], "interaction offsets go backwards at user \(u)")
            packed.removeAll(keepingCapacity: true)
            for p in offsets[u]..<offsets[u + 1] {
                precondition(userItems[p] >= 0 && Int(userItems[p]) < itemCount, "interaction item out of range: \(userItems[p])")
                packed.append(Int64(userItems[p]) << 32 | Int64(max(userMinutes[p], 0)))
            }
            packed.sort()
            var last: Int32 = -1
            for p in packed {
                let item = Int32(truncatingIfNeeded: p >> 32)
                let m = Int32(truncatingIfNeeded: p & 0xFFFF_FFFF)
                if item == last {
                    userMinutes[written - 1] = max(userMinutes[written - 1], m)
                } else {
                    userItems[written] = item
                    userMinutes[written] = m
                    written += 1
                    last = item
                }
            }
            userOffsets[u + 1] = written
        }
        userItems.removeLast(userItems.count - written)
        userMinutes.removeLast(userMinutes.count - written)
        self.userOffsets = userOffsets
        self.userItems = userItems
        self.userMinutes = userMinutes

        // Transpose into the by-item view; users come out ascending.
        var iOff = [Int](repeating: 0, count: itemCount + 1)
        for i in userItems { iOff[Int(i) + 1] += 1 }
        for i in 0..<itemCount { iOff[i + 1] += iOff[i] }
        var iFill = iOff
        var iUsers = [Int32](repeating: 0, count: userItems.count)
        var iMinutes = [Int32](repeating: 0, count: userItems.count)
        for u in 0..<userCount {
            for k in userOffsets[u]..<userOffsets[u + 1] {
                let i = Int(userItems[k])
                iUsers[iFill[i]] = Int32(u)
                iMinutes[iFill[i]] = userMinutes[k]
                iFill[i] += 1
            }
        }
        itemOffsets = iOff
        itemUsers = iUsers
        itemMinutes = iMinutes
    }

    /// Number of distinct (user, item) pairs.
    public var rowCount: Int { userItems.count }

    /// The user's owned items, ascending.
    public func items(of user: Int32) -> ArraySlice<Int32> {
        userItems[userOffsets[Int(user)]..<userOffsets[Int(user) + 1]]
    }

    /// Minutes played for each of `items(of:)`, same order.
    public func minutes(of user: Int32) -> ArraySlice<Int32> {
        userMinutes[userOffsets[Int(user)]..<userOffsets[Int(user) + 1]]
    }

    /// The item's owners, ascending.
    public func owners(of item: Int32) -> ArraySlice<Int32> {
        itemUsers[itemOffsets[Int(item)]..<itemOffsets[Int(item) + 1]]
    }

    /// How many users own the item.
    public func ownerCount(of item: Int32) -> Int {
        itemOffsets[Int(item) + 1] - itemOffsets[Int(item)]
    }

    /// Whether the user owns the item (binary search in the user's row).
    public func owns(user: Int32, item: Int32) -> Bool {
        var lo = userOffsets[Int(user)], hi = userOffsets[Int(user) + 1]
        while lo < hi {
            let mid = (lo + hi) / 2
            if userItems[mid] < item { lo = mid + 1 } else { hi = mid }
        }
        return lo < userOffsets[Int(user) + 1] && userItems[lo] == item
    }

    /// Number of owned items with playtime > 0.
    public func playedCount(of user: Int32) -> Int {
        minutes(of: user).reduce(0) { $0 + ($1 > 0 ? 1 : 0) }
    }
}

/// How an ownership row becomes a number for the models.
public enum FeedbackWeighting: String, Sendable, CaseIterable {
    /// 1 for every owned item, played or not.
    case binary
    /// `1 + log1p(minutes)`: owned counts, long play counts more.
    case logPlaytime
    /// 1 for played items (minutes > 0), 0 for owned-but-unplayed.
    case playedOnly

    @inlinable
    public func weight(minutes: Int32) -> Float {
        switch self {
        case .binary: return 1
        case .logPlaytime: return 1 + Float(log1p(Double(max(minutes, 0))))
        case .playedOnly: return minutes > 0 ? 1 : 0
        }
    }
}
