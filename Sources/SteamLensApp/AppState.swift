import SteamLensEngine
import StreamingCatalog
import TerminalUI

/// A left-column pane of a catalogue: its place in Tab order (`rawValue`,
/// also its digit key less one), its title and what the right side is
/// called when one of its rows is selected. Each catalogue names its own
/// panes (``CatalogueLayout/panes``); Steam's are the constants below.
public struct PaneID: Hashable, Sendable {
    public var rawValue: Int
    public var title: String
    /// The right side's title for a row of the pane ("Developer"); the pane's title unless given.
    public var rowTitle: String

    public init(_ rawValue: Int, _ title: String, rowTitle: String? = nil) {
        self.rawValue = rawValue
        self.title = title
        self.rowTitle = rowTitle ?? title
    }

    public static let developers = PaneID(0, "Developers", rowTitle: "Developer")
    public static let users = PaneID(1, "Users", rowTitle: "User")
    public static let genres = PaneID(2, "Genres", rowTitle: "Genre")
    public static let years = PaneID(3, "Years", rowTitle: "Year")
    /// Every game, or the games of the row a drill opened.
    public static let games = PaneID(4, "Games", rowTitle: "Game")

    /// Steam's panes in Tab order.
    public static let steam: [PaneID] = [.developers, .users, .genres, .years, .games]

    var listKind: ListPage.Kind {
        switch self {
        case .developers: return .developers
        case .users: return .users
        case .genres: return .genres
        case .years: return .years
        default: return .games
        }
    }
}

/// One pane's rows (already sorted and filtered) and where its cursor is.
public struct PaneState: Equatable, Sendable {
    /// The number columns after the name, in order.
    public var columns: [PaneColumnSpec] = []
    /// Label fields a filter can name (`tag:`, `genre:` …) besides the columns.
    public var labelFields: [String] = []
    /// Every row, sorted; `rows` is what the filter keeps of them.
    public var allRows: [PaneRow] = []
    public var rows: [PaneRow] = []
    public var filter: PaneFilter?
    /// The largest value of each column over `rows`, so bars and widths
    /// answer for the whole list, not for what is on screen.
    public var columnMax: [Double] = []
    /// Cells the longest name needs (at most 44), for the column's width.
    public var nameWidth = 0
    public var cursor = 0
    /// First visible row; render keeps the cursor visible from here.
    public var offset = 0
    public var sort = PaneSort(column: 1, descending: true)

    public var selected: PaneRow? { rows.indices.contains(cursor) ? rows[cursor] : nil }

    /// The sorted column's name: "name" or one of `columns`.
    public var sortColumnName: String {
        sort.column == 0 ? "name" : columns.indices.contains(sort.column - 1) ? columns[sort.column - 1].name : "name"
    }
}

/// Which column a pane is sorted by: 0 is the name, 1… the number columns.
public struct PaneSort: Equatable, Sendable {
    public var column: Int
    public var descending: Bool

    public init(column: Int, descending: Bool) {
        self.column = column
        self.descending = descending
    }
}

/// What the right side is about: the row under the cursor, named by its
/// pane and the id its rows carry. A catalogue reads the id (Steam's
/// through ``SteamEntity``); shared code never needs to know what it is.
public enum Selection: Hashable, Sendable {
    case none
    case entity(PaneID, Int)
}

/// A level of the drill stack (Enter pushes, Esc pops).
public enum Drill: Equatable, Sendable {
    /// The drill pane (Games, Titles) lists the rows of `scope`; `returnFocus` is the pane Esc goes back to.
    case rows(scope: Selection, returnFocus: PaneID)
    /// The right side shows every review of a game, scrolled by `offset` reviews.
    case reviews(item: Int32, offset: Int)
}

/// A box drawn over the screen that takes the keys while open.
public enum Overlay: Equatable, Sendable {
    case help(offset: Int)
    case definitions(offset: Int)
    /// `e`: what can be written, the chosen one and the format.
    case export(cursor: Int, format: ExportFormat)
    /// `:` or Ctrl-P: commands matching what was typed.
    case palette(query: String, cursor: Int)
}

/// The `|`/`f` prompt: the filter being typed for a pane, and why the last
/// Enter was refused.
public struct FilterPrompt: Equatable, Sendable {
    public var text: String
    public var pane: PaneID
    public var error: String?
    /// True when the prompt filters the open reviews rather than the pane.
    public var reviews = false
}

/// The frequency table on the right side (Shift-F), with its own cursor.
public struct FrequencyState: Equatable, Sendable {
    public var attribute: String
    /// The catalogue's attributes, in the order `F` steps through them.
    public var attributes: [String]
    /// Which rows are counted: behind the pane's listed rows, its selected row, or all.
    public var scope: FrequencyScope
    public var table: FrequencyTable
    public var cursor = 0
    public var offset = 0
}

