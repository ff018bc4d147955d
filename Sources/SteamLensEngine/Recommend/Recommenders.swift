/// The engine's recommendation entry points. The app and the CLI call only
/// these; the models behind them live in this folder.
extension Engine {
    /// Games most similar to `item` (never the item itself).
    public func similarGames(to item: Int32, count: Int = 5, hideOwnEditions: Bool = true) -> [Recommendation] {
        // INTERIM: tag/genre Jaccard over the catalogue until the TF-IDF neighbours land.
        let own = Set(catalog.tagsOfItem[Int(item)].map { Int($0) + 1_000_000 } + catalog.genresOfItem[Int(item)].map(Int.init))
        guard !own.isEmpty else { return [] }
        var scored: [(Int32, Double)] = []
        for other in 0..<Int32(catalog.gameCount) where other != item {
            let theirs = catalog.tagsOfItem[Int(other)].map { Int($0) + 1_000_000 } + catalog.genresOfItem[Int(other)].map(Int.init)
            guard !theirs.isEmpty else { continue }
            let shared = theirs.filter(own.contains).count
            guard shared > 0 else { continue }
            scored.append((other, Double(shared) / Double(own.count + theirs.count - shared)))
        }
        return ranked(scored, count: count)
    }

    /// Games for `user` that they do not own.
    public func recommendations(forUser user: Int32, count: Int = 5, model: String? = nil) -> [Recommendation] {
        // INTERIM: most-owned games the user lacks, until the collaborative models land.
        let owned = Set(catalog.libraryOfUser[Int(user)].map(\.item))
        var scored: [(Int32, Double)] = []
        for item in 0..<Int32(catalog.gameCount) where !owned.contains(item) {
            let owners = catalog.ownersOfItem.rowCount(Int(item))
            if owners > 0 { scored.append((item, Double(owners) / Double(max(1, catalog.userCount)))) }
        }
        return ranked(scored, count: count)
    }

    func ranked(_ scored: [(Int32, Double)], count: Int) -> [Recommendation] {
        scored.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(count).enumerated().map { rank, pair in
            Recommendation(rank: rank + 1, item: pair.0, itemId: Int(catalog.itemIds[Int(pair.0)]),
                           title: catalog.displayTitle(pair.0), score: (pair.1 * 1000).rounded() / 1000)
        }
    }
}
