import Foundation
import SteamLensEngine
import XCTest
@testable import StreamingCatalog
@testable import StreamingSample
import SteamLensTestSupport

/// The models on the generated sample recover the generator's structure,
/// and keep their promises (never the title itself, nor its copies).
final class StreamingModelTests: XCTestCase {
    /// One generated catalogue and ratings for the whole class (training takes a moment).
    nonisolated(unsafe) private static var cached: (catalogue: TitleCatalogue, folder: String)?

    private var sample: (catalogue: TitleCatalogue, folder: String) {
        get throws {
            if let cached = Self.cached { return cached }
            let folder = Fixture.temporaryFolder()
            try CatalogueGenerator.sample.write(to: folder)
            _ = try RatingsGenerator(viewers: 1_000, seed: 42).write(forCatalogueIn: folder)
            Self.cached = (StreamingLoader.load(folder: folder), folder)
            return Self.cached!
        }
    }

    func testScoreModelsBeatTheBaselinesAndApproachTheTruth() throws {
        let catalogue = try sample.catalogue
        let ratings = try XCTUnwrap(catalogue.ratings)
        let found = try XCTUnwrap(RatingsGenerator.truth(behind: ratings, titles: catalogue.titles, seed: 42), "the ratings are recognised as the generator's")
        let report = RatingsEvaluation.run(ratings, groups: catalogue.groups, seed: 42, rankingViewers: 200) { v, t in
            found.truth.expectedScore(viewer: found.viewerIndex[v], title: t)
        }
        let mean = try XCTUnwrap(report.row("global mean")), bias = try XCTUnwrap(report.row("viewer + title bias"))
        let pearson = try XCTUnwrap(report.row("pearson (k=20)")), mf = try XCTUnwrap(report.row("matrix factorisation"))
        XCTAssertLessThan(bias.rmse, mean.rmse)
        XCTAssertLessThan(pearson.rmse, bias.rmse, "Pearson finds the taste structure the biases miss")
        XCTAssertLessThan(mf.rmse, pearson.rmse, "the factorisation is the stronger model")
        XCTAssertLessThan(try XCTUnwrap(mf.truthRMSE), try XCTUnwrap(bias.truthRMSE))
        XCTAssertLessThan(try XCTUnwrap(report.oracleRMSE), mf.rmse, "no model beats the noiseless truth")
        XCTAssertGreaterThan(mf.recall, 0.3)
        XCTAssertGreaterThan(try XCTUnwrap(report.ranking("matrix factorisation")).hitRate, 0.1)
        XCTAssertNil(RatingsGenerator.truth(behind: ratings, titles: catalogue.titles, seed: 7), "another seed's truth is not taken for this one")
    }

    func testClustersSeparateMoviesFromShowsAndTheSweepCoversTwoToFifteen() throws {
        let titles = try sample.catalogue.titles
        let clusters = TitleClusters(titles: titles)
        XCTAssertEqual(clusters.sweep.map(\.k), Array(2...15))
        XCTAssertEqual(Set(clusters.assignment).count, 9)
        XCTAssertTrue(clusters.sweep.allSatisfy { $0.silhouette > -1 && $0.silhouette < 1 })
        XCTAssertGreaterThan(clusters.sweep.first!.inertia, clusters.sweep.last!.inertia, "inertia falls as k grows")
        // Type is a strong standardized feature: clusters are purer in it than the catalogue.
        var pure = 0
        for c in 0..<9 {
            let members = titles.indices.filter { clusters.assignment[$0] == Int32(c) }
            let shows = members.filter { titles[$0].type == .show }.count
            pure += max(shows, members.count - shows)
        }
        let shows = titles.filter { $0.type == .show }.count
        let majority = Double(max(shows, titles.count - shows)) / Double(titles.count)
        XCTAssertGreaterThan(Double(pure) / Double(titles.count), majority + 0.05)
        // Nine centroids explain a good part of the spread of standardized features (inertia per title of one cluster = the columns).
        let (_, names) = TitleClusters.features(titles)
        XCTAssertLessThan(clusters.sweep.first { $0.k == 9 }!.inertia, 0.8 * Double(names.count), "inertia per title")
    }

