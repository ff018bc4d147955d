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

    /// The first frame's state with its background answers applied.
    static func state(_ width: Int = 120, _ height: Int = 40, catalogue: any ExplorerCatalogue = explorer) -> AppState {
        var (state, effects) = AppState.start(catalogue: catalogue, size: Size(width: width, height: height), sourceName: "streaming sample",
                                              theme: .monochrome, exportFolder: "/exports")
        state.perform(effects, catalogue: catalogue)
        return state
    }

    /// Plays `keys` (replay syntax) and returns the last frame's lines.
    static func screen(_ keys: String, _ width: Int, _ height: Int) -> [String] {
        let runner = AppRunner.replay(engine: explorer, keys: (try? Key.parse(replay: keys)) ?? [], size: Size(width: width, height: height),
                                      sourceName: "streaming sample", exportFolder: "/exports")
        return (runner.terminal as! MemoryTerminal).screenLines()
    }
}

extension AppState {
    /// Applies keys in replay syntax, answering the background questions inline.
    mutating func press(_ keys: String, catalogue: any ExplorerCatalogue) {
        for key in (try? Key.parse(replay: keys)) ?? [] { perform(reduce(&self, .key(key), engine: catalogue), catalogue: catalogue) }
    }

    /// Types `text` into whatever prompt is open, one character at a time.
    mutating func type(_ text: String, catalogue: any ExplorerCatalogue) {
        for character in text { perform(reduce(&self, .key(.char(character)), engine: catalogue), catalogue: catalogue) }
    }

    /// What the runner would do with the sections a reduce asked for.
    mutating func perform(_ effects: [Effect], catalogue: any ExplorerCatalogue) {
        for case .answer(let request) in effects {
            reduce(&self, .sectionReady(generation: request.generation, index: request.index, section: catalogue.answer(request.question)),
                   engine: catalogue)
        }
    }
}
