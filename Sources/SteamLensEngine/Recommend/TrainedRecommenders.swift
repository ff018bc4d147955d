import Foundation
import SteamLensData

/// The recommendation models of one catalog: trained during `etl`, kept in
/// the store's column file, mapped on start without retraining.
///
/// Only item-side models are stored — nothing grows with users × K:
/// - the content index (features and inverted index of the catalogue games,
///   and the own-edition filter), from which a game's neighbours are scored on demand;
/// - EASE's weights over its modelled items and item-kNN's neighbour lists,
///   over the compact library item space, with each item's owner count (for
///   the cold-start model); a user's games are scored on demand from them
///   and the user's own library (tens of microseconds);
/// - Pearson user-based and popularity need every library and are built on first use.
struct TrainedRecommenders: Sendable {
    /// Version 5: EASE's column sums are stored (4: content neighbours are
    /// scored on demand from a stored index; 3: user lists no longer stored,
    /// EASE weights and item-kNN lists are).
    static let version = 5

    var content: ContentNeighbours
    /// Compact library item → catalog item, and back (-1: in no library).
    var catalogItem: Column<Int32>
    var compactId: Column<Int32>
    /// Per compact item: how many users own it.
    var ownerCounts: Column<Int32>
    var easeItems: Column<Int32>
    var easeWeights: Column<Float>
    var easeColumnSums: Column<Float>
    var knnNeighbours: NeighbourLists

    /// Trains every model on the catalog (seconds on the real data; each
    /// model spreads its own work over the cores). `lap` names each finished step.
    static func train(_ catalog: Catalog, lap: (String) -> Void = { _ in }) -> TrainedRecommenders {
        let content = ContentNeighbours.build(gameFeatures(catalog))
        lap("content neighbours")
        let space = LibrarySpace(catalog)
        let interactions = space.interactions
        let ease = EASE(interactions, precomputedDepth: 0)
        lap("EASE")
        let knn = ItemKNN(interactions, precomputedDepth: 0)
        lap("item-kNN")
        return TrainedRecommenders(
            content: content, catalogItem: Column(space.catalogItem), compactId: Column(space.compactId),
            ownerCounts: Column((0..<Int32(interactions.itemCount)).map { Int32(interactions.ownerCount(of: $0)) }),
            easeItems: ease.modelItems, easeWeights: ease.weights, easeColumnSums: ease.columnSums,
            knnNeighbours: knn.similarItems)
    }

    func write(into out: inout ColumnFileWriter) {
        content.write(into: &out)
        out.add("rec.space.catalogItem", catalogItem)
        out.add("rec.space.compactId", compactId)
        out.add("rec.space.ownerCounts", ownerCounts)
        out.add("rec.ease.items", easeItems)
        out.add("rec.ease.weights", easeWeights)
        out.add("rec.ease.columnSums", easeColumnSums)
        knnNeighbours.write("rec.itemknn.neighbours", into: &out)
    }

    /// Maps the models of a column file; nil when a part is missing or does not fit `catalog`.
    init(file: ColumnFile, catalog: Catalog) throws {
        func stale(_ reason: String) -> ColumnFile.OpenError { .stale(file.path, reason: reason) }
        content = try ContentNeighbours(file: file, gameCount: catalog.gameCount, developerCount: catalog.developerNames.count)
        catalogItem = try file.index("rec.space.catalogItem", below: catalog.itemCount)
        compactId = try file.index("rec.space.compactId", below: catalogItem.count, orNone: true)
        ownerCounts = try file.column("rec.space.ownerCounts")
        easeItems = try file.index("rec.ease.items", below: catalogItem.count)
        easeWeights = try file.column("rec.ease.weights")
        easeColumnSums = try file.column("rec.ease.columnSums")
        knnNeighbours = try NeighbourLists.stored("rec.itemknn.neighbours", file, below: catalogItem.count)
        // Counts only: the values are covered by the block checksums (and
        // index values by their checks at first read); reading them all
        // here would touch every page of the models.
        let items = catalogItem.count
        guard compactId.count == catalog.itemCount, items <= catalog.itemCount, ownerCounts.count == items,
              easeItems.count <= items, easeWeights.count == easeItems.count * easeItems.count,
              easeColumnSums.count == easeItems.count,
              knnNeighbours.rowCount == items else {
            throw stale("its recommendation models do not match its catalogue")
        }
    }

