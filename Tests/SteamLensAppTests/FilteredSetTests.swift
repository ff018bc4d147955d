@testable import SteamLensApp
import SteamLensEngine
import TerminalUI
import XCTest

/// The right side answers for a filtered pane's kept rows, and a tall
/// window shows rows of the unfocused panes; both on the tiny catalogue.
final class FilteredSetTests: XCTestCase {
    func state(_ width: Int, _ height: Int) -> AppState {
        AppState.start(engine: TinyCatalog.engine, size: Size(width: width, height: height), sourceName: "tiny",
                       theme: .monochrome, exportFolder: NSTemporaryDirectory()).0
    }

    /// Games under $10 of the tiny catalogue: Dungeon Loop (4.99, 3 owners, 2013),
    /// Crypt Runner (9.99, 2, 2015), Tiny Tactics (0.00, 2, 2012) and any other kept row.
    func testAFilteredPaneAddsItsKeptRowsTotalsMeansAndRangesToTheRightSide() throws {
        var state = state(120, 40)
        state.press("5 f p r i c e Space < Space 1 0 Enter", engine: TinyCatalog.engine)
        let kept = state.pane.rows
        XCTAssertFalse(kept.isEmpty)
        let section = try XCTUnwrap(state.detail.sections.last)
        XCTAssertEqual(section.title, "Games kept by |price < 10 · \(kept.count) of \(state.pane.allRows.count)")
        guard case .table(let table) = section.body else { return XCTFail("not a table: \(section.body)") }
        XCTAssertEqual(table.rows.map { $0[0].description }, state.pane.columns.map(\.name))
        let owners = try XCTUnwrap(state.pane.columns.firstIndex { $0.name == "owners" })
        let ownerValues = kept.compactMap { $0.values[owners] }
        XCTAssertEqual(table.rows[owners][1], .integer(ownerValues.count))
        XCTAssertEqual(table.rows[owners][2], .number(ownerValues.reduce(0, +), digits: 0))
        XCTAssertEqual(table.rows[owners][4], .number(ownerValues.min()!, digits: 0))
        XCTAssertEqual(table.rows[owners][5], .number(ownerValues.max()!, digits: 0))
        let year = try XCTUnwrap(state.pane.columns.firstIndex { $0.name == "year" })
        XCTAssertEqual(table.rows[year][2], .text(""), "years are not summed")
        let years = kept.compactMap { $0.values[year] }
        XCTAssertEqual(table.rows[year][4], .text(String(Int(years.min()!))), "a year is written as its column writes it")
        let price = try XCTUnwrap(state.pane.columns.firstIndex { $0.name == "price" })
        XCTAssertTrue(kept.allSatisfy { ($0.values[price] ?? 0) < 10 })
    }

    func testRightSideTablesGroupThousandsExceptInYearColumns() {
        XCTAssertEqual(DetailView.display(.integer(101_762), isYear: false), "101,762")
        XCTAssertEqual(DetailView.display(.number(9065.834, digits: 2), isYear: false), "9,065.83")
        XCTAssertEqual(DetailView.display(.integer(2015), isYear: true), "2015")
        XCTAssertEqual(DetailView.display(.missing, isYear: false), "unknown")
        XCTAssertEqual(DetailView.display(.text("Valve"), isYear: false), "Valve")
    }

    func testNoFilterNoSummaryAndAFilterThatKeepsNothingSaysSo() throws {
        var state = state(120, 40)
        state.press("5", engine: TinyCatalog.engine)
        XCTAssertFalse(state.detail.sections.contains { $0.title.contains("kept by") })
        state.press("f p r i c e Space > Space 1 0 0 0 0 Enter", engine: TinyCatalog.engine)
        XCTAssertEqual(state.detail.sections.last?.body, .message("the filter keeps no row"))
        state.press("Esc", engine: TinyCatalog.engine)
        XCTAssertFalse(state.detail.sections.contains { $0.title.contains("kept by") })
    }

    func testATallWindowShowsTheUnfocusedPanesCursorRowsAndAClickThereFocusesThatRow() {
        var state = state(100, 60)
        let layout = ScreenLayout(size: state.size)
        XCTAssertEqual(layout.peekRows(paneCount: 5), 3)
        XCTAssertEqual(layout.listRows(paneCount: 5), 58 - 5 - 2 - 4 * 3)
        let lines = render(state, size: state.size).plainLines()
        // Under "2 Users · ana", the user rows with the cursor row marked.
        let users = lines.firstIndex { $0.contains("2 Users") }!
        let peek = lines[(users + 1)...(users + 3)].map { String($0.prefix(20)) }
        XCTAssertTrue(peek.contains { $0.hasPrefix("│▶ ana") }, peek.joined(separator: "\n"))
        // A click on the peek's second row: Users focused, that row selected.
        let second = state.panes[.users]!.rows.count > 1 ? 1 : 0
        let offset = PaneColumn.peekOffset(cursor: state.panes[.users]!.cursor, count: state.panes[.users]!.rows.count, peekRows: 3)
        state.press("Click(5,\(users + 1 + second))", engine: TinyCatalog.engine)
        XCTAssertEqual(state.focus, .users)
        XCTAssertEqual(state.pane.cursor, offset + second)
    }

    func testNoPeeksWhereTheFocusedListWouldKeepFewerThan30Rows() {
        XCTAssertEqual(ScreenLayout(size: Size(width: 120, height: 40)).peekRows(paneCount: 5), 0)
        XCTAssertEqual(ScreenLayout(size: Size(width: 80, height: 24)).peekRows(paneCount: 7), 0)
        XCTAssertEqual(ScreenLayout(size: Size(width: 220, height: 60)).peekRows(paneCount: 7), 3)
    }
}
