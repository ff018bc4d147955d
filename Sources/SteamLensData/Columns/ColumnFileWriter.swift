import Foundation

/// Collects named columns and writes them as one `ColumnFile`.
///
/// Columns are kept by reference (arrays are copy-on-write), summed block by
/// block, then written straight from their buffers: writing never holds a
/// second copy of the data. The file is written beside its destination and
/// renamed into place, so a reader sees the old file or the new one, whole.
///
/// ```swift
/// var writer = ColumnFileWriter()
/// writer.add("ids", [570, 730] as [Int32])
/// writer.add("titles", StringColumn(["Dota 2", "CS:GO"]))
/// try writer.write(to: "/tmp/store.columns")
/// ```
public struct ColumnFileWriter {
    private struct Pending {
        var name: String
        var elementSize: Int
        var count: Int
        var withBytes: ((UnsafeRawBufferPointer) -> Void) -> Void
    }

    private var columns: [Pending] = []
    private var names = Set<String>()

    public init() {}

    public mutating func add<T: BitwiseCopyable>(_ name: String, _ values: [T]) {
        append(Pending(name: name, elementSize: MemoryLayout<T>.stride, count: values.count) { body in values.withUnsafeBytes(body) })
    }

    public mutating func add<T: BitwiseCopyable & Sendable>(_ name: String, _ values: Column<T>) {
        append(Pending(name: name, elementSize: MemoryLayout<T>.stride, count: values.count) { body in
            values.withVerifiedBuffer(0..<values.count) { body(UnsafeRawBufferPointer($0)) }
        })
    }

    public mutating func add(_ name: String, _ strings: StringColumn) {
        add(name + ".offsets", strings.offsets)
        add(name + ".bytes", strings.bytes)
    }

    public mutating func add(_ name: String, _ strings: [String]) {
        add(name, StringColumn(strings))
    }

    /// One string (metadata), read back with `ColumnFile.text`.
    public mutating func add(_ name: String, text: String) {
        add(name, Array(text.utf8))
    }

    private mutating func append(_ column: Pending) {
        precondition(names.insert(column.name).inserted, "column \(column.name) added twice")
        columns.append(column)
    }

    /// Writes the file atomically (temporary file, then rename).
    public func write(to path: String) throws {
        let blockSize = 1 << ColumnFile.blockShift
        var directory = ByteBuffer()
        directory.put(columns.count)
        var blockCount = 0
        for column in columns {
            directory.put(Array(column.name.utf8))
            directory.put(column.elementSize)
            directory.put(column.count)
            directory.put(0)  // offset, filled below
            blockCount += (column.elementSize * column.count + blockSize - 1) / blockSize
        }
        let headerLength = ColumnFile.fixedHeader + directory.bytes.count + 8 + 4 * blockCount
        var offsets: [Int] = []
        var end = align(headerLength)
        for column in columns {
            offsets.append(end)
            end = align(end + column.elementSize * column.count)
        }
        // Second pass over the directory now that offsets are known, then the block sums.
        directory = ByteBuffer()
        directory.put(columns.count)
        for (column, offset) in zip(columns, offsets) {
            directory.put(Array(column.name.utf8))
            directory.put(column.elementSize)
            directory.put(column.count)
            directory.put(offset)
        }
        directory.put(blockCount)
        for column in columns {
            column.withBytes { bytes in
                for start in stride(from: 0, to: bytes.count, by: blockSize) {
                    directory.put32(StoreChecksum.castagnoli(UnsafeRawBufferPointer(rebasing: bytes[start..<min(start + blockSize, bytes.count)])))
                }
            }
        }
        var header = ByteBuffer()
        header.bytes = ColumnFile.magic
        header.put32(ColumnFile.formatVersion)
        header.put32(UInt32(ColumnFile.blockShift))
        header.put(headerLength)
        header.put(end)
        header.put32(StoreChecksum.castagnoli(directory.bytes))
        header.put32(0)
        header.bytes += directory.bytes

        let temporary = path + ".tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
              let handle = FileHandle(forWritingAtPath: temporary) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: temporary])
        }
        do {
            var written = 0
            func put(_ bytes: UnsafeRawBufferPointer) throws {
                guard !bytes.isEmpty else { return }
                try handle.write(contentsOf: Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: bytes.baseAddress!), count: bytes.count, deallocator: .none))
                written += bytes.count
            }
            func pad(to target: Int) throws {
                let zeros = [UInt8](repeating: 0, count: target - written)
                try zeros.withUnsafeBytes { try put($0) }
            }
            try header.bytes.withUnsafeBytes { try put($0) }
            for (column, offset) in zip(columns, offsets) {
                try pad(to: offset)
                var failure: Error?
                column.withBytes { bytes in
                    do { try put(bytes) } catch { failure = error }
                }
                if let failure { throw failure }
            }
            try pad(to: end)
            try handle.close()
            guard rename(temporary, path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSUnderlyingErrorKey: POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)])
            }
        } catch {
            try? handle.close()
            unlink(temporary)
            throw error
        }
    }

    private func align(_ offset: Int) -> Int {
        (offset + ColumnFile.alignment - 1) / ColumnFile.alignment * ColumnFile.alignment
    }
}

/// Little-endian integers and length-prefixed byte strings for the header.
private struct ByteBuffer {
    var bytes: [UInt8] = []

    mutating func put(_ value: Int) {
        withUnsafeBytes(of: UInt64(value).littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func put32(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func put(_ string: [UInt8]) {
        put(string.count)
        bytes += string
    }
}
