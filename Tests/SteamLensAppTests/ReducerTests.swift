@testable import SteamLensApp
import SteamLensEngine
import TerminalUI
import XCTest

final class ReducerTests: XCTestCase {
    let engine = Fixture.engine

    func testStartFocusesDevelopersSortedByGameCountDescending() {
        let state = Fixture.state()
        XCTAssertEqual(state.focus, .developers)
        let counts = state.panes[.developers]!.rows.map(\.count)
        XCTAssertEqual(counts, counts.sorted(by: >))
        XCTAssertEqual(state.panes[.users]!.rows.count, engine.catalog.userCount)
        guard case .entity(.developers, let id) = state.selection else { return XCTFail("no developer selected") }
        XCTAssertEqual(Int(id), state.panes[.developers]!.rows[0].id)
    }

    func testDownMovesTheCursorAndRebuildsTheRightSideUnderANewGeneration() {
        var state = Fixture.state()
        let generation = state.generation
        state.press("j")
        XCTAssertEqual(state.pane.cursor, 1)
        XCTAssertGreaterThan(state.generation, generation)
        let name = state.panes[.developers]!.rows[1].name
        XCTAssertTrue(state.detail.sections[0].title.hasPrefix(name), state.detail.sections[0].title)
    }

    func testCursorStopsAtBothEnds() {
        var state = Fixture.state()
        state.press("k k")
        XCTAssertEqual(state.pane.cursor, 0)
        state.press("G j")
        XCTAssertEqual(state.pane.cursor, state.pane.rows.count - 1)
        state.press("g")
        XCTAssertEqual(state.pane.cursor, 0)
    }

    func testPageDownMovesByAScreenOfRows() {
        var state = Fixture.state(80, 24)
        state.press("PgDn")
        XCTAssertGreaterThan(state.pane.cursor, 5)
        XCTAssertLessThan(state.pane.cursor, 20)
        XCTAssertLessThanOrEqual(state.pane.offset, state.pane.cursor)
    }

    func testTabCyclesTheFivePanesAndNumberKeysJump() {
        var state = Fixture.state()
        state.press("Tab")
        XCTAssertEqual(state.focus, .users)
        state.press("Tab Tab Tab")
        XCTAssertEqual(state.focus, .games)
        XCTAssertEqual(state.pane.rows.count, engine.catalog.gameCount, "before any drill the Games pane lists every game")
        state.press("Tab")
        XCTAssertEqual(state.focus, .developers)
        state.press("BTab")
        XCTAssertEqual(state.focus, .games)
        state.press("3")
        XCTAssertEqual(state.focus, .genres)
    }

    func testEnterOnAUserOpensTheirGamesAndEscReturnsWithCursorsKept() {
        var state = Fixture.state()
        state.press("2 j j")
        let user = state.panes[.users]!.rows[2]
        state.press("Enter")
        XCTAssertEqual(state.focus, .games)
        let library = Set(engine.catalog.libraryOfUser[user.id].map { Int($0.item) })
        XCTAssertEqual(Set(state.pane.rows.map(\.id)), library)
        state.press("Esc")
        XCTAssertEqual(state.focus, .users)
        XCTAssertEqual(state.pane.cursor, 2)
        XCTAssertNil(state.drillScope)
    }

    func testEnterOnAGameOpensItsReviewsAndJScrollsThem() {
        var state = Fixture.state()
        // The developer with most reviews has a game with reviews.
        let developer = state.panes[.developers]!.rows.max { $0.secondary < $1.secondary }!
        let index = state.panes[.developers]!.rows.firstIndex(of: developer)!
        for _ in 0..<index { state.press("j") }
        state.press("Enter")
        let withReviews = state.pane.rows.firstIndex { $0.secondary > 1 }!
        for _ in 0..<withReviews { state.press("j") }
        state.press("Enter")
        XCTAssertNotNil(state.reviewsDrill)
        state.press("j")
        XCTAssertEqual(state.reviewsDrill?.offset, 1)
        state.press("Esc")
        XCTAssertNil(state.reviewsDrill)
        XCTAssertEqual(state.focus, .games)
        XCTAssertEqual(state.pane.cursor, withReviews)
    }

    func testStaleRecommendationsAreIgnored() {
        var state = Fixture.state()
        let old = state.generation
        _ = reduce(&state, .key(.char("j")), engine: engine)
        let fake = [Recommendation]()
        reduce(&state, .recommendationsReady(generation: old, rows: fake), engine: engine)
        let pending = state.detail.sections.contains { $0.body == .recommendations(nil) }
        XCTAssertTrue(pending, "an answer for an older selection must not fill the new one")
        reduce(&state, .recommendationsReady(generation: state.generation, rows: fake), engine: engine)
        XCTAssertTrue(state.detail.sections.contains { $0.body == .recommendations([]) })
    }

