import SteamLensEngine

/// One row of a left-column pane.
public struct PaneRow: Equatable, Sendable {
    /// Index in the catalog array (developer, user, genre, item), or the year (0 = unknown).
    public var id: Int
    public var name: String
    /// `NameKey.normalize(name)`, for search.
    public var key: String
    public var count: Int
    public var secondary: Double
}

/// Builds the sorted rows of each pane from the engine.
enum PaneRows {
    /// Fills `state.panes[pane]` rows and labels for its current sort,
    /// keeping the cursor on the same entity when it is still listed.
    static func reload(_ pane: PaneID, in state: inout AppState, engine: Engine) {
        var paneState = state.panes[pane] ?? PaneState()
        let previous = paneState.selected?.id
        switch pane {
        case .games:
            guard let scope = state.gamesDrill else { return }
            let (rows, count, secondary) = games(of: scope, engine: engine, definitions: state.definitions)
            paneState.rows = sorted(rows, by: paneState.sort, descending: paneState.descending)
            paneState.countLabel = count
            paneState.secondaryLabel = secondary
        default:
            guard let page = try? engine.list(pane.listKind, sort: paneState.sort, descending: paneState.descending,
                                              definitions: state.definitions) else { return }
            let keys = searchKeys(pane, engine: engine)
            paneState.rows = page.entries.map { entry in
                PaneRow(id: entry.id, name: entry.name, key: keys?[entry.id] ?? NameKey.normalize(entry.name),
                        count: entry.count, secondary: entry.secondary)
            }
            paneState.countLabel = page.countLabel
            paneState.secondaryLabel = page.secondaryLabel
        }
        if let previous, let index = paneState.rows.firstIndex(where: { $0.id == previous }) {
            paneState.cursor = index
        } else {
            paneState.cursor = min(paneState.cursor, max(0, paneState.rows.count - 1))
        }
        state.panes[pane] = paneState
    }

    /// Where a freshly opened pane puts its cursor: on the first row with
    /// something behind it, never on an empty selection (a year needs games
    /// and reviews, since its tables count both; other rows need a count).
    static func firstNonEmptyRow(_ pane: PaneID, in rows: [PaneRow]) -> Int {
        let full: (PaneRow) -> Bool = pane == .years ? { $0.count > 0 && $0.secondary > 0 } : { $0.count > 0 }
        return rows.firstIndex(where: full) ?? rows.firstIndex { $0.count > 0 || $0.secondary > 0 } ?? 0
    }

    /// The engine's precomputed normalized names, indexed by entity.
    private static func searchKeys(_ pane: PaneID, engine: Engine) -> [String]? {
        switch pane {
        case .developers: return engine.developerIndex.keys
        case .users: return engine.userIndex.keys
        case .genres: return engine.genreIndex.keys
        case .games: return engine.catalog.titleKeys
        case .years: return nil
        }
    }

    /// The games of a drill scope: owners and reviews per game, or for a
    /// user, the user's own playtime.
    static func games(of scope: Selection, engine: Engine, definitions: Definitions) -> ([PaneRow], String, String) {
        let catalog = engine.catalog
        func row(_ item: Int32, secondary: Double? = nil) -> PaneRow {
            let name = catalog.displayTitle(item)
            return PaneRow(id: Int(item), name: name,
                           key: catalog.isKnown(item) ? catalog.titleKeys[Int(item)] : NameKey.normalize(name),
                           count: catalog.ownersOfItem.rowCount(Int(item)),
                           secondary: secondary ?? Double(catalog.reviewsOfItem.rowCount(Int(item))))
        }
        switch scope {
        case .developer(let developer):
            return (catalog.itemsOfDeveloper[Int(developer)].map { row($0) }, "owners", "reviews")
        case .genre(let genre):
            return (catalog.itemsOfGenre[Int(genre)].map { row($0) }, "owners", "reviews")
        case .year(let year):
            let items = (0..<Int32(catalog.gameCount)).filter { Int(catalog.releaseYears[Int($0)]) == (year ?? 0) }
            return (items.map { row($0) }, "owners", "reviews")
        case .user(let user):
            let unit = definitions.timeUnit
            let rows = catalog.libraryOfUser[Int(user)].map { owned in
                row(owned.item, secondary: (unit.value(minutes: Int(owned.minutes)) * 10).rounded() / 10)
            }
            return (rows, "owners", unit.rawValue)
        case .game(let item):
            return ([row(item)], "owners", "reviews")
        case .none:
            return ([], "owners", "reviews")
        }
    }

    /// Sorts like `Engine.list`: numbers descending by default, names by
    /// their forgiving key, ties by name then id.
    static func sorted(_ rows: [PaneRow], by sort: ListPage.Sort, descending: Bool) -> [PaneRow] {
        rows.sorted { a, b in
            let ordered: Bool
            switch sort {
            case .name:
                if a.key == b.key { return a.id < b.id }
                ordered = a.key < b.key
            case .count:
                if a.count == b.count { return a.key != b.key ? a.key < b.key : a.id < b.id }
                ordered = a.count < b.count
            case .secondary:
                if a.secondary == b.secondary { return a.key != b.key ? a.key < b.key : a.id < b.id }
                ordered = a.secondary < b.secondary
            }
            return descending ? !ordered : ordered
        }
    }
}
