import Foundation
import SteamLensData

extension SentimentModel {
    /// L2-regularised logistic regression on sparse rows, fitted by dual
    /// coordinate descent (Yu, Huang & Lin 2011 — liblinear's `-s 7`).
    ///
    /// Minimises `½‖w‖² + C · Σ log(1 + exp(−y·w·x))`, with the bias as an extra
    /// feature of value 1 (penalised like liblinear's). One pass visits every
    /// review once in a seeded order, solving a one-variable problem with a
    /// few Newton steps and updating `w` along the review's features; a pass
    /// costs two sweeps over the review's non-zeros, and ~10–20 passes reach
    /// the optimum to within liblinear's default tolerance. Sequential and
    /// seeded, so a seed always gives the same weights.
    struct LogisticRegression {
        var c: Double = 4
        var maxPasses = 20
        /// Stop when the largest projected gradient of a pass falls below this
        /// fraction of the first pass's (liblinear's `eps` for the dual solver).
        var tolerance = 0.01

        /// Dual variables of a fit: the state a warm start continues from.
        struct State {
            var weights: [Double]  // dimension features, then the bias
            var alpha: [Double]    // one per row, in (0, C)
        }

        /// Fits rows `x` with labels `y` over `dimension` hashed features.
        /// `selection` fits only those rows of `x` (in that order, `y` and
        /// `start` following it) without copying them: the copy of 90% of the
        /// training rows was the largest allocation of an `etl`.
        /// `start` may give earlier dual values for some rows (row → alpha);
        /// the others start near zero.
        func fit(_ x: SparseRows, selection: [Int]? = nil, _ y: [Bool], dimension: Int, seed: UInt64,
                 start: [Double?]? = nil) -> State {
            let rowsUsed = selection ?? Array(0..<x.count)
            let n = rowsUsed.count
            let starts = rowsUsed.map { x.offsets[$0] }, ends = rowsUsed.map { x.offsets[$0 + 1] }
            let bias = dimension
            var alpha = [Double](repeating: min(0.001 * c, 1e-8), count: n)
            if let start { for i in 0..<n { if let a = start[i] { alpha[i] = a } } }
            var w = [Double](repeating: 0, count: dimension + 1)
            var qd = [Double](repeating: 1, count: n)  // ‖x_i‖² including the bias feature
            var rng = SplitMix64(seed: seed)
            let c = self.c, maxPasses = self.maxPasses, tolerance = self.tolerance
            withPointers(x, starts, ends, y, &alpha, &w, &qd) { starts, ends, idx, val, y, alpha, w, qd in
                for i in 0..<n {
                    let ya = y[i] ? alpha[i] : -alpha[i]
                    for k in starts[i]..<ends[i] {
                        let v = Double(val[k])
                        qd[i] += v * v
                        w[Int(idx[k])] += ya * v
                    }
                    w[bias] += ya
                }
                var firstGmax = 0.0
                var innerEps = 1e-2
                for pass in 0..<maxPasses {
                    var gmax = 0.0, newtonSteps = 0
                    for i in SentimentModel.seededPermutation(n, using: &rng) {
                        let lo = starts[i], hi = ends[i]
                        var wx = w[bias]
                        for k in lo..<hi { wx += w[Int(idx[k])] * Double(val[k]) }
                        let yi = y[i] ? 1.0 : -1.0
                        let a = qd[i], b = yi * wx
                        // Solve for whichever of alpha and C − alpha is on the
                        // side the step moves away from (liblinear's trick for
                        // staying inside (0, C) without bounds).
                        var old = alpha[i], sign = 1.0
                        if 0.5 * a * ((c - old) - old) + b < 0 { old = c - old; sign = -1 }
                        var z = old
                        if c - z < 0.5 * c { z *= 0.1 }
                        var gp = a * (z - old) + sign * b + log(z / (c - z))
                        gmax = max(gmax, abs(gp))
                        var steps = 0
                        while steps < 100 && abs(gp) >= innerEps {
                            let gpp = a + c / (c - z) / z
                            let next = z - gp / gpp
                            z = next <= 0 ? z * 0.1 : next
                            gp = a * (z - old) + sign * b + log(z / (c - z))
                            steps += 1
                        }
                        newtonSteps += steps
                        guard steps > 0 else { continue }
                        alpha[i] = sign > 0 ? z : c - z
                        let delta = sign * (z - old) * yi
                        for k in lo..<hi { w[Int(idx[k])] += delta * Double(val[k]) }
                        w[bias] += delta
                    }
                    if pass == 0 { firstGmax = gmax }
                    if gmax <= tolerance * firstGmax { break }
                    // Solve the one-variable problems more exactly once few need work.
                    if newtonSteps <= n / 10 { innerEps = max(1e-8, innerEps * 0.1) }
                }
            }
            return State(weights: w, alpha: alpha)
        }
    }

    /// Raw buffers of the solver's arrays, so the hot loops skip bounds and
    /// exclusivity checks.
    private static func withPointers(
        _ x: SparseRows, _ starts: [Int], _ ends: [Int], _ y: [Bool],
        _ alpha: inout [Double], _ w: inout [Double], _ qd: inout [Double],
        _ body: (UnsafeBufferPointer<Int>, UnsafeBufferPointer<Int>, UnsafeBufferPointer<UInt32>, UnsafeBufferPointer<Float>,
                 UnsafeBufferPointer<Bool>, UnsafeMutableBufferPointer<Double>,
                 UnsafeMutableBufferPointer<Double>, UnsafeMutableBufferPointer<Double>) -> Void
    ) {
        starts.withUnsafeBufferPointer { starts in
            ends.withUnsafeBufferPointer { ends in
                x.indices.withUnsafeBufferPointer { idx in
                    x.values.withUnsafeBufferPointer { val in
                        y.withUnsafeBufferPointer { y in
                            alpha.withUnsafeMutableBufferPointer { alpha in
                                w.withUnsafeMutableBufferPointer { w in
                                    qd.withUnsafeMutableBufferPointer { qd in
                                        body(starts, ends, idx, val, y, alpha, w, qd)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
