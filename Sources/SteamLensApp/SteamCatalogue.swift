import SteamLensEngine
import TerminalUI

/// The Steam catalogue in the explorer: developers, users, genres, years
/// and games, the right side from the engine's queries, and the views only
/// Steam has (reviews, frequency tables, histograms).
extension Engine: ExplorerCatalogue {
    public var steamEngine: Engine? { self }

    public func layout() -> CatalogueLayout {
        let catalog = self.catalog
        let counts = CatalogCounts(games: catalog.gameCount, users: catalog.userCount,
                                   reviews: catalog.reviewCount, developers: catalog.developerNames.count)
        return CatalogueLayout(panes: PaneID.steam, drillPane: .games,
                               counts: [HeaderLine.countsText(counts),
                                        "\(NumberFormat.grouped(counts.games)) games · \(NumberFormat.grouped(counts.users)) users"],
                               keymap: AppKeymap.keymap, filterExample: "price < 10 · year 2012..2015 · tag:roguelike",
                               histogramCount: DistributionKind.allCases.count)
    }

    public func prepare(_ state: inout AppState) {
        state.itemMinutes = Array(itemMinutes)
        state.cleaningSummary = AppState.cleaningSummary(catalog.report)
        state.crawlYear = catalog.crawlYear
    }

    public func paneContent(_ pane: PaneID, state: AppState) -> PaneContent? {
        PaneRows.steamContent(pane, state: state, engine: self)
    }

    public func labelLookup(_ fields: Set<String>, pane: PaneID) -> PaneLabelLookup {
        let lookup = PaneRows.LabelLookup(fields: fields, pane: pane, engine: self)
        return PaneLabelLookup { field, row in lookup.labels(field, of: row) }
    }

    public func detail(for selection: Selection, state: AppState) -> (Detail, Effect?) {
        DetailBuilder.build(selection, state: state, engine: self)
    }

    public var frequencyAttributes: [String] { FrequencyAttribute.allCases.map(\.rawValue) }

    public func frequencyTable(_ attribute: String, of scope: FrequencyScope, state: AppState) -> FrequencyTable? {
        FrequencyAttribute(rawValue: attribute).map { steamFrequencyTable($0, of: scope, state: state, engine: self) }
    }

    /// A game's app id; other rows copy their name.
    public func copyableId(of row: PaneRow, in pane: PaneID) -> String? {
        pane == .games && catalog.itemIds.indices.contains(row.id) ? String(catalog.itemIds[row.id]) : nil
    }

    public func drills(into selection: Selection) -> Bool {
        switch SteamEntity(selection) {
        case .developer, .user, .genre, .year: return true
        case .game, nil: return false
        }
    }
}
