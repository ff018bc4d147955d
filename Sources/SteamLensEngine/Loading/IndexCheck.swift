/// What the values of a stored index column may be (`ColumnFile.column`'s
/// `valid`): positions in the table they point into, or -1 for "none" where
/// the column allows it.
enum IndexCheck {
    static func below(_ count: Int) -> @Sendable (Int32) -> Bool {
        let end = Int32(clamping: count)
        return { $0 >= 0 && $0 < end }
    }

    static func belowOrNone(_ count: Int) -> @Sendable (Int32) -> Bool {
        let end = Int32(clamping: count)
        return { $0 >= -1 && $0 < end }
    }
}
