import Dispatch
import Foundation
import SteamLensEngine
import TerminalUI

/// The loop that owns the terminal: read a key (50 ms timeout), reduce,
/// perform effects, draw. Background results come back through an inbox
/// as actions, so only this thread ever touches the state or the terminal.
///
/// ```swift
/// let runner = AppRunner(engine: engine, terminal: terminal, state: state, effects: effects)
/// runner.run()
/// terminal.shutdown()
/// ```
public final class AppRunner {
    public let engine: any ExplorerCatalogue
    public let terminal: Terminal
    public private(set) var state: AppState
    /// Replays run effects inline and stop when the scripted keys run out,
    /// so a replay is deterministic; the live app runs them on a queue.
    public let isSynchronous: Bool
    /// Milliseconds spent in `render` per frame, and in `reduce` per action.
    public private(set) var renderMilliseconds: [Double] = []
    public private(set) var reduceMilliseconds: [Double] = []
    /// Milliseconds per recommendation request (synchronous runs only; live they run in the background).
    public private(set) var recommendMilliseconds: [Double] = []

    private var pendingEffects: [Effect]
    private let inbox = Inbox()
    private let queue = DispatchQueue(label: "steamlens.recommendations", qos: .userInitiated)

    public init(engine: any ExplorerCatalogue, terminal: Terminal, state: AppState, effects: [Effect] = [], synchronous: Bool = false) {
        self.engine = engine
        self.terminal = terminal
        self.state = state
        self.pendingEffects = effects
        self.isSynchronous = synchronous
    }

    /// Runs until the user quits (or, synchronously, until the keys run out).
    public func run() {
        if state.size != terminal.size { apply(.resize(terminal.size)) }
        perform(pendingEffects)
        pendingEffects = []
        draw()
        while !state.shouldQuit {
            var changed = false
            for action in inbox.drain() {
                apply(action)
                changed = true
            }
            if let key = terminal.readKey(timeoutMilliseconds: 50) {
                apply(key == .resize ? .resize(terminal.size) : .key(key))
                changed = true
            } else if isSynchronous {
                break
            }
            if changed && !state.shouldQuit { draw() }
        }
    }

    /// Applies one action now (tests and replays use this directly).
    public func apply(_ action: Action) {
        let start = DispatchTime.now().uptimeNanoseconds
        let effects = reduce(&state, action, engine: engine)
        reduceMilliseconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        perform(effects)
    }

    private func draw() {
        let start = DispatchTime.now().uptimeNanoseconds
        let frame = render(state, size: terminal.size)
        renderMilliseconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        terminal.draw(frame)
    }

    private func perform(_ effects: [Effect]) {
        for effect in effects {
            switch effect {
            case .recommend(let request):
                guard let engine = engine.steamEngine else { continue }
                if isSynchronous {
                    let start = DispatchTime.now().uptimeNanoseconds
                    let rows = request.run(engine)
                    recommendMilliseconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
                    apply(.recommendationsReady(generation: request.generation, rows: rows))
                } else {
                    let inbox = self.inbox
                    queue.async { inbox.post(.recommendationsReady(generation: request.generation, rows: request.run(engine))) }
                }
            case .answer(let request):
                if isSynchronous {
                    apply(.sectionReady(generation: request.generation, index: request.index, section: engine.answer(request.question)))
                } else {
                    let engine = self.engine, inbox = self.inbox
                    queue.async {
                        inbox.post(.sectionReady(generation: request.generation, index: request.index, section: engine.answer(request.question)))
                    }
                }
            case .copy(let text):
                terminal.copyToClipboard(text)
            case .export(let folder, let stem, let ext, let contents):
                do {
                    apply(.exported(path: try writeNewFile(folder: folder, stem: stem, ext: ext, contents: contents)))
                } catch {
                    apply(.exportFailed("\(error)"))
                }
            }
        }
    }
}

/// Actions posted from background threads, drained by the loop.
final class Inbox: @unchecked Sendable {
    private let lock = NSLock()
    private var actions: [Action] = []

    func post(_ action: Action) {
        lock.lock()
        actions.append(action)
        lock.unlock()
    }

    func drain() -> [Action] {
        lock.lock()
        defer { lock.unlock() }
        let drained = actions
        actions = []
        return drained
    }
}

extension AppRunner {
    /// Runs the explorer on an in-memory terminal with scripted keys and
    /// returns the runner (its terminal holds the last frame): what
    /// `--replay KEYS --dump-screen` and the tests use.
    ///
    /// ```swift
    /// let runner = AppRunner.replay(engine: engine, keys: try Key.parse(replay: "2 j j Enter"),
    ///                               size: Size(width: 120, height: 40))
    /// print((runner.terminal as! MemoryTerminal).screenText())
    /// ```
    public static func replay(engine: any ExplorerCatalogue, keys: [Key], size: Size, sourceName: String = "data",
                              theme: Theme = .monochrome, glyphs: Glyphs = .unicode,
                              exportFolder: String = ".") -> AppRunner {
        let terminal = MemoryTerminal(size: size, keys: keys)
        let (state, effects) = AppState.start(catalogue: engine, size: size, sourceName: sourceName,
                                              theme: theme, glyphs: glyphs, exportFolder: exportFolder)
        let runner = AppRunner(engine: engine, terminal: terminal, state: state, effects: effects, synchronous: true)
        runner.run()
        return runner
    }
}
