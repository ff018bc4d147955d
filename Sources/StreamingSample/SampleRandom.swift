import SteamLensData

// Draws built from `SplitMix64` with `+ - * /` only (no libm, no stdlib
// `random(in:using:)`), so a seed gives the same bytes on every machine.

/// One independent random stream per purpose, so that changing how one
/// part is drawn never shifts another.
enum StreamingStream: UInt64 {
    case titles = 11, copies, viewers, tastes, titleBiases, picks, noise
}

extension SplitMix64 {
    static func stream(seed: UInt64, _ stream: StreamingStream, index: Int = 0) -> SplitMix64 {
        var mixer = SplitMix64(seed: seed ^ (stream.rawValue &* 0xD6E8_FEB8_6659_FD93))
        var second = SplitMix64(seed: mixer.next() ^ (UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15))
        return SplitMix64(seed: second.next())
    }

    /// A uniform integer in `0..<n`.
    mutating func below(_ n: Int) -> Int {
        Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(n)).high)
    }

    mutating func chance(_ p: Double) -> Bool { nextUnit() < p }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// About standard normal (Irwin–Hall of twelve uniforms), within ±6.
    mutating func normal() -> Double {
        var sum = 0.0
        for _ in 0..<12 { sum += nextUnit() }
        return sum - 6
    }

    /// A Pareto draw with shape 1 (`minimum / U`), capped: the long tail of
    /// viewer activity (most rate a few titles, a few rate hundreds).
    mutating func paretoCount(minimum: Int, maximum: Int) -> Int {
        let u = max(nextUnit(), 1e-12)
        return min(maximum, Int(Double(minimum) / u))
    }

    /// An index of `weights` drawn in proportion to them; `cumulative` is
    /// their running sum (last element the total).
    mutating func weighted(cumulative: [Double]) -> Int {
        let target = nextUnit() * cumulative[cumulative.count - 1]
        var low = 0, high = cumulative.count - 1
        while low < high {
            let mid = (low + high) / 2
            if cumulative[mid] <= target { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Zipf-like pick (weight 1 / (rank + 2)) from `items`, so the first are common.
    mutating func zipf<T>(_ items: [T]) -> T {
        var total = 0.0
        for rank in items.indices { total += 1 / Double(rank + 2) }
        var target = nextUnit() * total
        for (rank, item) in items.enumerated() {
            target -= 1 / Double(rank + 2)
            if target < 0 { return item }
        }
        return items[items.count - 1]
    }
}
