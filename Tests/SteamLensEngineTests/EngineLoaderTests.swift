import XCTest
import SteamLensData
@testable import SteamLensEngine
import SteamLensTestSupport

final class EngineLoaderTests: XCTestCase {
    func testAStoreIsBuiltOnceThenReadAndRebuiltWithAMessageWhenDamaged() throws {
        let loader = try EngineLoader(dataFolder: try Fixture.folder(), cacheFolder: Fixture.temporaryFolder())
        let first = try loader.open()
        XCTAssertEqual(first.origin, .built(reason: "first load of this data folder"))
        XCTAssertTrue(first.warnings.isEmpty)

        let second = try loader.open()
        XCTAssertEqual(second.origin, .store)
        XCTAssertEqual(second.engine.catalog.titles, first.engine.catalog.titles)
        XCTAssertEqual(second.engine.catalog.reviewSentiment, first.engine.catalog.reviewSentiment)
        XCTAssertEqual(try second.engine.recommendGame("10").rows, try first.engine.recommendGame("10").rows)

        try Data(repeating: 0x2A, count: 4_096).write(to: URL(fileURLWithPath: loader.storePath))
        let third = try loader.open()
        guard case .built(let reason) = third.origin else { return XCTFail("a damaged store must be rebuilt") }
        XCTAssertTrue(reason.contains("unreadable"), reason)
        XCTAssertEqual(third.warnings.count, 1)
        XCTAssertTrue(third.warnings[0].hasPrefix("Rebuilding the store"), third.warnings[0])
        XCTAssertEqual(try loader.open().origin, .store, "the rebuilt store is trusted again")
    }

    func testChangedInputsMakeTheStoreStale() throws {
        let folder = try Fixture.folder()
        let loader = try EngineLoader(dataFolder: folder, cacheFolder: Fixture.temporaryFolder())
        _ = try loader.open()
        try (Fixture.reviews + "\n").write(toFile: folder + "/australian_user_reviews.json", atomically: true, encoding: .utf8)
        let reopened = try loader.open()
        guard case .built(let reason) = reopened.origin else { return XCTFail("changed inputs must rebuild") }
        XCTAssertTrue(reason.contains("out of date"), reason)
    }
}
