/// Splits review text into lower-cased word tokens, marking the words that
/// follow a negation ("not", "don't", "never", …) up to the next clause
/// punctuation.
///
/// ```swift
/// SentimentTokenizer().tokens("Not good, but FUN!")
/// // ["not", "NEG_good", "but", "fun", "!"]
/// ```
///
/// The tokenizer works on UTF-8 bytes and reports each token as a 64-bit
/// FNV-1a hash (`scan`), so the classifier never allocates a `String` per
/// token; `tokens(_:)` rebuilds readable strings for tests and debugging.
public struct SentimentTokenizer: Sendable {
    /// One token: the hash of its lower-cased bytes (apostrophes dropped),
    /// whether it lies in a negation scope, and where it sits in the UTF-8.
    public struct Token: Sendable, Equatable {
        public var hash: UInt64
        public var negated: Bool
        /// True for "!" and "?", which carry tone but are not words.
        public var isPunctuation: Bool
        public var utf8Range: Range<Int>
    }

    public init() {}

    /// Readable tokens: words in a negation scope get a `NEG_` prefix.
    public func tokens(_ text: String) -> [String] {
        let bytes = Self.lowercasedUTF8(text)
        return scan(bytes).map { token in
            let word = bytes[token.utf8Range].filter { $0 != UInt8(ascii: "'") }
            let text = String(decoding: word, as: UTF8.self).replacingApostrophes()
            return token.negated ? "NEG_" + text : text
        }
    }

    /// Tokens of `text` (lower-cased first).
    public func scan(_ text: String) -> [Token] {
        scan(Self.lowercasedUTF8(text))
    }

    /// Lower-cased UTF-8 of `text`. ASCII is folded byte by byte; only text
    /// with other scripts pays for the Unicode-aware `lowercased()`.
    static func lowercasedUTF8(_ text: String) -> [UInt8] {
        var text = text
        if text.utf8.contains(where: { $0 >= 0x80 }) { text = text.lowercased() }
        return text.withUTF8 { utf8 in
            [UInt8](unsafeUninitializedCapacity: utf8.count) { out, count in
                for k in 0..<utf8.count {
                    let b = utf8[k]
                    out[k] = b &- 0x41 < 26 ? b | 0x20 : b
                }
                count = utf8.count
            }
        }
    }

    /// Tokens of already lower-cased UTF-8 bytes (ASCII capitals are folded
    /// here too, so plain ASCII input needs no preparation).
    public func scan(_ bytes: [UInt8]) -> [Token] {
        var out: [Token] = []
        out.reserveCapacity(bytes.count / 4)
        bytes.withUnsafeBufferPointer { scan($0, into: &out) }
        return out
    }

