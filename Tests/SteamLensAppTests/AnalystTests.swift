@testable import SteamLensApp
import SteamLensEngine
import TerminalUI
import XCTest

/// Filter, sort, frequency tables and export on the tiny catalogue, where
/// every answer is known by hand (see ``TinyCatalog``).
final class AnalystTests: XCTestCase {
    func state(_ width: Int = 120, _ height: Int = 40) -> AppState {
        AppState.start(engine: TinyCatalog.engine, size: Size(width: width, height: height), sourceName: "tiny",
                       theme: .monochrome, exportFolder: NSTemporaryDirectory()).0
    }

    func names(_ state: AppState) -> [String] { state.pane.rows.map(\.name) }

    func testCheapRoguelikesOf2012To2015ByOwners() {
        var state = self.state()
        state.press("5 f", engine: TinyCatalog.engine)
        for character in "price < 10 tag:roguelike year 2012..2015" {
            state.press(character == " " ? "Space" : String(character), engine: TinyCatalog.engine)
        }
        state.press("Enter", engine: TinyCatalog.engine)
        XCTAssertNil(state.filterPrompt)
        XCTAssertEqual(names(state), ["Dungeon Loop", "Crypt Runner", "Tiny Tactics"], "owners 3, 2, 2; ties by name")
        XCTAssertEqual(state.pane.allRows.count, 6)
        XCTAssertEqual(PaneColumn.title(.games, in: state), "5 Games (3 of 6) |price < 10 tag:roguelike year 2012..2015")
        state.press("Esc", engine: TinyCatalog.engine)
        XCTAssertNil(state.pane.filter)
        XCTAssertEqual(state.pane.rows.count, 6, "Esc clears the filter")
    }

    func testABadFilterKeepsThePromptOpenWithTheReason() {
        var state = self.state()
        state.press("5 f c o s t Space < Space 1 Enter", engine: TinyCatalog.engine)
        XCTAssertEqual(state.filterPrompt?.error, "\"<\" needs a field before it, e.g. price < 10")
        XCTAssertNil(state.pane.filter)
        state.press("Esc", engine: TinyCatalog.engine)
        XCTAssertNil(state.filterPrompt)
    }

    func testAFilterThatKeepsNothingSaysSo() {
        var state = self.state()
        state.press("5 f p r i c e > 1 0 0 Enter", engine: TinyCatalog.engine)
        XCTAssertEqual(state.pane.rows, [])
        XCTAssertEqual(state.status, "no row of 6 matches price>100 · Esc clears")
        XCTAssertEqual(state.selection, .none)
    }

    func testSortingByPriceBothWaysPutsUnknownLast() {
        var state = self.state()
        state.press("5 ] ]", engine: TinyCatalog.engine)
        XCTAssertEqual(state.pane.sortColumnName, "price")
        XCTAssertEqual(names(state).last, "Old Ruins")
        XCTAssertEqual(names(state).first, "Romance of the Three Kingdoms XIII: Fame and Strategy Expansion Pack")
        state.press("S", engine: TinyCatalog.engine)
        XCTAssertEqual(names(state), ["Tiny Tactics", "Dungeon Loop", "Crypt Runner", "Sky Harbor",
                                      "Romance of the Three Kingdoms XIII: Fame and Strategy Expansion Pack", "Old Ruins"])
    }

    func testFrequencyOfTagsCountsTheFilteredGamesAndEnterFiltersToARow() {
        var state = self.state()
        state.press("5 f y e a r Space 2 0 1 2 . . 2 0 1 5 Enter F", engine: TinyCatalog.engine)
        let table = state.frequency!.table
        XCTAssertEqual(table.total, 3)
        XCTAssertEqual(table.rows.map(\.label), ["Roguelike", "Action", "Indie", "Strategy"])
        XCTAssertEqual(table.rows.map(\.count), [3, 1, 1, 1])
        XCTAssertEqual(table.percent(table.rows[0]), 100)
        state.press("j j j Enter", engine: TinyCatalog.engine)
        XCTAssertNil(state.frequency)
        XCTAssertEqual(state.focus, .games)
        XCTAssertEqual(state.pane.filter?.text, "year 2012..2015 tag=\"Strategy\"")
        XCTAssertEqual(names(state), ["Tiny Tactics"])
    }

    func testFrequencyAttributesCycleAndPriceBandsKeepTheirOrder() {
        var state = self.state()
        state.press("5 F F F F F F", engine: TinyCatalog.engine)
        let table = state.frequency!.table
        XCTAssertEqual(table.attribute, FrequencyAttribute.priceBand.rawValue)
        XCTAssertEqual(table.rows.map(\.label), ["free", "(0, 5)", "[5, 10)", "[10, 20)", "[20, 40)", "unknown"])
        state.press("G Enter", engine: TinyCatalog.engine)
        XCTAssertEqual(names(state), ["Old Ruins"], "Enter on unknown keeps the games without a price")
    }

