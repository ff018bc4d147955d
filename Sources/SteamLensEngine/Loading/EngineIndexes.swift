import SteamLensData

/// What the engine derives from the catalog for its queries: name indexes,
/// genre statistics, per-user and per-item playtime, per-year and
/// day-ordered review lists. Built once with the store and kept in its
/// column file, so a start maps them instead of recomputing them from every row.
struct EngineIndexes: Sendable {
    /// Part of the store's fingerprint: a new index makes older stores stale.
    /// 2: each item's minutes.
    static let version = 2

    var developerIndex: NameIndex
    var genreIndex: NameIndex
    var userIndex: NameIndex
    var gameIndex: NameIndex
    var genreStatistics: [Definitions.JoinKey: GenreStatistics]
    var userMinutes: Column<Int>
    /// Minutes played of each item, over all its owners (the explorer's games and first frame).
    var itemMinutes: Column<Int>
    var datedReviews: Column<Int32>
    var datedReviewDays: Column<Int>
    var reviewsByYear: [Definitions.ReviewYear: [Int: [Int32]]]

    init(_ catalog: Catalog) {
        developerIndex = NameIndex(keys: catalog.developerKeys)
        genreIndex = NameIndex(keys: catalog.genreKeys)
        userIndex = NameIndex(keys: catalog.userKeys)
        gameIndex = NameIndex(keys: catalog.titleKeys)
        var statistics: [Definitions.JoinKey: GenreStatistics] = [:]
        for key in Definitions.JoinKey.allCases {
            statistics[key] = GenreStatistics(catalog: catalog, joinKey: key)
        }
        genreStatistics = statistics
        userMinutes = Column((0..<catalog.userCount).map { user in
            catalog.libraryOfUser[user].reduce(0) { $0 + Int($1.minutes) }
        })
        itemMinutes = Column((0..<catalog.itemCount).map { item in
            catalog.ownersOfItem[item].reduce(0) { $0 + Int($1.minutes) }
        })
        var byYear: [Definitions.ReviewYear: [Int: [Int32]]] = [:]
        for basis in Definitions.ReviewYear.allCases {
            var years: [Int: [Int32]] = [:]
            for review in 0..<catalog.reviewCount {
                years[catalog.reviewYear(review, basis: basis) ?? 0, default: []].append(Int32(review))
            }
            byYear[basis] = years
        }
        reviewsByYear = byYear
        var dated: [(review: Int32, day: Int)] = []
        for review in 0..<catalog.reviewCount where catalog.reviewPostedYear[review] != 0 {
            let day = Int(catalog.reviewPostedYear[review]) * 10_000 + Int(catalog.reviewPostedMonth[review]) * 100
                + Int(catalog.reviewPostedDay[review])
            dated.append((Int32(review), day))
        }
        dated.sort { $0.day != $1.day ? $0.day < $1.day : $0.review < $1.review }
        datedReviews = Column(dated.map { $0.review })
        datedReviewDays = Column(dated.map { $0.day })
    }

    private static let names: [(name: String, path: WritableKeyPath<EngineIndexes, NameIndex>)] = [
        ("developer", \.developerIndex), ("genre", \.genreIndex), ("user", \.userIndex), ("game", \.gameIndex),
    ]

    func write(into out: inout ColumnFileWriter) {
        for (name, path) in Self.names { out.add("engine.names.\(name)", self[keyPath: path].slots) }
        for key in Definitions.JoinKey.allCases {
            let genres = genreStatistics[key]!.genres
            let prefix = "engine.genres.\(key.rawValue)"
            out.add(prefix + ".topUser", genres.map(\.topUser))
            out.add(prefix + ".topUserMinutes", genres.map(\.topUserMinutes))
            out.add(prefix + ".totalMinutes", genres.map(\.totalMinutes))
            let years = genres.map { $0.minutesByYear.sorted { $0.key < $1.key } }
            out.add(prefix + ".years.offsets", Self.offsets(years.map(\.count)))
            out.add(prefix + ".years.year", years.flatMap { $0.map(\.key) })
            out.add(prefix + ".years.minutes", years.flatMap { $0.map(\.value) })
        }
        out.add("engine.userMinutes", userMinutes)
        out.add("engine.itemMinutes", itemMinutes)
        out.add("engine.datedReviews", datedReviews)
        out.add("engine.datedReviewDays", datedReviewDays)
        for basis in Definitions.ReviewYear.allCases {
            let years = reviewsByYear[basis]!.sorted { $0.key < $1.key }
            let prefix = "engine.reviewsByYear.\(basis.rawValue)"
            out.add(prefix + ".year", years.map(\.key))
            out.add(prefix + ".offsets", Self.offsets(years.map(\.value.count)))
            out.add(prefix + ".reviews", years.flatMap(\.value))
        }
    }

