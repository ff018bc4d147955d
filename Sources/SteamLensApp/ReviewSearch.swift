import SteamLensEngine

/// `/` in the reviews view: finds reviews whose text contains the query,
/// compared like names (case, accents and spacing ignored). Substring, not
/// fuzzy: a subsequence of a long text matches almost anything.
enum ReviewSearch {
    /// The first review at or after `start` (wrapping) whose text contains `query`.
    static func firstMatch(_ query: String, in texts: [String], from start: Int) -> Int? {
        search(query, in: texts, from: start, steps: 0..<texts.count, forward: true)
    }

    /// The next (or previous) matching review after `offset`, wrapping round.
    static func nextMatch(_ query: String, in texts: [String], after offset: Int, forward: Bool) -> Int? {
        search(query, in: texts, from: offset, steps: 1..<(texts.count + 1), forward: forward)
    }

    /// How many reviews contain `query`.
    static func matchCount(_ rawQuery: String, in texts: [String]) -> Int {
        let query = NameKey.normalize(rawQuery)
        guard !query.isEmpty else { return 0 }
        return texts.reduce(0) { $0 + (NameKey.normalize($1).contains(query) ? 1 : 0) }
    }

    private static func search(_ rawQuery: String, in texts: [String], from start: Int, steps: Range<Int>, forward: Bool) -> Int? {
        let query = NameKey.normalize(rawQuery)
        guard !query.isEmpty, !texts.isEmpty else { return nil }
        for step in steps {
            let index = ((start + (forward ? step : -step)) % texts.count + texts.count) % texts.count
            if NameKey.normalize(texts[index]).contains(query) { return index }
        }
        return nil
    }
}
