import SteamLensApp
import SteamLensEngine
import TerminalUI
import XCTest

/// Scripted keys on the in-memory terminal, asserting what the screen shows.
final class ReplayTests: XCTestCase {
    let engine = Fixture.engine

    func testFirstFrameShowsTheCountsInTheHeaderAt80x24() {
        let (_, screen) = Fixture.replay("", 80, 24)
        XCTAssertEqual(screen.count, 24)
        XCTAssertTrue(screen[0].contains("SteamLens"))
        XCTAssertTrue(screen[0].contains("\(NumberFormat.grouped(engine.catalog.gameCount)) games"), screen[0])
        XCTAssertTrue(screen[0].contains("[q] quit"))
        XCTAssertTrue(screen[1].contains("Developers"))
        XCTAssertTrue(screenContains(screen, "Users"))
        XCTAssertTrue(screen[23].contains("help"), screen[23])
    }

    func testUserGamesAfterTwoJJEnterAt120x40() {
        let (runner, screen) = Fixture.replay("2 j j Enter", 120, 40)
        let user = runner.state.panes[.users]!.rows[2]
        XCTAssertTrue(screenContains(screen, "Games of \(user.name)"), screen.joined(separator: "\n"))
        let played = engine.catalog.libraryOfUser[user.id].max { $0.minutes < $1.minutes }!
        let title = String(engine.catalog.displayTitle(played.item).prefix(12))
        XCTAssertTrue(screenContains(screen, title), "the most played game \(title) is listed first")
    }

    func testTooSmallNoticeAt40x10() {
        let (_, screen) = Fixture.replay("j j", 40, 10)
        XCTAssertTrue(screenContains(screen, "terminal too small"))
        XCTAssertTrue(screenContains(screen, "40x10"))
        XCTAssertFalse(screenContains(screen, "Developers"))
    }

    func testResizeBelowTheMinimumAndBackRedraws() {
        let terminal = MemoryTerminal(size: Size(width: 80, height: 24))
        let (state, effects) = AppState.start(engine: engine, size: terminal.size, theme: .monochrome)
        let runner = AppRunner(engine: engine, terminal: terminal, state: state, effects: effects, synchronous: true)
        terminal.resize(to: Size(width: 50, height: 12))
        runner.run()
        XCTAssertTrue(terminal.screenText().contains("terminal too small"))
        terminal.resize(to: Size(width: 100, height: 30))
        runner.run()
        XCTAssertTrue(terminal.screenLines()[0].contains("games"))
        XCTAssertEqual(terminal.lastBuffer?.size, Size(width: 100, height: 30))
    }

    func testHelpOverlayListsTheKeymap() {
        let (_, screen) = Fixture.replay("?", 80, 24)
        XCTAssertTrue(screenContains(screen, "Help"))
        XCTAssertTrue(screenContains(screen, "move down"))
        let (_, closed) = Fixture.replay("? Esc", 80, 24)
        XCTAssertFalse(screenContains(closed, "move down"))
    }

    func testSearchValveMovesToValve() throws {
        // The sample has no developer named Valve; use the real data when present.
        let names = engine.catalog.developerNames
        guard let valve = names.first(where: { $0 == "Valve" }) else {
            let target = names[names.count / 2]
            let keys = target.prefix(6).map { $0 == " " ? "Space" : String($0) }.joined(separator: " ")
            let (runner, screen) = Fixture.replay("/ " + keys + " Esc", 120, 40)
            XCTAssertTrue(runner.state.pane.selected!.key.hasPrefix(NameKey.normalize(String(target.prefix(6)))))
            XCTAssertTrue(screenContains(screen, "▶ " + String(runner.state.pane.selected!.name.prefix(10))))
            return
        }
        let (_, screen) = Fixture.replay("/ v a l v e Esc", 120, 40)
        XCTAssertTrue(screenContains(screen, "▶ \(valve)"))
    }

    func testRightSideShowsSimilarGamesWithScoresForAGame() {
        let (runner, screen) = Fixture.replay("Enter", 120, 40)
        XCTAssertEqual(runner.state.focus, .games)
        XCTAssertTrue(screenContains(screen, "Similar games"), screen.joined(separator: "\n"))
        XCTAssertTrue(screenContains(screen, "score"))
    }

    func testYearPaneShowsTopDevelopersAndSentiment() {
        // The year with most reviews, reached by moving down the Years pane.
        var state = Fixture.state()
        state.press("4")
        let years = state.pane.rows
        let busiest = years.indices.max { years[$0].secondary < years[$1].secondary }!
        // g first: the pane opens on a year with reviews, not necessarily on the first row.
        let keys = "4 g" + String(repeating: " j", count: busiest)
        let (_, screen) = Fixture.replay(keys, 120, 40)
        let text = screen.joined(separator: "\n")
        XCTAssertTrue(screenContains(screen, "Top developers of \(years[busiest].name)"), text)
        XCTAssertTrue(screenContains(screen, "Most recommended games of"), text)
        XCTAssertTrue(screenContains(screen, "positive"), text)
        XCTAssertFalse(screenContains(screen, "No recommending"), text)
    }

    func testHistogramViewShowsBinsTotalAndLeftOut() {
        let (_, screen) = Fixture.replay("h a", 80, 24)
        XCTAssertTrue(screenContains(screen, "Price ($) · all data"), screen.joined(separator: "\n"))
        XCTAssertTrue(screenContains(screen, "0 (free)"))
        XCTAssertTrue(screenContains(screen, "total"))
    }

