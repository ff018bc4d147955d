import SteamLensApp
import SteamLensEngine
import TerminalUI
import XCTest

/// Year-less reviews and the crawl year (issue 8, item 16).
final class UndatedReviewsTests: XCTestCase {
    let engine = Fixture.engine

    func testTheSampleImpliesCrawlYear2016() {
        // The sample draws explicit years 2010–2015 over all months and leaves some years out, like the real files.
        XCTAssertEqual(engine.catalog.crawlYear.year, 2016)
        XCTAssertGreaterThan(engine.catalog.crawlYear.undatedCount, 0)
    }

    func testYearlessReviewsCountInTheCrawlYearOnlyUnderThatDefinition() {
        let undated = engine.catalog.crawlYear.undatedCount
        let crawl = Definitions(undatedReviews: .crawlYear), unknown = Definitions(undatedReviews: .unknown)
        XCTAssertEqual(engine.reviews(inYear: 2016, definitions: crawl).count, undated)
        XCTAssertEqual(engine.reviews(inYear: nil, definitions: crawl).count, 0)
        XCTAssertEqual(engine.reviews(inYear: 2016, definitions: unknown).count, 0)
        XCTAssertEqual(engine.reviews(inYear: nil, definitions: unknown).count, undated)
        XCTAssertEqual(engine.reviews(inYear: 2016, definitions: Definitions(reviewYear: .release)),
                       engine.reviews(inYear: 2016, definitions: Definitions(reviewYear: .release, undatedReviews: .unknown)),
                       "the release basis ignores where year-less posts go")
    }

    func testUSwitchesTheYearsPaneBetweenTheCrawlYearAndUnknown() {
        var state = Fixture.state()
        func reviews(_ name: String) -> Double? { state.panes[.years]!.rows.first { $0.name == name }?.secondary }
        XCTAssertEqual(reviews("2016"), Double(engine.catalog.crawlYear.undatedCount))
        state.press("u")
        XCTAssertEqual(state.definitions.undatedReviews, .unknown)
        XCTAssertEqual(reviews("2016"), 0)
        XCTAssertEqual(reviews("unknown"), Double(engine.catalog.crawlYear.undatedCount))
        XCTAssertTrue(state.status?.contains("undated: unknown") ?? false, state.status ?? "")
    }

    func testEveryPaneOpensOnANonEmptyRow() {
        let state = Fixture.state()
        for pane in [PaneID.developers, .users, .genres] {
            XCTAssertGreaterThan(state.panes[pane]!.selected!.count, 0, "\(pane.title) opens on an empty row")
        }
        let year = state.panes[.years]!.selected!
        XCTAssertGreaterThan(year.count, 0, "the opening year has games")
        XCTAssertGreaterThan(year.secondary, 0, "the opening year \(year.name) has reviews")
    }

    func testTheYearsPaneSkipsAYearWithGamesButNoReviews() {
        var state = Fixture.state()
        state.press("u")
        // Under "unknown", 2016 has no reviews; a fresh pane still opens on a year with both.
        let (fresh, _) = AppState.start(engine: engine, size: Size(width: 120, height: 40),
                                        definitions: Definitions(undatedReviews: .unknown), theme: .monochrome)
        let year = fresh.panes[.years]!.selected!
        XCTAssertGreaterThan(year.secondary, 0, "opened on \(year.name)")
        XCTAssertNotEqual(year.name, "2016")
    }
}
