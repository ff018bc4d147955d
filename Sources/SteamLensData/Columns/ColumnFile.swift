import CKernels
import Foundation

/// A flat, versioned, checksummed file of named columns, read with `mmap`.
///
/// Layout (little-endian, docs/store.md):
///
///     0   magic "SLCOLUMN", format version UInt32, block shift UInt32,
///         header length UInt64, file length UInt64, header CRC-32C UInt32, 4 zero bytes
///     40  directory: per column its name, element size, count, offset and
///         first block; then one CRC-32C per 64 KiB block of every column
///     …   the columns, each starting on a 64-byte boundary
///
/// Opening checks the magic, the version, the length and the header's CRC,
/// so a truncated file, another format or a damaged directory is rejected
/// before anything is read. The columns themselves are checked block by
/// block the first time a block is read: a start pays for the pages its
/// queries touch, not for the whole file.
public final class ColumnFile: @unchecked Sendable {
    /// 2: CRC-32C sums (1 had zlib's CRC-32, about 1.7x slower to check here).
    public static let formatVersion: UInt32 = 2
    @usableFromInline static let blockShift = 16
    static let magic = Array("SLCOLUMN".utf8)
    static let fixedHeader = 40
    static let alignment = 64

    public enum OpenError: Error, Equatable, CustomStringConvertible {
        case absent(String)
        /// Not a column file, truncated, or a checksum that does not match.
        case damaged(String, reason: String)
        /// Another format version, or another version of what it holds.
        case stale(String, reason: String)

        public var description: String {
            switch self {
            case .absent(let path): return "there is no column file at \(path)"
            case .damaged(let path, let reason): return "the column file \(path) is damaged (\(reason))"
            case .stale(let path, let reason): return "the column file \(path) is out of date (\(reason))"
            }
        }
    }

    struct Entry {
        var elementSize: Int
        var count: Int
        var offset: Int
        var firstBlock: Int
        var byteCount: Int { elementSize * count }
        var blockCount: Int { (byteCount + (1 << ColumnFile.blockShift) - 1) >> ColumnFile.blockShift }
    }

    public let path: String
    let base: UnsafeRawPointer
    let length: Int
    let entries: [String: Entry]
    private let blockSums: [UInt32]
    /// One byte per block: 1 once its checksum matched.
    @usableFromInline let verified: UnsafeMutablePointer<UInt8>
    private let lock = NSLock()
    private let onDamage: @Sendable (_ path: String, _ message: String) -> Never

    /// Run by `removeAndExit` before it writes its message: the explorer
    /// leaves curses mode there, so the message reaches the restored
    /// terminal instead of vanishing with the alternate screen. Set once,
    /// before any query runs, and only read after.
    nonisolated(unsafe) public static var beforeDamageMessage: (@Sendable () -> Void)?

    /// What a block that fails its check at first touch does by default:
    /// say so, remove the file so the next start rebuilds it, and stop (an
    /// answer from damaged bytes is never given).
    public static let removeAndExit: @Sendable (_ path: String, _ message: String) -> Never = { path, message in
        unlink(path)
        beforeDamageMessage?()
        FileHandle.standardError.write(Data("steamlens: \(message); it was removed and the next start rebuilds it\n".utf8))
        exit(2)
    }

    /// Every column checked in full when it is opened, as with `verifyNow`.
    private let verifiesEveryColumn: Bool

