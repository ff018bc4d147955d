import CKernels
import CZlib

/// CRC-32 (zlib's, so the figure matches `python3 -c "import zlib; …"`) of
/// what the store holds, to tell a damaged store from an honest one.
///
/// SQLite checks its own page structure but not the values in it: a flipped
/// byte inside a blob or a text is read back without complaint. Every blob,
/// table and quick-path column therefore carries a checksum, written with it
/// and verified while it is read (one pass over bytes that are read anyway).
public enum StoreChecksum {
    /// The CRC-32 of a buffer.
    public static func of(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return 0 }
        return UInt32(crc32_z(0, base.assumingMemoryBound(to: Bytef.self), bytes.count))
    }

    public static func of(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBytes { of($0) }
    }

    /// The CRC-32C (Castagnoli) of a buffer: the mapped column files' sum.
    /// The CPU computes it in one instruction per 8 bytes (SSE 4.2, ARMv8),
    /// five times as fast as zlib's CRC-32 here, and a query pays for it on
    /// every block it reads first (`pip install crc32c` checks it from Python).
    public static func castagnoli(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return 0 }
        return sl_crc32c(0, base, bytes.count)
    }

    public static func castagnoli(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBytes { castagnoli($0) }
    }
}

/// A CRC-32 over a sequence of SQLite values, fed one value at a time.
///
/// Each value is framed by its storage class (NULL, integer, real, text,
/// blob) and texts by their length, so the same bytes cut differently, or a
/// NULL turned into '', change the sum. Values are gathered in a buffer and
/// handed to zlib in large pieces: a call per value would cost more than the
/// sum itself on the 300,000-row tables.
final class RunningChecksum {
    private enum Tag: UInt8 {
        case null = 0, integer = 1, real = 2, text = 3, blob = 4
    }

    private var crc: UInt = 0
    private var pending: [UInt8] = []
    private static let flushSize = 1 << 16

    init() {
        pending.reserveCapacity(Self.flushSize + 64)
    }

    /// The sum of everything fed so far.
    var value: UInt32 {
        flush()
        return UInt32(crc)
    }

    func addNull() {
        pending.append(Tag.null.rawValue)
    }

    func add(integer: Int64) {
        pending.append(Tag.integer.rawValue)
        withUnsafeBytes(of: integer.littleEndian) { pending.append(contentsOf: $0) }
        flushIfFull()
    }

    /// Every value of `count` rows of `columns`, row by row, framed as
    /// `add(integer:)` frames each: one tight loop instead of a call per value.
    func add(integerRows columns: [UnsafeBufferPointer<Int32>], count: Int) {
        flush()
        var frames = [UInt8](repeating: 0, count: Self.flushSize + 9 * columns.count)
        frames.withUnsafeMutableBytes { out in
            let base = out.baseAddress!.assumingMemoryBound(to: Bytef.self)
            var used = 0
            for row in 0..<count {
                for column in columns {
                    out[used] = Tag.integer.rawValue
                    out.storeBytes(of: Int64(column[row]).littleEndian, toByteOffset: used + 1, as: Int64.self)
                    used += 9
                }
                if used >= Self.flushSize {
                    crc = crc32_z(crc, base, used)
                    used = 0
                }
            }
            if used > 0 { crc = crc32_z(crc, base, used) }
        }
    }

    func add(real: Double) {
        pending.append(Tag.real.rawValue)
        withUnsafeBytes(of: real.bitPattern.littleEndian) { pending.append(contentsOf: $0) }
        flushIfFull()
    }

    func add(text: UnsafeRawBufferPointer) {
        add(bytes: text, tag: .text)
    }

    func add(blob: UnsafeRawBufferPointer) {
        add(bytes: blob, tag: .blob)
    }

    func add(text: String) {
        var text = text
        text.withUTF8 { add(text: UnsafeRawBufferPointer($0)) }
    }

    private func add(bytes: UnsafeRawBufferPointer, tag: Tag) {
        pending.append(tag.rawValue)
        withUnsafeBytes(of: Int64(bytes.count).littleEndian) { pending.append(contentsOf: $0) }
        if bytes.count > Self.flushSize {
            // Large texts and blobs go to zlib straight from SQLite's memory.
            flush()
            crc = crc32_z(crc, bytes.baseAddress!.assumingMemoryBound(to: Bytef.self), bytes.count)
        } else if !bytes.isEmpty {
            pending.append(contentsOf: bytes)
            flushIfFull()
        }
    }

    private func flushIfFull() {
        if pending.count >= Self.flushSize { flush() }
    }

    private func flush() {
        guard !pending.isEmpty else { return }
        crc = pending.withUnsafeBytes { crc32_z(crc, $0.baseAddress!.assumingMemoryBound(to: Bytef.self), $0.count) }
        pending.removeAll(keepingCapacity: true)
    }
}
