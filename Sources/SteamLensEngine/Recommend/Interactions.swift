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
        self.userCount = userCount
        self.itemCount = itemCount
        // Counting sort by user, then sort + dedupe inside each user.
        var counts = [Int](repeating: 0, count: userCount + 1)
        for r in rows {
            precondition(Int(r.user) < userCount && Int(r.item) < itemCount && r.user >= 0 && r.item >= 0,
                         "interaction row out of range: \(r)")
            counts[Int(r.user) + 1] += 1
        }
        for u in 0..<userCount { counts[u + 1] += counts[u] }
        var fill = counts
        var packed = [Int64](repeating: 0, count: rows.count)  // item << 32 | minutes
        for r in rows {
            let m = max(r.minutes, 0)
            packed[fill[Int(r.user)]] = Int64(r.item) << 32 | Int64(m)
            fill[Int(r.user)] += 1
        }
        var offsets = [Int](repeating: 0, count: userCount + 1)
        var items: [Int32] = []
        var minutes: [Int32] = []
        items.reserveCapacity(rows.count)
        minutes.reserveCapacity(rows.count)
        for u in 0..<userCount {
            packed[counts[u]..<counts[u + 1]].sort()
            var last: Int32 = -1
            for p in packed[counts[u]..<counts[u + 1]] {
                let item = Int32(truncatingIfNeeded: p >> 32)
                let m = Int32(truncatingIfNeeded: p & 0xFFFF_FFFF)
                if item == last {
                    minutes[minutes.count - 1] = max(minutes[minutes.count - 1], m)
                } else {
                    items.append(item)
                    minutes.append(m)
                    last = item
                }
            }
            offsets[u + 1] = items.count
        }
        userOffsets = offsets
        userItems = items
        userMinutes = minutes

        // Transpose into the by-item view; users come out ascending.
        var iOff = [Int](repeating: 0, count: itemCount + 1)
        for i in items { iOff[Int(i) + 1] += 1 }
        for i in 0..<itemCount { iOff[i + 1] += iOff[i] }
        var iFill = iOff
        var iUsers = [Int32](repeating: 0, count: items.count)
        var iMinutes = [Int32](repeating: 0, count: items.count)
        for u in 0..<userCount {
            for k in offsets[u]..<offsets[u + 1] {
                let i = Int(items[k])
                iUsers[iFill[i]] = Int32(u)
                iMinutes[iFill[i]] = minutes[k]
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
