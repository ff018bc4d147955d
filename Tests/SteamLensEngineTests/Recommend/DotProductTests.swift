import CKernels
import XCTest
import SteamLensData

final class DotProductTests: XCTestCase {
    /// `sl_dot` sums in the documented order (lane l of each eight into
    /// partial sum l mod 4 of two, then (s0 + s1) + (s2 + s3), then the tail
    /// one by one), so whichever clone the CPU picks, the double is this one.
    func testTheDotProductSumsInItsDocumentedOrder() {
        var rng = SplitMix64(seed: 12)
        for n in [0, 1, 7, 8, 9, 15, 16, 17, 100, 2003] {
            let x = (0..<n).map { _ in Double.random(in: -1e3...1e3, using: &rng) }
            let y = (0..<n).map { _ in Double.random(in: -1e-3...1e3, using: &rng) }
            var a = [Double](repeating: 0, count: 4), b = [Double](repeating: 0, count: 4)
            var k = 0
            while k + 8 <= n {
                for l in 0..<4 {
                    a[l] += x[k + l] * y[k + l]
                    b[l] += x[k + 4 + l] * y[k + 4 + l]
                }
                k += 8
            }
            let s = (0..<4).map { a[$0] + b[$0] }
            var expected = (s[0] + s[1]) + (s[2] + s[3])
            while k < n { expected += x[k] * y[k]; k += 1 }
            XCTAssertEqual(sl_dot(x, y, n).bitPattern, expected.bitPattern, "n \(n)")
        }
    }
}
