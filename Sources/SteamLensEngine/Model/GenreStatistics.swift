/// Per genre, the aggregates the genre queries read: who played it most and
/// how playtime splits by release year. Computed once per join key when the
/// engine opens (a few milliseconds), so each query is a lookup.
struct GenreStatistics: Sendable {
    struct Genre: Sendable {
        /// The user with most minutes in the genre (ties: smaller user id), -1 when nobody played.
        var topUser: Int32 = -1
        var topUserMinutes = 0
        /// Release year (0 = unknown) → minutes, over all users.
        var minutesByYear: [Int: Int] = [:]
        var totalMinutes = 0
    }

    var genres: [Genre]

    init(genres: [Genre]) {
        self.genres = genres
    }

    init(catalog: Catalog, joinKey: Definitions.JoinKey) {
        var genres = [Genre](repeating: Genre(), count: catalog.genreNames.count)
        var minutesOfUser = [Int](repeating: 0, count: catalog.userCount)
        var touched: [Int32] = []
        for genre in genres.indices {
            var stats = Genre()
            for item in Self.items(of: Int32(genre), catalog: catalog, joinKey: joinKey) {
                let year = Int(catalog.releaseYears[Int(catalog.joined(item, joinKey))])
                var itemMinutes = 0
                for owner in catalog.ownersOfItem[Int(item)] {
                    if minutesOfUser[Int(owner.user)] == 0 { touched.append(owner.user) }
                    minutesOfUser[Int(owner.user)] += Int(owner.minutes)
                    itemMinutes += Int(owner.minutes)
                }
                if itemMinutes > 0 { stats.minutesByYear[year, default: 0] += itemMinutes }
                stats.totalMinutes += itemMinutes
            }
            for user in touched {
                let minutes = minutesOfUser[Int(user)]
                if minutes > stats.topUserMinutes
                    || (minutes == stats.topUserMinutes && minutes > 0 && catalog.userIds[Int(user)] < catalog.userIds[Int(stats.topUser)]) {
                    stats.topUser = user
                    stats.topUserMinutes = minutes
                }
                minutesOfUser[Int(user)] = 0
            }
            touched.removeAll(keepingCapacity: true)
            genres[genre] = stats
        }
        self.genres = genres
    }

    /// The items whose library rows count towards `genre` under `joinKey`.
    static func items(of genre: Int32, catalog: Catalog, joinKey: Definitions.JoinKey) -> [Int32] {
        let own = Array(catalog.itemsOfGenre[Int(genre)])
        guard joinKey == .name else { return own }
        let targets = Set(own)
        return (0..<Int32(catalog.itemCount)).filter { targets.contains(catalog.joined($0, .name)) }
    }
}