/// The `/` prompt: what was typed and where the cursor was when it opened.
/// It searches the focused pane's names, or, while a game's reviews are
/// open, the text of those reviews (`reviewsOf`).
public struct SearchState: Equatable, Sendable {
    public var query = ""
    /// True while the prompt takes keystrokes; false after Enter/Esc (n/N still use `query`).
    public var isEditing = true
    public var pane: PaneID
    /// The pane cursor, or the reviews' scroll offset, when the prompt opened.
    public var startCursor: Int
    /// The game whose reviews are searched; nil for a pane search.
    public var reviewsOf: Int32? = nil
    /// Rows (or reviews) the query matches, shown in the prompt.
    public var matches = 0

    /// What the prompt searches, for its hint: "Developers", "reviews".
    public var targetName: String { reviewsOf == nil ? pane.title : "reviews" }
}

/// The histogram view on the right side (`h` cycles the kind, `l` log bins, `a` scope).
public struct HistogramMode: Equatable, Sendable {
    /// Which of the catalogue's histograms (``CatalogueLayout/histograms``), in `h` order.
    public var position: Int
    public var logScale = false
    /// True: the whole data; false: the selection under the cursor.
    public var allData = false

    /// Steam's histogram at this position.
    public var kind: DistributionKind {
        let kinds = DistributionKind.allCases
        return kinds[min(max(0, position), kinds.count - 1)]
    }
}

/// Everything the explorer shows, as a value: `reduce` changes it, `render` draws it.
public struct AppState: Sendable {
    public var focus: PaneID = .developers
    public var panes: [PaneID: PaneState] = [:]
    public var drill: [Drill] = []
    public var search: SearchState?
    public var filterPrompt: FilterPrompt?
    public var frequency: FrequencyState?
    /// Columns `+`/`-` add to (or take from) the left column's width.
    public var leftZoom = 0
    /// The open reviews view's filter, order and listed reviews.
    public var reviewList = ReviewList()
    /// The drill pane listing every row (its cursor, sort and filter) while a drill shows the rows of one selection.
    public var undrilledPane: PaneState?
    public var overlay: Overlay?
    public var definitions: Definitions
    public var histogram: HistogramMode?
    public var size: Size
    public var status: String?
    /// Bumped on every change of selection or definitions; background
    /// results carry the generation they were asked for and are dropped
    /// when it is no longer current.
    public var generation = 0
    public var shouldQuit = false

    /// The right side for the current selection, computed in `reduce`.
    public var detail: Detail = .empty
    /// Steam's histogram for the current selection, computed in `reduce`.
    public var distribution: Distribution?
    /// The histogram drawn, of whichever catalogue, computed in `reduce`.
    public var chart: Histogram?

    /// What the catalogue calls its panes, its header counts and its keys.
    public var layout: CatalogueLayout
    /// The streaming catalogue's definitions; nil on Steam, whose are `definitions`.
    public var streamingDefinitions: StreamingDefinitions?

    /// Header facts (fixed after start).
    public var sourceName: String
    public var theme: Theme
    public var glyphs: Glyphs
    /// Where `e` writes files.
    public var exportFolder: String
    /// How the crawl year was inferred, for Steam's definitions panel.
    public var crawlYear: CrawlYear?
    /// The load report in short, for the definitions panel.
    public var cleaningSummary: [String] = []
    /// Total playtime minutes per Steam item, for "most played game" lookups.
    var itemMinutes: [Int]

    public var pane: PaneState {
        get { panes[focus] ?? PaneState() }
        set { panes[focus] = newValue }
    }

    /// Panes in Tab order. The drill pane (Games) lists every game, or the
    /// games of the row a drill opened.
    public var visiblePanes: [PaneID] { layout.panes }

    /// The key table of the catalogue on screen.
    public var keymap: Keymap<Command> { layout.keymap }

    /// The selection whose rows the drill pane lists (the innermost drill), if any.
    public var drillScope: Selection? {
        for level in drill.reversed() {
            if case .rows(let scope, _) = level { return scope }
        }
        return nil
    }

    /// The item whose reviews are open, if the top of the stack is a reviews drill.
    public var reviewsDrill: (item: Int32, offset: Int)? {
        if case .reviews(let item, let offset)? = drill.last { return (item, offset) }
        return nil
    }

    /// The entity under the cursor of the focused pane.
    public var selection: Selection {
        pane.selected.map { .entity(focus, $0.id) } ?? .none
    }
}

/// Totals for the header line (the readiness marker of scripts and tests).
public struct CatalogCounts: Equatable, Sendable {
    public var games: Int
    public var users: Int
    public var reviews: Int
    public var developers: Int
}
