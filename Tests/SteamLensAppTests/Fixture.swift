import Foundation
import SteamLensApp
import SteamLensEngine
import TerminalUI
import XCTest

/// The engine over the bundled sample (Data/, 3,000 users), loaded once
/// per test run; its store lives in a temporary folder.
enum Fixture {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let engine: Engine = {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("steamlens-apptests-cache").path
        do {
            return try EngineLoader(dataFolder: repositoryRoot.appendingPathComponent("Data").path, cacheFolder: cache).open().engine
        } catch {
            fatalError("cannot load the bundled sample: \(error)")
        }
    }()

    static func state(_ width: Int = 120, _ height: Int = 40) -> AppState {
        AppState.start(engine: engine, size: Size(width: width, height: height), sourceName: "sample",
                       theme: .monochrome, exportFolder: FileManager.default.temporaryDirectory.path).0
    }

    /// Plays `keys` (replay syntax) and returns the runner; its terminal has the last frame.
    static func replay(_ keys: String, _ width: Int = 120, _ height: Int = 40,
                       file: StaticString = #filePath, line: UInt = #line) -> (runner: AppRunner, screen: [String]) {
        let parsed: [Key]
        do { parsed = try Key.parse(replay: keys) } catch {
            XCTFail("bad replay \(keys): \(error)", file: file, line: line)
            parsed = []
        }
        let runner = AppRunner.replay(engine: engine, keys: parsed, size: Size(width: width, height: height),
                                      sourceName: "sample", exportFolder: FileManager.default.temporaryDirectory.path)
        let screen = (runner.terminal as! MemoryTerminal).screenLines()
        return (runner, screen)
    }
}

extension AppState {
    /// Applies keys in replay syntax through `reduce`, running recommendation effects inline.
    mutating func press(_ keys: String, engine: Engine = Fixture.engine) {
        for key in (try? Key.parse(replay: keys)) ?? [] {
            for effect in reduce(&self, .key(key), engine: engine) {
                if case .recommend(let request) = effect {
                    reduce(&self, .recommendationsReady(generation: request.generation, rows: request.run(engine)), engine: engine)
                }
            }
        }
    }
}

func screenContains(_ screen: [String], _ text: String) -> Bool {
    screen.contains { $0.contains(text) }
}