    func testDefinitionsPanelShowsCleaningRules() {
        let (_, screen) = Fixture.replay("d", 120, 40)
        XCTAssertTrue(screenContains(screen, "Definitions in effect"))
        XCTAssertTrue(screenContains(screen, "Cleaning rules applied at load"))
        XCTAssertTrue(screenContains(screen, "steam_games"), screen.joined(separator: "\n"))
    }

    func testExportWritesTheChosenTableToANewFileAndShowsItsAbsolutePath() throws {
        let folder = NSTemporaryDirectory() + "steamlens-export-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let runner = AppRunner.replay(engine: engine, keys: try Key.parse(replay: "e j Enter e j Enter"), size: Size(width: 120, height: 40),
                                      sourceName: "sample", exportFolder: folder)
        let status = runner.state.status ?? ""
        XCTAssertTrue(status.hasPrefix("exported to " + folder + "/"), status)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        XCTAssertEqual(files.count, 2, "the second export of the same table gets its own name: \(files)")
        XCTAssertTrue(files[0].hasSuffix("-2.csv") || files[1].hasSuffix("-2.csv"), "\(files)")
        for file in files {
            let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            XCTAssertTrue(text.hasPrefix("year,items,free%"), text)
        }
        XCTAssertTrue((runner.terminal as! MemoryTerminal).screenText().contains("exported to"))
    }

    func testReplayFramesStayUnderTheBudget() {
        let (runner, _) = Fixture.replay("j j j Tab j j Tab j 4 j h h l", 120, 40)
        let sorted = runner.renderMilliseconds.sorted()
        XCTAssertFalse(sorted.isEmpty)
        // Debug builds are several times slower than release; this guards against gross regressions.
        XCTAssertLessThan(sorted[sorted.count / 2], 50)
    }
}

/// Literal screen text for issue 8's items 15–17.
final class IssueEightReplayTests: XCTestCase {
    func testTheYearsPaneOpensOn2016WithReviewsAt80x24() {
        let (_, screen) = Fixture.replay("4", 80, 24)
        XCTAssertTrue(screenContains(screen, "│▶ 2016"), screen.joined(separator: "\n"))
        XCTAssertTrue(screenContains(screen, "Top developers of 2016"))
        XCTAssertFalse(screenContains(screen, "No reviews in"))
    }

    func testTheYearsPaneOpensOn2016WithReviewsAt120x40() {
        let (_, screen) = Fixture.replay("4", 120, 40)
        XCTAssertTrue(screenContains(screen, "│▶ 2016"), screen.joined(separator: "\n"))
        XCTAssertTrue(screenContains(screen, "Sentiment of 2016 (review year: posted)"))
        XCTAssertFalse(screenContains(screen, "No reviews in"))
    }

    func testTheDefinitionsPanelShowsTheCrawlYearAndItsEvidenceAt120x40() {
        let (_, screen) = Fixture.replay("d", 120, 40)
        XCTAssertTrue(screenContains(screen, "reviews without a year in 'posted': count in 2016, the crawl year"),
                      screen.joined(separator: "\n"))
        XCTAssertTrue(screenContains(screen, "crawl year 2016: latest explicit year 2015 + 1; year-less posts run January"))
        XCTAssertTrue(screenContains(screen, "Definitions · r u t b switch"))
    }

    func testTheHeaderSaysWhenYearlessReviewsAreUnknownAt120x40() {
        let (_, screen) = Fixture.replay("u", 120, 40)
        XCTAssertTrue(screen[0].contains("posted year · undated unknown · hours"), screen[0])
    }

    func testTheSearchPromptInTheReviewsViewSaysWhatItSearchesAt80x24() {
        let engine = Fixture.engine
        // The first developer's first game with reviews: 1 Enter opens its games.
        let (runner, _) = Fixture.replay("Enter", 80, 24)
        guard let row = runner.state.panes[.games]?.rows.firstIndex(where: { engine.catalog.reviewsOfItem.rowCount($0.id) > 0 }) else {
            XCTFail("the first developer has no reviewed game")
            return
        }
        let moves = Array(repeating: "j", count: max(0, row - runner.state.panes[.games]!.cursor)).joined(separator: " ")
        let (after, screen) = Fixture.replay("Enter \(moves) Enter / b", 80, 24)
        XCTAssertNotNil(after.state.reviewsDrill)
        XCTAssertTrue(screen[23].hasPrefix(" /b"), screen[23])
        XCTAssertTrue(screen[23].contains("search reviews"), screen[23])
        XCTAssertEqual(after.state.definitions, Definitions.standard)
    }

    func testWithASCIIGlyphsEveryCellIsASCIIAt120x40() {
        let engine = Fixture.engine
        let runner = AppRunner.replay(engine: engine, keys: [.char("4")], size: Size(width: 120, height: 40),
                                      sourceName: "sample", glyphs: .ascii)
        let lines = (runner.terminal as! MemoryTerminal).screenLines()
        XCTAssertTrue(lines[0].contains("sample | \(NumberFormat.grouped(engine.catalog.gameCount)) games | "), lines[0])
        XCTAssertTrue(lines.joined().unicodeScalars.allSatisfy(\.isASCII), lines.joined(separator: "\n"))
    }
}
