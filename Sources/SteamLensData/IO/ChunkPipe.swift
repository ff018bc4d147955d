import Foundation

/// Chunks of bytes handed from a producing thread to the reading one
/// through a few reusable buffers: a large gzip file is inflated on a thread
/// of its own while its lines are parsed (the inflate alone is about a
/// third of a full library file's parse).
///
/// The producer blocks while every buffer is full and the reader while every
/// one is empty. `run` returns only after the producer has stopped, so it
/// may use the caller's file; a reader that throws stops the producer at its
/// next chunk and `run` rethrows the reader's error.
final class ChunkPipe<Ending: Sendable>: @unchecked Sendable {
    struct Stopped: Error {}

    private let condition = NSCondition()
    private var free: [[UInt8]]
    private var full: [(bytes: [UInt8], count: Int)] = []
    private var ending: Result<Ending, Error>?
    private var stopped = false

    private init(buffers: Int, capacity: Int) {
        free = (0..<max(buffers, 1)).map { _ in [UInt8](repeating: 0, count: capacity) }
    }

    /// Runs `produce` on a new thread, handing each chunk it sends to
    /// `consume` on this one, in order; returns what `produce` returned.
    static func run(
        buffers: Int = 4,
        capacity: Int,
        produce: @escaping @Sendable (_ send: (UnsafeBufferPointer<UInt8>) throws -> Void) throws -> Ending,
        consume: (UnsafeBufferPointer<UInt8>) throws -> Void
    ) throws -> Ending {
        let pipe = ChunkPipe(buffers: buffers, capacity: capacity)
        Thread.detachNewThread {
            let result = Result { try produce(pipe.send) }
            pipe.condition.withLock {
                pipe.ending = result
                pipe.condition.broadcast()
            }
        }
        do {
            while let (bytes, count) = pipe.next() {
                defer { pipe.recycle(bytes) }
                try bytes.withUnsafeBufferPointer { try consume(UnsafeBufferPointer(rebasing: $0[0..<count])) }
            }
        } catch {
            pipe.stopAndWait()
            throw error
        }
        return try pipe.condition.withLock { pipe.ending! }.get()
    }

    /// Producer side: copies `chunk` into free buffers, waiting for one when none is free.
    private func send(_ chunk: UnsafeBufferPointer<UInt8>) throws {
        var start = 0
        while start < chunk.count {
            var buffer: [UInt8] = condition.withLock {
                while free.isEmpty && !stopped { condition.wait() }
                return stopped ? [] : free.removeLast()
            }
            guard !buffer.isEmpty else { throw Stopped() }
            let count = min(chunk.count - start, buffer.count)
            buffer.withUnsafeMutableBufferPointer { destination in
                destination.baseAddress!.update(from: chunk.baseAddress! + start, count: count)
            }
            start += count
            condition.withLock {
                full.append((buffer, count))
                condition.broadcast()
            }
        }
    }

    /// The next full buffer, or nil once the producer has ended and all were read.
    private func next() -> (bytes: [UInt8], count: Int)? {
        condition.withLock {
            while full.isEmpty && ending == nil { condition.wait() }
            return full.isEmpty ? nil : full.removeFirst()
        }
    }

    private func recycle(_ bytes: [UInt8]) {
        condition.withLock {
            free.append(bytes)
            condition.broadcast()
        }
    }

    private func stopAndWait() {
        condition.withLock {
            stopped = true
            condition.broadcast()
            while ending == nil { condition.wait() }
        }
    }
}
