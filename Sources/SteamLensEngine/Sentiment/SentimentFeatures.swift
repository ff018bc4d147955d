/// Counts a review's hashed word, bigram and character n-gram features.
///
/// ```swift
/// let features = SentimentFeatures(configuration: .standard)
/// let counts = features.counts("Not good.")  // (bucket, occurrences) per block
/// ```
///
/// Two blocks share one hashed space: words (unigrams with their negation
/// mark, and bigrams of consecutive tokens) and character 3–5-grams of each
/// word (which catch misspellings such as "awsome" and the many languages
/// the word block has seen too little of). The model weights each block by
/// `1 + ln(tf)` × idf and scales it to a fixed length on its own (words 1,
/// characters `charWeight`), so a long review's many character grams do not
/// drown its words.
public struct SentimentFeatures: Sendable {
    public struct Configuration: Sendable, Equatable {
        /// log2 of the number of hashed buckets.
        public var bits: Int
        /// Character n-grams of each word from this length up to `charMax`
        /// (0 turns the block off). Words are padded with a boundary mark.
        public var charMin: Int
        public var charMax: Int
        /// Length of the character block's vector relative to the word block's.
        public var charWeight: Float

        public init(bits: Int, charMin: Int, charMax: Int, charWeight: Float = 1) {
            self.bits = bits
            self.charMin = charMin
            self.charMax = charMax
            self.charWeight = charWeight
        }

        public static let standard = Configuration(bits: 20, charMin: 3, charMax: 5, charWeight: 0.7)
        public static let wordsOnly = Configuration(bits: 20, charMin: 0, charMax: 0)
    }

    /// Sparse counts of one document, split into the two blocks.
    public struct Counts: Sendable {
        public var words: [(bucket: UInt32, count: UInt16)] = []
        public var chars: [(bucket: UInt32, count: UInt16)] = []
    }

    public let configuration: Configuration
    let tokenizer = SentimentTokenizer()
    var mask: UInt64 { (1 << UInt64(configuration.bits)) - 1 }

    public init(configuration: Configuration) {
        self.configuration = configuration
    }

    /// Feature counts of one text.
    public func counts(_ text: String) -> Counts {
        counts(text, scratch: Scratch())
    }

    /// Feature counts of one text; `scratch` is reused across calls by one thread.
    func counts(_ text: String, scratch: Scratch) -> Counts {
        let utf8 = SentimentTokenizer.lowercasedUTF8(text)
        scratch.reset(expected: utf8.count * max(1, configuration.charMax - configuration.charMin + 1) + 16)
        if utf8.isEmpty { return Counts() }
        utf8.withUnsafeBufferPointer { bytes in
            scratch.tokens.removeAll(keepingCapacity: true)
            tokenizer.scan(bytes, into: &scratch.tokens)
            // Word block.
            var previous: UInt64 = Salt.start
            for token in scratch.tokens {
                let key = token.negated ? token.hash ^ Salt.negated : token.hash
                scratch.add(bucket(key), to: 0)
                scratch.add(bucket(SentimentHash.mix(previous) ^ key ^ Salt.bigram), to: 0)
                previous = key
            }
            scratch.add(bucket(SentimentHash.mix(previous) ^ Salt.end ^ Salt.bigram), to: 0)
            // Character block: grams of each word token padded with 0x01 marks.
            let lo = configuration.charMin, hi = configuration.charMax
            if lo > 0 {
                var padded: [UInt8] = []
                for token in scratch.tokens where !token.isPunctuation {
                    padded.removeAll(keepingCapacity: true)
                    padded.append(0x01)
                    padded.append(contentsOf: bytes[token.utf8Range])
                    padded.append(0x01)
                    padded.withUnsafeBufferPointer { word in
                        for start in 0..<word.count {
                            var h = SentimentHash.offset ^ Salt.chars
                            for k in start..<min(word.count, start + hi) {
                                h = SentimentHash.add(word[k], to: h)
                                if k - start + 1 >= lo { scratch.add(bucket(h), to: 1) }
                            }
                        }
                    }
                }
            }
        }
        return scratch.drain()
    }

    @inline(__always) func bucket(_ key: UInt64) -> UInt32 {
        UInt32(truncatingIfNeeded: SentimentHash.mix(key) & mask)
    }

