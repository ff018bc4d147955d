import SteamLensEngine

/// Steam's reading of a ``Selection``: which of its panes the row is in and
/// its id in the engine's tables. Shared code knows only `.entity(pane, id)`;
/// the Steam views switch over this instead.
enum SteamEntity: Equatable {
    case developer(Int32)
    case user(Int32)
    case genre(Int32)
    /// nil: the "unknown" year (the Years pane's row 0).
    case year(Int?)
    case game(Int32)

    /// nil for no selection, a row of another catalogue's pane, or an id no Steam table has.
    init?(_ selection: Selection) {
        guard case .entity(let pane, let id) = selection, let id32 = Int32(exactly: id), id32 >= 0 else { return nil }
        switch pane {
        case .developers: self = .developer(id32)
        case .users: self = .user(id32)
        case .genres: self = .genre(id32)
        case .years: self = .year(id == 0 ? nil : id)
        case .games: self = .game(id32)
        default: return nil
        }
    }

    /// The selection of a game's row (the reviews view's subject).
    static func selection(ofGame item: Int32) -> Selection { .entity(.games, Int(item)) }

    /// What the engine's histograms are drawn over.
    var distributionScope: DistributionScope {
        switch self {
        case .developer(let id): return .developer(id)
        case .user(let id): return .user(id)
        case .genre(let id): return .genre(id)
        case .year(let year): return .year(year)
        case .game(let item): return .game(item)
        }
    }
}
