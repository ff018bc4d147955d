import CKernels
import SteamLensData
import SteamLensEngine

/// The questions answered from the catalogue alone (no scores needed).
extension StreamingEngine {
    /// `word_count(platform, word)`: titles of a platform whose title holds a word.
    public func wordCount(platform text: String, word: String, definitions: StreamingDefinitions) throws -> StreamingResult {
        let platform = try platform(text)
        let trimmed = try QueryArguments.nonEmpty(word, argument: "word", expected: "a word such as love")
        let key = NameKey.normalize(trimmed)
        let keyWords = Self.words(key)
        guard !keyWords.isEmpty || definitions.wordMatch == .substring else {
            throw QueryError.badArgument("<word> \"\(trimmed)\" has no letters or digits to match as a whole word; try --word-match substring.")
        }
        let matches = definitions.wordMatch == .substring ? catalogue.indices(on: platform).filter { normalizedNames[$0].contains(key) }
            : titles(holding: keyWords.map { Array($0.utf8) }, on: platform)
        let table = ResultTable(
            title: "Titles of \(platform.displayName) with \"\(trimmed)\" in the title",
            columns: [.init("platform"), .init("word"), .init("titles", .right)],
            rows: [[.text(platform.rawValue), .text(trimmed), .integer(matches.count)]],
            notes: [definitions.wordMatch == .word ? "whole words only: \"love\" does not count \"Lovely\" (--word-match substring)"
                                                   : "anywhere in the title: \"love\" counts \"Lovely\" and \"Glove\" too"])
        return StreamingResult(table: table, json: .object([("platform", .string(platform.rawValue)), ("word", .string(trimmed)),
                                                            ("count", .integer(matches.count)), ("match", .string(definitions.wordMatch.rawValue))]),
                               definitions: definitions)
    }

    /// The titles of `platform` whose name holds `phrase` as whole words, in
    /// catalogue order. The names' bytes are searched for the phrase's first
    /// word (`sl_find`: memmem) and only the names it occurs in are read word
    /// by word; most hold it nowhere. Any whole-word match holds those bytes,
    /// so nothing is missed.
    func titles(holding phrase: [[UInt8]], on platform: Platform) -> [Int] {
        let facts = catalogue.facts
        return catalogue.names.keys.withUTF8Buffers { bytes, offsets in
            var found: [Int] = []
            guard let base = bytes.baseAddress, let first = phrase.first, offsets.count > 1 else { return found }
            var from = 0
            while from < bytes.count {
                let hit = first.withUnsafeBufferPointer { sl_find(base + from, bytes.count - from, $0.baseAddress, $0.count) }
                guard hit >= 0 else { break }
                let at = from + hit
                // The name holding byte `at`: the last whose offset is at or before it (offsets ascend: checked at open).
                let low = offsets.partitioningIndex { Int($0) > at } - 1
                let start = Int(offsets[low]), end = Int(offsets[low + 1])
                if facts.platform[low] == platform && Self.holds(UnsafeBufferPointer(rebasing: bytes[start..<end]), phrase: phrase) { found.append(low) }
                from = max(end, at + 1)
            }
            return found
        }
    }

    /// Whether `words` holds `phrase` as consecutive words.
    static func contains(_ words: [Substring], _ phrase: [Substring]) -> Bool {
        guard !phrase.isEmpty, words.count >= phrase.count else { return false }
        for start in 0...(words.count - phrase.count) where words[start] == phrase[0] {
            if (1..<phrase.count).allSatisfy({ words[start + $0] == phrase[$0] }) { return true }
        }
        return false
    }

    /// Whether `name` (`NameKey` form) holds `phrase` as consecutive words.
    static func holds(_ name: String, phrase: [[UInt8]]) -> Bool {
        var name = name
        return name.withUTF8 { holds($0, phrase: phrase) }
    }

