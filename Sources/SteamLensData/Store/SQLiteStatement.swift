import GRDB
import GRDBSQLite

/// Thin, fast access to a prepared statement's C handle for the bulk paths
/// (hundreds of thousands of rows), where building GRDB `StatementArguments`
/// or `Row` values per row costs more than the work itself. Everything else
/// goes through GRDB's ordinary API.
///
/// Every value bound or read is also fed to `checksum`, so a table written
/// through one statement and read back through another, column by column in
/// the same order, yields the same sum unless a stored value changed.
struct SQLiteStatement {
    /// Held so GRDB does not finalize the statement while the handle is in use.
    private let statement: Statement
    let handle: OpaquePointer
    let checksum = RunningChecksum()
    /// SQLite copies bound text, so the Swift string may go away at once.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ statement: Statement) {
        self.statement = statement
        handle = statement.sqliteStatement
    }

    // MARK: Binding (1-based, as in SQLite)

    func bind(_ index: Int32, _ value: Int?) {
        guard let value else { return bindNull(index) }
        sqlite3_bind_int64(handle, index, Int64(value))
        checksum.add(integer: Int64(value))
    }

    func bind(_ index: Int32, _ value: Int32) {
        sqlite3_bind_int(handle, index, value)
        checksum.add(integer: Int64(value))
    }

    func bind(_ index: Int32, _ value: Bool) {
        sqlite3_bind_int(handle, index, value ? 1 : 0)
        checksum.add(integer: value ? 1 : 0)
    }

    func bind(_ index: Int32, _ value: Double?) {
        // SQLite stores NaN as NULL; sum it as what will be read back.
        guard let value, !value.isNaN else { return bindNull(index) }
        sqlite3_bind_double(handle, index, value)
        checksum.add(real: value)
    }

    func bind(_ index: Int32, _ value: String?) {
        guard var value else { return bindNull(index) }
        value.withUTF8 { bytes in
            // An empty buffer may have no address; SQLite needs one for '' (not NULL).
            let base = UnsafeRawPointer(bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!)
            sqlite3_bind_text(handle, index, base.assumingMemoryBound(to: CChar.self), Int32(bytes.count), Self.transient)
            checksum.add(text: UnsafeRawBufferPointer(bytes))
        }
    }

    func bind(_ index: Int32, blob: [UInt8]) {
        blob.withUnsafeBytes { bytes in
            let base = bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!
            sqlite3_bind_blob(handle, index, base, Int32(bytes.count), Self.transient)
            checksum.add(blob: bytes)
        }
    }

    private func bindNull(_ index: Int32) {
        sqlite3_bind_null(handle, index)
        checksum.addNull()
    }

    /// Runs an INSERT with the bound values and clears them for the next row.
    func insert() throws {
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errstr(code)))
        }
    }

    /// Inserts rows of whole-number columns (all of one length) into
    /// `table`, `batch` rows per statement (one VALUES list of `batch`
    /// tuples): with a statement per row, 5 M library rows spent most of
    /// their time in SQLite's per-statement work and in summing value by
    /// value. Returns the checksum of the values, row by row, as binding them
    /// one at a time would give it (and as reading them back gives it).
    static func insertRows(_ columns: [[Int32]], into table: String, batch: Int = 128, _ db: Database) throws -> UInt32 {
        let width = columns.count, count = columns.first?.count ?? 0
        precondition(width > 0 && columns.allSatisfy { $0.count == count } && batch > 0)
        let tuple = "(" + repeatElement("?", count: width).joined(separator: ",") + ")"
        let many = SQLiteStatement(try db.makeStatement(sql: "INSERT INTO \(table) VALUES " + repeatElement(tuple, count: batch).joined(separator: ",")))
        let one = SQLiteStatement(try db.makeStatement(sql: "INSERT INTO \(table) VALUES " + tuple))
        let checksum = RunningChecksum()
        try withBuffers(columns[...]) { buffers in
            var row = 0
            while row < count {
                let (statement, rows) = count - row >= batch ? (many, batch) : (one, 1)
                var parameter: Int32 = 1
                for r in row..<(row + rows) {
                    for column in buffers {
                        sqlite3_bind_int(statement.handle, parameter, column[r])
                        parameter += 1
                    }
                }
                try statement.insert()
                row += rows
            }
            checksum.add(integerRows: buffers, count: count)
        }
        return checksum.value
    }

    private static func withBuffers<R>(_ columns: ArraySlice<[Int32]>, _ done: [UnsafeBufferPointer<Int32>] = [],
                                       _ body: ([UnsafeBufferPointer<Int32>]) throws -> R) rethrows -> R {
        guard let first = columns.first else { return try body(done) }
        return try first.withUnsafeBufferPointer { try withBuffers(columns.dropFirst(), done + [$0], body) }
    }

    // MARK: Reading (0-based, as in SQLite)

    /// Steps to the next row; false at the end.
    func next() throws -> Bool {
        let code = sqlite3_step(handle)
        if code == SQLITE_ROW { return true }
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errstr(code)))
        }
        return false
    }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    func int(_ column: Int32) -> Int {
        let value = sqlite3_column_int64(handle, column)
        checksum.add(integer: value)
        return Int(value)
    }

    func int32(_ column: Int32) -> Int32 {
        let value = sqlite3_column_int64(handle, column)
        checksum.add(integer: value)
        return Int32(truncatingIfNeeded: value)
    }

    func optionalInt(_ column: Int32) -> Int? {
        guard !isNull(column) else { checksum.addNull(); return nil }
        return int(column)
    }

    func bool(_ column: Int32) -> Bool { int(column) != 0 }

    func optionalDouble(_ column: Int32) -> Double? {
        guard !isNull(column) else { checksum.addNull(); return nil }
        let value = sqlite3_column_double(handle, column)
        checksum.add(real: value)
        return value
    }

    func string(_ column: Int32) -> String {
        guard let text = sqlite3_column_text(handle, column) else {
            checksum.addNull()
            return ""
        }
        let bytes = UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, column)))
        checksum.add(text: UnsafeRawBufferPointer(bytes))
        return String(decoding: bytes, as: UTF8.self)
    }

    func optionalString(_ column: Int32) -> String? {
        guard !isNull(column) else { checksum.addNull(); return nil }
        return string(column)
    }

    /// A BLOB column's bytes, copied once from SQLite's buffer.
    func blob(_ column: Int32) -> [UInt8] {
        let count = Int(sqlite3_column_bytes(handle, column))
        guard let base = sqlite3_column_blob(handle, column), count > 0 else {
            checksum.add(blob: UnsafeRawBufferPointer(start: nil, count: 0))
            return []
        }
        let bytes = UnsafeRawBufferPointer(start: base, count: count)
        checksum.add(blob: bytes)
        return [UInt8](bytes)
    }
}
