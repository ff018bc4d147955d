@testable import SteamLensApp
import StreamingCatalog
import TerminalUI
import XCTest

/// The streaming explorer remembers its own definitions, sorts and zoom in
/// the settings file's `[streaming]` table, beside Steam's and without
/// touching them.
final class StreamingSettingsTests: XCTestCase {
    func testDefinitionsSortsAndZoomSurviveARoundTripBesideSteamsSettings() throws {
        var state = StreamingFixture.state()
        state.streamingDefinitions = StreamingDefinitions(titleYear: .added, wordMatch: .substring, missingRating: .g)
        state.press("9 ] S + +", catalogue: StreamingFixture.explorer)
        let titles = try XCTUnwrap(state.panes[StreamingExplorer.titles])
        var settings = try Settings.parse("time_unit = \"minutes\"\n[sorts.games]\ncolumn = \"price\"\ndescending = false\n")
        settings.streaming = StreamingSettings(state)
        let path = NSTemporaryDirectory() + "steamlens-settings-" + UUID().uuidString + "/steamlens/config.toml"
        try settings.save(to: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(text.contains("[streaming]"), text)

        let loaded = try Settings.load(from: path)
        XCTAssertEqual(loaded.timeUnit, .minutes, "Steam's settings are kept as they were")
        XCTAssertEqual(loaded.sorts?["games"], Settings.Sort(column: "price", descending: false))
        var fresh = StreamingFixture.state()
        XCTAssertEqual(fresh.streamingDefinitions, .standard)
        _ = fresh.apply(try XCTUnwrap(loaded.streaming), engine: StreamingFixture.explorer)
        XCTAssertEqual(fresh.streamingDefinitions, StreamingDefinitions(titleYear: .added, wordMatch: .substring, missingRating: .g))
        XCTAssertEqual(fresh.leftZoom, 2)
        XCTAssertEqual(fresh.panes[StreamingExplorer.titles]?.sort, titles.sort)
        XCTAssertEqual(fresh.panes[StreamingExplorer.titles]?.rows.map(\.id), titles.rows.map(\.id), "the titles listed in the saved order")
    }

    func testAStreamingTableAloneLeavesSteamsDefaultsAndABadValueNamesTheKey() throws {
        let settings = try Settings.parse("[streaming]\nmissing_rating = \"g\"\n")
        XCTAssertNil(settings.reviewYear)
        XCTAssertNil(settings.sorts)
        XCTAssertEqual(settings.streaming?.definitions(), StreamingDefinitions(missingRating: .g))
        XCTAssertThrowsError(try Settings.parse("[streaming]\ntitle_year = \"someday\"\n", path: "c.toml")) { error in
            XCTAssertTrue("\(error)".contains("c.toml: streaming.title_year"), "\(error)")
        }
    }

    func testSteamsSettingsOfAStateSayNothingOfStreaming() {
        var state = StreamingFixture.state()
        state.press("9 ]", catalogue: StreamingFixture.explorer)
        XCTAssertNotNil(StreamingSettings(state).sorts?["titles"])
        XCTAssertNil(Settings(TinyCatalogState.start()).streaming)
    }
}

private enum TinyCatalogState {
    static func start() -> AppState {
        AppState.start(engine: TinyCatalog.engine, size: Size(width: 120, height: 40), sourceName: "tiny",
                       theme: .monochrome, exportFolder: NSTemporaryDirectory()).0
    }
}