    /// Per-thread counting scratch: a small open-addressing table of this
    /// document's buckets (generation-stamped, so nothing is cleared between
    /// documents), and the slots in order of first appearance, which keeps
    /// the output order deterministic. A class over raw memory: the hot
    /// `add` runs ~1000 times per review.
    final class Scratch {
        private struct Slot {
            var key: UInt32
            var stamp: UInt32
            var count: UInt32
        }
        // One thread owns a scratch, so the runtime's exclusivity checks on
        // every access (a tenth of the counting time) buy nothing here.
        @exclusivity(unchecked) private var slots: UnsafeMutablePointer<Slot>
        @exclusivity(unchecked) private var mask: Int
        @exclusivity(unchecked) private var generation: UInt32 = 1
        @exclusivity(unchecked) private var order: [Int32] = []
        @exclusivity(unchecked) var tokens: [SentimentTokenizer.Token] = []

        init(capacity: Int = 1 << 12) {
            slots = .allocate(capacity: capacity)
            slots.initialize(repeating: Slot(key: 0, stamp: 0, count: 0), count: capacity)
            self.capacity = capacity
            mask = capacity - 1
        }

        deinit { slots.deallocate() }

        @exclusivity(unchecked) private var capacity: Int

        /// Uses (at least) the first `size` slots, a power of two; the rest of
        /// the allocation lies idle so a short review's table stays in cache.
        private func use(_ size: Int) {
            if size > capacity {
                slots.deallocate()
                slots = .allocate(capacity: size)
                slots.initialize(repeating: Slot(key: 0, stamp: 0, count: 0), count: size)
                capacity = size
            }
            mask = size - 1
        }

        private func grow() {
            let old = order.map { slots[Int($0)] }
            generation = generation == .max ? generation : generation + 1
            if generation == .max { clearStamps() }
            use(2 * (mask + 1))
            order.removeAll(keepingCapacity: true)
            for var slot in old {
                let i = find(slot.key)
                slot.stamp = generation
                slots[i] = slot
                order.append(Int32(i))
            }
        }

        private func clearStamps() {
            for i in 0..<capacity { slots[i].stamp = 0 }
            generation = 1
        }

        /// Starts a new document of about `expected` distinct features.
        func reset(expected: Int) {
            order.removeAll(keepingCapacity: true)
            if generation == .max { clearStamps() } else { generation += 1 }
            var size = 64
            while size < 2 * expected { size *= 2 }
            use(size)
        }

        @inline(__always) private func find(_ key: UInt32) -> Int {
            var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B1) >> 7) & mask
            while slots[i].stamp == generation && slots[i].key != key { i = (i + 1) & mask }
            return i
        }

        /// Counts one occurrence of `bucket` in `block` (0 words, 1 characters).
        @inline(__always) func add(_ bucket: UInt32, to block: Int) {
            let key = bucket | UInt32(block) << 31
            var i = find(key)
            if slots[i].stamp != generation {
                if 2 * (order.count + 1) > mask {
                    grow()
                    i = find(key)
                }
                slots[i] = Slot(key: key, stamp: generation, count: 0)
                order.append(Int32(i))
            }
            slots[i].count += 1
        }

        /// The document's (bucket, count) pairs per block, in first-seen order.
        func drain() -> Counts {
            // Sized exactly: a cold start holds every review's counts at once.
            var words = 0
            for i in order where slots[Int(i)].key >> 31 == 0 { words += 1 }
            var result = Counts()
            result.words.reserveCapacity(words)
            result.chars.reserveCapacity(order.count - words)
            for i in order {
                let slot = slots[Int(i)], count = UInt16(min(slot.count, 0xFFFF))
                if slot.key >> 31 == 0 {
                    result.words.append((bucket: slot.key, count: count))
                } else {
                    result.chars.append((bucket: slot.key & 0x7FFF_FFFF, count: count))
                }
            }
            return result
        }
    }

    enum Salt {
        static let negated: UInt64 = 0x9E37_79B9_7F4A_7C15
        static let bigram: UInt64 = 0xC2B2_AE3D_27D4_EB4F
        static let chars: UInt64 = 0x1656_67B1_9E37_79F9
        static let start: UInt64 = 0x27D4_EB2F_1656_67C5
        static let end: UInt64 = 0x85EB_CA77_C2B2_AE63
    }
}
