import Foundation
import SteamLensData

/// The query engine over one loaded `Catalog`.
///
/// ```swift
/// let engine = try EngineLoader(dataFolder: "Data").open().engine
/// let rows = try engine.developer("valve")
/// ```
///
/// An engine is immutable after `init` and safe to share between threads;
/// every query takes the `Definitions` to answer under and is a pure function
/// of the catalog and its arguments.
public final class Engine: Sendable {
    public let catalog: Catalog
    public var developerIndex: NameIndex { indexes.developerIndex }
    public var genreIndex: NameIndex { indexes.genreIndex }
    public var userIndex: NameIndex { indexes.userIndex }
    public var gameIndex: NameIndex { indexes.gameIndex }
    /// Per join key: each genre's top player and playtime by release year.
    var genreStatistics: [Definitions.JoinKey: GenreStatistics] { indexes.genreStatistics }
    /// Per user: total playtime minutes.
    public var userMinutes: Column<Int> { indexes.userMinutes }
    /// Minutes played of each item, summed over its owners.
    public var itemMinutes: Column<Int> { indexes.itemMinutes }
    /// Dated reviews ordered by day (YYYYMMDD), with that day beside each, for date ranges.
    var datedReviews: Column<Int32> { indexes.datedReviews }
    var datedReviewDays: Column<Int> { indexes.datedReviewDays }
    /// Per review-year basis: year (0 = unknown) → review indexes.
    var reviewsByYear: [Definitions.ReviewYear: [Int: [Int32]]] { indexes.reviewsByYear }
    let indexes: EngineIndexes

    /// The stored models, or, for an engine built without them (tests), trained on first use.
    let recommenders: LazyValue<TrainedRecommenders>
    let librarySpace: LazyValue<LibrarySpace>
    let coldStart: LazyValue<PopularInGenres>
    let pearson: LazyValue<PearsonUserBased>
    /// What the cold-start model needs from all libraries, computed once: the
    /// genres and popularity of each compact library item.
    let coldStartInputs: LazyValue<(genres: [[Int32]], popularity: [Float], genreCount: Int)>

    public convenience init(catalog: Catalog) {
        self.init(catalog: catalog, models: nil)
    }

    convenience init(catalog: Catalog, models: TrainedRecommenders?) {
        self.init(catalog: catalog, indexes: EngineIndexes(catalog), models: models)
    }

    init(catalog: Catalog, indexes: EngineIndexes, models: TrainedRecommenders?) {
        self.catalog = catalog
        self.indexes = indexes
        recommenders = LazyValue { models ?? TrainedRecommenders.train(catalog) }
        let space = LazyValue { LibrarySpace(catalog) }
        librarySpace = space
        coldStart = LazyValue { PopularInGenres(space.get.interactions, itemGenres: space.get.itemGenres) }
        pearson = LazyValue { PearsonUserBased(space.get.interactions, precomputedDepth: 0) }
        let models = recommenders
        coldStartInputs = LazyValue {
            let genres = models.get.catalogItem.map { Array(catalog.genresOfItem[Int($0)]) }
            return (genres, PopularInGenres.popularity(models.get.ownerCounts.map(Int.init)), Int(genres.lazy.flatMap { $0 }.max() ?? -1) + 1)
        }
    }

    // MARK: Resolving names

    public func resolveDeveloper(_ name: String) throws -> Int32 {
        try resolve(name, in: developerIndex, names: catalog.developerNames, kind: "developer")
    }

    public func resolveGenre(_ name: String) throws -> Int32 {
        try resolve(name, in: genreIndex, names: catalog.genreNames, kind: "genre")
    }

    public func resolveUser(_ name: String) throws -> Int32 {
        // User ids are exact strings, but a forgiving match costs nothing.
        try resolve(name, in: userIndex, names: catalog.userIds, kind: "user")
    }

    /// A game by app id ("570") or by title.
    public func resolveGame(_ idOrTitle: String) throws -> Int32 {
        let trimmed = idOrTitle.trimmingCharacters(in: .whitespaces)
        if let id = Int32(trimmed) {
            guard let item = catalog.itemIndexById[id] else {
                throw QueryError.unknownName(kind: "game with id", name: trimmed, suggestions: [])
            }
            return item
        }
        return try resolve(trimmed, in: gameIndex, names: catalog.titles, kind: "game")
    }

    private func resolve(_ name: String, in index: NameIndex, names: StringColumn, kind: String) throws -> Int32 {
        if let found = index.find(name) { return found }
        let suggestions = index.suggestions(for: name).map { names[Int($0)] }
        throw QueryError.unknownName(kind: kind, name: name, suggestions: suggestions)
    }

    /// Parses a year argument ("2015"); "unknown" means the reviews/games without one.
    public func parseYear(_ text: String) throws -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.lowercased() == "unknown" { return nil }
        guard let year = Int(trimmed), (1900...2100).contains(year) else {
            throw QueryError.badArgument("\"\(text)\" is not a year (expected e.g. 2015, or \"unknown\").")
        }
        return year
    }
}
