/// Playtime of one year, in the unit of the definitions.
public struct YearAmount: Encodable, Equatable, Sendable {
    public var year: Int?
    public var hours: Double

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(year, forKey: .year)
        try container.encode(hours, forKey: .hours)
    }

    enum CodingKeys: String, CodingKey { case year, hours }
}

/// `user_for_genre(genre)`: the user with the most playtime in a genre, and their playtime per release year.
public struct UserForGenre: QueryResult {
    public var genre: String
    public var userId: String
    public var total: Double
    public var hoursByYear: [YearAmount]
    public var definitions: Definitions

    enum CodingKeys: String, CodingKey { case userId = "user_id", hoursByYear = "hours_by_year" }

    public var jsonValue: any Encodable { self }

    public var table: ResultTable {
        let unit = definitions.timeUnit.rawValue
        return ResultTable(
            title: "\(genre) · top player \(userId) (\(ResultTable.Cell.format(total, digits: 1)) \(unit))",
            columns: [.init("year"), .init(unit, .right)],
            rows: hoursByYear.map { [$0.year.map(ResultTable.Cell.integer) ?? .missing, .number($0.hours, digits: 1)] },
            notes: ["playtime_forever summed over the user's games of the genre, by the games' release year"]
        )
    }
}

/// `play_time_genre(genre)`: the release year whose games of the genre were played most.
public struct PlayTimeGenre: QueryResult {
    public var genre: String
    public var year: Int
    public var hours: Double
    public var definitions: Definitions

    public var jsonValue: any Encodable { self }
    enum CodingKeys: String, CodingKey { case genre, year, hours }

    public var table: ResultTable {
        ResultTable(
            title: "\(genre) · release year with most playtime",
            columns: [.init("genre"), .init("year", .right), .init(definitions.timeUnit.rawValue, .right)],
            rows: [[.text(genre), .integer(year), .number(hours, digits: 1)]],
            notes: ["games without a release year are left out of the comparison"]
        )
    }
}

/// `genre_rank(genre)`: the genre's place when all genres are ranked by total playtime.
public struct GenreRank: QueryResult {
    public var genre: String
    public var rank: Int
    public var of: Int
    public var hours: Double
    public var definitions: Definitions

    public var jsonValue: any Encodable { self }
    enum CodingKeys: String, CodingKey { case genre, rank, of, hours }

    public var table: ResultTable {
        ResultTable(
            title: "\(genre) · rank by total playtime",
            columns: [.init("genre"), .init("rank", .right), .init("of", .right), .init(definitions.timeUnit.rawValue, .right)],
            rows: [[.text(genre), .integer(rank), .integer(of), .number(hours, digits: 1)]]
        )
    }
}

extension Engine {
    public func userForGenre(_ name: String, definitions: Definitions = .standard) throws -> UserForGenre {
        let genre = try genreArgument(name)
        let stats = genreStatistics[definitions.joinKey]!.genres[Int(genre)]
        let genreName = catalog.genreNames[Int(genre)]
        guard stats.topUser >= 0 else { throw QueryError.noResult("Nobody has played a \(genreName) game.") }

        let inGenre = Set(GenreStatistics.items(of: genre, catalog: catalog, joinKey: definitions.joinKey))
        var byYear: [Int: Int] = [:]
        for owned in catalog.libraryOfUser[Int(stats.topUser)] where inGenre.contains(owned.item) {
            byYear[Int(catalog.releaseYears[Int(catalog.joined(owned.item, definitions.joinKey))]), default: 0] += Int(owned.minutes)
        }
        let unit = definitions.timeUnit
        let rows = byYear.keys.sorted { ($0 == 0 ? Int.max : $0) < ($1 == 0 ? Int.max : $1) }
            .filter { byYear[$0]! > 0 }
            .map { YearAmount(year: $0 == 0 ? nil : $0, hours: rounded(unit.value(minutes: byYear[$0]!))) }
        return UserForGenre(genre: genreName, userId: catalog.userIds[Int(stats.topUser)],
                            total: rounded(unit.value(minutes: stats.topUserMinutes)), hoursByYear: rows, definitions: definitions)
    }

    public func playTimeGenre(_ name: String, definitions: Definitions = .standard) throws -> PlayTimeGenre {
        let genre = try genreArgument(name)
        let byYear = genreStatistics[definitions.joinKey]!.genres[Int(genre)].minutesByYear
        let genreName = catalog.genreNames[Int(genre)]
        guard let best = byYear.filter({ $0.key != 0 && $0.value > 0 })
            .max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }) else {
            throw QueryError.noResult("No playtime is recorded for \(genreName) games with a release year.")
        }
        return PlayTimeGenre(genre: genreName, year: best.key, hours: rounded(definitions.timeUnit.value(minutes: best.value)), definitions: definitions)
    }

    public func genreRank(_ name: String, definitions: Definitions = .standard) throws -> GenreRank {
        let genre = try genreArgument(name)
        let ranking = genreRanking(definitions)
        let position = ranking.firstIndex { $0.genre == genre }!
        return GenreRank(genre: catalog.genreNames[Int(genre)], rank: position + 1, of: ranking.count,
                         hours: rounded(definitions.timeUnit.value(minutes: ranking[position].minutes)), definitions: definitions)
    }

    /// All genres by total playtime, most played first (ties by name).
    public func genreRanking(_ definitions: Definitions = .standard) -> [(genre: Int32, minutes: Int)] {
        let genres = genreStatistics[definitions.joinKey]!.genres
        return (0..<Int32(genres.count)).map { ($0, genres[Int($0)].totalMinutes) }.sorted {
            $0.minutes != $1.minutes ? $0.minutes > $1.minutes : catalog.genreNames[Int($0.genre)] < catalog.genreNames[Int($1.genre)]
        }
    }

}

/// Rounds to 2 decimals, so JSON shows 12.35 rather than 12.349999999.
func rounded(_ value: Double) -> Double {
    (value * 100).rounded() / 100
}
