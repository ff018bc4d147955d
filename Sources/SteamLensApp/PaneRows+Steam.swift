import SteamLensData
import SteamLensEngine
import TerminalUI

/// Steam's panes: developers, users, genres and years from the engine's
/// lists, and the games of a drill with their owners, reviews, price and year.
extension PaneRows {
    static func steamContent(_ pane: PaneID, state: AppState, engine: Engine) -> PaneContent? {
        if pane == .games {
            let (rows, columns) = games(of: state.drillScope ?? .none, engine: engine, definitions: state.definitions)
            return PaneContent(columns: columns, labelFields: gameLabelFields, rows: rows)
        }
        guard let page = try? engine.list(pane.listKind, definitions: state.definitions) else { return nil }
        let keys = searchKeys(pane, engine: engine)
        return PaneContent(columns: [PaneColumnSpec(page.countLabel), PaneColumnSpec(page.secondaryLabel, digits: page.secondaryDigits)],
                           rows: page.entries.map { entry in
                               PaneRow(id: entry.id, name: entry.name, key: keys?[entry.id] ?? NameKey.normalize(entry.name),
                                       values: [Double(entry.count), entry.secondary])
                           })
    }

    /// What a games pane lets a filter name besides its columns.
    static let gameLabelFields = ["tag", "genre", "spec", "developer", "publisher"]

    /// The folded labels of games, for the label fields a filter names.
    struct LabelLookup: Sendable {
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
                case "publisher": folded[field] = catalog.publisherNames.map(PaneFilter.fold)
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
            case "publisher":
                let publisher = catalog.publisherOfItem[item]
                return publisher < 0 ? [] : [names[Int(publisher)]]
            default: return []
            }
        }
    }

    /// The engine's precomputed normalized names, indexed by entity.
    private static func searchKeys(_ pane: PaneID, engine: Engine) -> StringColumn? {
        switch pane {
        case .developers: return engine.developerIndex.keys
        case .users: return engine.userIndex.keys
        case .genres: return engine.genreIndex.keys
        case .games: return engine.catalog.titleKeys
        default: return nil
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
        switch SteamEntity(scope) {
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
        case nil:
            return ((0..<Int32(catalog.gameCount)).map { row($0) }, columns)
        }
    }

}
