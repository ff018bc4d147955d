/// The user→games models by name, with the settings measured best on the
/// Steam libraries (see docs/models.md). `steamlens eval recs` and the app
/// both build models through here.
///
/// ```swift
/// let model = try RecModel(name: "ease").train(on: interactions)
/// ```
public enum RecModel: String, CaseIterable, Sendable {
    case popularity
    case itemKNN = "item-knn"
    case pearson = "pearson-user"
    case ease

    /// The best-scoring model, used by default.
    public static let best: RecModel = .ease

    public struct UnknownModel: Error, CustomStringConvertible {
        public let name: String
        public var description: String {
            "unknown recommender '\(name)'; choose one of: " + RecModel.allCases.map(\.rawValue).joined(separator: ", ")
        }
    }

    /// Accepts the raw names plus the short forms "knn", "itemknn", "pearson", "pop".
    public init(name: String) throws {
        switch name.lowercased() {
        case "pop": self = .popularity
        case "knn", "itemknn", "item_knn": self = .itemKNN
        case "pearson", "user-pearson": self = .pearson
        default:
            guard let m = RecModel(rawValue: name.lowercased()) else { throw UnknownModel(name: name) }
            self = m
        }
    }

    /// Trains the model. With `itemGenres`, users with fewer than three
    /// played games get popular-in-their-genres instead, and short lists are
    /// topped up from it; without, from plain popularity.
    ///
    /// With `precompute`, every user's top 50 is computed at training time so
    /// `recommend` is a copy (item-kNN and EASE; Pearson always scores on
    /// demand); without, each call scores on demand (what `RecEvaluation`
    /// measures, as it only asks for the held-out users).
    public func train(on x: Interactions, itemGenres: [[Int32]]? = nil, precompute: Bool = true) -> any UserRecommender {
        let depth = precompute ? 50 : 0
        let fallback: any UserRecommender = itemGenres.map { PopularInGenres(x, itemGenres: $0) } ?? Popularity(x)
        let primary: any UserRecommender
        switch self {
        case .popularity: return Popularity(x)   // the baseline stays plain
        case .itemKNN: primary = ItemKNN(x, precomputedDepth: depth)
        // Pearson scores on demand (≈ 0.3 ms, ≤ ~1 ms per call): its per-user
        // precomputation costs ~5 s CPU, more than everything else together.
        case .pearson: primary = PearsonUserBased(x, precomputedDepth: 0)
        case .ease: primary = EASE(x, precomputedDepth: depth)
        }
        return ColdStartFallback(primary: primary, fallback: fallback, interactions: x)
    }
}
