import SteamLensEngine
import TerminalUI

/// One catalogue the explorer can browse: Steam's games, the streaming
/// titles, … The reducer and the widgets are shared; a catalogue says what
/// its panes hold and what the right side shows for a row.
///
/// ```swift
/// let (state, effects) = AppState.start(catalogue: StreamingExplorer(engine: streaming), size: size)
/// reduce(&state, .key(.char("j")), engine: StreamingExplorer(engine: streaming))
/// ```
public protocol ExplorerCatalogue: Sendable {
    /// Pane titles, header counts and keys, fixed for the run.
    func layout() -> CatalogueLayout
    /// Sets what a new state knows of the catalogue before its panes load:
    /// its definitions, the load report's summary, lookups the right side needs.
    func prepare(_ state: inout AppState)
    /// The rows and columns of `pane` under the state's definitions and
    /// drill (the drill pane lists the rows of `state.drillScope`); nil when
    /// the pane cannot be listed, which leaves it as it was.
    func paneContent(_ pane: PaneID, state: AppState) -> PaneContent?
    /// The labels a filter's label field (`genre:`) matches a row of `pane`
    /// against, folded with `PaneFilter.fold`; asked once per filter.
    func labelLookup(_ fields: Set<String>, pane: PaneID) -> PaneLabelLookup
    /// The right side for a selection, and the background work it waits for.
    func detail(for selection: Selection, state: AppState) -> (Detail, Effect?)
    /// The section a ``SectionRequest`` waits for; runs off the loop.
    func answer(_ question: SectionRequest.Question) -> DetailSection
    /// Whether Enter on `selection` lists its rows in the drill pane.
    func drills(into selection: Selection) -> Bool
    /// The histogram `mode` asks for, of `selection` (`.none`: all data);
    /// Steam's come from its engine (``steamEngine``) instead.
    func histogram(_ mode: HistogramMode, of selection: Selection, state: AppState) -> Histogram?
    /// The attributes `F` counts rows by, in the order it steps through
    /// them; empty: the catalogue has no frequency tables.
    var frequencyAttributes: [String] { get }
    /// The frequency table of `attribute` over the drill pane's rows behind
    /// `scope`, each row's filter one of the drill pane; nil for an unknown attribute.
    func frequencyTable(_ attribute: String, of scope: FrequencyScope, state: AppState) -> FrequencyTable?
    /// What `Y` copies for a row of `pane` (a game's app id, a title's `ns1`); nil: its name.
    func copyableId(of row: PaneRow, in pane: PaneID) -> String?
    /// The Steam engine, for the views only Steam has so far (reviews,
    /// recommendations as effects); nil elsewhere.
    var steamEngine: Engine? { get }
}

extension ExplorerCatalogue {
    public var frequencyAttributes: [String] { [] }
    public func frequencyTable(_ attribute: String, of scope: FrequencyScope, state: AppState) -> FrequencyTable? { nil }
    public func copyableId(of row: PaneRow, in pane: PaneID) -> String? { nil }
    public func histogram(_ mode: HistogramMode, of selection: Selection, state: AppState) -> Histogram? { nil }
    public func answer(_ question: SectionRequest.Question) -> DetailSection { DetailSection("", .message("not in this catalogue")) }
}

/// What a pane lists: its number columns, the label fields a filter may
/// name besides them, and its rows (any order; the pane sorts them).
public struct PaneContent: Sendable {
    public var columns: [PaneColumnSpec]
    public var labelFields: [String]
    public var rows: [PaneRow]

    public init(columns: [PaneColumnSpec], labelFields: [String] = [], rows: [PaneRow]) {
        self.columns = columns
        self.labelFields = labelFields
        self.rows = rows
    }
}

/// The folded labels of a row for a filter's label field: `labels("genre", rowId)`.
public struct PaneLabelLookup: Sendable {
    public var labels: @Sendable (_ field: String, _ row: Int) -> [String]

    public init(_ labels: @escaping @Sendable (_ field: String, _ row: Int) -> [String]) {
        self.labels = labels
    }

    public static let none = PaneLabelLookup { _, _ in [] }
}

/// What a catalogue calls things on screen, fixed at start.
public struct CatalogueLayout: Sendable {
    /// The panes in Tab order; the digit keys focus them.
    public var panes: [PaneID]
    /// The pane Enter fills with the rows of a selection (Steam's Games).
    public var drillPane: PaneID
    /// The header's counts, longest first: narrow screens take a later one.
    public var counts: [String]
    public var keymap: Keymap<Command>
    /// The filter prompt's example: "price < 10 · year 2012..2015 · tag:roguelike".
    public var filterExample: String
    /// How many histograms `h` steps through before it closes them.
    public var histogramCount: Int

    public init(panes: [PaneID], drillPane: PaneID, counts: [String], keymap: Keymap<Command>, filterExample: String,
                histogramCount: Int) {
        self.histogramCount = histogramCount
        self.panes = panes
        self.drillPane = drillPane
        self.counts = counts
        self.keymap = keymap
        self.filterExample = filterExample
    }
}
