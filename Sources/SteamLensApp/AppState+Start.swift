import SteamLensData
import SteamLensEngine
import TerminalUI

extension AppState {
    /// The state of the first frame: Developers focused, every pane loaded
    /// and sorted by its count, the right side showing the first developer.
    /// Also returns the effects of that first selection (its recommendations).
    ///
    /// ```swift
    /// var (state, effects) = AppState.start(engine: engine, size: terminal.size)
    /// ```
    public static func start(engine: Engine, size: Size, sourceName: String = "data",
                             definitions: Definitions = .standard, theme: Theme = .color, glyphs: Glyphs = .unicode,
                             exportFolder: String = ".") -> (AppState, [Effect]) {
        var state = AppState(engine: engine, size: size, sourceName: sourceName, definitions: definitions,
                             theme: theme, glyphs: glyphs, exportFolder: exportFolder)
        let effects = selectionChanged(&state, engine: engine)
        return (state, effects)
    }

    /// A state with every pane loaded; ``start(engine:size:sourceName:definitions:theme:glyphs:exportFolder:)``
    /// also fills the right side.
    public init(engine: Engine, size: Size, sourceName: String = "data", definitions: Definitions = .standard,
                theme: Theme = .color, glyphs: Glyphs = .unicode, exportFolder: String = ".") {
        let catalog = engine.catalog
        self.definitions = definitions
        self.size = size
        self.sourceName = sourceName
        self.theme = theme
        self.glyphs = glyphs
        self.exportFolder = exportFolder
        counts = CatalogCounts(games: catalog.gameCount, users: catalog.userCount,
                               reviews: catalog.reviewCount, developers: catalog.developerNames.count)
        itemMinutes = (0..<catalog.itemCount).map { item in
            catalog.ownersOfItem[item].reduce(0) { $0 + Int($1.minutes) }
        }
        cleaningSummary = AppState.cleaningSummary(catalog.report)
        crawlYear = catalog.crawlYear
        for pane in PaneID.allCases {
            PaneRows.reload(pane, in: &self, engine: engine)
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
