import SteamLensApp
import StreamingCatalog
import TerminalUI
import XCTest

/// The streaming catalogue's panes driven through `reduce` alone, on the
/// bundled sample: what each pane lists, what Enter opens, what the right
/// side asks, and which keys it has.
final class StreamingExplorerTests: XCTestCase {
    let explorer = StreamingFixture.explorer
    let titles = StreamingFixture.titles

    func testTheFirstFrameFocusesPlatformsWithEveryTitleCountedOnce() {
        let state = StreamingFixture.state()
        XCTAssertEqual(state.visiblePanes.map(\.title), ["Platforms", "Genres", "Years", "Countries", "Cast", "Viewers", "Ratings", "Clusters", "Titles"])
        XCTAssertEqual(state.focus, StreamingExplorer.platforms)
        let platforms = state.panes[StreamingExplorer.platforms]?.rows ?? []
        XCTAssertEqual(platforms.map(\.name).sorted(), ["Amazon Prime", "Disney+", "Hulu", "Netflix"])
        XCTAssertEqual(platforms.map(\.count).reduce(0, +), titles.count)
        XCTAssertEqual(platforms.first?.name, "Amazon Prime", "sorted by titles, the most first")
        XCTAssertEqual(state.panes[StreamingExplorer.titles]?.rows.count, titles.count)
        XCTAssertEqual(state.detail.sections.first?.title, "Titles of Amazon Prime")
    }

    func testEnterOnAGenreListsExactlyItsTitlesAndEscGivesEveryTitleBack() {
        var state = StreamingFixture.state()
        state.press("2 j", catalogue: explorer)
        let genre = state.panes[StreamingExplorer.genres]?.selected?.name ?? ""
        state.press("Enter", catalogue: explorer)
        XCTAssertEqual(state.focus, StreamingExplorer.titles)
        let rows = state.panes[StreamingExplorer.titles]?.rows ?? []
        XCTAssertEqual(rows.count, titles.filter { $0.genres.contains(genre) }.count)
        XCTAssertTrue(rows.allSatisfy { titles[$0.id].genres.contains(genre) })
        XCTAssertGreaterThan(rows.count, 0)
        state.press("Esc", catalogue: explorer)
        XCTAssertEqual(state.focus, StreamingExplorer.genres)
        XCTAssertEqual(state.panes[StreamingExplorer.genres]?.cursor, 1, "the Genres pane keeps its cursor")
        XCTAssertEqual(state.panes[StreamingExplorer.titles]?.rows.count, titles.count)
    }

    func testAViewersTitlesAreTheTitlesTheyRatedWithTheirOwnScoreFirst() {
        var state = StreamingFixture.state()
        state.press("6", catalogue: explorer)
        guard let viewer = state.pane.selected else { return XCTFail("no viewer selected") }
        state.press("Enter", catalogue: explorer)
        guard let pane = state.panes[StreamingExplorer.titles] else { return XCTFail("no Titles pane") }
        XCTAssertEqual(pane.columns.first?.name, "their score")
        let ratings = explorer.engine.catalogue.ratings!
        XCTAssertEqual(pane.rows.count, ratings.ratingCount(ofViewer: viewer.id))
        XCTAssertEqual(pane.rows.count, viewer.count)
        XCTAssertTrue(pane.rows.allSatisfy { $0.values[0] == ratings.score(viewer: viewer.id, title: $0.id) && $0.values[0] != nil })
    }

    func testATitleShowsItsFactsSimilarTitlesWithoutItselfAndWhetherTheViewerWillLikeIt() {
        var state = StreamingFixture.state()
        state.press("9", catalogue: explorer)
        guard let row = state.pane.selected else { return XCTFail("no title selected") }
        let sections = state.detail.sections
        XCTAssertEqual(sections.first?.title, titles[row.id].name)
        guard case .lines(let facts)? = sections.first?.body else { return XCTFail("no facts") }
        XCTAssertTrue(facts[0].contains("id " + titles[row.id].id))
        guard let similar = sections.first(where: { $0.title == "Similar titles" }), case .table(let table) = similar.body else {
            return XCTFail("no similar titles")
        }
        XCTAssertEqual(table.rows.count, 5)
        XCTAssertFalse(table.rows.contains { $0[2].description == titles[row.id].id })
        let viewer = state.panes[StreamingExplorer.viewers]?.selected?.name ?? ""
        guard let willLike = sections.first(where: { $0.title.hasPrefix("Will \(viewer) like it? ") }),
              case .table(let answer) = willLike.body else { return XCTFail("no will_like for \(viewer)") }
        XCTAssertTrue(answer.title.hasPrefix("Will \(viewer) like \(titles[row.id].name)"))
        XCTAssertTrue(willLike.title.hasPrefix("Will \(viewer) like it? yes: predicted ") || willLike.title.hasPrefix("Will \(viewer) like it? no: predicted "),
                      willLike.title)
    }

