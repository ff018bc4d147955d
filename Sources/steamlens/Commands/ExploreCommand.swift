import ArgumentParser
import Foundation
import SteamLensOutput
import SteamLensApp
import SteamLensData
import SteamLensEngine
import StreamingCatalog
import TerminalUI

/// `steamlens` / `steamlens explore`: the full-screen explorer.
struct ExploreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explore",
        abstract: "Browse developers, users, genres and years in a full-screen terminal UI (the default).",
        discussion: """
            Keys: ? in the app lists them all (Tab panes, Enter opens, / searches, h histograms, q quits).
            --dataset streaming (or --data with the four platform CSVs) browses the streaming catalogue:
            platforms, genres, years, countries, cast, viewers and titles.
            Without a terminal, --replay "KEYS" --size 120x40 --dump-screen runs the app on an
            in-memory screen and prints the last frame, e.g.
              steamlens explore --replay "2 j j Enter" --size 120x40 --dump-screen
            Keys are single characters or names: Up Down Left Right PgUp PgDn Home End Tab BTab
            Enter Esc Space BSpace C-c.
            """
    )

    @OptionGroup var dataOptions: DataOptions

    @Flag(name: .long, help: "No colours (also when NO_COLOR is set); focus stays visible with bold and reverse.")
    var noColor = false

    @Flag(name: .long, help: "ASCII borders and bars instead of Unicode (automatic when the locale is not UTF-8).")
    var ascii = false

    @Flag(name: .long, help: "Leave the mouse to the terminal (selecting text) instead of clicks and the wheel.")
    var noMouse = false

    @Option(name: .long, help: "Keys to play on an in-memory screen instead of a terminal, e.g. \"j j Tab Enter / v a l v e Esc\".")
    var replay: String?

    @Option(name: .long, help: "Screen size for --replay, WIDTHxHEIGHT.")
    var size = "120x40"

    @Flag(name: .long, help: "With --replay: print the last frame as plain text.")
    var dumpScreen = false

    @Flag(name: .long, help: "With --replay: print render and reduce times (median, p95, max) to stderr.")
    var timings = false

    @Option(name: .long, help: "Settings file (definitions, sorts, widths, theme, mouse). Default: $XDG_CONFIG_HOME/steamlens/config.toml. --replay never reads one.")
    var config: String?

    @Option(name: .long, help: "Folder for `e` exports. Default: the current directory.")
    var exportFolder = "."

    /// The export folder as an absolute path, so the app can show where a file went.
    private var absoluteExportFolder: String {
        URL(fileURLWithPath: exportFolder, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            .standardizedFileURL.path
    }

    func validate() throws {
        if replay == nil && (dumpScreen || timings) {
            throw ValidationError("--dump-screen and --timings go with --replay \"KEYS\".")
        }
        if replay != nil && parsedSize == nil {
            throw ValidationError("--size must read WIDTHxHEIGHT, e.g. 120x40.")
        }
    }

    private var parsedSize: Size? {
        let parts = size.lowercased().split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2, parts[0] > 0, parts[1] > 0, parts[0] <= 1000, parts[1] <= 1000 else { return nil }
        return Size(width: parts[0], height: parts[1])
    }

    private var sourceName: String {
        let folder = dataOptions.resolvedData
        let name = URL(fileURLWithPath: folder).standardizedFileURL.lastPathComponent
        return folder == BundledSample.folder ? "bundled sample" : name
    }

    private var isStreaming: Bool { dataOptions.effectiveDataSet == .streaming }

    /// The streaming catalogue's explorer over its store (built on the first start).
    private func openStreaming(folder: String, quiet: Bool) throws -> StreamingExplorer {
        StreamingExplorer(engine: try dataOptions.openStreamingEngine(folder: folder, quiet: quiet))
    }

    func run() throws {
        if let replay {
            try runReplay(replay)
            return
        }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            try printPlainOverview(because: "not a terminal")
            return
        }
        if isStreaming { return try runStreaming() }
        let loader = try dataOptions.loader()
        let environment = ProcessInfo.processInfo.environment
        let (settingsPath, settings, settingsWarning) = loadSettings(environment: environment)
        let wantsColor = !noColor && !Theme.environmentDisablesColor(environment) && settings.theme != "monochrome"
        guard let terminal = try startCurses(color: wantsColor, mouse: !noMouse && settings.mouse != false) else { return }
        defer { terminal.shutdown() }
        let theme = Theme.resolve(environment: environment, noColorFlag: noColor, terminalHasColors: terminal.hasColors)
        let glyphs = ascii ? Glyphs.ascii : terminal.glyphs
        guard let loaded = LoadingScreen.wait(on: terminal, source: sourceName, theme: theme, work: { progress in
            try loader.open { progress($0.line) }
        }) else { return }
        let opened: EngineLoader.Opened
        do {
            opened = try loaded.get()
        } catch {
            terminal.shutdown()
            throw CLIFailure(error)
        }
        var (state, effects) = AppState.start(engine: opened.engine, size: terminal.size, sourceName: sourceName,
                                              theme: wantsColor ? theme : .monochrome, glyphs: glyphs, exportFolder: absoluteExportFolder)
        if settings != Settings() { effects = state.apply(settings, engine: opened.engine) }
        if let warning = settingsWarning ?? opened.warnings.first { state.status = warning }
        let runner = AppRunner(engine: opened.engine, terminal: terminal, state: state, effects: effects)
        runner.run()
        // Remembered for next time; a settings file that could not be read is left as it was.
        if let settingsPath, settingsWarning == nil {
            var saved = Settings(runner.state)
            // The theme and the mouse are only ever what the file said: a --no-color run must not stick.
            saved.theme = settings.theme
            saved.mouse = settings.mouse
            saved.streaming = settings.streaming
            try? saved.save(to: settingsPath)
        }
    }

    /// The explorer on the streaming catalogue. Its definitions, sorts and
    /// zoom are the settings file's `[streaming]` table; the rest of the
    /// file (Steam's, the theme, the mouse) is read and written back as it was.
    private func runStreaming() throws {
        let folder = try dataOptions.streamingFolder()
        let environment = ProcessInfo.processInfo.environment
        let (settingsPath, settings, settingsWarning) = loadSettings(environment: environment)
        let wantsColor = !noColor && !Theme.environmentDisablesColor(environment) && settings.theme != "monochrome"
        guard let terminal = try startCurses(color: wantsColor, mouse: !noMouse && settings.mouse != false) else { return }
        defer { terminal.shutdown() }
        let theme = Theme.resolve(environment: environment, noColorFlag: noColor, terminalHasColors: terminal.hasColors)
        let source = streamingSourceName(folder)
        guard let loaded = LoadingScreen.wait(on: terminal, source: source, theme: theme, work: { progress in
            progress("reading the catalogue and training the models (the first start of a folder)")
            return try openStreaming(folder: folder, quiet: true)
        }) else { return }
        let explorer: StreamingExplorer
        do {
            explorer = try loaded.get()
        } catch {
            terminal.shutdown()
            throw CLIFailure(error)
        }
        var (state, effects) = AppState.start(catalogue: explorer, size: terminal.size, sourceName: source,
                                              theme: wantsColor ? theme : .monochrome, glyphs: ascii ? .ascii : terminal.glyphs,
                                              exportFolder: absoluteExportFolder)
        if let streaming = settings.streaming { effects = state.apply(streaming, engine: explorer) }
        if let settingsWarning { state.status = settingsWarning }
        let runner = AppRunner(engine: explorer, terminal: terminal, state: state, effects: effects)
        runner.run()
        // Only the [streaming] table changes; a file that could not be read is left as it was.
        if let settingsPath, settingsWarning == nil {
            var saved = settings
            saved.streaming = StreamingSettings(runner.state)
            try? saved.save(to: settingsPath)
        }
    }

    /// Curses mode, or nil after printing the plain overview when the
    /// terminal cannot do it (an unknown TERM: say why, then answer in plain
    /// text rather than fail).
    private func startCurses(color: Bool, mouse: Bool) throws -> CursesTerminal? {
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(options: .init(useColor: color, mouse: mouse))
        } catch {
            try printPlainOverview(because: "\(error)")
            return nil
        }
        // A damaged column block stops the process mid-query: leave curses first so its message is seen.
        ColumnFile.beforeDamageMessage = { TerminalGuard.restore() }
        return terminal
    }

    /// The settings file's path, its settings and, when it could not be used,
    /// why (the defaults are used then: a bad file must not keep the explorer shut).
    private func loadSettings(environment: [String: String]) -> (path: String?, settings: Settings, warning: String?) {
        let path = config ?? Settings.defaultPath(environment: environment)
        guard let path else { return (nil, Settings(), nil) }
        do { return (path, try Settings.load(from: path), nil) } catch { return (path, Settings(), "\(error); using the defaults") }
    }

    /// "streaming sample" for the bundled one, else the folder's name.
    private func streamingSourceName(_ folder: String) -> String {
        let path = URL(fileURLWithPath: folder).standardizedFileURL.path
        return path == URL(fileURLWithPath: BundledSample.folder + "/streaming").standardizedFileURL.path
            ? "streaming sample" : URL(fileURLWithPath: path).lastPathComponent
    }

    /// Without a usable terminal the explorer's first screen is printed as
    /// plain tables (the busiest developers, users and genres), with a note
    /// on stderr saying why and what to run instead.
    private func printPlainOverview(because reason: String) throws {
        FileHandle.standardError.write(Data("steamlens: \(reason); printing a plain overview (use `steamlens query …` for any question, or --replay \"KEYS\" --dump-screen for the explorer)\n".utf8))
        if isStreaming {
            let folder = try dataOptions.streamingFolder()
            let engine = try dataOptions.openStreamingEngine(folder: folder, quiet: true)
            print("SteamLens · \(streamingSourceName(folder)) · \(engine.titles.count) titles · \(engine.catalogue.ratings?.viewers.count ?? 0) viewers\n")
            for kind in [StreamingListKind.platforms, .genres, .countries] {
                do {
                    let page = try engine.list(kind, limit: 10, definitions: .standard)
                    print(try ResultPrinter.render(table: page.table, json: page, definitions: page.definitions, format: .table))
                } catch {
                    throw CLIFailure(error)
                }
            }
            return
        }
        let engine = try dataOptions.openEngine(quiet: true).engine
        let catalog = engine.catalog
        print("SteamLens · \(sourceName) · \(catalog.gameCount) games · \(catalog.userCount) users · \(catalog.reviewCount) reviews\n")
        for kind in [ListPage.Kind.developers, .users, .genres] {
            do {
                let page = try engine.list(kind, sort: .count, limit: 10)
                print(try ResultPrinter.render(page, format: .table))
            } catch {
                throw CLIFailure(error)
            }
        }
    }

    private func runReplay(_ replay: String) throws {
        let keys: [Key]
        do {
            keys = try Key.parse(replay: replay)
        } catch {
            throw CLIFailure(message: "\(error)", code: 1)
        }
        let catalogue: any ExplorerCatalogue
        let source: String
        if isStreaming {
            let folder = try dataOptions.streamingFolder()
            catalogue = try openStreaming(folder: folder, quiet: false)
            source = streamingSourceName(folder)
        } else {
            catalogue = try dataOptions.openEngine(quiet: false).engine
            source = sourceName
        }
        let environment = ProcessInfo.processInfo.environment
        let theme = Theme.resolve(environment: environment, noColorFlag: noColor)
        let runner = AppRunner.replay(engine: catalogue, keys: keys, size: parsedSize!, sourceName: source,
                                      theme: theme, glyphs: ascii ? .ascii : .unicode, exportFolder: absoluteExportFolder)
        if dumpScreen, let terminal = runner.terminal as? MemoryTerminal {
            let lines = (terminal.lastBuffer ?? Buffer(size: terminal.size)).plainLines(trimmingTrailingSpaces: true)
            print(lines.joined(separator: "\n"))
        }
        if timings {
            func summary(_ name: String, _ values: [Double]) -> String {
                let sorted = values.sorted()
                guard !sorted.isEmpty else { return "\(name): none" }
                let median = sorted[sorted.count / 2], p95 = sorted[min(sorted.count - 1, sorted.count * 95 / 100)]
                return String(format: "%@: %d × median %.2f ms · p95 %.2f ms · max %.2f ms", name, sorted.count, median, p95, sorted.last!)
            }
            FileHandle.standardError.write(Data((summary("render", runner.renderMilliseconds) + "\n"
                + summary("reduce", runner.reduceMilliseconds) + "\n"
                + summary("recommend", runner.recommendMilliseconds) + "\n").utf8))
        }
    }
}
