/// A compact little-endian binary format for columnar arrays, used for the
/// blobs of the store (the catalog snapshot, model weights, neighbour lists).
///
/// Arrays of plain values are copied as raw bytes behind a count; strings are
/// written as one UTF-8 buffer with offsets. Reading checks every length
/// against what is left, so a damaged blob throws instead of crashing.
public struct BinaryWriter {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public mutating func write(_ value: Int) {
        withUnsafeBytes(of: Int64(value).littleEndian) { bytes.append(contentsOf: $0) }
    }

    public mutating func write(_ value: Double) {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Arrays of trivial values (Int32, Float, structs of them) as raw bytes.
    public mutating func write<T: BitwiseCopyable>(_ array: [T]) {
        write(array.count)
        array.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }

    public mutating func write(_ flags: [Bool]) {
        write(flags.map { $0 ? UInt8(1) : UInt8(0) })
    }

    public mutating func write(_ strings: [String]) {
        var offsets: [Int32] = [0]
        offsets.reserveCapacity(strings.count + 1)
        var text: [UInt8] = []
        for string in strings {
            text.append(contentsOf: string.utf8)
            offsets.append(Int32(text.count))
        }
        write(offsets)
        write(text)
    }

    public mutating func write(_ string: String) {
        write(Array(string.utf8))
    }
}

public struct BinaryReader {
    public struct Damaged: Error, CustomStringConvertible {
        public var description: String

        public init(description: String) {
            self.description = description
        }
    }

    private let bytes: [UInt8]
    private var position = 0

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    public var isAtEnd: Bool { position == bytes.count }

    public mutating func readInt() throws -> Int {
        let raw: Int64 = try readScalar()
        return Int(Int64(littleEndian: raw))
    }

    public mutating func readDouble() throws -> Double {
        let raw: UInt64 = try readScalar()
        return Double(bitPattern: UInt64(littleEndian: raw))
    }

    public mutating func readArray<T: BitwiseCopyable>(of type: T.Type = T.self) throws -> [T] {
        let count = try readInt()
        let size = MemoryLayout<T>.stride
        guard count >= 0, count <= (bytes.count - position) / max(size, 1) else {
            throw Damaged(description: "array of \(count) \(T.self) overruns the blob")
        }
        let result = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            bytes.withUnsafeBytes { raw in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[position..<(position + count * size)]))
            }
            initialized = count
        }
        position += count * size
        return result
    }

    public mutating func readFlags() throws -> [Bool] {
        try readArray(of: UInt8.self).map { $0 != 0 }
    }

    public mutating func readStrings() throws -> [String] {
        let offsets = try readArray(of: Int32.self)
        let text = try readArray(of: UInt8.self)
        guard let first = offsets.first, first == 0, Int(offsets.last ?? 0) == text.count else {
            throw Damaged(description: "string offsets do not match their text")
        }
        var strings: [String] = []
        strings.reserveCapacity(offsets.count - 1)
        try text.withUnsafeBufferPointer { buffer in
            for index in 1..<offsets.count {
                let start = Int(offsets[index - 1]), end = Int(offsets[index])
                // Unsafe buffers are not bounds-checked in release builds: check both ends here.
                guard start <= end, end <= buffer.count else { throw Damaged(description: "string offsets go backwards or past the text") }
                strings.append(String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self))
            }
        }
        return strings
    }

    public mutating func readString() throws -> String {
        String(decoding: try readArray(of: UInt8.self), as: UTF8.self)
    }

    private mutating func readScalar<T: BitwiseCopyable>() throws -> T {
        let size = MemoryLayout<T>.size
        guard position + size <= bytes.count else { throw Damaged(description: "blob ends early") }
        let value = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: position, as: T.self) }
        position += size
        return value
    }
}