    func testWillLikeIsAnsweredOffTheLoopAndALateAnswerForAnotherTitleIsDropped() {
        var state = StreamingFixture.state()
        let effects = reduce(&state, .key(.char("9")), engine: explorer)
        guard case .answer(let request)? = effects.first else { return XCTFail("no background question: \(effects)") }
        XCTAssertEqual(state.detail.sections[request.index].body, .message("computing…"))
        let answer = explorer.answer(request.question)
        reduce(&state, .key(.char("j")), engine: explorer)
        let pending = state.detail.sections
        reduce(&state, .sectionReady(generation: request.generation, index: request.index, section: answer), engine: explorer)
        XCTAssertEqual(state.detail.sections, pending, "the answer for the previous title must not replace the current one")
        guard case .table = answer.body else { return XCTFail("will_like answered \(answer.body)") }
    }

    func testMovingTheViewersCursorChangesWhomWillLikeAsksAbout() {
        var state = StreamingFixture.state()
        state.press("6 j j", catalogue: explorer)
        let viewer = state.panes[StreamingExplorer.viewers]?.selected?.name ?? ""
        state.press("9", catalogue: explorer)
        XCTAssertTrue(state.detail.sections.contains { $0.title.hasPrefix("Will \(viewer) like it? ") })
        state.press("6 k 9", catalogue: explorer)
        let other = state.panes[StreamingExplorer.viewers]?.selected?.name ?? ""
        XCTAssertNotEqual(other, viewer)
        XCTAssertTrue(state.detail.sections.contains { $0.title.hasPrefix("Will \(other) like it? ") })
    }

