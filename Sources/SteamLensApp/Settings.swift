import Foundation
import SteamLensEngine
import TerminalUI
import TOMLKit

/// What the explorer remembers between runs, in
/// `$XDG_CONFIG_HOME/steamlens/config.toml` (`~/.config/…` without it):
/// the definitions, each pane's sort, the left column's zoom, the theme and
/// the mouse; the streaming explorer's own in `[streaming]`. Every key is
/// optional; a missing one keeps the default.
///
/// ```toml
/// review_year = "posted"        # or "release"
/// undated_reviews = "crawl"     # or "unknown"
/// time_unit = "hours"           # or "minutes"
/// join_key = "item_id"          # or "name"
/// left_zoom = 1                 # + and - steps of 8 columns
/// theme = "color"               # or "monochrome"
/// mouse = true
///
/// [sorts.games]
/// column = "price"
/// descending = false
/// ```
public struct Settings: Codable, Equatable, Sendable {
    public struct Sort: Codable, Equatable, Sendable {
        public var column: String
        public var descending: Bool
    }

    public var reviewYear: Definitions.ReviewYear?
    public var undatedReviews: Definitions.UndatedReviews?
    public var timeUnit: Definitions.TimeUnit?
    public var joinKey: Definitions.JoinKey?
    /// Pane name ("developers", "games") → its sort.
    public var sorts: [String: Sort]?
    public var leftZoom: Int?
    public var theme: String?
    public var mouse: Bool?
    /// The streaming explorer's own definitions, sorts and zoom (``StreamingSettings``).
    public var streaming: StreamingSettings?

    enum CodingKeys: String, CodingKey {
        case reviewYear = "review_year", undatedReviews = "undated_reviews", timeUnit = "time_unit", joinKey = "join_key"
        case sorts, leftZoom = "left_zoom", theme, mouse, streaming
    }

    public init() {}

    /// What `state` would bring back next time (the theme and the mouse are
    /// not the state's: they stay as the file had them).
    public init(_ state: AppState) {
        reviewYear = state.definitions.reviewYear
        undatedReviews = state.definitions.undatedReviews
        timeUnit = state.definitions.timeUnit
        joinKey = state.definitions.joinKey
        leftZoom = state.leftZoom
        sorts = Self.paneSorts(of: state)
    }

    /// Each pane's sort by pane name; the drill pane's is the whole list's, not a drill's.
    static func paneSorts(of state: AppState) -> [String: Sort] {
        var sorts: [String: Sort] = [:]
        for pane in state.visiblePanes {
            guard let paneState = pane == state.layout.drillPane ? state.undrilledPane ?? state.panes[pane] : state.panes[pane] else { continue }
            sorts[pane.title.lowercased()] = Sort(column: paneState.sortColumnName, descending: paneState.sort.descending)
        }
        return sorts
    }

    /// The definitions these settings ask for, on top of `base`.
    public func definitions(over base: Definitions = .standard) -> Definitions {
        var definitions = base
        if let reviewYear { definitions.reviewYear = reviewYear }
        if let undatedReviews { definitions.undatedReviews = undatedReviews }
        if let timeUnit { definitions.timeUnit = timeUnit }
        if let joinKey { definitions.joinKey = joinKey }
        return definitions
    }

    /// The settings file's place: `$XDG_CONFIG_HOME/steamlens/config.toml`,
    /// else `$HOME/.config/steamlens/config.toml`; nil without either.
    public static func defaultPath(environment: [String: String]) -> String? {
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") { return config + "/steamlens/config.toml" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.config/steamlens/config.toml" }
        return nil
    }

    /// Reads `path`; a missing file is the defaults. A file that cannot be
    /// read or parsed throws a ``SettingsError`` naming the file, the line
    /// and the reason.
    public static func load(from path: String) throws -> Settings {
        guard FileManager.default.fileExists(atPath: path) else { return Settings() }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw SettingsError(description: "\(path): cannot be read (\(error.localizedDescription))")
        }
        return try parse(text, path: path)
    }

    /// Settings from TOML text; `path` only names the file in errors.
    public static func parse(_ text: String, path: String = "config.toml") throws -> Settings {
        do {
            return try TOMLDecoder().decode(Settings.self, from: text)
        } catch let error as TOMLParseError {
            throw SettingsError(description: "\(path):\(error.source.begin.line): \(error.description)")
        } catch let DecodingError.dataCorrupted(context) {
            throw SettingsError(description: "\(path): \(Self.keyPath(context.codingPath)): \(context.debugDescription)")
        } catch let DecodingError.typeMismatch(_, context) {
            throw SettingsError(description: "\(path): \(Self.keyPath(context.codingPath)): \(context.debugDescription)")
        } catch {
            throw SettingsError(description: "\(path): \(error)")
        }
    }

    private static func keyPath(_ path: [any CodingKey]) -> String {
        path.map(\.stringValue).joined(separator: ".")
    }

    /// The file's text.
    public func toml() -> String {
        (try? TOMLEncoder().encode(self)) ?? ""
    }

    /// Writes the settings to `path`, making its folder.
    public func save(to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try ("# SteamLens explorer settings; R in the explorer resets them (docs/tui.md)\n" + toml())
                .write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw SettingsError(description: "\(path): cannot be written (\(error.localizedDescription))")
        }
    }
}

/// Why the settings file was not used, with the file and line.
public struct SettingsError: Error, Equatable, Sendable, CustomStringConvertible {
    public var description: String
}

extension AppState {
    /// Applies `settings` to a started state: definitions, sorts and zoom
    /// (the theme and the mouse are the terminal's, set by the caller).
    /// Returns the effects of the refreshed right side.
    public mutating func apply(_ settings: Settings, engine: any ExplorerCatalogue) -> [Effect] {
        definitions = settings.definitions(over: definitions)
        return applyLayout(sorts: settings.sorts, leftZoom: settings.leftZoom, engine: engine)
    }

    /// Each pane's saved sort (by pane name) and the zoom, then the panes and the right side again.
    mutating func applyLayout(sorts: [String: Settings.Sort]?, leftZoom zoom: Int?, engine: any ExplorerCatalogue) -> [Effect] {
        leftZoom = min(12, max(-4, zoom ?? 0))
        for pane in visiblePanes {
            var paneState = panes[pane] ?? PaneState()
            if let sort = sorts?[pane.title.lowercased()] {
                let column = sort.column == "name" ? 0 : (paneState.columns.firstIndex { $0.name == sort.column }.map { $0 + 1 })
                if let column { paneState.sort = PaneSort(column: column, descending: sort.descending) }
            }
            panes[pane] = paneState
            PaneRows.reload(pane, in: &self, engine: engine)
        }
        clampOffsets(&self)
        return selectionChanged(&self, engine: engine)
    }

    /// `R`: the defaults again (definitions, sorts, zoom, filters).
    mutating func resetSettings(engine: any ExplorerCatalogue) -> [Effect] {
        definitions = .standard
        if streamingDefinitions != nil { streamingDefinitions = .standard }
        leftZoom = 0
        for pane in visiblePanes {
            panes[pane]?.sort = PaneSort(column: 1, descending: true)
            panes[pane]?.filter = nil
            PaneRows.reload(pane, in: &self, engine: engine)
        }
        clampOffsets(&self)
        status = "settings reset: standard definitions, sorts by the first number column, no filters, standard widths"
        return selectionChanged(&self, engine: engine)
    }
}
