import SteamLensEngine

/// The right side of the screen for one selection: titled sections drawn
/// top to bottom. Built by ``DetailBuilder`` in `reduce`, drawn by `render`.
public struct Detail: Equatable, Sendable {
    public var selection: Selection
    public var sections: [DetailSection]
    /// The previous selection's recommendations, drawn dimmed while the new
    /// ones are computed, so a cursor move never flashes "computing…".
    public var staleRecommendations: [Recommendation]?

    public init(selection: Selection, sections: [DetailSection]) {
        self.selection = selection
        self.sections = sections
    }

    public static let empty = Detail(selection: .none, sections: [])

    /// The recommendations shown now, if any have arrived.
    var recommendations: [Recommendation]? {
        for section in sections { if case .recommendations(let rows?) = section.body { return rows } }
        return nil
    }
}

/// One titled block of the right side.
public struct DetailSection: Equatable, Sendable {
    public enum Body: Equatable, Sendable {
        /// A query result drawn as a table.
        case table(ResultTable)
        /// Plain lines (facts, counts).
        case lines([String])
        /// A one-row sparkline of values per year from `firstYear`, after a
        /// caption naming the years actually drawn ("items per year 2012–2017").
        case sparkline(label: String, firstYear: Int, values: [Double])
        /// Recommendations with scores; nil while they are being computed.
        case recommendations([Recommendation]?)
        /// Review texts, wrapped and sanitised when drawn; the first `offset` are skipped.
        case reviews([ReviewSnippet], offset: Int)
        /// Why there is nothing to show (a query with no result).
        case message(String)
    }

    public var title: String
    public var body: Body

    public init(_ title: String, _ body: Body) {
        self.title = title
        self.body = body
    }
}

/// One review as shown under a game.
public struct ReviewSnippet: Equatable, Sendable {
    /// "76561197970982479 · recommends · positive · 2011 · 2 of 3 helpful"
    public var heading: String
    public var text: String
}
