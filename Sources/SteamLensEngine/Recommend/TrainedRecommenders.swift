import Foundation
import SteamLensData

/// The recommendation models of one catalog: trained during `etl`, kept in
/// the store as blobs, loaded on start without retraining.
///
/// - content neighbours (game → games) for every catalogue game;
/// - EASE and item-kNN top-50 lists per user (user → games), served through
///   `StoredRecommendations`, which skips games the user owns;
/// - Pearson user-based and popularity are cheap enough to score on demand.
struct TrainedRecommenders: Sendable {
    /// Version 2: user lists are in `LibrarySpace` ids.
    static let version = 2
    static let contentDepth = 20

    enum Blob {
        static let version = "rec.version"
        static let contentNeighbours = "rec.content.neighbours"
        static let contentEditions = "rec.content.editions"
        static let easeTop = "rec.ease.top"
        static let itemKNNTop = "rec.itemknn.top"
        static let all = [version, contentNeighbours, contentEditions, easeTop, itemKNNTop]
    }

    var content: ContentNeighbours
    var easeTop: NeighbourLists
    var itemKNNTop: NeighbourLists

    /// Trains every model on the catalog (seconds on the real data; each
    /// model spreads its own work over the cores). `lap` names each finished step.
    static func train(_ catalog: Catalog, lap: (String) -> Void = { _ in }) -> TrainedRecommenders {
        let content = ContentNeighbours.build(gameFeatures(catalog), k: contentDepth)
        lap("content neighbours")
        let interactions = LibrarySpace(catalog).interactions
        let ease = EASE(interactions, precomputedDepth: 50).userTopLists ?? NeighbourLists(rows: [])
        lap("EASE")
        let knn = ItemKNN(interactions, precomputedDepth: 50).userTopLists ?? NeighbourLists(rows: [])
        lap("item-kNN")
        return TrainedRecommenders(content: content, easeTop: ease, itemKNNTop: knn)
    }

    var blobs: [String: [UInt8]] {
        [
            Blob.version: Array(String(Self.version).utf8),
            Blob.contentNeighbours: [UInt8](content.neighbours.serialized()),
            Blob.contentEditions: [UInt8](content.ownEditions.serialized()),
            Blob.easeTop: [UInt8](easeTop.serialized()),
            Blob.itemKNNTop: [UInt8](itemKNNTop.serialized()),
        ]
    }

    /// The models kept in a store, or nil when they are absent, damaged or of another version.
    init?(blobs: [String: [UInt8]]) {
        guard let version = blobs[Blob.version], String(decoding: version, as: UTF8.self) == String(Self.version),
              let neighbours = blobs[Blob.contentNeighbours].flatMap({ try? NeighbourLists(serialized: Data($0)) }),
              let editions = blobs[Blob.contentEditions].flatMap({ try? NeighbourLists(serialized: Data($0)) }),
              let ease = blobs[Blob.easeTop].flatMap({ try? NeighbourLists(serialized: Data($0)) }),
              let knn = blobs[Blob.itemKNNTop].flatMap({ try? NeighbourLists(serialized: Data($0)) }) else { return nil }
        self.init(content: ContentNeighbours(neighbours: neighbours, ownEditions: editions), easeTop: ease, itemKNNTop: knn)
    }

    /// True when every stored list points inside this catalog: a store whose
    /// models came from another catalog is stale, never served.
    func fits(_ catalog: Catalog) -> Bool {
        let libraryItems = (0..<catalog.itemCount).filter { catalog.ownersOfItem.rowCount($0) > 0 }.count
        func inside(_ lists: NeighbourLists, rows: Int, items: Int) -> Bool {
            lists.rowCount == rows && lists.items.allSatisfy { $0 >= 0 && Int($0) < items }
        }
        return inside(content.neighbours, rows: catalog.gameCount, items: catalog.gameCount)
            && inside(content.ownEditions, rows: catalog.gameCount, items: catalog.gameCount)
            && inside(easeTop, rows: catalog.userCount, items: libraryItems)
            && inside(itemKNNTop, rows: catalog.userCount, items: libraryItems)
    }

    init(content: ContentNeighbours, easeTop: NeighbourLists, itemKNNTop: NeighbourLists) {
        self.content = content
        self.easeTop = easeTop
        self.itemKNNTop = itemKNNTop
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
        var rows: [(user: Int32, item: Int32, minutes: Int32)] = []
        rows.reserveCapacity(catalog.libraryOfUser.values.count)
        for user in 0..<catalog.userCount {
            for owned in catalog.libraryOfUser[user] { rows.append((Int32(user), compactId[Int(owned.item)], owned.minutes)) }
        }
        self.catalogItem = catalogItem
        self.compactId = compactId
        interactions = Interactions(userCount: catalog.userCount, itemCount: catalogItem.count, rows: rows)
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
