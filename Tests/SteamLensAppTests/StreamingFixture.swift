import Foundation
import SteamLensApp
import StreamingCatalog
import TerminalUI

/// The explorer over the bundled streaming sample (Data/streaming: 1,110
/// titles, 1,500 viewers, seed 42), opened once per test run; its store
/// lives in a temporary folder.
enum StreamingFixture {
    static let explorer: StreamingExplorer = {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("steamlens-apptests-streaming-cache").path
        let folder = Fixture.repositoryRoot.appendingPathComponent("Data/streaming").path
        return StreamingExplorer(engine: StreamingStore.open(folder: folder, cacheFolder: cache))
    }()

    static var titles: [Title] { explorer.engine.titles }

    static func state(_ width: Int = 120, _ height: Int = 40) -> AppState {
        AppState.start(catalogue: explorer, size: Size(width: width, height: height), sourceName: "streaming sample",
                       theme: .monochrome, exportFolder: "/exports").0
    }

    /// Plays `keys` (replay syntax) and returns the last frame's lines.
    static func screen(_ keys: String, _ width: Int, _ height: Int) -> [String] {
        let runner = AppRunner.replay(engine: explorer, keys: (try? Key.parse(replay: keys)) ?? [], size: Size(width: width, height: height),
                                      sourceName: "streaming sample", exportFolder: "/exports")
        return (runner.terminal as! MemoryTerminal).screenLines()
    }
}

extension AppState {
    /// Applies keys in replay syntax to a streaming state (it asks for no effects).
    mutating func press(_ keys: String, catalogue: any ExplorerCatalogue) {
        for key in (try? Key.parse(replay: keys)) ?? [] { _ = reduce(&self, .key(key), engine: catalogue) }
    }

    /// Types `text` into whatever prompt is open, one character at a time.
    mutating func type(_ text: String, catalogue: any ExplorerCatalogue) {
        for character in text { _ = reduce(&self, .key(.char(character)), engine: catalogue) }
    }
}