    func testSimilarTitlesNeverReturnTheTitleOrItsCopies() throws {
        let engine = StreamingEngine.trained(StreamingLoader.load(folder: try StreamingFixture.folder(ratings: StreamingFixture.ratings)))
        let result = try XCTUnwrap(StreamingQueries.named("similar_titles"))(engine, ["ns1"])
        let ids = result.table.rows.map { $0[2].description }
        XCTAssertFalse(ids.contains("ns1"))
        XCTAssertFalse(ids.contains("hs1"), "The Love Boat on Hulu is its copy")
        XCTAssertEqual(result.table.notes.last, "its copies left out: hs1")
        let boat = engine.titles[engine.catalogue.index(ofId: "ns1")!], first = engine.titles[engine.catalogue.index(ofId: ids[0])!]
        XCTAssertFalse(Set(boat.cast + boat.directors + boat.genres).isDisjoint(with: first.cast + first.directors + first.genres),
                       "the most similar shares a person or a genre")
        let onSample = StreamingEngine.trained(try sample.catalogue)
        for id in ["ns5", "as10", "hs3", "ds7"] {
            let t = onSample.catalogue.index(ofId: id)!
            let similar = onSample.models!.similar.similar(to: t, count: 5, groups: onSample.catalogue.groups)
            XCTAssertEqual(similar.count, 5)
            XCTAssertTrue(similar.allSatisfy { onSample.catalogue.group(of: $0.title) != onSample.catalogue.group(of: t) })
            XCTAssertEqual(similar.map(\.score), similar.map(\.score).sorted(by: >))
        }
    }

    func testWillLikeShowsItsNeighboursAndTheThresholdSwitches() throws {
        let engine = StreamingEngine.trained(try sample.catalogue)
        let ratings = try XCTUnwrap(engine.catalogue.ratings)
        let title = (0..<ratings.titleCount).max { ratings.ratingCount(ofTitle: $0) < ratings.ratingCount(ofTitle: $1) }!
        let viewer = (0..<ratings.viewers.count).first { ratings.score(viewer: $0, title: title) == nil }!
        let query = try XCTUnwrap(StreamingQueries.named("will_like"))
        let name = ratings.viewers[viewer], id = engine.titles[title].id
        let low = try query(engine, [name, id], .standard, StreamingQueryOptions(threshold: 0.5))
        let high = try query(engine, [name, id], .standard, StreamingQueryOptions(threshold: 5))
        guard case .object(let lowFields) = low.json, case .object(let highFields) = high.json else { return XCTFail() }
        XCTAssertEqual(lowFields.first { $0.0 == "will_like" }?.1, .bool(true))
        XCTAssertEqual(highFields.first { $0.0 == "will_like" }?.1, .bool(false))
        let neighbours = low.table.rows
        XCTAssertEqual(neighbours.count, 20)
        XCTAssertFalse(neighbours.contains { $0[0].description == name })
        let correlations = neighbours.map { Double($0[1].description)! }
        XCTAssertEqual(correlations, correlations.sorted(by: >))
        // Every neighbour rated the title, with the score shown.
        for row in neighbours {
            let w = ratings.viewers.firstIndex(of: row[0].description)!
            XCTAssertEqual(ratings.score(viewer: w, title: title).map { ResultTable.Cell.number($0, digits: 1) }, row[3])
        }
        let five = try query(engine, [name, id], .standard, StreamingQueryOptions(neighbours: 5))
        XCTAssertEqual(five.table.rows.count, 5)
    }

    func testRecommendationsSkipRatedTitlesAndTheirCopies() throws {
        let engine = StreamingEngine.trained(try sample.catalogue)
        let ratings = try XCTUnwrap(engine.catalogue.ratings)
        let query = try XCTUnwrap(StreamingQueries.named("recommend_viewer"))
        for model in ViewerModel.allCases {
            for v in [0, 7, 99] {
                let result = try query(engine, [ratings.viewers[v]], .standard, StreamingQueryOptions(model: model.rawValue))
                let picked = result.table.rows.map { engine.catalogue.index(ofId: $0[2].description)! }
                let seenGroups = Set(ratings.ratings(of: v).titles.map { engine.catalogue.group(of: Int($0)) })
                XCTAssertFalse(picked.isEmpty, model.rawValue)
                XCTAssertTrue(picked.allSatisfy { !seenGroups.contains(engine.catalogue.group(of: $0)) }, model.rawValue)
                XCTAssertEqual(Set(picked.map(engine.catalogue.group(of:))).count, picked.count, "one title per copy group")
            }
        }
        XCTAssertThrowsError(try query(engine, ["u1"], .standard, StreamingQueryOptions(model: "ease")))
    }
}
