import SteamLensData

/// The checks a start makes on the store's index columns, so no value read
/// from it can trap: what an index may be (`ColumnFile.column`'s `valid`,
/// checked per block at first touch) and that compressed rows' offsets
/// never go backwards (read whole at open: a few hundred KB at most).
enum StoredIndex {
    static func below(_ count: Int) -> @Sendable (Int32) -> Bool {
        let end = Int32(clamping: count)
        return { $0 >= 0 && $0 < end }
    }

    /// `below` as a range, for the big columns (`ColumnFile.column(_:within:)`).
    /// An empty table gives 0...0 (a range cannot be empty): the columns
    /// indexing it are then empty too, as their offsets' checks make sure.
    static func range(below count: Int) -> ClosedRange<Int32> {
        0...max(0, Int32(clamping: count) - 1)
    }

    /// The offsets column `name` of `rows` rows over `values` values, mapped
    /// and checked: `rows + 1` offsets from 0 to `values`, never decreasing.
    static func offsets<T: BinaryInteger & BitwiseCopyable & Sendable>(_ file: ColumnFile, _ name: String, rows: Int, values: Int) throws -> Column<T> {
        let offsets: Column<T> = try file.column(name, verifyNow: true)
        let fits = offsets.count == rows + 1 && offsets.withVerifiedBuffer(0..<offsets.count) { buffer in
            buffer.first == 0 && buffer.last.map(Int.init) == values && zip(buffer, buffer.dropFirst()).allSatisfy { $0 <= $1 }
        }
        guard fits else { throw StreamingStore.Problem.damaged("offsets '\(name)' do not fit their rows") }
        return offsets
    }
}