    func testSearchMovesToTheBestMatchIgnoringCaseAndAccents() {
        var state = Fixture.state()
        let target = state.panes[.developers]!.rows[7]
        let query = String(target.key.prefix(8)).uppercased()
        state.press("/")
        for character in query { state.press(character == " " ? "Space" : String(character)) }
        XCTAssertEqual(state.pane.selected?.key.hasPrefix(target.key.prefix(8).description), true)
        state.press("Esc")
        XCTAssertEqual(state.search?.isEditing, false)
        XCTAssertTrue(state.pane.selected!.key.hasPrefix(String(target.key.prefix(8))))
    }

    func testSortCyclesEveryColumnAndReversesKeepingTheSelectedRow() {
        var state = Fixture.state()
        state.press("j j j")
        let selected = state.pane.selected!.id
        state.press("s")
        XCTAssertEqual(state.pane.sort, PaneSort(column: 2, descending: true))
        let secondary = state.pane.rows.map(\.secondary)
        XCTAssertEqual(secondary, secondary.sorted(by: >))
        XCTAssertEqual(state.pane.selected?.id, selected, "the cursor follows its row")
        state.press("s")
        XCTAssertEqual(state.pane.sort, PaneSort(column: 0, descending: false))
        let keys = state.pane.rows.map(\.key)
        XCTAssertEqual(keys, keys.sorted())
        state.press("S")
        XCTAssertEqual(state.pane.rows.map(\.key), keys.sorted(by: >))
        state.press("[")
        XCTAssertEqual(state.pane.sort.column, 2)
        state.press("]")
        state.press("]")
        XCTAssertEqual(state.pane.sort, PaneSort(column: 1, descending: true))
        XCTAssertEqual(state.pane.selected?.id, selected)
    }

    func testHistogramKeyCyclesKindsThenCloses() {
        var state = Fixture.state()
        state.press("a h")
        XCTAssertEqual(state.histogram?.kind, .price)
        XCTAssertEqual(state.distribution?.kind, .price)
        state.press("l")
        XCTAssertEqual(state.distribution?.logBins, true)
        state.press("a")
        XCTAssertEqual(state.distribution?.scope, .all)
        for _ in 0..<4 { state.press("h") }
        XCTAssertEqual(state.histogram?.kind, .sentiment)
        state.press("h")
        XCTAssertNil(state.histogram)
    }

    func testDefinitionTogglesSwitchUnitsEverywhere() {
        var state = Fixture.state()
        state.press("2 t")
        XCTAssertEqual(state.definitions.timeUnit, .minutes)
        XCTAssertEqual(state.pane.columns.map(\.name), ["items", "minutes"])
        state.press("r")
        XCTAssertEqual(state.definitions.reviewYear, .release)
    }

    func testExportMenuOffersTheListAndEveryTableOnTheRight() {
        var state = Fixture.state()
        state.press("e")
        guard case .export(0, .csv)? = state.overlay else { return XCTFail("no export menu: \(String(describing: state.overlay))") }
        let targets = ExportTargets.list(state)
        XCTAssertTrue(targets[0].label.hasPrefix("list: 1 Developers"), targets[0].label)
        XCTAssertEqual(targets[0].fileStem, "developers-by-games-desc")
        XCTAssertTrue(targets.contains { $0.table.columns.map(\.name) == ["year", "items", "free%"] })
        let effects = reduce(&state, .key(.enter), engine: engine)
        guard case .export(_, let stem, "csv", let contents)? = effects.first else { return XCTFail("no export effect") }
        XCTAssertEqual(stem, "steamlens-developers-by-games-desc")
        XCTAssertTrue(contents.hasPrefix("name,games,reviews\n"), contents)
        XCTAssertEqual(contents.split(separator: "\n").count, state.pane.rows.count + 1)
        reduce(&state, .exported(path: "/tmp/x.csv"), engine: engine)
        XCTAssertEqual(state.status, "exported to /tmp/x.csv")
    }

    func testQAndCtrlCQuitButQIsTextInTheSearchPrompt() {
        var state = Fixture.state()
        state.press("/ q")
        XCTAssertFalse(state.shouldQuit)
        XCTAssertEqual(state.search?.query, "q")
        state.press("C-c")
        XCTAssertTrue(state.shouldQuit)
        var other = Fixture.state()
        other.press("q")
        XCTAssertTrue(other.shouldQuit)
    }

    func testKeymapHasNoKeyBoundTwice() {
        XCTAssertEqual(AppKeymap.keymap.duplicateKeys, [])
    }
}
