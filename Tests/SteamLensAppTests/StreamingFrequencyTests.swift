import SteamLensApp
import StreamingCatalog
import TerminalUI
import XCTest

/// Frequency tables (`F`) and `Y` on the streaming catalogue, driven through
/// `reduce` alone: each count is checked against the sample's titles.
final class StreamingFrequencyTests: XCTestCase {
    let explorer = StreamingFixture.explorer
    let titles = StreamingFixture.titles

    func testFStepsThroughTheStreamingAttributesAndWraps() {
        var state = StreamingFixture.state()
        state.press("9 F", catalogue: explorer)
        XCTAssertEqual(state.frequency?.attribute, "platform")
        XCTAssertEqual(state.frequency?.table.total, titles.count)
        for platform in Platform.allCases {
            XCTAssertEqual(state.frequency?.table.rows.first { $0.label == platform.displayName }?.count,
                           titles.filter { $0.platform == platform }.count, platform.displayName)
        }
        var seen: [String] = []
        for _ in 0..<10 {
            seen.append(state.frequency?.attribute ?? "")
            state.press("F", catalogue: explorer)
        }
        XCTAssertEqual(seen, ["platform", "type", "genre", "country", "audience rating", "release year", "year added",
                              "director", "cast member", "duration"])
        XCTAssertEqual(state.frequency?.attribute, "platform", "F after the last wraps to the first")
    }

    func testEnterOnAGenreRowFiltersTheTitlesPaneToThatGenre() throws {
        var state = StreamingFixture.state()
        state.press("9 F F F", catalogue: explorer)
        let table = try XCTUnwrap(state.frequency?.table)
        XCTAssertEqual(table.attribute, "genre")
        let top = try XCTUnwrap(table.rows.first)
        let withGenre = titles.filter { $0.genres.contains(top.label) }
        XCTAssertEqual(top.count, withGenre.count)
        XCTAssertEqual(top.count, table.rows.map(\.count).max(), "most frequent first")
        state.press("Enter", catalogue: explorer)
        XCTAssertNil(state.frequency)
        XCTAssertEqual(state.focus, StreamingExplorer.titles)
        let rows = state.pane.rows
        XCTAssertEqual(rows.count, withGenre.count)
        XCTAssertTrue(rows.allSatisfy { titles[$0.id].genres.contains(top.label) })
    }

    func testTheScopeStepsFromTheListedRowsToTheSelectedRowToEveryTitle() throws {
        var state = StreamingFixture.state()
        state.press("2 F", catalogue: explorer)
        XCTAssertEqual(state.frequency?.table.scopeName, "titles of Genres")
        XCTAssertEqual(state.frequency?.table.total, titles.filter { !$0.genres.isEmpty }.count, "every genre is listed")
        let genre = try XCTUnwrap(state.pane.selected?.name)
        state.press("a", catalogue: explorer)
        XCTAssertEqual(state.frequency?.table.scopeName, "titles of " + genre)
        XCTAssertEqual(state.frequency?.table.total, titles.filter { $0.genres.contains(genre) }.count)
        state.press("a", catalogue: explorer)
        XCTAssertEqual(state.frequency?.table.scopeName, "all titles")
        XCTAssertEqual(state.frequency?.table.total, titles.count)
        state.press("a", catalogue: explorer)
        XCTAssertEqual(state.frequency?.table.scopeName, "titles of Genres")
    }

    func testYearAddedRowsIncludingUnknownFilterTheTitlesPane() throws {
        for label in ["unknown", try XCTUnwrap(titles.compactMap { $0.dateAdded?.year }.max()).description] {
            var state = StreamingFixture.state()
            state.press("9 " + String(repeating: "F ", count: 7), catalogue: explorer)
            XCTAssertEqual(state.frequency?.attribute, "year added")
            let expected = titles.filter { ($0.dateAdded.map { String($0.year) } ?? "unknown") == label }
            let index = try XCTUnwrap(state.frequency?.table.rows.firstIndex { $0.label == label })
            XCTAssertEqual(state.frequency?.table.rows[index].count, expected.count)
            state.frequency?.cursor = index
            state.press("Enter", catalogue: explorer)
            XCTAssertEqual(state.pane.rows.count, expected.count, label)
            XCTAssertEqual(Set(state.pane.rows.map { titles[$0.id].id }), Set(expected.map(\.id)), label)
        }
    }

    func testDurationBandsGiveEachTitleOneValueAndASeasonRowListsItsTitles() throws {
        var state = StreamingFixture.state()
        state.press("9 " + String(repeating: "F ", count: 10), catalogue: explorer)
        let table = try XCTUnwrap(state.frequency?.table)
        XCTAssertEqual(table.attribute, "duration")
        XCTAssertEqual(table.rows.map(\.count).reduce(0, +), titles.count, "one band per title")
        let labels = table.rows.map(\.label)
        let firstShowRow = try XCTUnwrap(labels.firstIndex { $0.hasSuffix("season") || $0.hasSuffix("seasons") })
        XCTAssertTrue(labels[..<firstShowRow].allSatisfy { $0.hasSuffix("min") || $0.hasSuffix("more") }, "movie bands first: \(labels)")
        let seasons = try XCTUnwrap(Int(labels[firstShowRow].prefix { $0.isNumber }))
        state.frequency?.cursor = firstShowRow
        state.press("Enter", catalogue: explorer)
        XCTAssertEqual(state.pane.rows.count, table.rows[firstShowRow].count)
        XCTAssertTrue(state.pane.rows.allSatisfy { titles[$0.id].duration == Duration(value: seasons, unit: .seasons) })
    }

    func testYCopiesATitlesIdAndyItsName() throws {
        var state = StreamingFixture.state()
        state.press("9", catalogue: explorer)
        let title = titles[try XCTUnwrap(state.pane.selected?.id)]
        XCTAssertEqual(reduce(&state, .key(.char("Y")), engine: explorer), [.copy(title.id)])
        XCTAssertEqual(reduce(&state, .key(.char("y")), engine: explorer), [.copy(title.name)])
        state.press("2", catalogue: explorer)
        let genre = try XCTUnwrap(state.pane.selected?.name)
        XCTAssertEqual(reduce(&state, .key(.char("Y")), engine: explorer), [.copy(genre)], "a genre has no id but its name")
    }
}