    /// `holds` on a name's UTF-8 bytes. An ASCII name (most) is read
    /// straight from them, so a question over 23 k titles splits none and a
    /// start keeps no word lists; any other is split into `words`.
    static func holds(_ name: UnsafeBufferPointer<UInt8>, phrase: [[UInt8]]) -> Bool {
        guard !phrase.isEmpty else { return false }
        guard name.allSatisfy({ $0 < 0x80 }) else {
            return contains(words(String(decoding: name, as: UTF8.self)), phrase.map { Substring(decoding: $0, as: UTF8.self) })
        }
        func isWordByte(_ byte: UInt8) -> Bool { 0x30...0x39 ~= byte || 0x41...0x5A ~= byte || 0x61...0x7A ~= byte }
        let n = name.count
        // Words are runs of ASCII letters and digits, as `words` splits them.
        func matches(at start: Int) -> Bool {
            var j = start
            for (w, word) in phrase.enumerated() {
                if w > 0 {
                    guard j < n, !isWordByte(name[j]) else { return false }
                    while j < n && !isWordByte(name[j]) { j += 1 }
                }
                guard j + word.count <= n, word.indices.allSatisfy({ name[j + $0] == word[$0] }) else { return false }
                j += word.count
                if j < n && isWordByte(name[j]) { return false }
            }
            return true
        }
        var i = 0
        while i < n {
            while i < n && !isWordByte(name[i]) { i += 1 }
            if i < n && matches(at: i) { return true }
            while i < n && isWordByte(name[i]) { i += 1 }
        }
        return false
    }

    /// `longest(platform, unit, year)`: the longest movie (min) or show (season) of a platform and year.
    public func longest(platform text: String, unit unitText: String, year yearText: String, definitions: StreamingDefinitions) throws -> StreamingResult {
        let platform = try platform(text)
        let unit = try Self.unit(unitText)
        let year = try QueryArguments.year(yearText)
        let type: TitleType = unit == .minutes ? .movie : .show
        let facts = catalogue.facts
        let candidates = catalogue.indices(on: platform).filter { i in
            facts.type[i] == type && facts.durationUnit[i] == unit && facts.year(i, definitions) == year
        }
        guard let longest = candidates.map({ Int(facts.duration[$0]) }).max() else {
            throw QueryError.noResult("\(platform.displayName) has no \(type == .movie ? "movie" : "show") with a duration in \(unit == .minutes ? "minutes" : "seasons") from \(yearText) (\(definitions.titleYear.rawValue) year).")
        }
        let tied = candidates.filter { Int(facts.duration[$0]) == longest }.sorted(by: nameOrder)
        let table = ResultTable(
            title: "Longest \(type == .movie ? "movie" : "show") of \(platform.displayName) from \(yearText)",
            columns: [.init("title"), .init("id"), .init("duration", .right), .init("unit")],
            rows: tied.map { [.text(titles[$0].name), .text(titles[$0].id), .integer(longest), .text(unit.rawValue)] },
            notes: ["\(candidates.count) \(type == .movie ? "movies" : "shows") of that year with a duration; ties listed by title"])
        let first = titles[tied[0]]
        return StreamingResult(table: table, json: .object([
            ("platform", .string(platform.rawValue)), ("year", .integer(year)), ("unit", .string(unit.rawValue)),
            ("title", .string(first.name)), ("id", .string(first.id)), ("duration", .integer(longest)),
            ("ties", .array(tied.dropFirst().map { .string(titles[$0].id) })),
        ]), definitions: definitions)
    }

    static func unit(_ text: String) throws -> DurationUnit {
        let trimmed = try QueryArguments.nonEmpty(text, argument: "unit", expected: "min or season")
        guard let unit = DurationUnit(forgiving: trimmed) else {
            throw QueryError.badArgument("<unit> \"\(trimmed)\" is not a duration unit: give min (movies) or season (shows).")
        }
        return unit
    }

    /// Ascending by title (forgiving key), then id: the tie order of every question.
    func nameOrder(_ a: Int, _ b: Int) -> Bool {
        normalizedNames[a] != normalizedNames[b] ? normalizedNames[a] < normalizedNames[b] : a < b
    }

