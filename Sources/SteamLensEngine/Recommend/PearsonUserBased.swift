import Foundation

/// User-based collaborative filtering with Pearson correlation, the
/// classic neighbourhood method (Resnick et al. 1994) on implicit data.
///
/// Ratings are r(u, i) = log1p(minutes) over owned items (an owned but
/// never-played game is a 0). For users u and v the similarity is Pearson's
/// r over their co-owned items, computed only with at least `minOverlap` of
/// them and damped by min(n, 2·minOverlap) / (2·minOverlap) so a two-game
/// overlap cannot look perfect. The `neighbours` most positively correlated
/// users N(u) predict
///
///     pred(u, j) = mean(u) + Σ_v sim(u, v)·(r(v, j) − mean(v)) / Σ_v |sim(u, v)|
///
/// and items with pred(u, j) > `threshold` (a log-playtime level; 0 means
/// "predicted to be played at all") are recommended, highest first. Means
/// are over each user's whole library.
///
/// With `unownedAsZero` (the default) the sums run over all of N(u), a
/// neighbour who does not own j contributing r(v, j) = 0; otherwise only over
/// the neighbours owning j (the textbook form). On Steam libraries the
/// textbook form ranks a game one neighbour loved above one most neighbours
/// play, and scores HR@10 0.19 at best against 0.31 (docs/models.md).
///
/// ```swift
/// let pearson = PearsonUserBased(train, neighbours: 100)
/// pearson.recommend(user: 3, count: 5)
/// ```
public struct PearsonUserBased: UserRecommender, ItemScorer {
    public let name = "pearson-user"
    let interactions: Interactions
    let neighbourCount: Int
    let minOverlap: Int
    let threshold: Float
    let minSupport: Int
    let unownedAsZero: Bool
    let ratings: [Float]        // parallel to interactions.userItems
    let itemRatings: [Float]    // parallel to interactions.itemUsers
    let means: [Float]
    /// Per-user top lists computed at build time (nil: score on demand).
    public private(set) var userTopLists: NeighbourLists?
    let precomputedDepth: Int

    /// - Parameters:
    ///   - neighbours: k, the most correlated users that predict.
    ///   - minOverlap: co-owned games needed before a correlation counts.
    ///   - threshold: recommend only predictions above this log1p(minutes).
    ///   - minSupport: neighbours owning a game needed to predict it.
    ///   - unownedAsZero: non-owning neighbours count as a 0 rating.
    ///   - precomputedDepth: per-user top list length computed now (0: none).
    public init(_ interactions: Interactions, neighbours: Int = 100, minOverlap: Int = 2,
                threshold: Float = 0, minSupport: Int = 1, unownedAsZero: Bool = true,
                precomputedDepth: Int = 50) {
        self.unownedAsZero = unownedAsZero
        self.interactions = interactions
        neighbourCount = neighbours
        self.minOverlap = max(minOverlap, 2)
        self.threshold = threshold
        self.minSupport = max(minSupport, 1)
        let ratings = interactions.userMinutes.map { Float(log1p(Double(max($0, 0)))) }
        self.ratings = ratings
        itemRatings = interactions.itemMinutes.map { Float(log1p(Double(max($0, 0)))) }
        means = (0..<interactions.userCount).map { u in
            let lo = interactions.userOffsets[u], hi = interactions.userOffsets[u + 1]
            return hi > lo ? ratings[lo..<hi].reduce(0, +) / Float(hi - lo) : 0
        }
        self.precomputedDepth = precomputedDepth
        userTopLists = nil
        if precomputedDepth > 0 { userTopLists = precomputeTopLists(depth: precomputedDepth) }
    }

    /// The most correlated users, best first.
    public func similarUsers(to user: Int32) -> [(item: Int32, score: Float)] {
        similarUsers(to: user, scratch: RecScratch())
    }

