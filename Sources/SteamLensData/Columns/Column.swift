/// A read-only column of plain values: either built in memory (a fresh
/// parse) or a stretch of a mapped column file (a later start), read in place.
///
/// A mapped column checks the checksum of each 64 KiB block of its bytes the
/// first time an element of that block is read (`ColumnFile`), so a start
/// touches, and verifies, only the pages its queries read.
///
/// ```swift
/// let column = Column([3, 1, 2] as [Int32])
/// column[0]          // 3
/// column.count       // 3
/// ```
public struct Column<Element: BitwiseCopyable & Sendable>: RandomAccessCollection, @unchecked Sendable {
    @usableFromInline let base: UnsafePointer<Element>?
    public let count: Int
    /// Keeps the bytes alive: the in-memory storage or the mapped file.
    @usableFromInline let owner: AnyObject?
    /// Verifies blocks on first touch; nil for a column built in memory.
    @usableFromInline let blocks: BlockGuard?

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public init() {
        self.init([])
    }

    /// Copies `array` into a column of its own.
    public init(_ array: [Element]) {
        let storage = ColumnStorage<Element>(array)
        base = UnsafePointer(storage.pointer)
        count = array.count
        owner = storage
        blocks = nil
    }

    init(base: UnsafePointer<Element>?, count: Int, owner: AnyObject, blocks: BlockGuard) {
        self.base = base
        self.count = count
        self.owner = owner
        self.blocks = blocks
    }

    @inlinable
    public subscript(index: Int) -> Element {
        precondition(index >= 0 && index < count, "column index \(index) out of range 0..<\(count)")
        if let blocks { blocks.touch(byte: index &* MemoryLayout<Element>.stride) }
        return base.unsafelyUnwrapped[index]
    }

    /// The elements in `range` as a buffer, every block behind it verified
    /// first: for loops that read a long stretch (model weights, whole rows).
    public func withVerifiedBuffer<R>(_ range: Range<Int>, _ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "column range out of bounds")
        guard let base, !range.isEmpty else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        let stride = MemoryLayout<Element>.stride
        blocks?.touch(bytes: range.lowerBound * stride..<range.upperBound * stride)
        return try body(UnsafeBufferPointer(start: base + range.lowerBound, count: range.count))
    }

    /// All elements as an array (verifying every block).
    public var array: [Element] {
        withVerifiedBuffer(0..<count) { Array($0) }
    }
}

extension Column: Equatable where Element: Equatable {
    public static func == (a: Column, b: Column) -> Bool { a.elementsEqual(b) }
}

extension Column where Element: BinaryInteger {
    /// True when these are the offsets of rows over `values` values: at
    /// least one, from 0 to `values`, never decreasing. Stored offsets that
    /// pass can be taken as ranges as they are: none is reversed or runs past
    /// the values.
    /// Inlinable, and a plain loop: unspecialised, a `zip` over a generic
    /// buffer asked the runtime for tuple metadata at every element (a later
    /// start spent 250 ms so on 150 k offsets).
    @inlinable
    public func areOffsets(over values: Int) -> Bool {
        count >= 1 && withVerifiedBuffer(0..<count) { offsets in
            guard offsets[0] == 0, Int(exactly: offsets[offsets.count - 1]) == values else { return false }
            var previous = offsets[0]
            for offset in offsets {
                if offset < previous { return false }
                previous = offset
            }
            return true
        }
    }
}

extension Column: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: Element...) {
        self.init(elements)
    }
}

/// The memory of a column built in memory.
final class ColumnStorage<Element: BitwiseCopyable> {
    let pointer: UnsafeMutablePointer<Element>

    init(_ array: [Element]) {
        pointer = .allocate(capacity: max(array.count, 1))
        array.withUnsafeBufferPointer { source in
            if let from = source.baseAddress { pointer.initialize(from: from, count: source.count) }
        }
    }

    deinit { pointer.deallocate() }
}
