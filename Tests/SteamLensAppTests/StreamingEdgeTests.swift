import Foundation
@testable import SteamLensApp
import StreamingCatalog
import TerminalUI
import XCTest

/// The streaming explorer's export, sort and a folder without ratings.
final class StreamingEdgeTests: XCTestCase {
    let explorer = StreamingFixture.explorer

    func testExportWritesAGenresTitlesAsFilteredAndSorted() {
        var state = StreamingFixture.state()
        state.press("2 Enter s", catalogue: explorer)
        XCTAssertEqual(state.pane.sortColumnName, "score")
        let scores = state.pane.rows.map { $0.values[1] ?? -1 }
        XCTAssertEqual(scores, scores.sorted(by: >), "sorted by mean score, the highest first")
        state.press("e", catalogue: explorer)
        let targets = ExportTargets.list(state)
        let genre = PaneColumn.scopeName(state.drillScope ?? .none, in: state)
        XCTAssertEqual(targets.first?.fileStem, "titles-of-\(slug(genre))-by-score-desc")
        XCTAssertTrue(targets.contains { $0.table.title.hasPrefix("Titles like ") }, "the right side's tables follow the list")
        let effects = reduce(&state, .key(.enter), engine: explorer)
        guard case .export(_, _, "csv", let contents)? = effects.first else { return XCTFail("no export effect") }
        XCTAssertTrue(contents.hasPrefix("name,ratings,score,year\n"), contents)
        XCTAssertEqual(contents.split(separator: "\n").count, state.pane.rows.count + 1)
    }

    func testAFolderWithoutRatingsOpensWithNoViewersAndSaysWhyScoresAreMissing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("steamlens-apptests-no-ratings-\(getpid())")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let sample = Fixture.repositoryRoot.appendingPathComponent("Data/streaming")
        for platform in Platform.allCases {
            let name = platform.fileName.replacingOccurrences(of: ".csv", with: ".sample.csv")
            try FileManager.default.copyItem(at: sample.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let bare = StreamingExplorer(engine: StreamingStore.open(folder: folder.path, cacheFolder: folder.appendingPathComponent("cache").path))
        var state = StreamingFixture.state(catalogue: bare)
        XCTAssertEqual(bare.layout().counts.last, "1,110 titles · no viewers")
        XCTAssertEqual(state.panes[StreamingExplorer.viewers]?.rows.count, 0)
        guard case .message(let why)? = state.detail.sections.first(where: { $0.title == "No result" })?.body else {
            return XCTFail("second_score should explain itself without ratings")
        }
        XCTAssertTrue(why.contains("no ratings file"), why)
        state.press("9", catalogue: bare)
        XCTAssertFalse(state.detail.sections.contains { $0.title.hasPrefix("Will ") }, "no viewer to ask about")
        XCTAssertTrue(state.detail.sections.contains { $0.title == "Similar titles" })
        state.press("6 Enter h h h", catalogue: bare)
        XCTAssertEqual(state.focus, StreamingExplorer.viewers)
        XCTAssertNil(state.chart, "no mean-score histogram without scores")
    }
}