    /// `rating_count(rating)`: titles with an audience rating, per platform and in total.
    public func ratingCount(_ text: String, definitions: StreamingDefinitions) throws -> StreamingResult {
        let known = ratingNames(definitions)
        let rating = try resolve(text, among: known, kind: "audience rating", argument: "rating")
        let facts = catalogue.facts
        var counts = [Int](repeating: 0, count: Platform.allCases.count)
        for i in titles(rated: rating, definitions: definitions) { counts[facts.platform[i].ordinal] += 1 }
        let total = counts.reduce(0, +)
        let rows: [[ResultTable.Cell]] = Platform.allCases.map { [.text($0.rawValue), .integer(counts[$0.ordinal])] } + [[.text("total"), .integer(total)]]
        let table = ResultTable(title: "Titles rated \(rating)", columns: [.init("platform"), .init("titles", .right)], rows: rows,
                                notes: ["a missing rating counts as \"\(definitions.missingRating == .g ? "G" : "unknown")\" (--missing-rating)"])
        return StreamingResult(table: table, json: .object([("rating", .string(rating)), ("total", .integer(total)),
                                                            ("platforms", .object(Platform.allCases.map { ($0.rawValue, .integer(counts[$0.ordinal])) }))]),
                               definitions: definitions)
    }

    /// The titles that count under `rating` (a name `ratingNames` gave):
    /// ratings that differ from it only in case or spacing count with it.
    func titles(rated rating: String, definitions: StreamingDefinitions) -> [Int] {
        let key = NameKey.normalize(rating), facts = catalogue.facts
        let matching = facts.ratingNames.map { NameKey.normalize($0) == key }
        let missingMatches = NameKey.normalize(definitions.rating(of: nil)) == key
        return facts.rating.indices.filter { facts.rating[$0] < 0 ? missingMatches : matching[Int(facts.rating[$0])] }
    }

    /// Every audience rating in the catalogue under `definitions`, most common first.
    func ratingNames(_ definitions: StreamingDefinitions) -> [String] {
        ratingCounts(definitions).sorted { $0.value.titles != $1.value.titles ? $0.value.titles > $1.value.titles : $0.key < $1.key }.map(\.key)
    }

    /// Titles and movies per audience rating under `definitions` (a missing
    /// rating under "unknown" or "G"): counted by rating number, then named.
    func ratingCounts(_ definitions: StreamingDefinitions) -> [String: (titles: Int, movies: Int)] {
        let facts = catalogue.facts
        var titles = [Int](repeating: 0, count: facts.ratingNames.count + 1), movies = titles
        for i in facts.rating.indices {
            let slot = facts.rating[i] < 0 ? facts.ratingNames.count : Int(facts.rating[i])
            titles[slot] += 1
            if facts.type[i] == .movie { movies[slot] += 1 }
        }
        var counts: [String: (titles: Int, movies: Int)] = [:]
        for (slot, name) in (facts.ratingNames + [definitions.rating(of: nil)]).enumerated() where titles[slot] > 0 {
            let old = counts[name] ?? (0, 0)
            counts[name] = (old.titles + titles[slot], old.movies + movies[slot])
        }
        return counts
    }

    /// `count_platform(platform)`: movies and shows of a platform.
    public func countPlatform(_ text: String, definitions: StreamingDefinitions) throws -> StreamingResult {
        let platform = try platform(text)
        let indices = catalogue.indices(on: platform), facts = catalogue.facts
        let movies = indices.filter { facts.type[$0] == .movie }.count
        let shows = indices.count - movies
        let table = ResultTable(title: "Titles of \(platform.displayName)", columns: [.init("type"), .init("titles", .right)],
                                rows: [[.text("movies"), .integer(movies)], [.text("shows"), .integer(shows)], [.text("total"), .integer(indices.count)]])
        return StreamingResult(table: table, json: .object([("platform", .string(platform.rawValue)), ("movies", .integer(movies)),
                                                            ("shows", .integer(shows)), ("total", .integer(indices.count))]),
                               definitions: definitions)
    }