    init(content: ContentNeighbours, catalogItem: Column<Int32>, compactId: Column<Int32>, ownerCounts: Column<Int32>,
         easeItems: Column<Int32>, easeWeights: Column<Float>, easeColumnSums: Column<Float>, knnNeighbours: NeighbourLists) {
        self.content = content
        self.catalogItem = catalogItem
        self.compactId = compactId
        self.ownerCounts = ownerCounts
        self.easeItems = easeItems
        self.easeWeights = easeWeights
        self.easeColumnSums = easeColumnSums
        self.knnNeighbours = knnNeighbours
    }

    /// One user's library in the compact item space, as the collaborative
    /// models see it (deduplicated, sorted): all they need to score the user.
    func library(of user: Int32, in catalog: Catalog) -> Interactions {
        let rows = catalog.libraryOfUser[Int(user)].map { owned in
            (user: Int32(0), item: compactId[Int(owned.item)], minutes: owned.minutes)
        }
        return Interactions(userCount: 1, itemCount: catalogItem.count, rows: rows)
    }

    /// Content features of the catalogue games (items `0..<gameCount`).
    static func gameFeatures(_ catalog: Catalog) -> GameFeatures {
        let games = 0..<catalog.gameCount
        let addOnSpec = catalog.specNames.firstIndex(of: GameFeatures.addOnSpec).map(Int32.init)
        return GameFeatures(
            itemCount: catalog.gameCount,
            genres: games.map { Array(catalog.genresOfItem[$0]) },
            tags: games.map { Array(catalog.tagsOfItem[$0]) },
            specs: games.map { Array(catalog.specsOfItem[$0]) },
            developer: games.map { catalog.developerOfItem[$0] >= 0 ? catalog.developerOfItem[$0] : nil },
            titles: games.map { catalog.titles[$0] },
            isAddOn: games.map { game in addOnSpec.map { catalog.specsOfItem[game].contains($0) } ?? false }
        )
    }
}

/// The item space of the collaborative models: only items that appear in
/// some library (4,185 of 32,993 on the real data). Ranking every user over
/// this compact space instead of the whole catalogue is what keeps training
/// to seconds; `catalogItem` maps results back.
struct LibrarySpace: Sendable {
    /// Compact id → catalog item.
    let catalogItem: [Int32]
    /// Catalog item → compact id, -1 when no library holds it.
    let compactId: [Int32]
    /// The libraries as implicit feedback (user, compact item, minutes).
    let interactions: Interactions
    /// Genres of each compact item, for the cold-start model.
    let itemGenres: [[Int32]]

    init(_ catalog: Catalog) {
        var compactId = [Int32](repeating: -1, count: catalog.itemCount)
        var catalogItem: [Int32] = []
        for item in 0..<catalog.itemCount where catalog.ownersOfItem.rowCount(item) > 0 {
            compactId[item] = Int32(catalogItem.count)
            catalogItem.append(Int32(item))
        }
        let library = catalog.libraryOfUser
        self.catalogItem = catalogItem
        self.compactId = compactId
        interactions = Interactions(userCount: catalog.userCount, itemCount: catalogItem.count,
                                    groupedBy: library.offsets.map(Int.init),
                                    items: library.values.map { compactId[Int($0.item)] }, minutes: library.values.map(\.minutes))
        itemGenres = catalogItem.map { Array(catalog.genresOfItem[Int($0)]) }
    }
}

/// A value computed on first use, once, safely across threads.
final class LazyValue<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value?
    private let make: @Sendable () -> Value

    init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
    }

    var get: Value {
        lock.lock()
        defer { lock.unlock() }
        if let value { return value }
        let made = make()
        value = made
        return made
    }
}
