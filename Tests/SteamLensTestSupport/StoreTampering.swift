import Foundation
import GRDB
import SteamLensData

/// Damages a store the way a disk, a crash or an old release would, for the
/// tests that check a damaged store is rebuilt and never served.
public enum StoreTampering {
    /// Runs SQL on the store with an ordinary read-write connection.
    public static func execute(_ sql: String, arguments: StatementArguments = [], on path: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: sql, arguments: arguments) }
        try queue.close()
    }

    public static func blobNames(in path: String) throws -> [String] {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in try String.fetchAll(db, sql: "SELECT name FROM blobs ORDER BY name") }
    }

    public static func blob(named name: String, in path: String) throws -> [UInt8] {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        let data = try queue.read { db in try Data.fetchOne(db, sql: "SELECT data FROM blobs WHERE name = ?", arguments: [name]) }
        return [UInt8](data ?? Data())
    }

    /// Puts `bytes` in place of a blob; with `fixingChecksum` its checksum is
    /// updated too, as if the writer itself had stored the wrong bytes.
    public static func replaceBlob(named name: String, with bytes: [UInt8], fixingChecksum: Bool = false, in path: String) throws {
        try execute("UPDATE blobs SET data = ? WHERE name = ?", arguments: [Data(bytes), name], on: path)
        if fixingChecksum {
            try execute("UPDATE checksums SET crc32 = ? WHERE kind = 'blob' AND name = ?",
                        arguments: [Int64(StoreChecksum.of(bytes)), name], on: path)
        }
    }

    /// Flips the bits of `count` bytes in the middle of a blob.
    public static func flipBytes(ofBlob name: String, count: Int = 3, in path: String) throws {
        var bytes = try blob(named: name, in: path)
        precondition(!bytes.isEmpty, "blob \(name) is empty")
        let middle = bytes.count / 2
        for index in middle..<min(bytes.count, middle + count) { bytes[index] ^= 0xFF }
        try replaceBlob(named: name, with: bytes, in: path)
    }

    /// Flips one byte of the store file itself inside the given blob, behind
    /// SQLite's back (as a bad disk would). False when no stretch of the blob
    /// could be found contiguous in the file.
    public static func flipRawByte(insideBlob name: String, in path: String) throws -> Bool {
        let blob = try blob(named: name, in: path)
        var file = try Data(contentsOf: URL(fileURLWithPath: path))
        for start in stride(from: blob.count / 3, to: blob.count - 64, by: 97) {
            let probe = Data(blob[start..<(start + 64)])
            guard let range = file.range(of: probe), file.range(of: probe, in: range.upperBound..<file.count) == nil else { continue }
            file[range.lowerBound + 32] ^= 0x5A
            try file.write(to: URL(fileURLWithPath: path))
            return true
        }
        return false
    }

    /// Cuts the store file to `fraction` of its size.
    public static func truncate(_ path: String, to fraction: Double) throws {
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: UInt64(Double(size) * fraction))
        try handle.close()
    }
}
