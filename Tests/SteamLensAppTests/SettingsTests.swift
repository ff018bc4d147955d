@testable import SteamLensApp
import SteamLensEngine
import TerminalUI
import XCTest

final class SettingsTests: XCTestCase {
    func state() -> AppState {
        AppState.start(engine: TinyCatalog.engine, size: Size(width: 120, height: 40), sourceName: "tiny",
                       theme: .monochrome, exportFolder: NSTemporaryDirectory()).0
    }

    func testDefinitionsSortsAndZoomSurviveARoundTripThroughTheFile() throws {
        var state = self.state()
        state.press("t 5 ] ] S + +", engine: TinyCatalog.engine)
        let path = NSTemporaryDirectory() + "steamlens-settings-" + UUID().uuidString + "/steamlens/config.toml"
        try Settings(state).save(to: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(text.contains("time_unit = 'minutes'") || text.contains("time_unit = \"minutes\""), text)

        var fresh = self.state()
        _ = fresh.apply(try Settings.load(from: path), engine: TinyCatalog.engine)
        XCTAssertEqual(fresh.definitions.timeUnit, .minutes)
        XCTAssertEqual(fresh.leftZoom, 2)
        XCTAssertEqual(fresh.panes[.games]?.sortColumnName, "price")
        XCTAssertEqual(fresh.panes[.games]?.sort.descending, false)
        XCTAssertEqual(fresh.panes[.games]?.rows.first?.name, "Tiny Tactics", "cheapest first, as saved")
    }

    func testAMissingFileIsTheDefaultsAndABadOneNamesFileLineAndReason() {
        XCTAssertEqual(try Settings.load(from: "/nonexistent/steamlens/config.toml"), Settings())
        XCTAssertThrowsError(try Settings.parse("time_unit = \"hours\"\nleft_zoom = = 3\n", path: "/x/config.toml")) { error in
            XCTAssertTrue("\(error)".hasPrefix("/x/config.toml:2: "), "\(error)")
        }
        XCTAssertThrowsError(try Settings.parse("time_unit = \"fortnights\"\n", path: "/x/config.toml")) { error in
            XCTAssertTrue("\(error)".hasPrefix("/x/config.toml: time_unit"), "\(error)")
        }
        XCTAssertEqual(try Settings.parse("theme = \"monochrome\"\n").theme, "monochrome")
    }

    func testTheSettingsPathFollowsXDGThenHome() {
        XCTAssertEqual(Settings.defaultPath(environment: ["XDG_CONFIG_HOME": "/c", "HOME": "/h"]), "/c/steamlens/config.toml")
        XCTAssertEqual(Settings.defaultPath(environment: ["HOME": "/h"]), "/h/.config/steamlens/config.toml")
        XCTAssertNil(Settings.defaultPath(environment: [:]))
    }

    func testRResetsDefinitionsSortsFiltersAndZoom() {
        var state = self.state()
        state.press("t + 5 S f p r i c e < 5 Enter R", engine: TinyCatalog.engine)
        XCTAssertEqual(state.definitions, .standard)
        XCTAssertEqual(state.leftZoom, 0)
        XCTAssertNil(state.pane.filter)
        XCTAssertEqual(state.pane.sort, PaneSort(column: 1, descending: true))
        XCTAssertEqual(state.pane.rows.count, 6)
    }
}