    /// Maps the file and checks its header. Throws `OpenError`.
    /// `verifyEveryColumn` moves every check of `column` to its opening, so
    /// damage always throws instead of stopping at first touch (the fuzzer,
    /// which must see every check fail as an error, not an exit).
    public init(path: String, verifyEveryColumn: Bool = false,
                onDamage: @escaping @Sendable (_ path: String, _ message: String) -> Never = ColumnFile.removeAndExit) throws {
        self.path = path
        let descriptor = Foundation.open(path, O_RDONLY)
        guard descriptor >= 0 else {
            if errno == ENOENT { throw OpenError.absent(path) }
            throw OpenError.damaged(path, reason: "cannot be opened: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw OpenError.damaged(path, reason: "cannot be read") }
        let size = Int(status.st_size)
        guard size >= Self.fixedHeader else { throw OpenError.damaged(path, reason: "truncated to \(size) bytes") }
        guard let mapped = mmap(nil, size, PROT_READ, MAP_SHARED, descriptor, 0), mapped != MAP_FAILED else {
            throw OpenError.damaged(path, reason: "cannot be mapped: \(String(cString: strerror(errno)))")
        }
        let base = UnsafeRawPointer(mapped)
        var parsed: (entries: [String: Entry], sums: [UInt32])?
        defer { if parsed == nil { munmap(mapped, size) } }
        parsed = try Self.readHeader(base: base, size: size, path: path)
        self.base = base
        length = size
        entries = parsed!.entries
        blockSums = parsed!.sums
        verified = .allocate(capacity: max(blockSums.count, 1))
        verified.initialize(repeating: 0, count: max(blockSums.count, 1))
        self.onDamage = onDamage
        verifiesEveryColumn = verifyEveryColumn
    }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: base), length)
        verified.deallocate()
    }

    private static func readHeader(base: UnsafeRawPointer, size: Int, path: String) throws -> (entries: [String: Entry], sums: [UInt32]) {
        func damaged(_ reason: String) -> OpenError { .damaged(path, reason: reason) }
        guard Array(UnsafeRawBufferPointer(start: base, count: 8)) == magic else { throw damaged("not a SteamLens column file") }
        let version = base.loadUnaligned(fromByteOffset: 8, as: UInt32.self)
        guard version == formatVersion else {
            throw OpenError.stale(path, reason: "format version \(version), expected \(formatVersion)")
        }
        let shift = Int(base.loadUnaligned(fromByteOffset: 12, as: UInt32.self))
        let headerLength = Int(truncatingIfNeeded: base.loadUnaligned(fromByteOffset: 16, as: UInt64.self))
        let fileLength = Int(truncatingIfNeeded: base.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
        guard fileLength == size else { throw damaged("\(size) bytes where \(fileLength) were written: truncated or extended") }
        guard shift == blockShift, headerLength >= fixedHeader + 8, headerLength <= size,
              base.loadUnaligned(fromByteOffset: 36, as: UInt32.self) == 0 else { throw damaged("bad header") }
        let sum = base.loadUnaligned(fromByteOffset: 32, as: UInt32.self)
        let body = UnsafeRawBufferPointer(start: base + fixedHeader, count: headerLength - fixedHeader)
        guard StoreChecksum.castagnoli(body) == sum else { throw damaged("checksum of the header does not match") }

        var reader = HeaderReader(body)
        var entries: [String: Entry] = [:]
        let columnCount = try reader.int(path)
        var blocks = 0
        for _ in 0..<columnCount {
            let name = try reader.string(path)
            let entry = Entry(elementSize: try reader.int(path), count: try reader.int(path), offset: try reader.int(path), firstBlock: blocks)
            guard entry.elementSize > 0, entry.offset % alignment == 0, entry.offset >= headerLength,
                  entry.count <= (size - entry.offset) / entry.elementSize, entries[name] == nil else {
                throw damaged("column '\(name)' does not fit in the file")
            }
            blocks += entry.blockCount
            entries[name] = entry
        }
        guard try reader.int(path) == blocks else { throw damaged("block table does not match the columns") }
        var sums: [UInt32] = []
        sums.reserveCapacity(blocks)
        for _ in 0..<blocks { sums.append(try reader.uint32(path)) }
        return (entries, sums)
    }

    public var columnNames: [String] { entries.keys.sorted() }

    /// Where column `name`'s bytes are in the file (for tools and tests that inspect or damage it).
    public func byteRange(of name: String) -> Range<Int>? {
        entries[name].map { $0.offset..<($0.offset + $0.byteCount) }
    }

    /// The column `name` read in place. With `verifyNow` every block is
    /// checked before this returns (for what a start reads anyway), so damage
    /// throws here instead of stopping the process at first touch.
    ///
    /// `valid` is what every value must be, for a column whose values are
    /// indexes into another table: a checksum only says the bytes are the
    /// ones written, and a value past its table would trap where it is used.
    /// Each block's values are checked with its checksum, at first touch;
    /// one that fails is damage like a bad checksum. Bool columns are always
    /// checked to hold only 0 and 1 (any other byte is not a Bool).
    public func column<T: BitwiseCopyable & Sendable>(_ name: String, of type: T.Type = T.self, verifyNow: Bool = false,
                                                       valid: (@Sendable (T) -> Bool)? = nil) throws -> Column<T> {
        try column(name, verifyNow: verifyNow) { start, count in Self.valueCheck(start: start, count: count, valid: valid) }
    }

    /// `column(_:valid:)` for the usual check, a range of `Int32` or `UInt8`
    /// (an index, a score): tested a block at a time by a vectorised loop
    /// (`sl_within_*`), where a closure per value made the first touch of
    /// every block of an 11 M-rating column cost ~100 ms in all.
    public func column<T: FixedWidthInteger & BitwiseCopyable & Sendable>(_ name: String, of type: T.Type = T.self, verifyNow: Bool = false,
                                                                          within bounds: ClosedRange<T>) throws -> Column<T> {
        try column(name, verifyNow: verifyNow, from: bounds.lowerBound, to: bounds.upperBound)
    }

    /// An index column into a table of `count` rows: every value in
    /// `0 ..< count`, or -1 ("none") too with `orNone`. A table of no rows
    /// takes no row numbers (no range can say that), only -1 with `orNone`.
    /// A count below 0 (a damaged scalar) is a table of no rows.
    public func index(_ name: String, verifyNow: Bool = false, below count: Int, orNone: Bool = false) throws -> Column<Int32> {
        try column(name, verifyNow: verifyNow, from: orNone ? -1 : 0, to: Int32(clamping: max(0, count)) - 1)
    }

    /// Every value in `low ... high`; none when `high < low`.
    private func column<T: FixedWidthInteger & BitwiseCopyable & Sendable>(_ name: String, verifyNow: Bool, from low: T, to high: T) throws -> Column<T> {
        let check: (UnsafeBufferPointer<T>) -> Bool
        if high < low {
            check = { $0.isEmpty }
        } else if T.self == Int32.self {
            let (lo, hi) = (Int32(truncatingIfNeeded: low), Int32(truncatingIfNeeded: high))
            check = { $0.withMemoryRebound(to: Int32.self) { sl_within_i32($0.baseAddress, $0.count, lo, hi) } }
        } else if T.self == UInt8.self {
            let (lo, hi) = (UInt8(truncatingIfNeeded: low), UInt8(truncatingIfNeeded: high))
            check = { $0.withMemoryRebound(to: UInt8.self) { sl_within_u8($0.baseAddress, $0.count, lo, hi) } }
        } else {
            check = { $0.allSatisfy { low <= $0 && $0 <= high } }
        }
        return try column(name, verifyNow: verifyNow) { start, count in Self.valueCheck(start: start, count: count, check: check) }
    }

    private func column<T: BitwiseCopyable & Sendable>(_ name: String, verifyNow: Bool,
                                                      values valueCheck: (UnsafePointer<T>?, Int) -> BlockGuard.ValueCheck?) throws -> Column<T> {
        guard let entry = entries[name] else { throw OpenError.damaged(path, reason: "column '\(name)' is missing") }
        guard entry.elementSize == MemoryLayout<T>.stride else {
            throw OpenError.damaged(path, reason: "column '\(name)' has elements of \(entry.elementSize) bytes, expected \(MemoryLayout<T>.stride)")
        }
        let start = entry.count == 0 ? nil : (base + entry.offset).assumingMemoryBound(to: T.self)
        let guardian = BlockGuard(file: self, shared: verified + entry.firstBlock, blockCount: entry.blockCount, column: name,
                                  values: valueCheck(start, entry.count))
        if verifyNow || verifiesEveryColumn {
            try verify(name)
            for block in 0..<entry.blockCount where !guardian.valuesPass(block: block) {
                throw OpenError.damaged(path, reason: Self.outOfRange(name, block: block))
            }
        }
        return Column(base: start, count: entry.count, owner: self, blocks: guardian)
    }

    /// Checks the values of one block of a column: those whose first byte is in it.
    private static func valueCheck<T>(start: UnsafePointer<T>?, count: Int, valid: (@Sendable (T) -> Bool)?) -> BlockGuard.ValueCheck? {
        guard valid != nil || T.self == Bool.self else { return nil }
        return valueCheck(start: start, count: count) { elements in
            // A Bool is read as bytes: loading one from a byte other than 0 or 1 is undefined.
            guard let valid else { return UnsafeRawBufferPointer(elements).allSatisfy { $0 <= 1 } }
            return elements.allSatisfy(valid)
        }
    }

    private static func valueCheck<T>(start: UnsafePointer<T>?, count: Int, check: @escaping (UnsafeBufferPointer<T>) -> Bool) -> BlockGuard.ValueCheck {
        // The mapped bytes never change and outlive every column of the file.
        nonisolated(unsafe) let start = start
        nonisolated(unsafe) let check = check
        let stride = MemoryLayout<T>.stride
        return { block in
            let low = min(count, ((block << blockShift) + stride - 1) / stride)
            let high = min(count, (((block + 1) << blockShift) + stride - 1) / stride)
            return check(UnsafeBufferPointer(start: start.map { $0 + low }, count: high - low))
        }
    }

    static func outOfRange(_ name: String, block: Int) -> String {
        "column '\(name)' block \(block) holds values its table cannot have"
    }

    /// The string column `name`. Mapped lazily only its ends are checked (a
    /// string whose own offsets are out of order reads as empty); with
    /// `verifyNow` every offset is.
    public func strings(_ name: String, verifyNow: Bool = false) throws -> StringColumn {
        let offsets: Column<Int64> = try column(name + ".offsets", verifyNow: verifyNow)
        let bytes: Column<UInt8> = try column(name + ".bytes", verifyNow: verifyNow)
        guard let strings = StringColumn(offsets: offsets, bytes: bytes), !verifyNow || offsets.areOffsets(over: bytes.count) else {
            throw OpenError.damaged(path, reason: "strings '\(name)' have offsets that do not match their bytes")
        }
        return strings
    }

    /// One string stored as a byte column (metadata), verified now.
    public func text(_ name: String) throws -> String {
        let bytes: Column<UInt8> = try column(name, verifyNow: true)
        return String(decoding: bytes.array, as: UTF8.self)
    }

    /// Checks every block of column `name` now; throws `OpenError.damaged`.
    public func verify(_ name: String) throws {
        guard let entry = entries[name] else { throw OpenError.damaged(path, reason: "column '\(name)' is missing") }
        for block in 0..<entry.blockCount where !check(entry, block: block) {
            throw OpenError.damaged(path, reason: "checksum of column '\(name)' block \(block) does not match")
        }
    }

    /// Checks every block of every column (`etl`, tests).
    public func verifyAll() throws {
        for name in columnNames { try verify(name) }
    }

    /// First touch of a block: check it once, or stop through `onDamage`.
    func verify(column name: String, block: Int) {
        guard let entry = entries[name], check(entry, block: block) else {
            onDamage(path, "the column file \(path) is damaged (checksum of column '\(name)' block \(block) does not match)")
        }
    }

    func valuesOutOfRange(column name: String, block: Int) -> Never {
        onDamage(path, "the column file \(path) is damaged (\(Self.outOfRange(name, block: block)))")
    }

    private func check(_ entry: Entry, block: Int) -> Bool {
        let index = entry.firstBlock + block
        lock.lock()
        defer { lock.unlock() }
        if verified[index] != 0 { return true }
        let start = block << Self.blockShift
        let bytes = UnsafeRawBufferPointer(start: base + entry.offset + start, count: min(1 << Self.blockShift, entry.byteCount - start))
        guard StoreChecksum.castagnoli(bytes) == blockSums[index] else { return false }
        verified[index] = 1
        return true
    }
}

