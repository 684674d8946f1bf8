// MaxT.swift: max-T simultaneous intervals and Westfall–Young step-down p-values.
import ResampleCore

/// Simultaneous inference from a joint bootstrap of m statistics.
///
/// Given replicates θ*_bj (b < B, j < m), estimates θ̂_j and bootstrap standard errors se_j:
/// - max-T intervals θ̂_j ± c·se_j, c the type-7 `level` quantile of
///   M_b = max_j |θ*_bj − θ̂_j|/se_j
///   (family-wise coverage `level`; Davison & Hinkley 1997, §4.2.5; Romano & Wolf 2005);
/// - Westfall–Young step-down max-T adjusted p-values for H_j: θ_j = 0, with T_j = |θ̂_j|/se_j and
///   the null distribution of the centred |θ*_bj − θ̂_j|/se_j (Westfall & Young 1993,
///   Algorithm 2.8), p = (1 + count)/(B + 1), made monotone down the ordering.
/// Statistics with se_j = 0 (constant under resampling) are left out of the maxima; their
/// intervals are the point, their p-values 1 if θ̂_j = 0 else 1/(B + 1).
///
/// Reference: P. H. Westfall and S. S. Young, *Resampling-Based Multiple Testing* (1993).
public enum MaxT {
  /// The result of ``analyze(replicates:count:estimates:level:)``.
  public struct Analysis: Sendable, Equatable {
    /// Bootstrap standard error per statistic.
    public var standardErrors: [Double]
    /// The critical value c.
    public var criticalValue: Double
    /// Simultaneous intervals θ̂_j ± c·se_j.
    public var lower: [Double]
    public var upper: [Double]
    /// Unadjusted bootstrap p-values (1 + #{|t*_bj| ≥ T_j})/(B + 1).
    public var pValues: [Double]
    /// Westfall–Young step-down adjusted p-values.
    public var pAdjusted: [Double]

    /// The former name of ``pAdjusted``.
    @available(*, deprecated, renamed: "pAdjusted")
    public var adjustedPValues: [Double] { pAdjusted }
  }

  /// Analyses m jointly resampled statistics.
  ///
  /// - Parameters:
  ///   - replicates: statistic-major values: `replicates[j * count + b]` = θ*_bj.
  ///   - count: B.
  ///   - estimates: θ̂_j (m of them).
  ///   - level: family-wise confidence level.
  ///   - threads: workers (≥ 1) for the per-statistic and per-replicate passes; the result does
  ///     not depend on it (each worker owns whole statistics or a range of replicates, and
  ///     their integer counts are summed).
  /// - Complexity: O(B·m + m log m + B log B) time, O(B + m) extra memory.
  public static func analyze(
    replicates: [Double], count b: Int, estimates: [Double], level: Double, threads: Int = 1
  ) -> Analysis {
    let m = estimates.count
    precondition(replicates.count == b * m, "replicates must hold B values per statistic")
    var se = [Double](repeating: 0, count: m)
    replicates.withUnsafeBufferPointer { r in
      se.withUnsafeMutableBufferPointer { out in
        standardErrors(r, count: b, statistics: m, into: out, threads: threads)
      }
    }
    let active = (0..<m).filter { se[$0] > 0 && se[$0].isFinite }
    let denom = Double(b + 1)
    var p = [Double](repeating: 1, count: m)
    var adj = [Double](repeating: 1, count: m)
    var isActive = [Bool](repeating: false, count: m)
    for j in active { isActive[j] = true }
    for j in 0..<m where !isActive[j] {
      p[j] = estimates[j] == 0 ? 1 : 1 / denom
      adj[j] = p[j]
    }
    // Pivots are |θ*_bj − θ̂_j|·(1/se_j) and T_j = |θ̂_j|·(1/se_j): one reciprocal per
    // statistic, so every comparison below uses the same rounded quantities.
    let inverse = se.map { 1 / $0 }
    let tobs = (0..<m).map { isActive[$0] ? abs(estimates[$0]) * inverse[$0] : 0 }
    let workers = max(1, min(threads, b / 1024, 64))
    let chunk = (b + workers - 1) / workers
    // One pass over the active statistics in step-down order (T ascending, i.e. from the bottom
    // of the ordering): u_b accumulates max over the statistics seen so far, so after the last
    // one it is the maximum over all of them (the max-T critical value's sample). Per worker, a
    // range of replicates; integer counts are summed afterwards.
    let order = active.sorted { tobs[$0] > tobs[$1] }
    let o = order.count
    var u = [Double](repeating: 0, count: b)
    var counts = [Int](repeating: 0, count: 2 * workers * max(o, 1))
    if o > 0 {
      replicates.withUnsafeBufferPointer { rp in
        u.withUnsafeMutableBufferPointer { ub in
          counts.withUnsafeMutableBufferPointer { cb in
            guard let rb = rp.baseAddress, let up = ub.baseAddress, let cp = cb.baseAddress
            else { return }
            let shared = UnsafeShared((rb, up, cp))
            ParallelFor.run(count: b, chunkSize: chunk, threads: workers) { chunks in
              let (rb, up, cp) = shared.value
              for piece in chunks {
                let (w, lo, n) = (piece.index, piece.range.lowerBound, piece.range.count)
                for r in stride(from: o - 1, through: 0, by: -1) {
                  let j = order[r]
                  let (own, step) = Self.stepDownPass(
                    rb + j * b + lo, running: up + lo, count: n, estimate: estimates[j],
                    inverseSE: inverse[j], threshold: tobs[j])
                  cp[(w * o + r) * 2] = own
                  cp[(w * o + r) * 2 + 1] = step
                }
              }
            }
          }
        }
      }
    }
    var running = 0.0
    for (r, j) in order.enumerated() {
      var own = 0
      var step = 0
      for w in 0..<workers {
        own += counts[(w * o + r) * 2]
        step += counts[(w * o + r) * 2 + 1]
      }
      p[j] = (1 + Double(own)) / denom
      running = max(running, (1 + Double(step)) / denom)
      adj[j] = min(1, running)
    }
    let c = active.isEmpty ? 0 : ReplicateQuantile(u).quantile(level)
    let lower = (0..<m).map { estimates[$0] - c * se[$0] }
    let upper = (0..<m).map { estimates[$0] + c * se[$0] }
    return Analysis(
      standardErrors: se, criticalValue: c, lower: lower, upper: upper, pValues: p,
      pAdjusted: adj)
  }

