import SteamLensData

/// The offsets columns of the streaming store, checked whole at open (a
/// few hundred KB at most): what an index column's values may be is
/// `ColumnFile.index`'s check, per block at first touch.
enum StoredIndex {
    /// The offsets column `name` of `rows` rows over `values` values, mapped
    /// and checked (`Column.areOffsets`).
    static func offsets<T: BinaryInteger & BitwiseCopyable & Sendable>(_ file: ColumnFile, _ name: String, rows: Int, values: Int) throws -> Column<T> {
        let offsets: Column<T> = try file.column(name, verifyNow: true)
        guard offsets.count == rows + 1, offsets.areOffsets(over: values) else {
            throw StreamingStore.Problem.damaged("offsets '\(name)' do not fit their rows")
        }
        return offsets
    }
}
