/// Decides whether a neighbour is "the same game again": its DLC, its
/// soundtrack, another edition of it, or a duplicate catalogue entry.
///
/// Two games are *related* when they share a developer, or when one
/// title's words are a prefix of the other's ("Portal 2" is a prefix of
/// "Portal 2 - Soundtrack"). A neighbour is hidden when
///  1. its title carries an add-on marker — soundtrack, OST, DLC, season
///     pass, pack, expansion, upgrade, bundle, add-on, art book, costume(s),
///     skin(s) — or the store marks it as downloadable content, and it is
///     related or its title starts with the same two words (a sibling's
///     DLC: "DARK SOULS II - Season Pass" next to "DARK SOULS III"); or
///  2. the titles are prefix-related and the longer one only adds edition
///     words ("Game of the Year Edition", "Deluxe", "Remastered", "Collector's").
/// A sequel ("Borderlands 2" after "Borderlands") adds "2", which is not an
/// edition word, so it stays.
///
/// ```swift
/// let filter = OwnEditionFilter(features)
/// filter.isOwnEdition(candidate: 1, of: 0)   // "Portal - Soundtrack" of "Portal" → true
/// ```
public struct OwnEditionFilter: Sendable {
    private let words: [[Int32]]          // title tokens, lower-cased, alphanumeric runs
    private let titleLength: [Int]        // characters in the tokens, to ignore "The"-only prefixes
    private let marked: [Bool]            // title marker or store add-on flag
    private let developer: [Int32?]
    private let firstWord: [Int32]        // −1 for an empty title; a cheap "cannot be related" test
    private let firstWordIndex: [Int32: [Int32]]
    private let developerIndex: [Int32: [Int32]]
    private let editionWord: [Bool]       // by token id

    /// Add-on markers. "Edition" is deliberately not one: "The Witcher:
    /// Enhanced Edition" is a game of its own next to "The Witcher 2", so
    /// editions are only caught by the title-prefix rule.
    static let markerWords: Set<String> = [
        "soundtrack", "soundtracks", "ost", "dlc", "pack", "expansion", "upgrade",
        "bundle", "addon", "artbook", "costume", "costumes", "skin", "skins",
    ]
    static let markerPairs: Set<[String]> = [["season", "pass"], ["add", "on"], ["art", "book"]]
    static let editionWords: Set<String> = markerWords.union([
        "season", "pass", "add", "on", "art", "book", "game", "of", "the", "year", "goty",
        "deluxe", "digital", "complete", "definitive", "enhanced", "remastered", "gold",
        "premium", "ultimate", "special", "anniversary", "collector", "collectors", "s",
        "limited", "standard", "extended", "director", "directors", "cut", "hd", "edition",
        "content", "bonus", "extras", "wallpaper", "wallpapers", "music", "demo", "beta",
        "and", "with", "plus", "full", "version",
    ])

    public init(_ f: GameFeatures) {
        var vocabulary: [String: Int32] = [:]
        var editionWord: [Bool] = []
        var words: [[Int32]] = []
        var titleLength: [Int] = []
        var marked: [Bool] = []
        words.reserveCapacity(f.itemCount)
        for item in 0..<f.itemCount {
            let tokens = Self.tokenize(f.titles[item])
            var ids: [Int32] = []
            for t in tokens {
                if let id = vocabulary[t] { ids.append(id); continue }
                let id = Int32(vocabulary.count)
                vocabulary[t] = id
                editionWord.append(Self.editionWords.contains(t))
                ids.append(id)
            }
            words.append(ids)
            titleLength.append(tokens.reduce(0) { $0 + $1.count })
            var m = f.addOn(item) || tokens.contains { Self.markerWords.contains($0) }
            if !m && tokens.count >= 2 {
                for k in 0..<(tokens.count - 1) where Self.markerPairs.contains([tokens[k], tokens[k + 1]]) {
                    m = true
                }
            }
            marked.append(m)
        }
        self.words = words
        self.titleLength = titleLength
        self.marked = marked
        self.developer = f.developer
        firstWord = words.map { $0.first ?? -1 }
        var byWord: [Int32: [Int32]] = [:], byDeveloper: [Int32: [Int32]] = [:]
        for i in 0..<f.itemCount {
            if let w = words[i].first { byWord[w, default: []].append(Int32(i)) }
            if let d = f.developer[i] { byDeveloper[d, default: []].append(Int32(i)) }
        }
        firstWordIndex = byWord
        developerIndex = byDeveloper
        self.editionWord = editionWord
    }

    /// Items that could be related to `item` at all (same developer or same
    /// first title word), ascending; a superset of its own editions.
    func candidates(of item: Int32) -> [Int32] {
        var out = firstWordIndex[firstWord[Int(item)]] ?? []
        if let d = developer[Int(item)], let same = developerIndex[d] { out += same }
        return out
    }

    /// Lower-cased runs of letters and digits: "DARK SOULS™ III – OST" → dark, souls, iii, ost.
    static func tokenize(_ title: String) -> [String] {
        var out: [String] = []
        var current = ""
        for ch in title.lowercased() {
            if ch.isLetter || ch.isNumber { current.append(ch) } else if !current.isEmpty { out.append(current); current = "" }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// Whether `candidate` should be hidden from the neighbours of `item`.
    public func isOwnEdition(candidate: Int32, of item: Int32) -> Bool {
        let a = Int(item), b = Int(candidate)
        guard a != b else { return true }
        // Fast path for the common case: different developer, different first word.
        if firstWord[a] != firstWord[b] && (developer[a] == nil || developer[a] != developer[b]) { return false }
        let sameDeveloper = developer[a] != nil && developer[a] == developer[b]
        let (short, long) = words[a].count <= words[b].count ? (a, b) : (b, a)
        // A prefix needs some substance: "The …" alone does not relate two games.
        let prefix = titleLength[short] >= 4 && words[long].starts(with: words[short])
        if marked[b] {
            // Add-ons of a sibling also count: "DARK SOULS II - Season Pass"
            // next to "DARK SOULS III" shares two title words.
            let shared = zip(words[a], words[b]).prefix { $0 == $1 }.count
            if sameDeveloper || prefix || shared >= 2 { return true }
        }
        guard sameDeveloper || prefix else { return false }
        return prefix && words[long].dropFirst(words[short].count).allSatisfy { editionWord[Int($0)] }
    }
}
