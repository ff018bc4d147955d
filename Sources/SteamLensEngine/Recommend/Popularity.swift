/// Recommends the most-owned games the user does not have yet — the
/// baseline every other model must beat.
///
/// ```swift
/// let pop = Popularity(train)
/// pop.recommend(user: 3, count: 5)
/// ```
public struct Popularity: UserRecommender {
    public let name = "popularity"
    let interactions: Interactions
    /// Items by owner count, most owned first (ties: lower id first).
    public let ranking: [Int32]

    public init(_ interactions: Interactions) {
        self.interactions = interactions
        ranking = (0..<Int32(interactions.itemCount))
            .filter { interactions.ownerCount(of: $0) > 0 }
            .sorted {
                let a = interactions.ownerCount(of: $0), b = interactions.ownerCount(of: $1)
                return a > b || (a == b && $0 < $1)
            }
    }

    public func recommend(user: Int32, count: Int) -> [(item: Int32, score: Float)] {
        var out: [(item: Int32, score: Float)] = []
        for i in ranking where out.count < count {
            if !interactions.owns(user: user, item: i) {
                out.append((i, Float(interactions.ownerCount(of: i))))
            }
        }
        return out
    }
}
