import SteamLensData
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

/// Builds the sorted, filtered rows of each pane from the engine.
enum PaneRows {
    /// Fills `state.panes[pane]` for its current sort and filter, keeping
    /// the cursor on the same entity when it is still listed.
    static func reload(_ pane: PaneID, in state: inout AppState, engine: Engine) {
        var paneState = state.panes[pane] ?? PaneState()
        let previous = paneState.selected?.id
        switch pane {
        case .games:
            let (rows, columns) = games(of: state.gamesDrill ?? .none, engine: engine, definitions: state.definitions)
            paneState.columns = columns
            paneState.labelFields = gameLabelFields
            paneState.allRows = rows
        default:
            guard let page = try? engine.list(pane.listKind, definitions: state.definitions) else { return }
            let keys = searchKeys(pane, engine: engine)
            paneState.columns = [PaneColumnSpec(page.countLabel),
                                 PaneColumnSpec(page.secondaryLabel, digits: page.secondaryDigits)]
            paneState.labelFields = []
            paneState.allRows = page.entries.map { entry in
                PaneRow(id: entry.id, name: entry.name, key: keys?[entry.id] ?? NameKey.normalize(entry.name),
                        values: [Double(entry.count), entry.secondary])
            }
        }
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
    static func resort(_ paneState: inout PaneState, pane: PaneID, engine: Engine) {
        let previous = paneState.selected?.id
        paneState.allRows = sorted(paneState.allRows, by: paneState.sort)
        applyFilter(&paneState, pane: pane, engine: engine)
        if let previous, let index = paneState.rows.firstIndex(where: { $0.id == previous }) { paneState.cursor = index }
    }

    /// `rows` = the rows of `allRows` the filter keeps, and each column's largest value.
    static func applyFilter(_ paneState: inout PaneState, pane: PaneID, engine: Engine) {
        if let filter = paneState.filter {
            let columns = paneState.columns.map(\.name)
            // Label names are folded once per filter, not once per row: a
            // tag clause over 32,000 games would otherwise fold 600,000 names.
            let labels = LabelLookup(fields: Set(filter.clauses.map(\.field)).subtracting(columns + ["name"]),
                                     pane: pane, engine: engine)
            paneState.rows = paneState.allRows.filter { row in
                filter.clauses.allSatisfy { clause in
                    let holds: Bool
                    if let column = columns.firstIndex(of: clause.field) {
                        holds = PaneFilter.holds(clause.test, number: row.values[column])
                    } else if clause.field == "name" {
                        holds = PaneFilter.holds(clause.test, labels: [PaneFilter.fold(row.name)])
                    } else {
                        holds = PaneFilter.holds(clause.test, labels: labels.labels(clause.field, of: row.id))
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

    /// What a games pane lets a filter name besides its columns.
    static let gameLabelFields = ["tag", "genre", "spec", "developer"]

    /// The folded labels of games, for the label fields a filter names.
    private struct LabelLookup {
        let catalog: Catalog
        var folded: [String: [String]] = [:]

        init(fields: Set<String>, pane: PaneID, engine: Engine) {
            catalog = engine.catalog
            guard pane == .games else { return }
            for field in fields {
                switch field {
                case "tag": folded[field] = catalog.tagNames.map(PaneFilter.fold)
                case "genre": folded[field] = catalog.genreNames.map(PaneFilter.fold)
                case "spec": folded[field] = catalog.specNames.map(PaneFilter.fold)
                case "developer": folded[field] = catalog.developerNames.map(PaneFilter.fold)
                default: break
                }
            }
        }

        func labels(_ field: String, of item: Int) -> [String] {
            guard let names = folded[field], catalog.isKnown(Int32(item)) else { return [] }
            switch field {
            case "tag": return catalog.tagsOfItem[item].map { names[Int($0)] }
            case "genre": return catalog.genresOfItem[item].map { names[Int($0)] }
            case "spec": return catalog.specsOfItem[item].map { names[Int($0)] }
            case "developer":
                let developer = catalog.developerOfItem[item]
                return developer < 0 ? [] : [names[Int(developer)]]
            default: return []
            }
        }
    }

    /// Where a freshly opened pane puts its cursor: on the first row with
    /// something behind it, never on an empty selection (a year needs games
    /// and reviews, since its tables count both; other rows need a count).
    static func firstNonEmptyRow(_ pane: PaneID, in rows: [PaneRow]) -> Int {
        let full: (PaneRow) -> Bool = pane == .years ? { $0.count > 0 && $0.secondary > 0 } : { $0.count > 0 }
        return rows.firstIndex(where: full) ?? rows.firstIndex { $0.count > 0 || $0.secondary > 0 } ?? 0
    }

    /// The engine's precomputed normalized names, indexed by entity.
    private static func searchKeys(_ pane: PaneID, engine: Engine) -> StringColumn? {
        switch pane {
        case .developers: return engine.developerIndex.keys
        case .users: return engine.userIndex.keys
        case .genres: return engine.genreIndex.keys
        case .games: return engine.catalog.titleKeys
        case .years: return nil
        }
    }

    /// The games of a drill scope (every game for `.none`): owners, reviews,
    /// price and release year per game; a user's games start with the
    /// user's own playtime.
    static func games(of scope: Selection, engine: Engine, definitions: Definitions) -> ([PaneRow], [PaneColumnSpec]) {
        let catalog = engine.catalog
        let unit = definitions.timeUnit
        func row(_ item: Int32, playtime: Double? = nil) -> PaneRow {
            let name = catalog.displayTitle(item)
            let known = catalog.isKnown(item)
            var values: [Double?] = [Double(catalog.ownersOfItem.rowCount(Int(item))),
                                     Double(catalog.reviewsOfItem.rowCount(Int(item))),
                                     known ? (catalog.isFree[Int(item)] ? 0 : catalog.price(item)) : nil,
                                     known ? catalog.releaseYear(item).map(Double.init) : nil]
            if let playtime { values.insert(playtime, at: 0) }
            return PaneRow(id: Int(item), name: name, key: known ? catalog.titleKeys[Int(item)] : NameKey.normalize(name),
                           values: values)
        }
        let columns = [PaneColumnSpec("owners"), PaneColumnSpec("reviews"), PaneColumnSpec("price", digits: 2),
                       PaneColumnSpec("year", grouped: false)]
        switch scope {
        case .developer(let developer):
            return (catalog.itemsOfDeveloper[Int(developer)].map { row($0) }, columns)
        case .genre(let genre):
            return (catalog.itemsOfGenre[Int(genre)].map { row($0) }, columns)
        case .year(let year):
            let items = (0..<Int32(catalog.gameCount)).filter { Int(catalog.releaseYears[Int($0)]) == (year ?? 0) }
            return (items.map { row($0) }, columns)
        case .user(let user):
            let rows = catalog.libraryOfUser[Int(user)].map { owned in
                row(owned.item, playtime: (unit.value(minutes: Int(owned.minutes)) * 10).rounded() / 10)
            }
            return (rows, [PaneColumnSpec(unit.rawValue, digits: 1)] + columns)
        case .game(let item):
            return ([row(item)], columns)
        case .none:
            return ((0..<Int32(catalog.gameCount)).map { row($0) }, columns)
        }
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
