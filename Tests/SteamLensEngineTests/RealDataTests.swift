import XCTest
import SteamLensData
@testable import SteamLensEngine
import SteamLensTestSupport

/// Checks against the real Steam files when they are present (../shared/data
/// or $STEAMLENS_DATA). Every expected figure was verified independently with
/// a Python script over the same files (docs/testing.md).
final class RealDataTests: XCTestCase {
    private static var cached: Engine?

    private func realEngine() throws -> Engine {
        if let engine = Self.cached { return engine }
        guard let folder = RealData.folder else {
            print("RealDataTests: skipped — no real data at ../shared/data/steam and STEAMLENS_DATA is unset")
            throw XCTSkip("real data absent: ../shared/data/steam not found and STEAMLENS_DATA unset")
        }
        let opened = try EngineLoader(dataFolder: folder, cacheFolder: Fixture.temporaryFolder()).open()
        Self.cached = opened.engine
        return opened.engine
    }

    func testTheLoadReportCountsMatchTheKnownQuirks() throws {
        let report = try realEngine().catalog.report
        let games = try XCTUnwrap(report.file(named: "steam_games.json.gz"))
        XCTAssertEqual(games.lines, 120_445)
        XCTAssertEqual(games.total(.emptyRow), 88_310)
        XCTAssertEqual(games.total(.gameWithoutId), 2)
        XCTAssertEqual(games.total(.duplicateGameId), 1)
        XCTAssertEqual(games.kept, 32_132, "32,135 non-empty rows less 2 without id less 1 duplicate")
        XCTAssertEqual(games.total(.priceMissing), 1_377)
        XCTAssertEqual(games.total(.developerMissing), 3_298, "3,299 rows without developer, one of them the skipped id-less row")
        let reviews = try XCTUnwrap(report.file(named: "australian_user_reviews.json.gz"))
        XCTAssertEqual(reviews.lines, 25_799)
        XCTAssertEqual(reviews.kept, 58_431)
        XCTAssertEqual(reviews.total(.duplicateReview), 874)
        XCTAssertEqual(reviews.total(.emptyReviewText), 38)
        let libraries = try XCTUnwrap(report.file(named: "australian_users_items.json.gz"))
        XCTAssertEqual(libraries.lines, 16_438)
        XCTAssertEqual(libraries.kept, 177_292)
        XCTAssertEqual(libraries.total(.duplicateLibraryItem), 1_136)
        XCTAssertEqual(libraries.total(.unknownItem), 40_415)
        XCTAssertFalse(report.hasProblems)
    }

    func testCatalogueSizes() throws {
        let catalog = try realEngine().catalog
        XCTAssertEqual(catalog.gameCount, 32_132)
        XCTAssertEqual(catalog.userCount, 40_479)
        XCTAssertEqual(catalog.reviewCount, 58_431)
        XCTAssertNotNil(catalog.itemIndexById[612_880])
    }

    func testKnownAnswers() throws {
        let engine = try realEngine()
        let valve = try engine.developer("Valve")
        XCTAssertEqual(valve.rows.count, 17)
        XCTAssertEqual(valve.rows.first { $0.year == 2007 }, .init(year: 2007, items: 3, freePercent: 33.33))
        XCTAssertEqual(valve.rows.first { $0.year == 2014 }?.items, 7)
        let user = try engine.userdata("76561198070234207")
        XCTAssertEqual(user.moneySpent, 69.95)
        XCTAssertEqual(user.itemsCount, 33)
        XCTAssertNil(user.recommendPercent)
        XCTAssertEqual(try engine.userForGenre("Action").userId, "crustyoldkiller")
        XCTAssertEqual(try engine.playTimeGenre("Action").year, 2012)
        XCTAssertEqual(try engine.playTimeGenre("Action").hours, 1_503_817.42)
        XCTAssertEqual(try engine.genreRank("Action").rank, 1)
        XCTAssertEqual(try engine.genreRank("RPG").rank, 2)
        XCTAssertEqual(try engine.genreRank("Indie").rank, 3)
    }
}
