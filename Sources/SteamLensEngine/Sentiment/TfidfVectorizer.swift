import CKernels
import Foundation

extension SentimentModel {
    /// Weights hashed feature counts by `(1 + ln tf) × idf` and scales each block
    /// (words, characters) to unit length.
    ///
    /// idf is stored quantised to 1/20 (one byte per bucket) and training uses
    /// the quantised values too, so a model read back from its bytes scores
    /// exactly as the one that was trained.
    struct TfidfVectorizer: Sendable {
        let hasher: SentimentFeatures
        /// idf × 20, rounded; 0 for buckets no training document touched.
        var idfCodes: [UInt8]

        static let idfScale: Float = 20

        init(hasher: SentimentFeatures, idfCodes: [UInt8]) {
            self.hasher = hasher
            self.idfCodes = idfCodes
        }

        /// Fits idf on `counts` (sklearn's smooth idf: ln((1 + n)/(1 + df)) + 1).
        ///
        /// Also returns the buckets seen in training, most frequent first:
        /// training works on these as dense columns, so the hot features sit
        /// together in cache instead of scattered over 2^bits buckets.
        static func fitted(hasher: SentimentFeatures, counts: [SentimentFeatures.Counts])
            -> (vectorizer: TfidfVectorizer, seenBuckets: [UInt32])
        {
            let size = 1 << hasher.configuration.bits
            var df = [Int32](repeating: 0, count: size)
            for doc in counts {
                for (b, _) in doc.words { df[Int(b)] += 1 }
                for (b, _) in doc.chars { df[Int(b)] += 1 }
            }
            let n = Double(counts.count)
            let codes = df.map { d -> UInt8 in
                guard d > 0 else { return 0 }
                let idf = log((1 + n) / (1 + Double(d))) + 1
                return UInt8(min(255, max(1, (idf * Double(Self.idfScale)).rounded())))
            }
            var seen: [UInt32] = (0..<UInt32(size)).filter { df[Int($0)] > 0 }
            seen.sort { (a: UInt32, b: UInt32) -> Bool in
                let da = df[Int(a)], db = df[Int(b)]
                return da != db ? da > db : a < b
            }
            return (TfidfVectorizer(hasher: hasher, idfCodes: codes), seen)
        }

        @inline(__always) func idf(_ bucket: UInt32) -> Float {
            let code = idfCodes[Int(bucket)]
            // An unseen bucket carries no learned weight; any idf will do.
            return code == 0 ? 1 : Float(code) / Self.idfScale
        }

        /// `1 + ln(tf)` for every possible count, so weighting does no `log`.
        static let sublinear: [Float] = (0...Int(UInt16.max)).map { $0 == 0 ? 0 : 1 + log(Float($0)) }

        /// Calls `emit` with each (bucket, weight) of the document, blocks normalised.
        @inline(__always) func append(_ counts: SentimentFeatures.Counts, _ emit: (UInt32, Float) -> Void) {
            @inline(__always) func block(_ features: [(bucket: UInt32, count: UInt16)], length: Float) {
                guard !features.isEmpty else { return }
                var norm: Float = 0
                for (b, c) in features {
                    let v = Self.sublinear[Int(c)] * idf(b)
                    norm += v * v
                }
                let scale = length / norm.squareRoot()
                for (b, c) in features { emit(b, Self.sublinear[Int(c)] * idf(b) * scale) }
            }
            block(counts.words, length: 1)
            block(counts.chars, length: hasher.configuration.charWeight)
        }

        /// Feature counts of many texts, computed in parallel in a fixed order.
        static func counts(_ texts: [String], hasher: SentimentFeatures) -> [SentimentFeatures.Counts] {
            let parts = ChunkResults<[SentimentFeatures.Counts]>(count: 2)
            parallelChunks(count: texts.count) { chunk, range in
                let scratch = SentimentFeatures.Scratch()
                parts.set(chunk, range.map { hasher.counts(texts[$0], scratch: scratch) })
            }
            return parts.values.flatMap { $0 }
        }

        /// TF-IDF rows of `counts`, with each bucket `b` stored as column
        /// `columns[b]`, and beside them what scoring the same documents needs
        /// (each entry's count, where each row's characters start), so the
        /// per-document counts, as large as the rows, are let go here.
        ///
        /// Every count becomes exactly one entry, so the row offsets are known
        /// up front and both threads write straight into one matrix: no
        /// per-thread parts to merge, which used to double the peak memory.
        /// The matrix is written in place of the counts: each document's
        /// counts are freed once its row is written, and their pages handed
        /// back every few thousand rows, so the two are never whole at once.
        func rows(_ counts: consuming [SentimentFeatures.Counts], columns: [UInt32]) -> TrainingRows {
            var offsets = [Int](repeating: 0, count: counts.count + 1)
            var charStarts = [Int](repeating: 0, count: counts.count)
            for i in counts.indices {
                charStarts[i] = offsets[i] + counts[i].words.count
                offsets[i + 1] = charStarts[i] + counts[i].chars.count
            }
            let nnz = offsets[counts.count]
            var indices: [UInt32] = [], values: [Float] = [], termCounts: [UInt16] = []
            if nnz > 0 {
                counts.withUnsafeMutableBufferPointer { documents in
                    let documents = RecSendableMutablePointer(documents.baseAddress!)
                    indices = [UInt32](unsafeUninitializedCapacity: nnz) { indexBuffer, indicesWritten in
                    values = [Float](unsafeUninitializedCapacity: nnz) { valueBuffer, valuesWritten in
                    termCounts = [UInt16](unsafeUninitializedCapacity: nnz) { countBuffer, countsWritten in
                        // Chunks write disjoint ranges of the three buffers; every entry is written once.
                        parallelChunks(count: offsets.count - 1) { _, range in
                            for i in range {
                                var k = offsets[i]
                                append(documents.p[i]) { b, v in
                                    indexBuffer[k] = columns[Int(b)]
                                    valueBuffer[k] = v
                                    k += 1
                                }
                                k = offsets[i]
                                for (_, c) in documents.p[i].words { countBuffer[k] = c; k += 1 }
                                for (_, c) in documents.p[i].chars { countBuffer[k] = c; k += 1 }
                                documents.p[i] = SentimentFeatures.Counts()
                                if (i - range.lowerBound) % 4096 == 4095 { sl_release_freed_memory() }
                            }
                        }
                        (indicesWritten, valuesWritten, countsWritten) = (nnz, nnz, nnz)
                    }}}
                }
            }
            return TrainingRows(rows: SparseRows(offsets: offsets, indices: indices, values: values),
                                termCounts: termCounts, charStarts: charStarts)
        }
    }
}
