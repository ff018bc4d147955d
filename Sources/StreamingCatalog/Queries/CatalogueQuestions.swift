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
        let matches = catalogue.indices(on: platform).filter { i in
            definitions.wordMatch == .substring ? normalizedNames[i].contains(key) : Self.contains(titleWords[i], keyWords)
        }
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

    /// Whether `words` holds `phrase` as consecutive words.
    static func contains(_ words: [Substring], _ phrase: [Substring]) -> Bool {
        guard !phrase.isEmpty, words.count >= phrase.count else { return false }
        for start in 0...(words.count - phrase.count) where words[start] == phrase[0] {
            if (1..<phrase.count).allSatisfy({ words[start + $0] == phrase[$0] }) { return true }
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
        var counts: [Platform: Int] = [:]
        for i in titles(rated: rating, definitions: definitions) { counts[facts.platform[i], default: 0] += 1 }
        let total = counts.values.reduce(0, +)
        let rows: [[ResultTable.Cell]] = Platform.allCases.map { [.text($0.rawValue), .integer(counts[$0] ?? 0)] } + [[.text("total"), .integer(total)]]
        let table = ResultTable(title: "Titles rated \(rating)", columns: [.init("platform"), .init("titles", .right)], rows: rows,
                                notes: ["a missing rating counts as \"\(definitions.missingRating == .g ? "G" : "unknown")\" (--missing-rating)"])
        return StreamingResult(table: table, json: .object([("rating", .string(rating)), ("total", .integer(total)),
                                                            ("platforms", .object(Platform.allCases.map { ($0.rawValue, .integer(counts[$0] ?? 0)) }))]),
                               definitions: definitions)
    }

    /// The titles that count under `rating` (a name `ratingNames` gave):
    /// ratings that differ from it only in case or spacing count with it.
    func titles(rated rating: String, definitions: StreamingDefinitions) -> [Int] {
        let key = NameKey.normalize(rating), facts = catalogue.facts
        let matching = Set(facts.ratingNames.indices.filter { NameKey.normalize(facts.ratingNames[$0]) == key }.map(Int32.init))
        let missingMatches = NameKey.normalize(definitions.rating(of: nil)) == key
        return facts.rating.indices.filter { facts.rating[$0] < 0 ? missingMatches : matching.contains(facts.rating[$0]) }
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
    public func actor(platform text: String, year yearText: String, definitions: StreamingDefinitions) throws -> StreamingResult {
        let platform = try platform(text)
        let year = try QueryArguments.year(yearText)
        let indices = catalogue.indices(on: platform), facts = catalogue.facts, titles = titles
        guard indices.contains(where: { !titles[$0].cast.isEmpty }) else {
            throw QueryError.noResult("\(platform.displayName)'s catalogue lists no cast for any title, so it has no most frequent actor.")
        }
        let ofYear = indices.filter { facts.year($0, definitions) == year }
        var counts: [String: Int] = [:]
        var display: [String: String] = [:]
        for i in ofYear {
            for name in titles[i].cast {
                let key = NameKey.normalize(name)
                counts[key, default: 0] += 1
                if display[key] == nil { display[key] = name }
            }
        }
        guard let top = counts.values.max() else {
            throw QueryError.noResult("No title of \(platform.displayName) from \(yearText) (\(definitions.titleYear.rawValue) year) lists its cast (\(ofYear.count) titles that year).")
        }
        let tied = counts.filter { $0.value == top }.keys.sorted()
        let table = ResultTable(
            title: "Most frequent cast member of \(platform.displayName) titles from \(yearText)",
            columns: [.init("actor"), .init("titles", .right)],
            rows: tied.map { [.text(display[$0]!), .integer(top)] },
            notes: ["\(ofYear.count) titles that year, \(ofYear.filter { !titles[$0].cast.isEmpty }.count) with a cast; ties listed by name"])
        return StreamingResult(table: table, json: .object([
            ("platform", .string(platform.rawValue)), ("year", .integer(year)), ("actor", .string(display[tied[0]]!)),
            ("count", .integer(top)), ("ties", .array(tied.dropFirst().map { .string(display[$0]!) })),
        ]), definitions: definitions)
    }

    /// `prod_per_country(type, country, year)`: titles of a type produced in a country in a year.
    public func productionsPerCountry(type typeText: String, country text: String, year yearText: String,
                                      definitions: StreamingDefinitions) throws -> StreamingResult {
        let type = try Self.type(typeText)
        let year = try QueryArguments.year(yearText)
        let country = try resolve(text, among: countryNames(), kind: "country", argument: "country")
        let key = NameKey.normalize(country)
        let facts = catalogue.facts, titles = titles
        var counts: [Platform: Int] = [:]
        for i in titles.indices where facts.type[i] == type && facts.year(i, definitions) == year
            && titles[i].countries.contains(where: { NameKey.normalize($0) == key }) {
            counts[facts.platform[i], default: 0] += 1
        }
        let total = counts.values.reduce(0, +)
        let table = ResultTable(
            title: "\(type == .movie ? "Movies" : "Shows") produced in \(country) from \(yearText)",
            columns: [.init("platform"), .init("titles", .right)],
            rows: Platform.allCases.map { [.text($0.rawValue), .integer(counts[$0] ?? 0)] } + [[.text("total"), .integer(total)]],
            notes: ["a title with several countries counts in each; copies on several platforms count once per platform"])
        return StreamingResult(table: table, json: .object([
            ("type", .string(type.rawValue)), ("country", .string(country)), ("year", .integer(year)), ("total", .integer(total)),
            ("platforms", .object(Platform.allCases.map { ($0.rawValue, .integer(counts[$0] ?? 0)) })),
        ]), definitions: definitions)
    }

    static func type(_ text: String) throws -> TitleType {
        let trimmed = try QueryArguments.nonEmpty(text, argument: "type", expected: "movie or show")
        guard let type = TitleType(forgiving: trimmed) else {
            throw QueryError.badArgument("<type> \"\(trimmed)\" is not a title type: give movie or show (\"TV Show\" works too).")
        }
        return type
    }

    /// Every production country, most titles first.
    func countryNames() -> [String] {
        var counts: [String: Int] = [:]
        let titles = titles
        for i in titles.indices { for country in titles[i].countries { counts[country, default: 0] += 1 } }
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
    }
}
