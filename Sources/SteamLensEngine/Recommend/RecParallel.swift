import Dispatch
import Foundation

/// Runs `body(range)` over `0 ..< count` split into contiguous chunks on all
/// cores. Chunks are small enough (≈ 8 per core) that uneven rows — popular
/// items, heavy users — still balance.
func recParallelChunks(_ count: Int, minChunk: Int = 16, _ body: (Range<Int>) -> Void) {
    guard count > 0 else { return }
    let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
    let chunk = max(minChunk, (count + cores * 8 - 1) / (cores * 8))
    let chunks = (count + chunk - 1) / chunk
    if chunks == 1 { body(0..<count); return }
    DispatchQueue.concurrentPerform(iterations: chunks) { c in
        body((c * chunk)..<min(count, (c + 1) * chunk))
    }
}

/// A fixed-size buffer that parallel chunks write disjoint slots of.
/// `concurrentPerform` bodies cannot capture an `inout` array, so the
/// storage is a raw allocation owned by this box.
final class RecSharedBuffer<T>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<T>
    let count: Int

    init(repeating value: T, count: Int) {
        self.count = count
        pointer = .allocate(capacity: max(count, 1))
        pointer.initialize(repeating: value, count: count)
    }

    deinit {
        pointer.deinitialize(count: count)
        pointer.deallocate()
    }

    subscript(i: Int) -> T {
        get { pointer[i] }
        set { pointer[i] = newValue }
    }
}

/// A read-only pointer that parallel chunks may share.
struct RecSendablePointer<T>: @unchecked Sendable {
    let p: UnsafePointer<T>
    init(_ p: UnsafePointer<T>) { self.p = p }
}

/// A pointer that parallel chunks write disjoint slots of.
struct RecSendableMutablePointer<T>: @unchecked Sendable {
    let p: UnsafeMutablePointer<T>
    init(_ p: UnsafeMutablePointer<T>) { self.p = p }
}
