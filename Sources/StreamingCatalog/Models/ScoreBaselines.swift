import SteamLensData

/// The two baselines every score predictor is measured against: the
/// global mean, and the global mean plus a viewer and a title bias
/// (regularized toward 0, fitted by a few alternating passes).
public struct BiasBaseline: Sendable {
    public let globalMean: Double
    /// Columns: kept in memory by a first start, mapped by a later one.
    public let viewerBias: Column<Double>
    public let titleBias: Column<Double>

    /// `viewerShrink` and `titleShrink` are the ratings' worth of prior at 0 each bias gets.
    public init(_ ratings: Ratings, viewerShrink: Double = 5, titleShrink: Double = 10, passes: Int = 4) {
        let total = ratings.viewerHalves.withVerifiedBuffer(0..<ratings.count) { $0.reduce(0) { $0 + Int($1) } }
        let mean = ratings.count > 0 ? Double(total) / 2 / Double(ratings.count) : 3
        var bt = [Double](repeating: 0, count: ratings.titleCount)
        var bu = [Double](repeating: 0, count: ratings.viewers.count)
        for _ in 0..<passes {
            for t in 0..<ratings.titleCount {
                let row = ratings.raters(of: t)
                var sum = 0.0
                for (v, h) in zip(row.viewers, row.halves) { sum += Double(h) / 2 - mean - bu[Int(v)] }
                bt[t] = sum / (Double(row.viewers.count) + titleShrink)
            }
            for v in 0..<ratings.viewers.count {
                let row = ratings.ratings(of: v)
                var sum = 0.0
                for (t, h) in zip(row.titles, row.halves) { sum += Double(h) / 2 - mean - bt[Int(t)] }
                bu[v] = sum / (Double(row.titles.count) + viewerShrink)
            }
        }
        globalMean = mean
        viewerBias = Column(bu)
        titleBias = Column(bt)
    }

    public init(globalMean: Double, viewerBias: Column<Double>, titleBias: Column<Double>) {
        self.globalMean = globalMean
        self.viewerBias = viewerBias
        self.titleBias = titleBias
    }

    public func predict(viewer v: Int, title t: Int) -> Double {
        min(5, max(0.5, globalMean + viewerBias[v] + titleBias[t]))
    }
}
