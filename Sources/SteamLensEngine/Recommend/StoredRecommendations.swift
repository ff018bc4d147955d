/// Serves per-user top lists that were computed earlier and kept, e.g. as a
/// BLOB in the store (`EASE(…).userTopLists!.serialized()`), without
/// retraining. Games the user owns now are skipped, so a list saved before
/// a purchase stays valid; asking for more than was stored returns less.
///
/// ```swift
/// let lists = try NeighbourLists(serialized: blob)
/// let model = StoredRecommendations(name: "ease", lists: lists, interactions: libraries)
/// model.recommend(user: 3, count: 5)
/// ```
public struct StoredRecommendations: UserRecommender {
    public let name: String
    public let lists: NeighbourLists
    let interactions: Interactions

    public init(name: String, lists: NeighbourLists, interactions: Interactions) {
        self.name = name
        self.lists = lists
        self.interactions = interactions
    }

    public func recommend(user: Int32, count: Int) -> [(item: Int32, score: Float)] {
        guard user >= 0, Int(user) < min(lists.rowCount, interactions.userCount), count > 0 else { return [] }
        var out: [(item: Int32, score: Float)] = []
        for r in lists[Int(user)] where out.count < count && !interactions.owns(user: user, item: r.item) {
            out.append(r)
        }
        return out
    }
}
