import StreamingCatalog

/// The streaming explorer's part of the settings file, the `[streaming]`
/// table: its own definitions, sorts and zoom. A table of its own because
/// the two catalogues' panes share names (genres, years) but not columns,
/// and neither explorer must overwrite what the other remembered.
///
/// ```toml
/// [streaming]
/// title_year = "added"          # or "release"
/// word_match = "substring"      # or "word"
/// missing_rating = "g"          # or "unknown"
/// left_zoom = 1
///
/// [streaming.sorts.titles]
/// column = "score"
/// descending = true
/// ```
public struct StreamingSettings: Codable, Equatable, Sendable {
    public var titleYear: StreamingDefinitions.TitleYear?
    public var wordMatch: StreamingDefinitions.WordMatch?
    public var missingRating: StreamingDefinitions.MissingRating?
    /// Pane name ("platforms", "titles") → its sort.
    public var sorts: [String: Settings.Sort]?
    public var leftZoom: Int?

    enum CodingKeys: String, CodingKey {
        case titleYear = "title_year", wordMatch = "word_match", missingRating = "missing_rating", sorts, leftZoom = "left_zoom"
    }

    public init() {}

    /// What a streaming explorer's `state` would bring back next time.
    public init(_ state: AppState) {
        let definitions = state.streamingDefinitions ?? .standard
        titleYear = definitions.titleYear
        wordMatch = definitions.wordMatch
        missingRating = definitions.missingRating
        sorts = Settings.paneSorts(of: state)
        leftZoom = state.leftZoom
    }

    /// The definitions these settings ask for, on top of `base`.
    public func definitions(over base: StreamingDefinitions = .standard) -> StreamingDefinitions {
        var definitions = base
        if let titleYear { definitions.titleYear = titleYear }
        if let wordMatch { definitions.wordMatch = wordMatch }
        if let missingRating { definitions.missingRating = missingRating }
        return definitions
    }
}

extension AppState {
    /// Applies the streaming explorer's settings to a started state:
    /// definitions, sorts and zoom. Returns the effects of the refreshed right side.
    public mutating func apply(_ settings: StreamingSettings, engine: any ExplorerCatalogue) -> [Effect] {
        streamingDefinitions = settings.definitions(over: streamingDefinitions ?? .standard)
        return applyLayout(sorts: settings.sorts, leftZoom: settings.leftZoom, engine: engine)
    }
}
