/// The engine's recommendation entry points. The app and the CLI call only
/// these; the models behind them live in this folder (docs/models.md).
extension Engine {
    /// Games most similar to `item` by content (never the item itself); with
    /// `hideOwnEditions`, the game's own DLC, soundtracks and editions are left out.
    public func similarGames(to item: Int32, count: Int = 5, hideOwnEditions: Bool = true) -> [Recommendation] {
        guard catalog.isKnown(item) else { return [] }
        let similar = recommenders.get.content.similar(to: item, count: count, hideOwnEditions: hideOwnEditions)
        return ranked(similar)
    }

    /// Games for `user` that they do not own. `model` is one of
    /// `RecModel` ("ease", the default; "item-knn"; "pearson-user"; "popularity").
    public func recommendations(forUser user: Int32, count: Int = 5, model: String? = nil) throws -> [Recommendation] {
        let kind = try model.map { try RecModel(name: $0) } ?? RecModel.best
        // Ids missing from the catalogue are real apps, but a title-less
        // "unknown game" is no use as a suggestion: ask for spares, keep known games.
        let models = recommenders.get
        let scored = userRecommender(kind, user: user)(count + 10).map { (item: models.catalogItem[Int($0.item)], score: $0.score) }
        return ranked(Array(scored.filter { catalog.isKnown($0.item) }.prefix(count)))
    }

    /// The method used by `recommendations`, in words, for tables and the app.
    public func recommendationMethod(_ model: String? = nil) -> String {
        let kind = (try? model.map { try RecModel(name: $0) } ?? RecModel.best) ?? RecModel.best
        switch kind {
        case .ease: return "EASE (λ 50, 2,000 most-owned games); users with < 3 played games: popular in their genres"
        case .itemKNN: return "item-kNN (cosine, 200 neighbours); users with < 3 played games: popular in their genres"
        case .pearson: return "user-based Pearson correlation (100 neighbours); cold users: popular in their genres"
        case .popularity: return "most-owned games the user does not own"
        }
    }

    /// The model for one user, with that user's number in it. EASE and
    /// item-kNN score the user on demand from the stored item-side models and
    /// the user's own library; Pearson and popularity need every library.
    func userRecommender(_ kind: RecModel, user: Int32) -> (_ count: Int) -> [(item: Int32, score: Float)] {
        let models = recommenders.get
        switch kind {
        case .ease, .itemKNN:
            guard user >= 0, Int(user) < catalog.userCount else { return { _ in [] } }
            let library = models.library(of: user, in: catalog)
            let primary: any UserRecommender = kind == .ease
                ? EASE(library, modelItems: models.easeItems, weights: models.easeWeights, columnSums: models.easeColumnSums)
                : ItemKNN(library, similarItems: models.knnNeighbours)
            let cold = coldStartInputs.get
            let fallback = PopularInGenres(library, itemGenres: cold.genres, popularity: cold.popularity, genreCount: cold.genreCount)
            let model = ColdStartFallback(primary: primary, fallback: fallback, interactions: library)
            return { model.recommend(user: 0, count: $0) }
        case .pearson:
            let model = ColdStartFallback(primary: pearson.get, fallback: coldStart.get, interactions: librarySpace.get.interactions)
            return { model.recommend(user: user, count: $0) }
        case .popularity:
            let model = Popularity(librarySpace.get.interactions)
            return { model.recommend(user: user, count: $0) }
        }
    }

    func ranked(_ scored: [(item: Int32, score: Float)]) -> [Recommendation] {
        scored.enumerated().map { rank, pair in
            Recommendation(rank: rank + 1, item: pair.item, itemId: Int(catalog.itemIds[Int(pair.item)]),
                           title: catalog.displayTitle(pair.item), score: (Double(pair.score) * 1000).rounded() / 1000)
        }
    }
}

extension Engine {
    /// The offline protocol of `RecEvaluation` on this engine's libraries, as printable text.
    public func evaluateRecommenders(models: [String], seed: UInt64) -> String {
        let space = librarySpace.get
        let report = RecEvaluation.run(space.interactions, models: models, seed: seed, itemGenres: space.itemGenres)
        return "\(report)"
    }
}
