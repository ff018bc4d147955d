import Foundation

/// Cold-start model: popular games, boosted by how much of the user's
/// library shares their genres. A user with no games gets plain popularity.
///
/// score(j) = log(1 + owners(j)) · (0.1 + max over j's genres g of share(g)),
/// where share(g) is the fraction of the user's owned games with genre g.
public struct PopularInGenres: UserRecommender, ItemScorer {
    public let name = "popular-in-genres"
    let interactions: Interactions
    let itemGenres: [[Int32]]
    let popularity: [Float]
    let genreCount: Int

    /// `itemGenres[i]` are the genre ids of interaction item i (may be empty).
    public init(_ interactions: Interactions, itemGenres: [[Int32]]) {
        self.init(interactions, itemGenres: itemGenres, ownerCounts: (0..<interactions.itemCount).map { interactions.ownerCount(of: Int32($0)) })
    }

    /// With owner counts taken from all libraries, for `interactions` that hold only the users to score.
    init(_ interactions: Interactions, itemGenres: [[Int32]], ownerCounts: [Int]) {
        self.init(interactions, itemGenres: itemGenres, popularity: Self.popularity(ownerCounts),
                  genreCount: Int(itemGenres.lazy.flatMap { $0 }.max() ?? -1) + 1)
    }

    /// With everything that depends on all libraries computed once beforehand (`Engine` keeps it).
    init(_ interactions: Interactions, itemGenres: [[Int32]], popularity: [Float], genreCount: Int) {
        precondition(itemGenres.count == interactions.itemCount && popularity.count == interactions.itemCount)
        self.interactions = interactions
        self.itemGenres = itemGenres
        self.genreCount = genreCount
        self.popularity = popularity
    }

    static func popularity(_ ownerCounts: [Int]) -> [Float] {
        ownerCounts.map { Float(log1p(Double($0))) }
    }

    func scores(for user: Int32, into scores: inout [Float], scratch: RecScratch) {
        var share = [Float](repeating: 0, count: genreCount)
        let owned = interactions.items(of: user)
        for i in owned { for g in itemGenres[Int(i)] { share[Int(g)] += 1 } }
        let total = Float(max(owned.count, 1))
        for j in 0..<interactions.itemCount where popularity[j] > 0 {
            var best: Float = 0
            for g in itemGenres[j] { best = max(best, share[Int(g)] / total) }
            scores[j] = popularity[j] * (0.1 + best)
        }
    }

    public func recommend(user: Int32, count: Int) -> [(item: Int32, score: Float)] {
        var buffer: [Float] = []
        return rank(user: user, count: count, buffer: &buffer)
    }
}

/// Sends users with fewer than `minPlayed` played games to a cold-start
/// model, and tops up a short list from the primary model with it.
public struct ColdStartFallback: UserRecommender {
    public var name: String { primary.name }
    let primary: any UserRecommender
    let fallback: any UserRecommender
    let interactions: Interactions
    let minPlayed: Int

    public init(primary: any UserRecommender, fallback: any UserRecommender, interactions: Interactions, minPlayed: Int = 3) {
        self.primary = primary
        self.fallback = fallback
        self.interactions = interactions
        self.minPlayed = minPlayed
    }

    public func recommend(user: Int32, count: Int) -> [(item: Int32, score: Float)] {
        if interactions.playedCount(of: user) < minPlayed { return fallback.recommend(user: user, count: count) }
        var out = primary.recommend(user: user, count: count)
        if out.count < count {
            let have = Set(out.map(\.item))
            // Fallback scores live on another scale; keep them below the primary's.
            let floor = out.last?.score ?? 0
            for r in fallback.recommend(user: user, count: count + out.count) where out.count < count && !have.contains(r.item) {
                out.append((r.item, min(floor, 0) - 1 / (1 + r.score)))
            }
        }
        return out
    }
}
