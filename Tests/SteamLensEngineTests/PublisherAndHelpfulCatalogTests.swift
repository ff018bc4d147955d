import XCTest
import SteamLensData
@testable import SteamLensEngine
import SteamLensTestSupport

/// Publishers and helpful votes from the raw files into the catalogue, and
/// through the column file back: a start from the store answers as the
/// build that wrote it.
final class PublisherAndHelpfulCatalogTests: XCTestCase {
    /// The fixture's games (Valve's three, two without a publisher) and one
    /// user whose reviews hold each helpful shape and one unreadable text.
    private func folder() throws -> String {
        let folder = try Fixture.folder()
        let review = { (item: Int, helpful: String) in
            "{'funny': '', 'posted': 'Posted March 1, 2015.', 'last_edited': '', 'item_id': '\(item)', 'helpful': '\(helpful)', 'recommend': True, 'review': 'fine'}"
        }
        let reviews = "{'user_id': 'alice', 'user_url': 'u', 'reviews': [" + [
            review(10, "2 of 3 people (67%) found this review helpful"),
            review(20, "No ratings yet"),
            review(30, "1,594 of 1,739 people (92%) found this review helpful"),
            review(40, "1 person found this review helpful"),
            review(50, "lots"),
        ].joined(separator: ", ") + "]}\n"
        try reviews.write(toFile: folder + "/australian_user_reviews.json", atomically: true, encoding: .utf8)
        return folder
    }

    func testTheCatalogueKeepsEachGamesPublisherAndEachReviewsVotes() throws {
        let loader = try EngineLoader(dataFolder: try folder(), cacheFolder: Fixture.temporaryFolder())
        let catalog = try loader.open().engine.catalog
        XCTAssertEqual((0..<Int32(catalog.gameCount)).map { catalog.publisherName($0) }, ["Valve", "Valve", "Valve", nil, nil])
        XCTAssertEqual(Array(catalog.publisherNames), ["Valve"], "a publisher is named once")
        XCTAssertEqual(Array(catalog.reviewHelpful), [2, 0, 1_594, 1, -1])
        XCTAssertEqual(Array(catalog.reviewRated), [3, 0, 1_739, -1, -1])
        XCTAssertEqual((0..<catalog.reviewCount).map { catalog.helpfulVotes($0) }, [2, 0, 1_594, 1, nil])
        XCTAssertEqual(catalog.report.file(named: "steam_games.json")?.total(.publisherMissing), 2)
        XCTAssertEqual(catalog.report.file(named: "australian_user_reviews.json")?.total(.helpfulUnreadable), 1)
    }

    func testAStartFromTheStoreReadsTheSamePublishersAndVotesAsTheBuild() throws {
        let loader = try EngineLoader(dataFolder: try folder(), cacheFolder: Fixture.temporaryFolder())
        let built = try loader.open()
        XCTAssertEqual(built.origin, .built(reason: "first load of this data folder"))
        let stored = try loader.open()
        XCTAssertEqual(stored.origin, .store)
        let fresh = built.engine.catalog, mapped = stored.engine.catalog
        XCTAssertEqual(mapped.publisherOfItem, fresh.publisherOfItem)
        XCTAssertEqual(mapped.publisherNames, fresh.publisherNames)
        XCTAssertEqual(mapped.reviewHelpful, fresh.reviewHelpful)
        XCTAssertEqual(mapped.reviewRated, fresh.reviewRated)
        XCTAssertEqual((0..<Int32(mapped.itemCount)).map { mapped.publisherName($0) },
                       (0..<Int32(fresh.itemCount)).map { fresh.publisherName($0) })
        XCTAssertEqual(mapped.report, fresh.report)
    }
}
