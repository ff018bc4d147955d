/// A read-only column of strings: one UTF-8 buffer and `count + 1` offsets
/// into it, built in memory or read in place from a mapped column file.
///
/// ```swift
/// let names = StringColumn(["Valve", "id Software"])
/// names[1]                            // "id Software"
/// names.utf8Equals(0, Array("Valve".utf8))   // true, without making a String
/// ```
public struct StringColumn: RandomAccessCollection, Sendable, Equatable {
    /// `bytes[offsets[i] ..< offsets[i + 1]]` is string i.
    public let offsets: Column<Int64>
    public let bytes: Column<UInt8>

    public var startIndex: Int { 0 }
    public var endIndex: Int { offsets.count - 1 }

    public init() {
        self.init([String]())
    }

    public init(_ strings: [String]) {
        var offsets: [Int64] = [0]
        offsets.reserveCapacity(strings.count + 1)
        var bytes: [UInt8] = []
        for string in strings {
            bytes.append(contentsOf: string.utf8)
            offsets.append(Int64(bytes.count))
        }
        self.offsets = Column(offsets)
        self.bytes = Column(bytes)
    }

    /// From stored parts; nil when they do not fit together (checked at the ends only:
    /// a string whose own offsets are out of order reads as empty, never traps).
    public init?(offsets: Column<Int64>, bytes: Column<UInt8>) {
        guard offsets.count >= 1, offsets[0] == 0, offsets[offsets.count - 1] == Int64(bytes.count) else { return nil }
        self.offsets = offsets
        self.bytes = bytes
    }

    public subscript(index: Int) -> String {
        let range = byteRange(index)
        return bytes.withVerifiedBuffer(range) { String(decoding: $0, as: UTF8.self) }
    }

    /// True when string `index` is exactly `utf8`.
    public func utf8Equals(_ index: Int, _ utf8: [UInt8]) -> Bool {
        let range = byteRange(index)
        guard range.count == utf8.count else { return false }
        return bytes.withVerifiedBuffer(range) { $0.elementsEqual(utf8) }
    }

    public var array: [String] { map { $0 } }

    /// `body` with every string's UTF-8 bytes in one buffer and the offsets
    /// (string i is `bytes[offsets[i] ..< offsets[i + 1]]`), each verified
    /// once, so a loop over many strings makes no `String` of each. Stored
    /// offsets are only checked at the ends: the caller must not trust the
    /// order of the others (a range out of order is damage).
    public func withUTF8Buffers<R>(_ body: (_ bytes: UnsafeBufferPointer<UInt8>, _ offsets: UnsafeBufferPointer<Int64>) throws -> R) rethrows -> R {
        try offsets.withVerifiedBuffer(0..<offsets.count) { offsets in
            try bytes.withVerifiedBuffer(0..<bytes.count) { bytes in try body(bytes, offsets) }
        }
    }

    private func byteRange(_ index: Int) -> Range<Int> {
        let start = Int(offsets[index]), end = Int(offsets[index + 1])
        guard 0 <= start, start <= end, end <= bytes.count else { return 0..<0 }
        return start..<end
    }

    public static func == (a: StringColumn, b: StringColumn) -> Bool {
        a.offsets == b.offsets && a.bytes == b.bytes
    }
}
