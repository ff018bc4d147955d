import SteamLensData

/// Biased matrix factorisation (Funk SVD): score ≈ μ + b_u + b_t + p_u · q_t,
/// fitted by stochastic gradient descent, viewers in a seeded order, so
/// the same ratings and seed give the same model.
public struct BiasedMF: Sendable {
    public struct Settings: Sendable, Equatable {
        // Chosen on the bundled sample's seeded split (docs/models.md,
        // "Streaming"): 8 factors, 30 epochs, rate 0.03, L2 0.08, factors
        // started at ±0.2 score 0.608 RMSE; ±0.05 starts never left the
        // bias baseline's 0.68 (the gradients of two near-zero factors vanish).
        public var factors = 8
        public var epochs = 30
        public var learningRate: Float = 0.03
        public var regularization: Float = 0.08
        public var seed: UInt64 = 42
        /// Initial factors are uniform in ±initialScale / 2.
        public var initialScale: Float = 0.4

        public init() {}
    }

    public let factors: Int
    public let globalMean: Float
    /// Columns: kept in memory by a first start, mapped by a later one.
    public let viewerBias: Column<Float>
    public let titleBias: Column<Float>
    /// Row-major: viewer v's factors at `v * factors ..< (v + 1) * factors`.
    public let viewerFactors: Column<Float>
    public let titleFactors: Column<Float>

    public init(factors: Int, globalMean: Float, viewerBias: Column<Float>, titleBias: Column<Float>,
                viewerFactors: Column<Float>, titleFactors: Column<Float>) {
        self.factors = factors
        self.globalMean = globalMean
        self.viewerBias = viewerBias
        self.titleBias = titleBias
        self.viewerFactors = viewerFactors
        self.titleFactors = titleFactors
    }