  /// One statistic's pass over `count` replicates: pivots v_b = |θ*_b − θ̂|·(1/se), the running
  /// maxima u_b ← max(u_b, v_b), and the counts #{v_b ≥ T} (unadjusted) and #{u_b ≥ T}
  /// (step-down), eight replicates per step without branches.
  @inline(__always)
  static func stepDownPass(
    _ src: UnsafePointer<Double>, running u: UnsafeMutablePointer<Double>, count n: Int,
    estimate t0: Double, inverseSE inv: Double, threshold t: Double
  ) -> (own: Int, step: Int) {
    typealias V = SIMD8<Double>
    let t0v = V(repeating: t0)
    let invv = V(repeating: inv)
    let tv = V(repeating: t)
    var own = SIMD8<Int64>()
    var step = SIMD8<Int64>()
    let one = SIMD8<Int64>(repeating: 1)
    let raw = UnsafeRawPointer(src)
    let rawU = UnsafeMutableRawPointer(u)
    var i = 0
    while i + 8 <= n {
      let x = raw.loadUnaligned(fromByteOffset: i * 8, as: V.self)
      let d = x - t0v
      let v = d.replacing(with: -d, where: d .< 0) * invv
      let old = rawU.loadUnaligned(fromByteOffset: i * 8, as: V.self)
      let m = old.replacing(with: v, where: old .< v)
      rawU.storeBytes(of: m, toByteOffset: i * 8, as: V.self)
      own &+= one.replacing(with: 0, where: .!(v .>= tv))
      step &+= one.replacing(with: 0, where: .!(m .>= tv))
      i += 8
    }
    var o = Int(own.wrappedSum())
    var s = Int(step.wrappedSum())
    while i < n {
      let v = abs(src[i] - t0) * inv
      let m = u[i] < v ? v : u[i]
      u[i] = m
      o &+= v >= t ? 1 : 0
      s &+= m >= t ? 1 : 0
      i += 1
    }
    return (o, s)
  }

  /// Bootstrap standard errors (two-pass, summed in replicate order) of m statistic-major rows,
  /// four rows at a time so the four sequential sums run side by side.
  static func standardErrors(
    _ r: UnsafeBufferPointer<Double>, count b: Int, statistics m: Int,
    into se: UnsafeMutableBufferPointer<Double>, threads: Int
  ) {
    guard b > 1, let base = r.baseAddress, let out = se.baseAddress else { return }
    // Whole groups of four statistics per worker: each statistic's sums keep their order.
    let groups = (m + 3) / 4
    let workers = max(1, min(threads, groups, 64))
    let per = (groups + workers - 1) / workers
    let shared = UnsafeShared((base, out))
    ParallelFor.run(count: groups, chunkSize: per, threads: workers) { chunks in
      let (base, out) = shared.value
      for chunk in chunks {
        let lo = chunk.range.lowerBound * 4
        let hi = min(m, chunk.range.upperBound * 4)
        standardErrors(
          base + lo * b, count: b, statistics: hi - lo,
          into: UnsafeMutableBufferPointer(start: out + lo, count: hi - lo))
      }
    }
  }

  static func standardErrors(
    _ base: UnsafePointer<Double>, count b: Int, statistics m: Int,
    into se: UnsafeMutableBufferPointer<Double>
  ) {
    let nb = Double(b)
    let nb1 = Double(b - 1)
    var j = 0
    while j + 4 <= m {
      let p0 = base + j * b
      let p1 = p0 + b
      let p2 = p1 + b
      let p3 = p2 + b
      var s0 = 0.0
      var s1 = 0.0
      var s2 = 0.0
      var s3 = 0.0
      for i in 0..<b {
        s0 += p0[i]
        s1 += p1[i]
        s2 += p2[i]
        s3 += p3[i]
      }
      let m0 = s0 / nb
      let m1 = s1 / nb
      let m2 = s2 / nb
      let m3 = s3 / nb
      var q0 = 0.0
      var q1 = 0.0
      var q2 = 0.0
      var q3 = 0.0
      for i in 0..<b {
        let d0 = p0[i] - m0
        let d1 = p1[i] - m1
        let d2 = p2[i] - m2
        let d3 = p3[i] - m3
        q0 += d0 * d0
        q1 += d1 * d1
        q2 += d2 * d2
        q3 += d3 * d3
      }
      se[j] = (q0 / nb1).squareRoot()
      se[j + 1] = (q1 / nb1).squareRoot()
      se[j + 2] = (q2 / nb1).squareRoot()
      se[j + 3] = (q3 / nb1).squareRoot()
      j += 4
    }
    while j < m {
      let p0 = base + j * b
      var s0 = 0.0
      for i in 0..<b { s0 += p0[i] }
      let m0 = s0 / nb
      var q0 = 0.0
      for i in 0..<b {
        let d0 = p0[i] - m0
        q0 += d0 * d0
      }
      se[j] = (q0 / nb1).squareRoot()
      j += 1
    }
  }
}
