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
    public let developerIndex: NameIndex
    public let genreIndex: NameIndex
    public let userIndex: NameIndex
    public let gameIndex: NameIndex
    /// Per join key: each genre's top player and playtime by release year.
    let genreStatistics: [Definitions.JoinKey: GenreStatistics]
    /// Per user: total playtime minutes.
    public let userMinutes: [Int]
    /// Dated reviews ordered by day (YYYYMMDD), with that day beside each, for date ranges.
    let datedReviews: [Int32]
    let datedReviewDays: [Int]
    /// Per review-year basis: year (0 = unknown) → review indexes.
    let reviewsByYear: [Definitions.ReviewYear: [Int: [Int32]]]

    /// The stored models, or, for an engine built without them (tests), trained on first use.
    let recommenders: LazyValue<TrainedRecommenders>
    let librarySpace: LazyValue<LibrarySpace>
    let coldStart: LazyValue<PopularInGenres>
    let pearson: LazyValue<PearsonUserBased>

    public convenience init(catalog: Catalog) {
        self.init(catalog: catalog, models: nil)
    }

    init(catalog: Catalog, models: TrainedRecommenders?) {
        self.catalog = catalog
        recommenders = LazyValue { models ?? TrainedRecommenders.train(catalog) }
        let space = LazyValue { LibrarySpace(catalog) }
        librarySpace = space
        coldStart = LazyValue { PopularInGenres(space.get.interactions, itemGenres: space.get.itemGenres) }
        pearson = LazyValue { PearsonUserBased(space.get.interactions, precomputedDepth: 0) }
        developerIndex = NameIndex(keys: catalog.developerKeys)
        genreIndex = NameIndex(keys: catalog.genreKeys)
        userIndex = NameIndex(keys: catalog.userKeys)
        gameIndex = NameIndex(keys: catalog.titleKeys)
        var statistics: [Definitions.JoinKey: GenreStatistics] = [:]
        for key in Definitions.JoinKey.allCases {
            statistics[key] = GenreStatistics(catalog: catalog, joinKey: key)
        }
        genreStatistics = statistics
        userMinutes = (0..<catalog.userCount).map { user in
            catalog.libraryOfUser[user].reduce(0) { $0 + Int($1.minutes) }
        }
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
        datedReviews = dated.map { $0.review }
        datedReviewDays = dated.map { $0.day }
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

    private func resolve(_ name: String, in index: NameIndex, names: [String], kind: String) throws -> Int32 {
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
