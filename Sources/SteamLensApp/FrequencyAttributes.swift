import SteamLensEngine

/// The rows a frequency table counts (`F`, `a` steps it): those behind the
/// pane's listed rows, behind its selected row alone, or every row of the
/// catalogue (no source).
public struct FrequencyScope: Equatable, Sendable {
    public var source: PaneID?
    public var selectionOnly = false

    public init(source: PaneID?, selectionOnly: Bool = false) {
        self.source = source
        self.selectionOnly = selectionOnly
    }

    /// The next scope `a` steps to: listed rows → selected row → everything → the focused pane's listed rows.
    func next(focus: PaneID) -> FrequencyScope {
        switch (source, selectionOnly) {
        case (.some(let source), false): return FrequencyScope(source: source, selectionOnly: true)
        case (.some, true): return FrequencyScope(source: nil)
        case (nil, _): return FrequencyScope(source: focus)
        }
    }

    /// The rows of `pane` (the source) whose titles or games are counted: its
    /// selected row alone, or its listed rows (also when nothing is selected).
    func rows(of pane: PaneState) -> [PaneRow] {
        selectionOnly ? pane.selected.map { [$0] } ?? pane.rows : pane.rows
    }

    /// What the table's heading says it counts: "Titles |genre:dramas",
    /// "titles of Genres", "titles of Dramas", "all titles" (`unit` "titles").
    func name(unit: String, drillPane: PaneID, state: AppState) -> String {
        guard let source else { return "all " + unit }
        let pane = state.panes[source] ?? PaneState()
        if selectionOnly, let row = pane.selected { return source == drillPane ? row.name : "\(unit) of \(row.name)" }
        var name = source.title
        if source == drillPane, let scope = state.drillScope { name += " of " + PaneColumn.scopeName(scope, in: state) }
        if let filter = pane.filter { name += " |" + filter.text }
        return source == drillPane ? name : "\(unit) of \(name)"
    }
}

/// One value a row has for an attribute, and the drill pane's filter that
/// keeps the rows with it (nil when no filter can).
public struct FrequencyValue: Hashable, Sendable {
    public var label: String
    public var filter: String?

    public init(_ label: String, filter: String?) {
        self.label = label
        self.filter = filter
    }
}

/// Counts a set of rows by the values each has for one attribute: the
/// general counter behind a catalogue's frequency tables (Steam counts its
/// large label columns by id instead, in `Frequencies`).
enum FrequencyCounter {
    /// How the rows of a table are ordered.
    enum Order {
        /// Most frequent first, ties by name.
        case byCount
        /// In the order of `rank` (years, bands); values without a rank last, by name.
        case ranked((String) -> Int?)
    }

    /// The table of `attribute` over `items`: a row counts each of its distinct
    /// values once; rows with no value are counted under "(none)".
    static func table(_ attribute: String, items: [Int], unit: String, scopeName: String, order: Order, note: String? = nil,
                      values: (Int) -> [FrequencyValue]) -> FrequencyTable {
        var counts: [String: Int] = [:]
        var filters: [String: String] = [:]
        var none = 0
        for item in items {
            let found = values(item)
            if found.isEmpty { none += 1 }
            var seen = Set<String>()
            for value in found where seen.insert(value.label).inserted {
                counts[value.label, default: 0] += 1
                if filters[value.label] == nil, let filter = value.filter { filters[value.label] = filter }
            }
        }
        return FrequencyTable(attribute: attribute, scopeName: scopeName, unit: unit, total: items.count,
                              rows: rows(counts, filters: filters, none: none, order: order), note: note)
    }

    /// The rows of `counts` in `order`, with "(none)" last when `none` rows had no value.
    static func rows(_ counts: [String: Int], filters: [String: String], none: Int, order: Order) -> [FrequencyTable.Row] {
        var rows = counts.map { FrequencyTable.Row(label: $0.key, count: $0.value, filter: filters[$0.key]) }
        // Ties by name; the keys are folded once, not per comparison (10,992 developers).
        let keys = Dictionary(uniqueKeysWithValues: rows.map { ($0.label, NameKey.normalize($0.label)) })
        switch order {
        case .byCount:
            rows.sort { $0.count != $1.count ? $0.count > $1.count : keys[$0.label]! < keys[$1.label]! }
        case .ranked(let rank):
            let ranks = Dictionary(uniqueKeysWithValues: rows.map { ($0.label, rank($0.label) ?? .max) })
            rows.sort { ranks[$0.label]! != ranks[$1.label]! ? ranks[$0.label]! < ranks[$1.label]! : keys[$0.label]! < keys[$1.label]! }
        }
        if none > 0 { rows.append(FrequencyTable.Row(label: "(none)", count: none, filter: nil)) }
        return rows
    }

    /// A value as a label filter writes it: quoted, since names hold spaces.
    static func equals(_ field: String, _ value: String) -> String {
        field + "=" + quoted(value)
    }

    /// `text` in double quotes, or single ones when it holds a double quote.
    static func quoted(_ text: String) -> String {
        text.contains("\"") ? "'" + text + "'" : "\"" + text + "\""
    }
}
