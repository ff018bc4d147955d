import SteamLensData

// The random draws the generator is built from, on top of `SplitMix64`.
//
// Everything here uses only IEEE-754 `+ - * /` and integer arithmetic, never
// the standard library's `random(in:using:)`/`shuffle(using:)` (their
// algorithms are not promised to stay the same across Swift versions) nor
// libm's `exp`/`log`/`pow` (which may differ by an ulp between platforms).
// That is what makes a seed produce the same bytes on any machine.
//
// ```swift
// var rng = SplitMix64.stream(seed: 42, .libraries, index: 7)
// let minutes = rng.logNormal(mu: 5.4, sigma: 2.45)
// ```

/// Independent random streams, one per purpose, so that changing how one
/// file is drawn never shifts another.
enum RandomStream: UInt64 {
    case catalog = 1, gameRow, users, libraries, reviews, malformed
}

extension SplitMix64 {
    /// A generator for `stream` and `index`, decorrelated from its neighbours
    /// by running the seed material through SplitMix64 itself.
    static func stream(seed: UInt64, _ stream: RandomStream, index: Int = 0) -> SplitMix64 {
        var mixer = SplitMix64(seed: seed ^ (stream.rawValue &* 0xD6E8_FEB8_6659_FD93))
        let a = mixer.next()
        var second = SplitMix64(seed: a ^ (UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15))
        return SplitMix64(seed: second.next())
    }

    /// A uniform integer in `0..<n` (multiply-high; the bias is below 2⁻⁴⁰ for our sizes).
    mutating func below(_ n: Int) -> Int {
        precondition(n > 0, "below(_:) needs a positive bound")
        return Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(n)).high)
    }

    /// A uniform integer in `range`.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool {
        nextUnit() < p
    }

    /// One element of a non-empty array, uniformly.
    mutating func pick<T>(_ items: [T]) -> T {
        items[below(items.count)]
    }

    /// An approximately standard normal value (Irwin–Hall: twelve uniforms),
    /// bounded to ±6, which is all the tails a playtime needs.
    mutating func normal() -> Double {
        var sum = 0.0
        for _ in 0..<12 { sum += nextUnit() }
        return sum - 6
    }

    /// exp(mu + sigma·Z) for a standard normal Z.
    mutating func logNormal(mu: Double, sigma: Double) -> Double {
        PortableMath.exp(mu + sigma * normal())
    }

    /// Fisher–Yates, our own so the permutation never depends on the stdlib version.
    mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(i, below(i + 1))
        }
    }
}

/// Transcendental functions from basic arithmetic only, so results are the
/// same bits everywhere (libm's may differ in the last place).
enum PortableMath {
    /// e^x to about 1e-15 relative error for |x| < 700.
    static func exp(_ x: Double) -> Double {
        if x < -700 { return 0 }
        if x > 700 { return .greatestFiniteMagnitude }
        // x = k·ln2 + r with |r| ≤ ln2/2, then e^x = 2^k · e^r (Taylor to r^17).
        let ln2 = 0.693_147_180_559_945_3
        let k = (x / ln2).rounded()
        let r = x - k * ln2
        var term = 1.0, sum = 1.0
        for n in 1...17 {
            term = term * r / Double(n)
            sum += term
        }
        return sum * power2(Int(k))
    }

    private static func power2(_ k: Int) -> Double {
        Double(sign: .plus, exponent: k, significand: 1)
    }
}

/// Draws indices with probability proportional to fixed weights
/// (cumulative table + binary search).
struct WeightedChoice {
    private let cumulative: [Double]

    init<S: Sequence>(weights: S) where S.Element == Double {
        var running = 0.0
        cumulative = weights.map { running += $0; return running }
        precondition(running > 0, "WeightedChoice needs a positive total weight")
    }

    var count: Int { cumulative.count }

    func draw(using rng: inout SplitMix64) -> Int {
        let target = rng.nextUnit() * cumulative[cumulative.count - 1]
        var lo = 0, hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulative[mid] > target { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }

    /// Zipf-like popularity over `n` ranks: weight 1 / (rank + offset), the
    /// exponent fixed at 1 so no `pow` is needed.
    static func zipf(count n: Int, offset: Double) -> WeightedChoice {
        WeightedChoice(weights: (0..<n).lazy.map { 1.0 / (Double($0) + 1 + offset) })
    }
}
