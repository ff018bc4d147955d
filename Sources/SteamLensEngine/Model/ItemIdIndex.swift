import SteamLensData

/// App id → item index, as two columns sorted by id (binary search), so it
/// is stored and mapped instead of rebuilt as a dictionary at every start.
public struct ItemIdIndex: Sendable, Equatable {
    let sortedIds: Column<Int32>
    let itemOfSortedId: Column<Int32>

    /// Nil when an id appears twice.
    init?(itemIds: Column<Int32>) {
        let order = (0..<Int32(itemIds.count)).sorted { itemIds[Int($0)] < itemIds[Int($1)] }
        let ids = order.map { itemIds[Int($0)] }
        guard zip(ids, ids.dropFirst()).allSatisfy({ $0 < $1 }) else { return nil }
        sortedIds = Column(ids)
        itemOfSortedId = Column(order)
    }

    init?(sortedIds: Column<Int32>, itemOfSortedId: Column<Int32>) {
        guard sortedIds.count == itemOfSortedId.count else { return nil }
        self.sortedIds = sortedIds
        self.itemOfSortedId = itemOfSortedId
    }

    public var count: Int { sortedIds.count }

    public subscript(id: Int32) -> Int32? {
        let low = sortedIds.partitioningIndex { $0 >= id }
        return low < sortedIds.count && sortedIds[low] == id ? itemOfSortedId[low] : nil
    }
}