    func testFrequencyOfPublishersCountsGamesWithoutOneAsNoneAndEnterFiltersToAPublisher() {
        var state = self.state()
        state.press("5 F F F F F", engine: TinyCatalog.engine)
        let table = state.frequency!.table
        XCTAssertEqual(table.attribute, FrequencyAttribute.publisher.rawValue)
        XCTAssertEqual(table.total, 6)
        XCTAssertEqual(table.rows.map(\.label), ["Iron Owl", "Blue Kite", "Ember Forge", "Koei Tecmo", "(none)"])
        XCTAssertEqual(table.rows.map(\.count), [2, 1, 1, 1, 1], "Old Ruins has no publisher")
        XCTAssertNil(table.rows.last?.filter)
        state.press("Enter", engine: TinyCatalog.engine)
        XCTAssertEqual(state.pane.filter?.text, "publisher=\"Iron Owl\"")
        XCTAssertEqual(names(state), ["Crypt Runner", "Sky Harbor"])
    }

    func testPublisherLabelFilterKeepsTheGamesOfMatchingPublishers() {
        var state = self.state()
        state.press("5 f", engine: TinyCatalog.engine)
        for character in "publisher:owl" { state.press(String(character), engine: TinyCatalog.engine) }
        state.press("Enter", engine: TinyCatalog.engine)
        XCTAssertEqual(Set(names(state)), ["Crypt Runner", "Sky Harbor"])
        state.press("Esc f", engine: TinyCatalog.engine)
        for character in "-publisher:owl" { state.press(String(character), engine: TinyCatalog.engine) }
        state.press("Enter", engine: TinyCatalog.engine)
        XCTAssertEqual(Set(names(state)), ["Dungeon Loop", "Tiny Tactics", "Romance of the Three Kingdoms XIII: Fame and Strategy Expansion Pack", "Old Ruins"],
                       "a negated label clause keeps the game without a publisher")
    }

    func testAStepsTheFrequencyTableFromTheListToTheSelectedRowToEveryGame() {
        var state = self.state()
        state.press("f g a m e s > 1 Enter F", engine: TinyCatalog.engine)
        XCTAssertEqual(state.frequency?.table.scopeName, "games of Developers |games>1")
        XCTAssertEqual(state.frequency?.table.total, 5, "Ember Forge's 3 and Blue Kite's 2")
        state.press("a", engine: TinyCatalog.engine)
        XCTAssertEqual(state.frequency?.table.scopeName, "games of Ember Forge")
        XCTAssertEqual(state.frequency?.table.total, 3)
        state.press("a", engine: TinyCatalog.engine)
        XCTAssertEqual(state.frequency?.table.scopeName, "all games")
        XCTAssertEqual(state.frequency?.table.total, 6)
        state.press("a", engine: TinyCatalog.engine)
        XCTAssertEqual(state.frequency?.table.total, 5)
    }

    func testFrequencyOfSentimentCountsReviewsOfTheDevelopersGames() {
        var state = self.state()
        state.press("F F F F F F F F F", engine: TinyCatalog.engine)
        let table = state.frequency!.table
        XCTAssertEqual(table.attribute, FrequencyAttribute.sentiment.rawValue)
        XCTAssertEqual(table.unit, "reviews")
        XCTAssertEqual(table.total, TinyCatalog.engine.catalog.reviewCount)
        XCTAssertEqual(table.scopeName, "games of Developers")
    }

