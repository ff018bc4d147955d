import SteamLensEngine
import TerminalUI

/// One row of a left-column pane.
public struct PaneRow: Equatable, Sendable {
    /// Index in the catalog array (developer, user, genre, item), or the year (0 = unknown).
    public var id: Int
    public var name: String
    /// `NameKey.normalize(name)`, for search and sorting by name.
    public var key: String
    /// One value per number column of the pane; nil is unknown (a price, a year).
    public var values: [Double?]

    public init(id: Int, name: String, key: String, values: [Double?]) {
        self.id = id
        self.name = name
        self.key = key
        self.values = values
    }

    /// The first column (games, items, owners), 0 when unknown.
    public var count: Int { Int(values.first.flatMap { $0 } ?? 0) }
    /// The second column (reviews, hours), 0 when unknown.
    public var secondary: Double { values.count > 1 ? values[1] ?? 0 : 0 }
}

/// One number column of a pane: its name (also the filter field) and how it prints.
public struct PaneColumnSpec: Equatable, Sendable {
    public var name: String
    public var digits: Int
    /// Thousands separators; off for years ("2015", not "2,015").
    public var grouped: Bool

    public init(_ name: String, digits: Int = 0, grouped: Bool = true) {
        self.name = name
        self.digits = digits
        self.grouped = grouped
    }

    /// The one format of this column: fixed decimals, separators, "?" when unknown.
    public func format(_ value: Double?) -> String {
        guard let value else { return "?" }
        return grouped ? Formatting.grouped(value, digits: digits) : Formatting.decimal(value, digits: digits)
    }
}

/// Builds the sorted, filtered rows of each pane from its catalogue.
enum PaneRows {
    /// Fills `state.panes[pane]` for its current sort and filter, keeping
    /// the cursor on the same entity when it is still listed.
    static func reload(_ pane: PaneID, in state: inout AppState, engine: any ExplorerCatalogue) {
        var paneState = state.panes[pane] ?? PaneState()
        let previous = paneState.selected?.id
        guard let content = engine.paneContent(pane, state: state) else { return }
        paneState.columns = content.columns
        paneState.labelFields = content.labelFields
        paneState.allRows = content.rows
        paneState.sort.column = min(paneState.sort.column, paneState.columns.count)
        paneState.nameWidth = paneState.allRows.reduce(4) { width, row in
            width >= 44 ? width : max(width, min(44, row.name.utf8.count <= width ? width : row.name.displayWidth))
        }
        paneState.allRows = sorted(paneState.allRows, by: paneState.sort)
        applyFilter(&paneState, pane: pane, engine: engine)
        if let previous, let index = paneState.rows.firstIndex(where: { $0.id == previous }) {
            paneState.cursor = index
        } else {
            paneState.cursor = min(paneState.cursor, max(0, paneState.rows.count - 1))
        }
        state.panes[pane] = paneState
    }

    /// Re-sorts a loaded pane without asking the engine again; the cursor stays on its row.
    static func resort(_ paneState: inout PaneState, pane: PaneID, engine: any ExplorerCatalogue) {
        let previous = paneState.selected?.id
        paneState.allRows = sorted(paneState.allRows, by: paneState.sort)
        applyFilter(&paneState, pane: pane, engine: engine)
        if let previous, let index = paneState.rows.firstIndex(where: { $0.id == previous }) { paneState.cursor = index }
    }

    /// `rows` = the rows of `allRows` the filter keeps, and each column's largest value.
    static func applyFilter(_ paneState: inout PaneState, pane: PaneID, engine: any ExplorerCatalogue) {
        if let filter = paneState.filter {
            let columns = paneState.columns.map(\.name)
            // Label names are folded once per filter, not once per row: a
            // tag clause over 32,000 games would otherwise fold 600,000 names.
            let labels = engine.labelLookup(Set(filter.clauses.map(\.field)).subtracting(columns + ["name"]), pane: pane)
            paneState.rows = paneState.allRows.filter { row in
                filter.clauses.allSatisfy { clause in
                    let holds: Bool
                    if let column = columns.firstIndex(of: clause.field) {
                        holds = PaneFilter.holds(clause.test, number: row.values[column])
                    } else if clause.field == "name" {
                        holds = PaneFilter.holds(clause.test, labels: [PaneFilter.fold(row.name)])
                    } else {
                        holds = PaneFilter.holds(clause.test, labels: labels.labels(clause.field, row.id))
                    }
                    return holds != clause.negated
                }
            }
        } else {
            paneState.rows = paneState.allRows
        }
        paneState.columnMax = paneState.columns.indices.map { column in
            paneState.rows.reduce(0) { max($0, abs($1.values[column] ?? 0)) }
        }
    }

    /// Where a freshly opened pane puts its cursor: on the first row with
    /// something behind it, never on an empty selection (a year needs games
    /// and reviews, since its tables count both; other rows need a count).
    static func firstNonEmptyRow(_ pane: PaneID, in rows: [PaneRow]) -> Int {
        let full: (PaneRow) -> Bool = pane == .years ? { $0.count > 0 && $0.secondary > 0 } : { $0.count > 0 }
        return rows.firstIndex(where: full) ?? rows.firstIndex { $0.count > 0 || $0.secondary > 0 } ?? 0
    }

    /// The one row order of every pane: by the name's forgiving key or by a
    /// number column, unknown values last in both directions, ties by name
    /// then id so a re-sort never shuffles equal rows.
    static func sorted(_ rows: [PaneRow], by sort: PaneSort) -> [PaneRow] {
        let column = sort.column - 1
        return rows.sorted { a, b in
            if column >= 0 {
                switch (a.values[column], b.values[column]) {
                case let (x?, y?) where x != y: return sort.descending ? x > y : x < y
                case (.some, nil): return true
                case (nil, .some): return false
                default: return a.key != b.key ? a.key < b.key : a.id < b.id
                }
            }
            if a.key == b.key { return a.id < b.id }
            return sort.descending ? a.key > b.key : a.key < b.key
        }
    }
}