    /// Maps the indexes of a column file made for `catalog`. The genre and
    /// per-year tables are small and read now; the rest stays mapped.
    init(file: ColumnFile, catalog: Catalog) throws {
        func damaged(_ reason: String) -> ColumnFile.OpenError { .damaged(file.path, reason: reason) }
        let keys: [String: StringColumn] = ["developer": catalog.developerKeys, "genre": catalog.genreKeys,
                                            "user": catalog.userKeys, "game": catalog.titleKeys]
        var indexes: [String: NameIndex] = [:]
        for (name, _) in Self.names {
            let slots: Column<Int32> = try file.index("engine.names.\(name)", below: keys[name]!.count, orNone: true)
            guard let index = NameIndex(keys: keys[name]!, slots: slots) else {
                throw damaged("name index '\(name)' does not fit its names")
            }
            indexes[name] = index
        }
        developerIndex = indexes["developer"]!
        genreIndex = indexes["genre"]!
        userIndex = indexes["user"]!
        gameIndex = indexes["game"]!
        var statistics: [Definitions.JoinKey: GenreStatistics] = [:]
        for key in Definitions.JoinKey.allCases {
            let prefix = "engine.genres.\(key.rawValue)"
            let topUser: Column<Int32> = try file.column(prefix + ".topUser", verifyNow: true)
            let topMinutes: Column<Int> = try file.column(prefix + ".topUserMinutes", verifyNow: true)
            let total: Column<Int> = try file.column(prefix + ".totalMinutes", verifyNow: true)
            let offsets: Column<Int32> = try file.column(prefix + ".years.offsets", verifyNow: true)
            let years: Column<Int> = try file.column(prefix + ".years.year", verifyNow: true)
            let minutes: Column<Int> = try file.column(prefix + ".years.minutes", verifyNow: true)
            let count = catalog.genreNames.count
            guard topUser.count == count, topMinutes.count == count, total.count == count, years.count == minutes.count,
                  let rows = Adjacency(offsets: offsets, values: years), rows.count == count,
                  topUser.allSatisfy({ (-1..<Int32(catalog.userCount)).contains($0) }) else {
                throw damaged("genre statistics '\(key.rawValue)' do not fit the catalogue")
            }
            statistics[key] = GenreStatistics(genres: (0..<count).map { genre in
                var byYear: [Int: Int] = [:]
                for position in rows.range(genre) { byYear[years[position]] = minutes[position] }
                return GenreStatistics.Genre(topUser: topUser[genre], topUserMinutes: topMinutes[genre],
                                             minutesByYear: byYear, totalMinutes: total[genre])
            })
        }
        genreStatistics = statistics
        userMinutes = try file.column("engine.userMinutes")
        itemMinutes = try file.column("engine.itemMinutes")
        datedReviews = try file.index("engine.datedReviews", below: catalog.reviewCount)
        datedReviewDays = try file.column("engine.datedReviewDays")
        guard userMinutes.count == catalog.userCount, itemMinutes.count == catalog.itemCount, datedReviews.count == datedReviewDays.count,
              datedReviews.count <= catalog.reviewCount else {
            throw damaged("per-user, per-item or dated-review indexes do not fit the catalogue")
        }
        var byYear: [Definitions.ReviewYear: [Int: [Int32]]] = [:]
        for basis in Definitions.ReviewYear.allCases {
            let prefix = "engine.reviewsByYear.\(basis.rawValue)"
            let years: Column<Int> = try file.column(prefix + ".year", verifyNow: true)
            let offsets: Column<Int32> = try file.column(prefix + ".offsets", verifyNow: true)
            let reviews: Column<Int32> = try file.column(prefix + ".reviews", verifyNow: true)
            guard let rows = Adjacency(offsets: offsets, values: reviews), rows.count == years.count,
                  reviews.count == catalog.reviewCount, reviews.allSatisfy({ (0..<Int32(catalog.reviewCount)).contains($0) }) else {
                throw damaged("reviews by year (\(basis.rawValue)) do not fit the catalogue")
            }
            var table: [Int: [Int32]] = [:]
            for (row, year) in years.enumerated() { table[year] = Array(rows[row]) }
            byYear[basis] = table
        }
        reviewsByYear = byYear
    }

    private static func offsets(_ counts: [Int]) -> [Int32] {
        var offsets: [Int32] = [0]
        for count in counts { offsets.append(offsets.last! + Int32(count)) }
        return offsets
    }
}