    public init(training ratings: Ratings, settings: Settings = Settings()) {
        let k = settings.factors
        var rng = SplitMix64(seed: settings.seed)
        func small() -> Float { Float(rng.nextUnit() - 0.5) * settings.initialScale }
        var p = (0..<(ratings.viewers.count * k)).map { _ in small() }
        var q = (0..<(ratings.titleCount * k)).map { _ in small() }
        var bu = [Float](repeating: 0, count: ratings.viewers.count)
        var bt = [Float](repeating: 0, count: ratings.titleCount)
        let total = ratings.viewerHalves.withVerifiedBuffer(0..<ratings.count) { $0.reduce(0) { $0 + Int($1) } }
        let mu = ratings.count > 0 ? Float(total) / 2 / Float(ratings.count) : 3
        // Viewers in a seeded order, reshuffled every epoch, each viewer's
        // ratings in a row: memory is read in sequence, which is what makes
        // 11 M ratings × 30 epochs take seconds rather than minutes. The
        // factor rows go through `dot` and `step` in SIMD registers: the
        // scalar loops spent ~50 ns a rating reloading pointers, since p
        // and q could alias.
        var viewers = (0..<ratings.viewers.count).map { Int32($0) }
        let reg = settings.regularization
        p.withUnsafeMutableBufferPointer { p in
            q.withUnsafeMutableBufferPointer { q in
                bu.withUnsafeMutableBufferPointer { bu in
                    bt.withUnsafeMutableBufferPointer { bt in
                        ratings.viewerTitles.withVerifiedBuffer(0..<ratings.count) { titles in
                            ratings.viewerHalves.withVerifiedBuffer(0..<ratings.count) { halves in
                                for epoch in 0..<settings.epochs {
                                    if viewers.count > 1 {
                                        for i in stride(from: viewers.count - 1, to: 0, by: -1) {
                                            viewers.swapAt(i, Int(truncatingIfNeeded: rng.next().multipliedFullWidth(by: UInt64(i + 1)).high))
                                        }
                                    }
                                    let lr = settings.learningRate / (1 + 0.1 * Float(epoch))
                                    for viewer in viewers {
                                        let v = Int(viewer)
                                        let pv = p.baseAddress! + v * k
                                        for i in ratings.viewerOffsets[v]..<ratings.viewerOffsets[v + 1] {
                                            let t = Int(titles[i])
                                            let qt = q.baseAddress! + t * k
                                            let error = Float(halves[i]) / 2 - (mu + bu[v] + bt[t] + Self.dot(pv, qt, k))
                                            bu[v] += lr * (error - reg * bu[v])
                                            bt[t] += lr * (error - reg * bt[t])
                                            Self.step(pv, qt, k, error: error, rate: lr, regularization: reg)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        self.init(factors: k, globalMean: mu, viewerBias: Column(bu), titleBias: Column(bt), viewerFactors: Column(p), titleFactors: Column(q))
    }

    /// p · q over `k` factors: eight at a time in one SIMD register (the
    /// default is 8 factors, so one multiply-add), the rest one by one.
    @inline(__always)
    static func dot(_ p: UnsafeMutablePointer<Float>, _ q: UnsafeMutablePointer<Float>, _ k: Int) -> Float {
        var sum = SIMD8<Float>()
        var f = 0
        while f + 8 <= k {
            sum += UnsafeRawPointer(p + f).loadUnaligned(as: SIMD8<Float>.self) * UnsafeRawPointer(q + f).loadUnaligned(as: SIMD8<Float>.self)
            f += 8
        }
        var dot = sum.sum()
        while f < k {
            dot += p[f] * q[f]
            f += 1
        }
        return dot
    }

    /// One gradient step of both factor rows, each from the other's old value.
    @inline(__always)
    static func step(_ p: UnsafeMutablePointer<Float>, _ q: UnsafeMutablePointer<Float>, _ k: Int, error: Float, rate: Float, regularization reg: Float) {
        var f = 0
        while f + 8 <= k {
            let pf = UnsafeRawPointer(p + f).loadUnaligned(as: SIMD8<Float>.self), qf = UnsafeRawPointer(q + f).loadUnaligned(as: SIMD8<Float>.self)
            UnsafeMutableRawPointer(p + f).storeBytes(of: pf + rate * (error * qf - reg * pf), as: SIMD8<Float>.self)
            UnsafeMutableRawPointer(q + f).storeBytes(of: qf + rate * (error * pf - reg * qf), as: SIMD8<Float>.self)
            f += 8
        }
        while f < k {
            let pf = p[f], qf = q[f]
            p[f] += rate * (error * qf - reg * pf)
            q[f] += rate * (error * pf - reg * qf)
            f += 1
        }
    }

    /// The raw prediction, unclamped (ranking uses it).
    public func raw(viewer v: Int, title t: Int) -> Double {
        let dot = viewerFactors.withVerifiedBuffer(v * factors..<(v + 1) * factors) { p in
            titleFactors.withVerifiedBuffer(t * factors..<(t + 1) * factors) { q in zip(p, q).reduce(Float(0)) { $0 + $1.0 * $1.1 } }
        }
        return Double(globalMean + viewerBias[v] + titleBias[t] + dot)
    }

    public func predict(viewer v: Int, title t: Int) -> Double { min(5, max(0.5, raw(viewer: v, title: t))) }

    /// Titles `v` has not rated, by predicted score, best first.
    public func recommend(viewer v: Int, ratings: Ratings, count: Int, exclude: (Int) -> Bool = { _ in false }) -> [(title: Int, score: Double)] {
        let seen = Set(ratings.ratings(of: v).titles)
        var best: [(title: Int, score: Double)] = []
        for t in 0..<titleBias.count where !seen.contains(Int32(t)) && !exclude(t) {
            let score = raw(viewer: v, title: t)
            if best.count < count || score > best[best.count - 1].score {
                best.append((t, score))
                best.sort { $0.score != $1.score ? $0.score > $1.score : $0.title < $1.title }
                if best.count > count { best.removeLast() }
            }
        }
        return best.map { ($0.title, min(5, max(0.5, $0.score))) }
    }
}
