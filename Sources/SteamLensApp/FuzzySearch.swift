import SteamLensEngine

/// Finds rows of a pane by a typed query, forgiving case, accents and
/// missing letters: "valve" finds "Valve", "pokemon" finds "Pokémon",
/// "cstrk" finds "Counter-Strike".
enum FuzzySearch {
    /// How well `key` matches `query` (both normalized): lower is better,
    /// nil is no match. 0 exact, 1 prefix, 2 a word's prefix, 3 substring,
    /// 4 letters in order within a short stretch of the name.
    static func rank(_ query: String, _ key: String) -> Int? {
        if query.isEmpty { return nil }
        if key == query { return 0 }
        if key.hasPrefix(query) { return 1 }
        if key.contains(" " + query) { return 2 }
        if key.contains(query) { return 3 }
        return isCompactSubsequence(Array(query.utf8), of: Array(key.utf8)) ? 4 : nil
    }

    /// True when the letters of `needle` appear in order in `haystack`
    /// within a stretch at most three times the needle's length: "cstrk"
    /// finds "counter-strike", but "valvezzq" does not find a long name that
    /// merely contains those letters somewhere.
    private static func isCompactSubsequence(_ needle: [UInt8], of haystack: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        let limit = needle.count * 3
        for start in haystack.indices where haystack[start] == first {
            var wanted = 1
            var index = start + 1
            while wanted < needle.count, index < haystack.count, index - start < limit {
                if haystack[index] == needle[wanted] { wanted += 1 }
                index += 1
            }
            if wanted == needle.count { return true }
        }
        return false
    }

    /// How many rows match `query` at all, for the prompt ("3 matches").
    static func matchCount(_ rawQuery: String, in rows: [PaneRow]) -> Int {
        let query = NameKey.normalize(rawQuery)
        return rows.reduce(0) { $0 + (rank(query, $1.key) == nil ? 0 : 1) }
    }

    /// The best match for an incremental search: the best rank anywhere in
    /// `rows`, and among rows of that rank the first at or after `start`
    /// (wrapping around).
    static func bestMatch(_ rawQuery: String, in rows: [PaneRow], from start: Int) -> Int? {
        let query = NameKey.normalize(rawQuery)
        var best: (rank: Int, distance: Int, index: Int)?
        for (index, row) in rows.enumerated() {
            guard let rank = rank(query, row.key) else { continue }
            let distance = (index - start + rows.count) % max(1, rows.count)
            if best == nil || (rank, distance) < (best!.rank, best!.distance) {
                best = (rank, distance, index)
            }
        }
        return best?.index
    }

    /// The next (or previous) row after `cursor` that matches, wrapping.
    /// Substring matches are preferred: letters-in-order matches count only
    /// when no row contains the query as typed.
    static func nextMatch(_ rawQuery: String, in rows: [PaneRow], after cursor: Int, forward: Bool) -> Int? {
        let query = NameKey.normalize(rawQuery)
        guard !rows.isEmpty else { return nil }
        let ranks = rows.map { rank(query, $0.key) }
        let limit = ranks.contains { ($0 ?? 9) <= 3 } ? 3 : 4
        for step in 1...rows.count {
            let index = ((cursor + (forward ? step : -step)) % rows.count + rows.count) % rows.count
            if let rank = ranks[index], rank <= limit { return index }
        }
        return nil
    }
}
