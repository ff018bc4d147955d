import Foundation

extension SentimentModel {
    /// Documents as rows of a compressed sparse matrix (CSR): row `r` holds
    /// `indices[offsets[r]..<offsets[r + 1]]` with the matching `values`.
    struct SparseRows: Sendable {
        var offsets: [Int] = [0]
        var indices: [UInt32] = []
        var values: [Float] = []

        var count: Int { offsets.count - 1 }

        @inline(__always) func dot(_ row: Int, _ weights: UnsafeBufferPointer<Double>) -> Double {
            var sum = 0.0
            for k in offsets[row]..<offsets[row + 1] {
                sum += Double(values[k]) * weights[Int(indices[k])]
            }
            return sum
        }
    }

    /// The training documents as TF-IDF rows, and the counts they were
    /// weighted from: entry `k` of `rows` had `termCounts[k]` occurrences,
    /// and row `r`'s character block starts at `charStarts[r]` (its words
    /// come first). Enough to score a training document exactly as its text
    /// would be scored, without keeping the documents' counts as well.
    struct TrainingRows: Sendable {
        var rows: SparseRows
        var termCounts: [UInt16]
        var charStarts: [Int]
    }

    /// Runs `body` over `count` items split into a fixed number of contiguous
    /// chunks, in parallel. The chunking never depends on the machine, so sums
    /// combined chunk by chunk in order give the same bits on every run.
    static func parallelChunks(count: Int, chunks: Int = 2, _ body: (Int, Range<Int>) -> Void) {
        let chunks = max(1, min(chunks, count))
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let lo = count * c / chunks, hi = count * (c + 1) / chunks
            body(c, lo..<hi)
        }
    }

    /// Collects one result per chunk from concurrent workers.
    final class ChunkResults<T>: @unchecked Sendable {
        private var items: [T?]
        private let lock = NSLock()
        init(count: Int) { items = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ value: T) { lock.lock(); items[index] = value; lock.unlock() }
        var values: [T] { items.compactMap { $0 } }
    }
}