/// Checks the blocks of one mapped column as they are first read. The flag
/// read outside the lock is benign: a flag only ever goes from 0 to 1 and the
/// bytes it guards never change, so a stale 0 only costs a re-check.
///
/// A column without a value check shares the file's per-block flags (set
/// once the checksum matched). One with a check keeps flags of its own, set
/// once checksum and values both passed, so a block verified earlier through
/// another view of the same bytes still has its values checked here.
@usableFromInline final class BlockGuard: @unchecked Sendable {
    typealias ValueCheck = @Sendable (_ block: Int) -> Bool

    @usableFromInline let file: ColumnFile
    @usableFromInline let flags: UnsafeMutablePointer<UInt8>
    @usableFromInline let column: String
    private let values: ValueCheck?

    init(file: ColumnFile, shared: UnsafeMutablePointer<UInt8>, blockCount: Int, column: String, values: ValueCheck?) {
        self.file = file
        self.column = column
        self.values = values
        if values == nil {
            flags = shared
        } else {
            flags = .allocate(capacity: max(blockCount, 1))
            flags.initialize(repeating: 0, count: max(blockCount, 1))
        }
    }

    deinit {
        if values != nil { flags.deallocate() }
    }

    /// Checks the values of a block whose checksum matched, marking it done when they pass.
    func valuesPass(block: Int) -> Bool {
        guard values?(block) ?? true else { return false }
        flags[block] = 1
        return true
    }