    func testExportedListHoldsTheFilterAndSortInItsNameAndRows() throws {
        var state = self.state()
        state.press("5 f p r i c e < 1 0 Enter e", engine: TinyCatalog.engine)
        let target = ExportTargets.list(state)[0]
        XCTAssertEqual(target.fileStem, "games-price-10-by-owners-desc")
        XCTAssertEqual(ExportFormat.csv.encode(target.table), """
            name,owners,reviews,price,year
            Dungeon Loop,3,2,4.99,2013
            Crypt Runner,2,2,9.99,2015
            Tiny Tactics,2,0,0.00,2012

            """)
        XCTAssertEqual(ExportFormat.tsv.encode(target.table).split(separator: "\n")[1], "Dungeon Loop\t3\t2\t4.99\t2013")
        XCTAssertTrue(ExportFormat.json.encode(target.table).contains(#"{"name": "Dungeon Loop", "owners": 3, "reviews": 2, "price": 4.99, "year": 2013}"#))
    }

    func testPaletteFindsCommandsByWordsAndRunsThem() {
        XCTAssertEqual(paletteMatches("reverse").first?.command, .sortReverse)
        XCTAssertEqual(paletteMatches("freq").first?.command, .frequency)
        XCTAssertTrue(paletteMatches("zzzz").isEmpty)
        var state = self.state()
        state.press(": r e v e r s e Enter", engine: TinyCatalog.engine)
        XCTAssertNil(state.overlay)
        XCTAssertEqual(state.pane.sort, PaneSort(column: 1, descending: false))
    }
}

/// The mouse on the tiny catalogue at 120x40: the Developers pane starts
/// focused with its title on row 1, its header on row 2 and rows from 3.
final class MouseTests: XCTestCase {
    func state() -> AppState {
        AppState.start(engine: TinyCatalog.engine, size: Size(width: 120, height: 40), sourceName: "tiny",
                       theme: .monochrome, exportFolder: NSTemporaryDirectory()).0
    }

    func testAClickOnARowSelectsItAndOnATitleFocusesThatPane() {
        var state = self.state()
        state.press("Click(5,4)", engine: TinyCatalog.engine)
        XCTAssertEqual(state.pane.selected?.name, "Blue Kite")
        // The collapsed panes follow the list: Users is the title under it.
        let usersRow = 1 + 1 + ScreenLayout(size: state.size).listRows(paneCount: 5) + 1
        state.press("Click(5,\(usersRow))", engine: TinyCatalog.engine)
        XCTAssertEqual(state.focus, .users)
    }

    func testAClickOnTheHeaderSortsByThatColumnAndAgainReverses() {
        var state = self.state()
        state.press("Click(3,2)", engine: TinyCatalog.engine)
        XCTAssertEqual(state.pane.sort, PaneSort(column: 0, descending: false))
        XCTAssertEqual(state.pane.rows.map(\.name), ["Blue Kite", "Ember Forge", "Koei Tecmo"])
        state.press("Click(3,2)", engine: TinyCatalog.engine)
        XCTAssertEqual(state.pane.sort, PaneSort(column: 0, descending: true))
    }

    func testTheWheelScrollsThreeRows() {
        var state = self.state()
        state.press("5 WheelDown(10,10)", engine: TinyCatalog.engine)
        XCTAssertEqual(state.pane.cursor, 3)
        state.press("WheelUp(10,10)", engine: TinyCatalog.engine)
        XCTAssertEqual(state.pane.cursor, 0)
    }

    func testACursorMoveKeepsThePreviousRecommendationsDimmedInsteadOfComputing() {
        var state = self.state()
        state.press("5", engine: TinyCatalog.engine)
        let before = state.detail.recommendations
        XCTAssertNotNil(before)
        reduce(&state, .key(.char("j")), engine: TinyCatalog.engine)   // the effect is not run: the answer is pending
        XCTAssertNil(state.detail.recommendations)
        XCTAssertEqual(state.detail.staleRecommendations, before)
        let screen = render(state, size: state.size).plainLines()
        XCTAssertFalse(screen.contains { $0.contains("computing") }, screen.joined(separator: "\n"))
    }
}

final class ClipboardTests: XCTestCase {
    func testYCopiesTheSelectedNameAndShiftYAGamesAppId() {
        let runner = TinyCatalog.replay("5 y Y", 120, 40).runner
        XCTAssertEqual((runner.terminal as! MemoryTerminal).clipboard, ["Dungeon Loop", "101"])
        XCTAssertEqual(runner.state.status, "copied \"101\" to the clipboard (OSC 52)")
    }

    func testTheOSC52SequenceCarriesTheTextInBase64() {
        XCTAssertEqual(MemoryTerminal.osc52("Valve"), "\u{1B}]52;c;VmFsdmU=\u{07}")
        XCTAssertEqual(MemoryTerminal.osc52("ab"), "\u{1B}]52;c;YWI=\u{07}")
        XCTAssertEqual(MemoryTerminal.osc52("Pokémon"), "\u{1B}]52;c;UG9rw6ltb24=\u{07}")
    }
}

/// The reviews view of Crypt Runner: ana (May 2016, does not recommend,
/// "Too hard, not fun") and cem (July 2016, recommends, "Best run based game I played").
final class ReviewsViewTests: XCTestCase {
    func opened() -> AppState {
        var state = AppState.start(engine: TinyCatalog.engine, size: Size(width: 120, height: 40), sourceName: "tiny",
                                   theme: .monochrome, exportFolder: NSTemporaryDirectory()).0
        state.press("5 j Enter", engine: TinyCatalog.engine)
        return state
    }

    func texts(_ state: AppState) -> [String] {
        state.reviewList.reviews.map { TinyCatalog.engine.catalog.reviewText[Int($0)] }
    }

    func testTheTitleSaysWhichReviewIsOnTop() {
        var state = opened()
        XCTAssertTrue(state.detail.sections[0].title.hasPrefix("Reviews of Crypt Runner · 1 / 2 · "), state.detail.sections[0].title)
        state.press("j", engine: TinyCatalog.engine)
        XCTAssertTrue(state.detail.sections[0].title.hasPrefix("Reviews of Crypt Runner · 2 / 2 · "), state.detail.sections[0].title)
    }

    func testFilterBySentimentOrRecommendAndEscClearsIt() {
        var state = opened()
        state.press("f r e c o m m e n d Space 0 Enter", engine: TinyCatalog.engine)
        XCTAssertEqual(texts(state), ["Too hard, not fun"])
        XCTAssertTrue(state.detail.sections[0].title.contains("1 / 1 of 2 |recommend 0"), state.detail.sections[0].title)
        state.press("Esc", engine: TinyCatalog.engine)
        XCTAssertEqual(texts(state).count, 2)
        XCTAssertNotNil(state.reviewsDrill, "the first Esc clears the filter, the view stays")
        state.press("f b e s t Enter", engine: TinyCatalog.engine)
        XCTAssertEqual(texts(state), ["Best run based game I played"], "a bare word searches the text")
        state.press("Esc f l e n g t h > 5 0 0 Enter", engine: TinyCatalog.engine)
        XCTAssertEqual(state.reviewList.reviews, [])
        XCTAssertTrue(screenContains(render(state, size: state.size).plainLines(), "no review matches the filter"))
    }

    func testSortByDateBothWaysAndByLength() {
        var state = opened()
        state.press("s", engine: TinyCatalog.engine)
        XCTAssertEqual(state.reviewList.sort, .newest)
        XCTAssertEqual(texts(state), ["Best run based game I played", "Too hard, not fun"])
        state.press("s", engine: TinyCatalog.engine)
        XCTAssertEqual(texts(state), ["Too hard, not fun", "Best run based game I played"])
        state.press("s", engine: TinyCatalog.engine)
        XCTAssertEqual(state.reviewList.sort, .longest)
        XCTAssertEqual(texts(state).first, "Best run based game I played")
    }

    /// Dungeon Loop: ana's review (stored first, the longer) has no ratings, ben's 3 of 3.
    func testMostHelpfulFirstOrdersByPeopleWhoFoundItHelpful() {
        var state = opened()
        state.press("Esc k Enter", engine: TinyCatalog.engine)
        XCTAssertEqual(texts(state), ["Great loop, one more run every time", "Fun roguelike with good music"])
        state.press("s s s s", engine: TinyCatalog.engine)
        XCTAssertEqual(state.reviewList.sort, .mostHelpful)
        XCTAssertEqual(texts(state), ["Fun roguelike with good music", "Great loop, one more run every time"])
        XCTAssertTrue(state.detail.sections[0].title.contains(" · most helpful first · "), state.detail.sections[0].title)
        state.press("s", engine: TinyCatalog.engine)
        XCTAssertEqual(state.reviewList.sort, .stored, "s wraps round to the stored order")
    }

    func testHelpfulFilterComparesThePeopleWhoFoundItHelpful() {
        var state = opened()
        state.press("f h e l p f u l Space > Space 1 0 0 Enter", engine: TinyCatalog.engine)
        XCTAssertEqual(texts(state), ["Best run based game I played"], "1,203 found cem's review helpful, 1 ana's")
        state.press("Esc f h e l p f u l Space = Space 0 Enter", engine: TinyCatalog.engine)
        XCTAssertEqual(texts(state), [])
        state.press("Esc Esc k Enter f h e l p f u l Space = Space 0 Enter", engine: TinyCatalog.engine)
        XCTAssertEqual(texts(state), ["Great loop, one more run every time"], "No ratings yet counts as 0")
    }

    func testALongHeadingBreaksBetweenItsPartsSoTheVotesStayVisible() {
        let heading = "76561198188662836 · recommends · negative · 2014 · 27 of 31 helpful"
        XCTAssertEqual(DetailView.headingLines(heading, width: 80), [heading])
        XCTAssertEqual(DetailView.headingLines(heading, width: 56),
                       ["76561198188662836 · recommends · negative · 2014", "27 of 31 helpful"])
        XCTAssertEqual(DetailView.headingLines(heading, width: 10),
                       ["76561198188662836", "recommends", "negative", "2014", "27 of 31 helpful"], "a part is never split; the writer cuts it")
        XCTAssertEqual(DetailView.headingLines("", width: 40), [])
    }

    func testEachHeadingEndsWithTheHelpfulVotes() {
        let state = opened()
        guard case .reviews(let snippets, _) = state.detail.sections[0].body else { return XCTFail("no reviews") }
        XCTAssertEqual(snippets.map(\.heading), ["ana · does not recommend · neutral · 2016 · 1 of 4 helpful",
                                                 "cem · recommends · positive · 2016 · 1,203 of 1,500 helpful"])
    }
}
