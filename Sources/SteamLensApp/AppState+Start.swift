import SteamLensData
import SteamLensEngine
import TerminalUI

extension AppState {
    /// The state of the first frame: the first pane focused, every pane
    /// loaded and sorted by its count, the right side showing its first row.
    /// Also returns the effects of that first selection (its recommendations).
    ///
    /// ```swift
    /// var (state, effects) = AppState.start(engine: engine, size: terminal.size)
    /// ```
    public static func start(engine: Engine, size: Size, sourceName: String = "data",
                             definitions: Definitions = .standard, theme: Theme = .color, glyphs: Glyphs = .unicode,
                             exportFolder: String = ".") -> (AppState, [Effect]) {
        start(catalogue: engine, size: size, sourceName: sourceName, definitions: definitions, theme: theme, glyphs: glyphs,
              exportFolder: exportFolder)
    }

    /// The first frame's state on any catalogue (``start(engine:size:sourceName:definitions:theme:glyphs:exportFolder:)`` for Steam's).
    public static func start(catalogue: any ExplorerCatalogue, size: Size, sourceName: String = "data",
                             definitions: Definitions = .standard, theme: Theme = .color, glyphs: Glyphs = .unicode,
                             exportFolder: String = ".") -> (AppState, [Effect]) {
        var state = AppState(catalogue: catalogue, size: size, sourceName: sourceName, definitions: definitions,
                             theme: theme, glyphs: glyphs, exportFolder: exportFolder)
        let effects = selectionChanged(&state, engine: catalogue)
        return (state, effects)
    }

    /// A state with every pane loaded; ``start(engine:size:sourceName:definitions:theme:glyphs:exportFolder:)``
    /// also fills the right side.
    public init(engine: Engine, size: Size, sourceName: String = "data", definitions: Definitions = .standard,
                theme: Theme = .color, glyphs: Glyphs = .unicode, exportFolder: String = ".") {
        self.init(catalogue: engine, size: size, sourceName: sourceName, definitions: definitions, theme: theme, glyphs: glyphs,
                  exportFolder: exportFolder)
    }

    /// A state with every pane of `catalogue` loaded.
    public init(catalogue: any ExplorerCatalogue, size: Size, sourceName: String = "data", definitions: Definitions = .standard,
                theme: Theme = .color, glyphs: Glyphs = .unicode, exportFolder: String = ".") {
        self.definitions = definitions
        self.size = size
        self.sourceName = sourceName
        self.theme = theme
        self.glyphs = glyphs
        self.exportFolder = exportFolder
        layout = catalogue.layout()
        focus = layout.panes.first ?? .developers
        itemMinutes = []
        catalogue.prepare(&self)
        for pane in layout.panes {
            PaneRows.reload(pane, in: &self, engine: catalogue)
            if var loaded = panes[pane] {
                loaded.cursor = PaneRows.firstNonEmptyRow(pane, in: loaded.rows)
                panes[pane] = loaded
            }
        }
        clampOffsets(&self)
    }

    /// One line per file and per rule that fired, for the definitions panel.
    static func cleaningSummary(_ report: LoadReport) -> [String] {
        var lines: [String] = []
        for file in report.files {
            lines.append("\(file.file): kept \(file.kept) \(file.unit), skipped \(file.skipped)")
            for rule in file.rules.sorted(by: { $0.count > $1.count }) {
                lines.append("  \(rule.count) \(rule.rule.effect.rawValue): \(rule.rule.summary)")
            }
        }
        return lines
    }
}