    func similarUsers(to user: Int32, scratch: RecScratch) -> [(item: Int32, score: Float)] {
        let x = interactions
        // Sufficient statistics per candidate v, six floats each:
        // n, Σx, Σy, Σx², Σy², Σxy (x: the user's ratings, y: v's).
        if scratch.floats.count != 6 * x.userCount { scratch.floats = [Float](repeating: 0, count: 6 * x.userCount) }
        scratch.touched.removeAll(keepingCapacity: true)
        let lo = x.userOffsets[Int(user)]
        scratch.floats.withUnsafeMutableBufferPointer { st in
            for (k, i) in x.items(of: user).enumerated() {
                let rx = ratings[lo + k]
                let ilo = x.itemOffsets[Int(i)]
                for (q, v) in x.owners(of: i).enumerated() where v != user {
                    let ry = itemRatings[ilo + q]
                    let b = 6 * Int(v)
                    if st[b] == 0 { scratch.touched.append(v) }
                    st[b] += 1; st[b + 1] += rx; st[b + 2] += ry
                    st[b + 3] += rx * rx; st[b + 4] += ry * ry; st[b + 5] += rx * ry
                }
            }
        }
        var top = TopItems(capacity: neighbourCount)
        let full = Float(2 * minOverlap)
        scratch.floats.withUnsafeMutableBufferPointer { st in
            for v in scratch.touched {
                let b = 6 * Int(v)
                let n = st[b], sx = st[b + 1], sy = st[b + 2], sxx = st[b + 3], syy = st[b + 4], sxy = st[b + 5]
                for k in 0..<6 { st[b + k] = 0 }
                guard Int(n) >= minOverlap else { continue }
                let cov = n * sxy - sx * sy
                let vx = n * sxx - sx * sx, vy = n * syy - sy * sy
                guard vx > 1e-6, vy > 1e-6 else { continue }
                let r = cov / (vx * vy).squareRoot() * min(n, full) / full
                if r > 0 { top.offer(item: v, score: r) }
            }
        }
        return top.sorted()
    }

    /// Predicted rating of every item owned by a neighbour (not by the user).
    func scores(for user: Int32, into scores: inout [Float], scratch: RecScratch) {
        let x = interactions
        let neighbours = similarUsers(to: user, scratch: scratch)
        // Per item: Σ sim·(r − mean), Σ |sim|, supporting neighbours.
        if scratch.items.count != 4 * x.itemCount { scratch.items = [Float](repeating: 0, count: 4 * x.itemCount) }
        scratch.itemTouched.removeAll(keepingCapacity: true)
        var base: Float = 0, totalWeight: Float = 0
        scratch.items.withUnsafeMutableBufferPointer { acc in
            for (v, sim) in neighbours {
                let lo = x.userOffsets[Int(v)]
                let mv = means[Int(v)]
                base += sim * (0 - mv)
                totalWeight += abs(sim)
                for (k, j) in x.items(of: v).enumerated() {
                    let b = 4 * Int(j)
                    if acc[b + 2] == 0 { scratch.itemTouched.append(j) }
                    acc[b] += sim * (ratings[lo + k] - mv)
                    acc[b + 1] += abs(sim)
                    acc[b + 2] += 1
                    acc[b + 3] += sim * ratings[lo + k]
                }
            }
            let mean = means[Int(user)]
            for j in scratch.itemTouched {
                let b = 4 * Int(j)
                let sum = acc[b], weight = acc[b + 1], support = acc[b + 2], raw = acc[b + 3]
                acc[b] = 0; acc[b + 1] = 0; acc[b + 2] = 0; acc[b + 3] = 0
                guard Int(support) >= minSupport else { continue }
                // Missing as zero: non-owning neighbours pull the prediction
                // down by their own mean, so wide agreement beats one fan.
                // Σ_owners sim·(r − m) + Σ_others sim·(0 − m) = Σ_owners sim·r + base.
                let deviation = unownedAsZero ? (raw + base) / totalWeight : sum / weight
                let prediction = mean + deviation
                guard prediction > threshold else { continue }
                // Support breaks near-ties: 1e-4 per neighbour never reorders real gaps.
                scores[Int(j)] = prediction + 1e-4 * support
            }
        }
    }

    public func recommend(user: Int32, count: Int) -> [(item: Int32, score: Float)] {
        serve(user: user, count: count, lists: userTopLists, depth: precomputedDepth)
    }
}