    func testTheRatingsPaneCountsEachAudienceRatingAndEnterListsItsTitles() {
        var state = StreamingFixture.state()
        state.press("7", catalogue: explorer)
        let rows = state.panes[StreamingExplorer.ratings]?.rows ?? []
        var expected: [String: Int] = [:]
        for title in titles { expected[title.rating ?? "unknown", default: 0] += 1 }
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: rows.map { ($0.name, $0.count) }), expected)
        guard let rating = state.pane.selected?.name else { return XCTFail("no rating selected") }
        XCTAssertEqual(state.detail.sections.first?.title, "Titles rated \(rating)")
        guard case .table(let table)? = state.detail.sections.first?.body else { return XCTFail("no rating_count table") }
        XCTAssertEqual(table.rows.last?.last, .integer(expected[rating] ?? -1), "rating_count's total is the pane's count")
        state.press("Enter", catalogue: explorer)
        let listed = state.panes[StreamingExplorer.titles]?.rows ?? []
        XCTAssertEqual(listed.count, expected[rating])
        XCTAssertTrue(listed.allSatisfy { (titles[$0.id].rating ?? "unknown") == rating })
    }

    func testUnderTheBriefsRuleAMissingRatingIsCountedAsG() {
        var state = StreamingFixture.state()
        state.press("m 7", catalogue: explorer)
        XCTAssertEqual(state.streamingDefinitions?.missingRating, .g)
        let rows = state.panes[StreamingExplorer.ratings]?.rows ?? []
        XCTAssertFalse(rows.contains { $0.name == "unknown" })
        XCTAssertEqual(rows.first { $0.name == "G" }?.count, titles.filter { $0.rating == nil || $0.rating == "G" }.count)
    }

    func testTheClustersPaneListsEveryClusterOnceAndEnterListsItsMembers() {
        var state = StreamingFixture.state()
        state.press("8", catalogue: explorer)
        guard let clusters = explorer.engine.models?.clusters else { return XCTFail("the sample's models are not trained") }
        let rows = state.panes[StreamingExplorer.clusters]?.rows ?? []
        XCTAssertEqual(Set(rows.map(\.id)), Set(0..<clusters.k))
        XCTAssertEqual(rows.map(\.count).reduce(0, +), titles.count, "every title is in one cluster")
        guard let row = state.pane.selected else { return XCTFail("no cluster selected") }
        XCTAssertTrue(row.name.hasPrefix("\(row.id) · "), row.name)
        let members = titles.indices.filter { clusters.assignment[$0] == Int32(row.id) }
        XCTAssertEqual(row.count, members.count)
        XCTAssertTrue(state.detail.sections.contains { $0.title == "Choosing k: inertia (elbow) and mean silhouette" })
        guard case .lines(let facts)? = state.detail.sections.first?.body else { return XCTFail("no cluster facts") }
        XCTAssertTrue(facts[0].hasPrefix("marked by "), facts[0])
        state.press("Enter", catalogue: explorer)
        XCTAssertEqual(Set((state.panes[StreamingExplorer.titles]?.rows ?? []).map(\.id)), Set(members))
        state.press("j", catalogue: explorer)
        guard case .lines(let titleFacts)? = state.detail.sections.first?.body else { return XCTFail("no title facts") }
        XCTAssertTrue(titleFacts.contains("cluster " + row.name), "a title names its cluster: \(titleFacts)")
    }

    /// The Titles pane's rows once `filter` is typed at its filter prompt.
    private func titleRows(filteredBy filter: String) -> [PaneRow] {
        var state = StreamingFixture.state()
        state.press("9 f", catalogue: explorer)
        state.type(filter, catalogue: explorer)
        state.press("Enter", catalogue: explorer)
        return state.panes[StreamingExplorer.titles]?.rows ?? []
    }

    func testAClusterFilterOnTitlesKeepsThatClustersTitles() {
        let rows = titleRows(filteredBy: "cluster:2")
        let assignment = explorer.engine.models?.clusters.assignment ?? []
        XCTAssertEqual(Set(rows.map(\.id)), Set(titles.indices.filter { assignment[$0] == 2 }))
        XCTAssertGreaterThan(rows.count, 0)
    }

    func testThePlatformQuestionsUseTheYearOfTheYearsPane() {
        var state = StreamingFixture.state()
        state.press("3 j", catalogue: explorer)
        let year = state.panes[StreamingExplorer.years]?.selected?.name ?? ""
        state.press("1", catalogue: explorer)
        XCTAssertTrue(state.detail.sections.contains { $0.title == "Longest movie of \(year)" })
        XCTAssertTrue(state.detail.sections.contains { $0.title == "Most frequent cast member of \(year)" })
    }

    func testRSwitchesTheTitleYearAndAYearThenOpensTheTitlesAddedThatYear() {
        var state = StreamingFixture.state()
        state.press("r", catalogue: explorer)
        XCTAssertEqual(state.streamingDefinitions?.titleYear, .added)
        state.press("3 Enter", catalogue: explorer)
        let year = state.drillScope.flatMap { scope -> Int? in
            if case .entity(_, let id) = scope { return id }
            return nil
        }
        let rows = state.panes[StreamingExplorer.titles]?.rows ?? []
        XCTAssertGreaterThan(rows.count, 0)
        XCTAssertTrue(rows.allSatisfy { titles[$0.id].dateAdded?.year == year })
        XCTAssertEqual(rows.count, titles.filter { $0.dateAdded?.year == year }.count)
    }

    func testAFilterOnTitlesKeepsOnlyTheRowsItHolds() {
        let rows = titleRows(filteredBy: "score > 4 type:movie")
        let expected = titles.indices.filter { index in
            titles[index].type == .movie && (explorer.engine.catalogue.ratings?.meanScore(ofTitle: index) ?? 0) > 4
        }
        XCTAssertEqual(Set(rows.map(\.id)), Set(expected))
        XCTAssertGreaterThan(rows.count, 0)
    }

    func testSearchMovesTheCursorToTheTitleTyped() {
        var state = StreamingFixture.state()
        let target = titles[titles.count / 2].name
        state.press("9 /", catalogue: explorer)
        state.type(target, catalogue: explorer)
        state.press("Enter", catalogue: explorer)
        XCTAssertEqual(state.pane.selected?.name, target)
    }

    func testEnterOnATitleOpensNothingAndSaysWhy() {
        var state = StreamingFixture.state()
        state.press("9", catalogue: explorer)
        let before = state.pane.selected
        state.press("Enter", catalogue: explorer)
        XCTAssertEqual(state.focus, StreamingExplorer.titles)
        XCTAssertEqual(state.pane.selected, before)
        XCTAssertEqual(state.status, "Enter opens nothing more here: the right side shows it all")
    }

    func testTheStreamingKeysBindEachPaneOnceAndLeaveOutWhatOnlySteamHas() {
        let keymap = AppKeymap.streaming(panes: StreamingExplorer.panes)
        XCTAssertEqual(keymap.duplicateKeys, [])
        XCTAssertEqual(keymap.command(for: .char("9")), .focus(StreamingExplorer.titles))
        XCTAssertEqual(keymap.command(for: .char("w")), .toggleWordMatch)
        XCTAssertEqual(keymap.command(for: .char("F")), .frequency)
        XCTAssertEqual(keymap.command(for: .char("Y")), .copyId)
        XCTAssertNil(keymap.command(for: .char("u")), "Steam's year-less reviews definition")
        let help = keymap.bindings.first { $0.command == .frequency }?.description ?? ""
        XCTAssertTrue(help.contains("titles") && help.contains("year added") && help.contains("duration"), help)
    }

    func testHistogramsCountThePlatformsMoviesYearsScoresSeasonsAndYearsAddedThenClose() {
        var state = StreamingFixture.state()
        let netflix = titles.indices.filter { titles[$0].platform == .netflix }
        state.press("/ n e t f Enter h", catalogue: explorer)
        XCTAssertEqual(state.chart?.title, "Movie duration (min) · titles of Netflix")
        let minutes = netflix.filter { titles[$0].type == .movie && titles[$0].duration?.unit == .minutes }
        XCTAssertEqual(state.chart?.total, minutes.count)
        XCTAssertEqual(state.chart?.bins.map(\.count).reduce(0, +), minutes.count)
        XCTAssertLessThanOrEqual(state.chart?.bins.count ?? 99, 14)
        state.press("h", catalogue: explorer)
        XCTAssertEqual(state.chart?.title, "Release year · titles of Netflix")
        state.press("a", catalogue: explorer)
        XCTAssertEqual(state.chart?.title, "Release year · all titles")
        XCTAssertEqual(state.chart.map { $0.total + $0.leftOut.map(\.count).reduce(0, +) }, titles.count)
        state.press("h", catalogue: explorer)
        let scored = titles.indices.filter { (explorer.engine.catalogue.ratings?.ratingCount(ofTitle: $0) ?? 0) > 0 }
        XCTAssertEqual(state.chart?.total, scored.count)
        XCTAssertTrue(state.chart?.bins.allSatisfy { $0.upper - $0.lower == 0.5 } ?? false, "scores in half-star bins")
        state.press("h", catalogue: explorer)
        XCTAssertEqual(state.chart?.title, "Show seasons · all titles")
        XCTAssertEqual(state.chart?.total, titles.filter { $0.type == .show && $0.duration?.unit == .seasons }.count)
        state.press("h", catalogue: explorer)
        XCTAssertEqual(state.chart?.title, "Year added · all titles")
        XCTAssertEqual(state.chart?.total, titles.filter { $0.dateAdded != nil }.count)
        XCTAssertEqual(state.chart?.leftOut.map(\.count), [titles.filter { $0.dateAdded == nil }.count].filter { $0 > 0 })
        state.press("h", catalogue: explorer)
        XCTAssertNil(state.histogram)
        XCTAssertNil(state.chart)
    }

    func testTheDefinitionsPanelNamesTheSwitchesAndTheCleaningRules() {
        var state = StreamingFixture.state()
        state.press("d", catalogue: explorer)
        XCTAssertEqual(state.overlay, .definitions(offset: 0))
        state.press("m", catalogue: explorer)
        XCTAssertEqual(state.streamingDefinitions?.missingRating, .g, "m switches while the panel is open")
        XCTAssertTrue(state.cleaningSummary.contains { $0.contains("hulu_titles") })
    }
}