    /// `actor(platform, year)`: the most frequent cast member of a platform's titles of a year, with ties.
    /// Names that differ only in case, accents or spacing are one person, shown as first written in the catalogue.
    public func actor(platform text: String, year yearText: String, definitions: StreamingDefinitions) throws -> StreamingResult {
        let platform = try platform(text)
        let year = try QueryArguments.year(yearText)
        let indices = catalogue.indices(on: platform), facts = catalogue.facts, cast = facts.cast
        guard indices.contains(where: { !cast.ids(of: $0).isEmpty }) else {
            throw QueryError.noResult("\(platform.displayName)'s catalogue lists no cast for any title, so it has no most frequent actor.")
        }
        let ofYear = indices.filter { facts.year($0, definitions) == year }
        var counts = [Int32](repeating: 0, count: cast.names.count)
        var listed: [Int32] = [], top: Int32 = 0
        for i in ofYear {
            for id in cast.ids(of: i) {
                if counts[Int(id)] == 0 { listed.append(id) }
                counts[Int(id)] += 1
                top = max(top, counts[Int(id)])
            }
        }
        guard top > 0 else {
            throw QueryError.noResult("No title of \(platform.displayName) from \(yearText) (\(definitions.titleYear.rawValue) year) lists its cast (\(ofYear.count) titles that year).")
        }
        let tied = listed.filter { counts[Int($0)] == top }.map { cast.names[Int($0)] }
            .map { (key: NameKey.normalize($0), name: $0) }.sorted { $0.key < $1.key }.map(\.name)
        let table = ResultTable(
            title: "Most frequent cast member of \(platform.displayName) titles from \(yearText)",
            columns: [.init("actor"), .init("titles", .right)],
            rows: tied.map { [.text($0), .integer(Int(top))] },
            notes: ["\(ofYear.count) titles that year, \(ofYear.filter { !cast.ids(of: $0).isEmpty }.count) with a cast; ties listed by name"])
        return StreamingResult(table: table, json: .object([
            ("platform", .string(platform.rawValue)), ("year", .integer(year)), ("actor", .string(tied[0])),
            ("count", .integer(Int(top))), ("ties", .array(tied.dropFirst().map { .string($0) })),
        ]), definitions: definitions)
    }

    /// `prod_per_country(type, country, year)`: titles of a type produced in a country in a year.
    public func productionsPerCountry(type typeText: String, country text: String, year yearText: String,
                                      definitions: StreamingDefinitions) throws -> StreamingResult {
        let type = try Self.type(typeText)
        let year = try QueryArguments.year(yearText)
        let country = try resolve(text, among: countryNames(), kind: "country", argument: "country")
        let facts = catalogue.facts, countries = facts.countries
        let target = countries.id(of: country)
        var counts = [Int](repeating: 0, count: Platform.allCases.count)
        for i in facts.type.indices where facts.type[i] == type && facts.year(i, definitions) == year && countries.ids(of: i).contains(where: { $0 == target }) {
            counts[facts.platform[i].ordinal] += 1
        }
        let total = counts.reduce(0, +)
        let table = ResultTable(
            title: "\(type == .movie ? "Movies" : "Shows") produced in \(country) from \(yearText)",
            columns: [.init("platform"), .init("titles", .right)],
            rows: Platform.allCases.map { [.text($0.rawValue), .integer(counts[$0.ordinal])] } + [[.text("total"), .integer(total)]],
            notes: ["a title with several countries counts in each; copies on several platforms count once per platform"])
        return StreamingResult(table: table, json: .object([
            ("type", .string(type.rawValue)), ("country", .string(country)), ("year", .integer(year)), ("total", .integer(total)),
            ("platforms", .object(Platform.allCases.map { ($0.rawValue, .integer(counts[$0.ordinal])) })),
        ]), definitions: definitions)
    }

    static func type(_ text: String) throws -> TitleType {
        let trimmed = try QueryArguments.nonEmpty(text, argument: "type", expected: "movie or show")
        guard let type = TitleType(forgiving: trimmed) else {
            throw QueryError.badArgument("<type> \"\(trimmed)\" is not a title type: give movie or show (\"TV Show\" works too).")
        }
        return type
    }

    /// Every production country (spellings `NameKey` forgives as one), most titles first.
    func countryNames() -> [String] {
        catalogue.facts.countries.byEntries()
    }
}
