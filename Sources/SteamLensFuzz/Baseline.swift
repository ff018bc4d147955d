import Foundation
@testable import SteamLensData
@testable import SteamLensEngine
import SteamLensTestSupport

/// A good store built once per run from the hand-made fixture, with the
/// answers the column, model and store targets compare against.
final class Baseline: @unchecked Sendable {
    static let shared = Baseline()

    let loader: EngineLoader
    let storeBytes: [UInt8]
    let columnBytes: [UInt8]
    /// What `SteamStore.load` reads back from the undamaged tables.
    let tables: StoreContents
    let tablesText: String
    let sentimentBlob: [UInt8]
    let reviewTexts: [String]
    let catalog: Catalog
    let answers: [String]

    /// Queries over every part of the store: games, reviews, libraries, models.
    static let queries: [(String, [String])] = [
        ("developer", ["Valve"]),
        ("userdata", ["alice"]),
        ("user_for_genre", ["Action"]),
        ("best_developer_year", ["2011"]),
        ("developer_reviews_analysis", ["Valve"]),
        ("play_time_genre", ["Action"]),
        ("users_recommend", ["2011"]),
        ("sentiment_by_year", ["2015"]),
        ("genre_rank", ["Indie"]),
        ("recommend_game", ["10"]),
        ("recommend_user", ["carol"]),
    ]

    private init() {
        do {
            let data = try Fixture.folder()
            var loader = try EngineLoader(dataFolder: data, cacheFolder: data + "/cache", environment: [:])
            loader.checksEveryColumnAtOpen = true
            self.loader = loader
            let opened = try loader.open(forceRebuild: true)
            storeBytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: opened.storePath)))
            tables = try SteamStore.load(from: opened.storePath, expected: nil)
            tablesText = "\(tables.dataset)"
            columnBytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: loader.columnsPath)))
            let fingerprint = SourceFingerprint(directory: loader.directory, extra: EngineLoader.derivedVersions)
            let blobs = try SteamStore.loadBlobs(named: [DerivedModels.sentimentBlob], withReviewTextsFrom: opened.storePath, expected: fingerprint)
            sentimentBlob = blobs.blobs[DerivedModels.sentimentBlob] ?? []
            reviewTexts = blobs.reviewTexts
            catalog = opened.engine.catalog
            answers = Self.answers(opened.engine)
        } catch {
            fatalError("steamlens-fuzz: cannot build the fixture store: \(error)")
        }
    }

    /// Each query's JSON answer, or its error: both must survive a damaged store unchanged.
    static func answers(_ engine: Engine) -> [String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return queries.map { name, arguments in
            guard let query = QueryRegistry.named(name) else { return "no query \(name)" }
            do {
                let result = try query(engine, arguments, Definitions())
                return String(decoding: try encoder.encode(result.jsonValue), as: UTF8.self)
            } catch {
                return "error: \(error)"
            }
        }
    }
}