    /// The hot loop: appends tokens of `bytes` to `out`.
    public func scan(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [Token]) {
        var negating = false
        var wordStart = -1
        var hash = SentimentHash.offset
        var i = 0
        let n = bytes.count

        @inline(__always) func finishWord(at end: Int) {
            guard wordStart >= 0 else { return }
            if hash != SentimentHash.offset {  // not just apostrophes
                let isNegator = Self.isNegator(hash)
                if hash == Self.but { negating = false }  // "not fast, but fun"
                out.append(Token(hash: hash, negated: negating && !isNegator,
                                 isPunctuation: false, utf8Range: wordStart..<end))
                if isNegator { negating = true }
            }
            wordStart = -1
            hash = SentimentHash.offset
        }
        @inline(__always) func symbol(_ start: Int, _ end: Int) {
            finishWord(at: start)
            var h = SentimentHash.offset
            for k in start..<end { h = SentimentHash.add(bytes[k], to: h) }
            out.append(Token(hash: h, negated: false, isPunctuation: false, utf8Range: start..<end))
        }

        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                switch b {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    if wordStart < 0 { wordStart = i }
                    hash = SentimentHash.add(b, to: hash)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    if wordStart < 0 { wordStart = i }
                    hash = SentimentHash.add(b | 0x20, to: hash)
                case UInt8(ascii: "'"):
                    // "don't" and "dont" are the same word; a quote mark
                    // before or after a word is dropped with it.
                    if wordStart < 0 { wordStart = i }
                case UInt8(ascii: "!"), UInt8(ascii: "?"):
                    finishWord(at: i)
                    negating = false
                    out.append(Token(hash: SentimentHash.add(b, to: SentimentHash.offset), negated: false,
                                     isPunctuation: true, utf8Range: i..<(i + 1)))
                case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"),
                     UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"),
                     UInt8(ascii: "\""), 0x0A, 0x0D:
                    finishWord(at: i)
                    negating = false
                default:
                    // Spaces, control characters and other symbols separate words.
                    finishWord(at: i)
                }
                i += 1
                continue
            }
            // Decode one multi-byte scalar.
            let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
            let end = min(i + length, n)
            var scalar = UInt32(b) & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F)
            if length > 1 { for k in (i + 1)..<end { scalar = scalar << 6 | UInt32(bytes[k] & 0x3F) } }
            switch scalar {
            case 0x2019, 0x2018:  // typographic apostrophe: "don’t"
                if wordStart < 0 { wordStart = i }
            case 0x2665, 0x2764:
                // Steam censors swear words as "♥♥♥": one token per run.
                finishWord(at: i)
                var j = end
                while j + 2 < n, bytes[j] == 0xE2, bytes[j + 1] == 0x99, bytes[j + 2] == 0xA5 { j += 3 }
                symbol(i, end)
                i = j
                continue
            case 0x2000...0x206F, 0x3000...0x303F, 0xFF01...0xFF0F, 0xFF1A...0xFF1F:
                // General punctuation (… — “ ”) and CJK punctuation end a clause.
                finishWord(at: i)
                negating = false
            case 0x00A0...0x00BF, 0x00D7, 0x00F7:
                finishWord(at: i)  // no-break space, ¡ ¿ « » × ÷ and friends
            case 0x2100...0x2BFF, 0x1F000...0x1FAFF:
                symbol(i, end)  // ★ ☺ ✔ and emoji, one token each
            case 0x3040...0x30FF, 0x3400...0x9FFF, 0xF900...0xFAFF:
                symbol(i, end)  // kana and ideographs: no spaces, one token each
            default:
                if wordStart < 0 { wordStart = i }
                for k in i..<end { hash = SentimentHash.add(bytes[k], to: hash) }
            }
            i = end
        }
        finishWord(at: n)
    }

    static let negatorWords = [
        "not", "no", "never", "cannot", "cant", "dont", "doesnt", "didnt", "isnt", "wasnt",
        "arent", "werent", "wont", "wouldnt", "shouldnt", "couldnt", "aint", "havent", "hasnt",
        "hadnt", "nothing", "nobody", "none", "nor", "neither", "without", "hardly", "barely",
    ]
    /// Negator hashes in a 64-slot table indexed by the hash's low bits
    /// (checked once per token, so cheaper than a `Set`'s SipHash).
    static let negatorTable: [UInt64] = {
        var table = [UInt64](repeating: 0, count: 64)
        for word in negatorWords {
            let h = SentimentHash.hash(word)
            var i = Int(h & 63)
            while table[i] != 0 { i = (i + 1) & 63 }
            table[i] = h
        }
        return table
    }()

    @inline(__always) static func isNegator(_ hash: UInt64) -> Bool {
        var i = Int(hash & 63)
        while negatorTable[i] != 0 {
            if negatorTable[i] == hash { return true }
            i = (i + 1) & 63
        }
        return false
    }
    static let but = SentimentHash.hash("but")
}

/// 64-bit FNV-1a for tokens, MurmurHash3's finalizer to spread them into
/// buckets: tiny, and stable across runs and platforms (unlike `Hasher`).
enum SentimentHash {
    static let offset: UInt64 = 0xCBF2_9CE4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01B3

    @inline(__always) static func add(_ byte: UInt8, to hash: UInt64) -> UInt64 {
        (hash ^ UInt64(byte)) &* prime
    }

    static func hash(_ text: String) -> UInt64 {
        text.utf8.reduce(offset) { add($1, to: $0) }
    }

    /// The 64-bit finalizer of MurmurHash3: spreads FNV's low-entropy high bits.
    @inline(__always) static func mix(_ key: UInt64) -> UInt64 {
        var z = key
        z = (z ^ (z >> 33)) &* 0xFF51_AFD7_ED55_8CCD
        z = (z ^ (z >> 33)) &* 0xC4CE_B9FE_1A85_EC53
        return z ^ (z >> 33)
    }
}

private extension String {
    func replacingApostrophes() -> String {
        contains("\u{2019}") || contains("\u{2018}")
            ? String(unicodeScalars.filter { $0 != "\u{2019}" && $0 != "\u{2018}" }.map(Character.init))
            : self
    }
}
