import CKernels

/// Inverse of a symmetric positive-definite matrix through its Cholesky
/// factor, in Swift over one C dot product (`sl_dot`): G = L·Lᵀ, W = L⁻¹, G⁻¹ = Wᵀ·W.
///
/// EASE needs the inverse of an items × items Gram matrix. For the ~2,000
/// most-owned items this takes about a second on two cores, which kept
/// SteamLens free of a LAPACK/BLAS system dependency. All three steps are
/// blocked by `block` columns so that a row is read from memory once per
/// block rather than once per column (the loops are memory-bound otherwise),
/// and the rows of each block run in parallel.
enum CholeskyInverse {
    static let block = 32

    /// Replaces the row-major n × n matrix `a` by its inverse (full, symmetric).
    /// Returns false when `a` is not positive definite.
    static func invertSPD(_ a: inout [Double], n: Int) -> Bool {
        precondition(a.count == n * n)
        guard n > 0 else { return true }
        return a.withUnsafeMutableBufferPointer { buf in
            let m = RecDoublePointer(buf.baseAddress!)
            guard factor(m, n) else { return false }
            let wt = RecDoublePointer(UnsafeMutablePointer<Double>.allocate(capacity: n * n))
            defer { wt.p.deallocate() }
            invertLower(m, into: wt, n)
            multiplyTransposed(wt, into: m, n)
            return true
        }
    }

    /// In-place Cholesky: the lower triangle of `a` becomes L.
    private static func factor(_ a: RecDoublePointer, _ n: Int) -> Bool {
        let p = a.p
        for j0 in stride(from: 0, to: n, by: block) {
            let j1 = min(j0 + block, n)
            // Diagonal block, serially: every later row needs it finished.
            for i in j0..<j1 {
                for j in j0..<i { p[i * n + j] = (p[i * n + j] - dot(p + i * n, p + j * n, j)) / p[j * n + j] }
                let d = p[i * n + i] - dot(p + i * n, p + i * n, i)
                guard d > 0 else { return false }
                p[i * n + i] = d.squareRoot()
            }
            // The rows below, in parallel: row i's prefix stays in cache for the block.
            recParallelChunks(n - j1, minChunk: 8) { rows in
                let p = a.p
                for i in (rows.lowerBound + j1)..<(rows.upperBound + j1) {
                    for j in j0..<j1 { p[i * n + j] = (p[i * n + j] - dot(p + i * n, p + j * n, j)) / p[j * n + j] }
                }
            }
        }
        return true
    }

    /// Row k of `wt` (from column k on) becomes column k of W = L⁻¹.
    private static func invertLower(_ l: RecDoublePointer, into wt: RecDoublePointer, _ n: Int) {
        let blocks = (n + block - 1) / block
        DispatchQueue.concurrentPerform(iterations: blocks) { b in
            let L = l.p, W = wt.p
            let k0 = b * block, k1 = min(k0 + block, n)
            for k in k0..<k1 {
                for i in 0..<k { W[k * n + i] = 0 }
            }
            // Forward substitution L·w = e_k for the block's k together, row by row.
            for i in k0..<n {
                let diag = L[i * n + i]
                for k in k0..<min(k1, i + 1) {
                    if i == k { W[k * n + k] = 1 / diag; continue }
                    W[k * n + i] = -dot(L + i * n + k, W + k * n + k, i - k) / diag
                }
            }
        }
    }

    /// out[a][b] = Σ_{i ≥ max(a, b)} wt[a][i]·wt[b][i], both triangles.
    private static func multiplyTransposed(_ wt: RecDoublePointer, into out: RecDoublePointer, _ n: Int) {
        let blocks = (n + block - 1) / block
        DispatchQueue.concurrentPerform(iterations: blocks) { blk in
            let W = wt.p, O = out.p
            let a0 = blk * block, a1 = min(a0 + block, n)
            for b in a0..<n {
                for a in a0..<min(a1, b + 1) {
                    let v = dot(W + a * n + b, W + b * n + b, n - b)
                    O[a * n + b] = v
                    O[b * n + a] = v
                }
            }
        }
    }

    @inline(__always)
    static func dot(_ x: UnsafeMutablePointer<Double>, _ y: UnsafeMutablePointer<Double>, _ count: Int) -> Double {
        sl_dot(x, y, count)
    }
}

/// Lets parallel closures share a raw pointer; callers guarantee disjoint writes.
struct RecDoublePointer: @unchecked Sendable {
    let p: UnsafeMutablePointer<Double>
    init(_ p: UnsafeMutablePointer<Double>) { self.p = p }
}

import Dispatch
