import SteamLensApp
import SteamLensEngine
import TerminalUI
import XCTest

/// Keys go to the view that offers them and nowhere else (issue 8, item 15).
final class KeyRoutingTests: XCTestCase {
    let engine = Fixture.engine

    /// A state with the reviews of a game that has several reviews open.
    private func reviewsOpen() throws -> (state: AppState, item: Int32) {
        var state = Fixture.state()
        let catalog = engine.catalog
        let item = try XCTUnwrap((0..<Int32(catalog.gameCount)).first { catalog.reviewsOfItem.rowCount(Int($0)) >= 3 })
        let developer = catalog.developerOfItem[Int(item)]
        try XCTSkipIf(developer < 0, "the sample's reviewed game has no developer")
        state.focus = .developers
        state.panes[.developers]!.cursor = state.panes[.developers]!.rows.firstIndex { $0.id == Int(developer) }!
        state.press("Enter")
        state.panes[.games]!.cursor = state.panes[.games]!.rows.firstIndex { $0.id == Int(item) }!
        state.press("Enter")
        XCTAssertEqual(state.reviewsDrill?.item, item)
        return (state, item)
    }

    func testTypingAfterSlashInTheReviewsViewSearchesAndChangesNoDefinition() throws {
        var (state, _) = try reviewsOpen()
        let before = state.definitions
        state.press("/ b o r i n g")
        XCTAssertEqual(state.definitions, before, "b and r were typed into the prompt, not run")
        XCTAssertEqual(state.search?.query, "boring")
        XCTAssertNotNil(state.search?.reviewsOf)
        state.press("Enter n N")
        XCTAssertEqual(state.definitions, before)
        XCTAssertNotNil(state.reviewsDrill, "the reviews stay open")
    }

    func testSearchInTheReviewsViewScrollsToTheFirstReviewContainingTheText() throws {
        var (state, item) = try reviewsOpen()
        let texts = engine.catalog.reviewsOfItem[Int(item)].map { engine.catalog.reviewText[Int($0)] }
        let (target, word) = try XCTUnwrap(texts.indices.reversed().lazy.compactMap { index -> (Int, String)? in
            guard let word = texts[index].split(separator: " ").map(String.init)
                .first(where: { $0.count >= 6 && $0.allSatisfy(\.isLetter) }) else { return nil }
            return texts.firstIndex { NameKey.normalize($0).contains(NameKey.normalize(word)) } == index ? (index, word) : nil
        }.first)
        state.press("/ " + word.map(String.init).joined(separator: " ") + " Enter")
        XCTAssertEqual(state.reviewsDrill?.offset, target, "scrolled to the review with \"\(word)\"")
    }

    func testNInTheReviewsViewWithoutAReviewSearchDoesNotScroll() throws {
        var (state, _) = try reviewsOpen()
        state.press("n")
        XCTAssertEqual(state.reviewsDrill?.offset, 0)
        XCTAssertEqual(state.status, "no search yet: / to search the reviews")
    }

    func testKeysTypedWhileTheHelpIsOpenDoNothingAndQEscQuestionMarkCloseIt() {
        var state = Fixture.state()
        let before = state.definitions
        state.press("? b 4")
        XCTAssertEqual(state.overlay, .help(offset: 0), "stray keys neither close the help nor act")
        XCTAssertEqual(state.definitions, before)
        XCTAssertEqual(state.focus, .developers)
        state.press("q")
        XCTAssertNil(state.overlay)
        XCTAssertFalse(state.shouldQuit, "q in the help closes it; it does not quit")
        state.press("? Esc")
        XCTAssertNil(state.overlay)
        state.press("? ?")
        XCTAssertNil(state.overlay)
    }

    func testHelpScrollStopsAtItsLastLine() {
        var state = Fixture.state(80, 24)
        state.press("?")
        for _ in 0..<500 { state.press("j") }
        guard case .help(let offset)? = state.overlay else { return XCTFail("help closed") }
        XCTAssertGreaterThan(offset, 0)
        state.press("k")
        XCTAssertEqual(state.overlay, .help(offset: offset - 1), "one k moves back at once: the offset had no slack past the end")
        state.press("G")
        XCTAssertEqual(state.overlay, .help(offset: offset))
    }

    func testTheDefinitionsPanelSwitchesDefinitionsButSwallowsOtherKeys() {
        var state = Fixture.state()
        state.press("d 4 s /")
        XCTAssertEqual(state.overlay, .definitions(offset: 0))
        XCTAssertEqual(state.focus, .developers)
        XCTAssertNil(state.search)
        state.press("u")
        XCTAssertEqual(state.definitions.undatedReviews, .unknown)
    }

    func testTheSearchPromptTakesEveryPrintableKey() {
        var state = Fixture.state()
        let before = state.definitions
        state.press("/ b r t u 4")
        XCTAssertEqual(state.definitions, before)
        XCTAssertEqual(state.focus, .developers)
        XCTAssertEqual(state.search?.query, "brtu4")
    }

    func testSlashInTheHistogramViewSearchesTheFocusedPane() {
        var state = Fixture.state()
        state.press("h / b")
        XCTAssertEqual(state.search?.pane, .developers)
        XCTAssertNil(state.search?.reviewsOf)
        XCTAssertEqual(state.definitions, Definitions.standard)
    }
}
