extension RandomAccessCollection {
    /// The first index whose element satisfies `belongsToSecond`, in a
    /// collection where every element that does comes after every one that
    /// does not (a lower bound, by binary search); `endIndex` when none
    /// does. The name and meaning are swift-algorithms' `partitioningIndex`.
    @inlinable
    public func partitioningIndex(where belongsToSecond: (Element) throws -> Bool) rethrows -> Index {
        var low = startIndex, count = self.count
        while count > 0 {
            let half = count / 2, middle = index(low, offsetBy: half)
            if try belongsToSecond(self[middle]) {
                count = half
            } else {
                low = index(after: middle)
                count -= half + 1
            }
        }
        return low
    }
}