    @inlinable @inline(__always)
    func touch(byte: Int) {
        let block = byte &>> ColumnFile.blockShift
        if flags[block] == 0 { firstTouch(block: block) }
    }

    @inlinable
    func touch(bytes: Range<Int>) {
        guard !bytes.isEmpty else { return }
        for block in (bytes.lowerBound &>> ColumnFile.blockShift)...((bytes.upperBound - 1) &>> ColumnFile.blockShift) where flags[block] == 0 {
            firstTouch(block: block)
        }
    }

    /// Checksum, then values; either failing stops through the file's `onDamage`.
    @usableFromInline func firstTouch(block: Int) {
        file.verify(column: column, block: block)
        guard valuesPass(block: block) else { file.valuesOutOfRange(column: column, block: block) }
    }
}

/// Reads the directory of a column file, every read checked against what is left.
private struct HeaderReader {
    let bytes: UnsafeRawBufferPointer
    var position = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    mutating func int(_ path: String) throws -> Int {
        guard position + 8 <= bytes.count else { throw ColumnFile.OpenError.damaged(path, reason: "header cut short") }
        let value = bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self)
        position += 8
        guard value <= UInt64(Int32.max) * 64 else { throw ColumnFile.OpenError.damaged(path, reason: "header value out of range") }
        return Int(value)
    }

    mutating func uint32(_ path: String) throws -> UInt32 {
        guard position + 4 <= bytes.count else { throw ColumnFile.OpenError.damaged(path, reason: "header cut short") }
        defer { position += 4 }
        return bytes.loadUnaligned(fromByteOffset: position, as: UInt32.self)
    }

    mutating func string(_ path: String) throws -> String {
        let count = try int(path)
        guard count <= bytes.count - position else { throw ColumnFile.OpenError.damaged(path, reason: "header cut short") }
        defer { position += count }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[position..<(position + count)]), as: UTF8.self)
    }
}

