/// A small, fast, deterministic random number generator (SplitMix64).
///
/// Swift's `SystemRandomNumberGenerator` cannot be seeded, and the standard
/// library promises no stable sequence across versions. Everything in
/// SteamLens that must repeat exactly for a seed (the sample generator, the
/// evaluation splits, model training) draws from this instead.
///
/// ```swift
/// var rng = SplitMix64(seed: 42)
/// let die = Int.random(in: 1...6, using: &rng)
/// ```
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in [0, 1) with 53 random bits.
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }
}
