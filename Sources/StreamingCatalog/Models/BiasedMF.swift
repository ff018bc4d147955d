import SteamLensData

/// Biased matrix factorisation (Funk SVD): score ≈ μ + b_u + b_t + p_u · q_t,
/// fitted by stochastic gradient descent, viewers in a seeded order, so
/// the same ratings and seed give the same model.
public struct BiasedMF: Sendable {
    public struct Settings: Sendable, Equatable {
        // Chosen on the bundled sample's seeded split (docs/models.md,
        // "Streaming"): 8 factors, L2 0.08, factors started at ±0.2; ±0.05
        // starts never left the bias baseline's RMSE (the gradients of two
        // near-zero factors vanish). 15 epochs at rate 0.06 instead of 30
        // at 0.03: on the 11.8 M-rating set's split RMSE 0.5235 against
        // 0.5176 in half the time (the factorisation was most of a first start).
        public var factors = 8
        public var epochs = 15
        public var learningRate: Float = 0.06
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
        // and q could alias. Two viewers (next to each other in the order)
        // are stepped in turn, rating by rating: one viewer's steps form a
        // chain of dependent arithmetic, and two independent chains keep
        // the core busy while each waits on its last result.
        var viewers = (0..<ratings.viewers.count).map { Int32($0) }
        let reg = settings.regularization
        p.withUnsafeMutableBufferPointer { p in
            q.withUnsafeMutableBufferPointer { q in
                bu.withUnsafeMutableBufferPointer { bu in
                    bt.withUnsafeMutableBufferPointer { bt in
                        ratings.viewerTitles.withVerifiedBuffer(0..<ratings.count) { titles in
                            ratings.viewerHalves.withVerifiedBuffer(0..<ratings.count) { halves in
                                let p = p.baseAddress!, q = q.baseAddress!, bu = bu.baseAddress!, bt = bt.baseAddress!
                                @inline(__always) func learn(_ v: Int, _ i: Int, rate: Float) {
                                    let t = Int(titles[i])
                                    Self.learn(p + v * k, q + t * k, k, viewerBias: bu + v, titleBias: bt + t,
                                               target: Float(halves[i]) / 2 - mu, rate: rate, regularization: reg)
                                }
                                for epoch in 0..<settings.epochs {
                                    if viewers.count > 1 {
                                        for i in stride(from: viewers.count - 1, to: 0, by: -1) {
                                            viewers.swapAt(i, Int(truncatingIfNeeded: rng.next().multipliedFullWidth(by: UInt64(i + 1)).high))
                                        }
                                    }
                                    let lr = settings.learningRate / (1 + 0.1 * Float(epoch))
                                    for first in stride(from: 0, to: viewers.count, by: 2) {
                                        let a = Int(viewers[first]), a0 = ratings.viewerOffsets[a], na = ratings.viewerOffsets[a + 1] - a0
                                        let b = first + 1 < viewers.count ? Int(viewers[first + 1]) : a
                                        let b0 = ratings.viewerOffsets[b], nb = b == a ? 0 : ratings.viewerOffsets[b + 1] - b0
                                        let both = min(na, nb)
                                        for s in 0..<both {
                                            learn(a, a0 + s, rate: lr)
                                            learn(b, b0 + s, rate: lr)
                                        }
                                        for s in both..<na { learn(a, a0 + s, rate: lr) }
                                        for s in both..<nb { learn(b, b0 + s, rate: lr) }
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

    /// One SGD step on a rating: `target` is the score less μ.
    @inline(__always)
    static func learn(_ pv: UnsafeMutablePointer<Float>, _ qt: UnsafeMutablePointer<Float>, _ k: Int,
                      viewerBias bu: UnsafeMutablePointer<Float>, titleBias bt: UnsafeMutablePointer<Float>,
                      target: Float, rate: Float, regularization reg: Float) {
        let error = target - (bu.pointee + bt.pointee + dot(pv, qt, k))
        bu.pointee += rate * (error - reg * bu.pointee)
        bt.pointee += rate * (error - reg * bt.pointee)
        step(pv, qt, k, error: error, rate: rate, regularization: reg)
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