extension ColumnFile {
    /// `bytes` with every block's checksum and the header's recomputed, so
    /// that damage reaches the decoders behind the checksums (the fuzzer's
    /// `snapshot` target: a writer bug is stored with matching sums), or nil
    /// when the directory cannot be read at all.
    static func resealed(_ bytes: [UInt8]) -> [UInt8]? {
        guard bytes.count >= fixedHeader, Array(bytes[0..<8]) == magic else { return nil }
        var out = bytes
        let sealed = out.withUnsafeMutableBytes { raw -> Bool in
            let headerLength = Int(truncatingIfNeeded: raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self))
            guard headerLength >= fixedHeader + 8, headerLength <= raw.count else { return false }
            var reader = HeaderReader(UnsafeRawBufferPointer(rebasing: raw[fixedHeader..<headerLength]))
            guard let columnCount = try? reader.int("") else { return false }
            var spans: [Range<Int>] = []
            for _ in 0..<columnCount {
                guard (try? reader.string("")) != nil, let size = try? reader.int(""), let count = try? reader.int(""),
                      let offset = try? reader.int(""), size > 0, offset <= raw.count,
                      count <= (raw.count - offset) / size else { return false }
                spans.append(offset..<(offset + size * count))
            }
            guard let blocks = try? reader.int("") else { return false }
            let sums = fixedHeader + reader.position
            var index = 0
            for span in spans {
                for start in stride(from: span.lowerBound, to: span.upperBound, by: 1 << blockShift) {
                    guard index < blocks, sums + 4 * index + 4 <= headerLength else { return false }
                    let block = UnsafeRawBufferPointer(rebasing: raw[start..<min(span.upperBound, start + (1 << blockShift))])
                    raw.storeBytes(of: StoreChecksum.castagnoli(block), toByteOffset: sums + 4 * index, as: UInt32.self)
                    index += 1
                }
            }
            let body = UnsafeRawBufferPointer(rebasing: raw[fixedHeader..<headerLength])
            raw.storeBytes(of: StoreChecksum.castagnoli(body), toByteOffset: 32, as: UInt32.self)
            return true
        }
        return sealed ? out : nil
    }
}
