import SteamLensEngine

/// Finds rows of a pane by a typed query, forgiving case, accents and
/// missing letters: "valve" finds "Valve", "pokemon" finds "Pokémon",
/// "cstrk" finds "Counter-Strike".
enum FuzzySearch {
    /// How well `key` matches `query` (both normalized): lower is better,
    /// nil is no match. 0 exact, 1 prefix, 2 substring, 3 letters in order.
    static func rank(_ query: String, _ key: String) -> Int? {
        if query.isEmpty { return nil }
        if key == query { return 0 }
        if key.hasPrefix(query) { return 1 }
        if key.contains(query) { return 2 }
        return isSubsequence(query.utf8, of: key.utf8) ? 3 : nil
    }

    private static func isSubsequence(_ needle: String.UTF8View, of haystack: String.UTF8View) -> Bool {
        var rest = needle.makeIterator()
        guard var wanted = rest.next() else { return true }
        for byte in haystack where byte == wanted {
            guard let next = rest.next() else { return true }
            wanted = next
        }
        return false
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
        let limit = ranks.contains { ($0 ?? 9) <= 2 } ? 2 : 3
        for step in 1...rows.count {
            let index = ((cursor + (forward ? step : -step)) % rows.count + rows.count) % rows.count
            if let rank = ranks[index], rank <= limit { return index }
        }
        return nil
    }
}
