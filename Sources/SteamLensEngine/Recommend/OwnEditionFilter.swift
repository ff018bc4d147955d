import SteamLensData

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
    /// Per game: its title tokens (lower-cased alphanumeric runs, as token ids).
    let words: Adjacency<Int32>
    /// Characters in each game's tokens, to ignore "The"-only prefixes.
    let titleLength: Column<Int32>
    /// Title marker or store add-on flag, per game.
    let marked: Column<Bool>
    /// Each game's developer, -1 for none.
    let developer: Column<Int32>
    /// Token id → the games whose title starts with it; developer → its games.
    let gamesByFirstWord: Adjacency<Int32>
    let gamesByDeveloper: Adjacency<Int32>
    /// By token id: whether it is an edition word.
    let editionWord: Column<Bool>

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
        var wordPairs: [(Int32, Int32)] = []
        var titleLength: [Int32] = []
        var marked: [Bool] = []
        var firstWordPairs: [(Int32, Int32)] = []
        for item in 0..<f.itemCount {
            let tokens = Self.tokenize(f.titles[item])
            for t in tokens {
                let id: Int32
                if let known = vocabulary[t] {
                    id = known
                } else {
                    id = Int32(vocabulary.count)
                    vocabulary[t] = id
                    editionWord.append(Self.editionWords.contains(t))
                }
                if wordPairs.last?.0 != Int32(item) { firstWordPairs.append((id, Int32(item))) }
                wordPairs.append((Int32(item), id))
            }
            titleLength.append(Int32(clamping: tokens.reduce(0) { $0 + $1.count }))
            var m = f.addOn(item) || tokens.contains { Self.markerWords.contains($0) }
            if !m && tokens.count >= 2 {
                for k in 0..<(tokens.count - 1) where Self.markerPairs.contains([tokens[k], tokens[k + 1]]) {
                    m = true
                }
            }
            marked.append(m)
        }
        let developers = f.developer.map { $0 ?? -1 }
        words = Adjacency(count: f.itemCount, pairs: wordPairs, placeholder: 0)
        self.titleLength = Column(titleLength)
        self.marked = Column(marked)
        developer = Column(developers)
        gamesByFirstWord = Adjacency(count: editionWord.count, pairs: firstWordPairs, placeholder: 0)
        gamesByDeveloper = Adjacency(count: Int((developers.max() ?? -1) + 1),
                                     pairs: developers.enumerated().filter { $0.element >= 0 }.map { ($0.element, Int32($0.offset)) },
                                     placeholder: 0)
        self.editionWord = Column(editionWord)
    }

    private func firstWord(_ item: Int) -> Int32 {
        words.rowCount(item) > 0 ? words.values[Int(words.offsets[item])] : -1
    }

    /// Items that could be related to `item` at all (same developer or same
    /// first title word), ascending within each; a superset of its own editions.
    func candidates(of item: Int32) -> [Int32] {
        let word = firstWord(Int(item)), d = developer[Int(item)]
        var out = word >= 0 ? Array(gamesByFirstWord[Int(word)]) : []
        if d >= 0 && Int(d) < gamesByDeveloper.count { out += gamesByDeveloper[Int(d)] }
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
        let sameDeveloper = developer[a] >= 0 && developer[a] == developer[b]
        // Fast path for the common case: different developer, different first word.
        if firstWord(a) != firstWord(b) && !sameDeveloper { return false }
        let wordsA = words[a], wordsB = words[b]
        let (short, long) = wordsA.count <= wordsB.count ? (a, b) : (b, a)
        // A prefix needs some substance: "The …" alone does not relate two games.
        let prefix = titleLength[short] >= 4 && words[long].starts(with: words[short])
        if marked[b] {
            // Add-ons of a sibling also count: "DARK SOULS II - Season Pass"
            // next to "DARK SOULS III" shares two title words.
            let shared = zip(wordsA, wordsB).prefix { $0 == $1 }.count
            if sameDeveloper || prefix || shared >= 2 { return true }
        }
        guard sameDeveloper || prefix else { return false }
        return prefix && words[long].dropFirst(words[short].count).allSatisfy { editionWord[Int($0)] }
    }
}

extension OwnEditionFilter {
    func write(into out: inout ColumnFileWriter) {
        CatalogColumns.add("rec.content.words", words, &out)
        out.add("rec.content.titleLength", titleLength)
        out.add("rec.content.marked", marked)
        out.add("rec.content.developer", developer)
        CatalogColumns.add("rec.content.gamesByFirstWord", gamesByFirstWord, &out)
        CatalogColumns.add("rec.content.gamesByDeveloper", gamesByDeveloper, &out)
        out.add("rec.content.editionWord", editionWord)
    }

    /// Maps a stored filter; throws `ColumnFile.OpenError` when it does not fit the games.
    init(file: ColumnFile, gameCount: Int, developerCount: Int) throws {
        editionWord = try file.column("rec.content.editionWord")
        words = try CatalogColumns.adjacency("rec.content.words", file, below: editionWord.count)
        titleLength = try file.column("rec.content.titleLength")
        marked = try file.column("rec.content.marked")
        developer = try file.index("rec.content.developer", below: developerCount, orNone: true)
        gamesByFirstWord = try CatalogColumns.adjacency("rec.content.gamesByFirstWord", file, below: gameCount)
        gamesByDeveloper = try CatalogColumns.adjacency("rec.content.gamesByDeveloper", file, below: gameCount)
        guard words.count == gameCount, titleLength.count == gameCount, marked.count == gameCount, developer.count == gameCount,
              gamesByFirstWord.count == editionWord.count, gamesByDeveloper.count <= developerCount else {
            throw ColumnFile.OpenError.damaged(file.path, reason: "the own-edition filter does not match the games")
        }
    }
}
