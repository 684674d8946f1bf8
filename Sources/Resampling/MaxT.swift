// MaxT.swift: max-T simultaneous intervals and Westfall–Young step-down p-values.

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
    public var adjustedPValues: [Double]
  }

  /// Analyses m jointly resampled statistics.
  ///
  /// - Parameters:
  ///   - replicates: statistic-major values: `replicates[j * count + b]` = θ*_bj.
  ///   - count: B.
  ///   - estimates: θ̂_j (m of them).
  ///   - level: family-wise confidence level.
  /// - Complexity: O(B·m + m log m) time, O(B·m) extra memory for the pivots.
  public static func analyze(
    replicates: [Double], count b: Int, estimates: [Double], level: Double
  ) -> Analysis {
    let m = estimates.count
    precondition(replicates.count == b * m, "replicates must hold B values per statistic")
    var se = [Double](repeating: 0, count: m)
    for j in 0..<m {
      var s = 0.0
      for i in 0..<b { s += replicates[j * b + i] }
      let mean = s / Double(b)
      var ss = 0.0
      for i in 0..<b {
        let d = replicates[j * b + i] - mean
        ss += d * d
      }
      se[j] = b > 1 ? (ss / Double(b - 1)).squareRoot() : 0
    }
    let active = (0..<m).filter { se[$0] > 0 && se[$0].isFinite }
    var maxima = [Double](repeating: 0, count: b)
    for j in active {
      let t0 = estimates[j]
      let s = se[j]
      for i in 0..<b { maxima[i] = max(maxima[i], abs(replicates[j * b + i] - t0) / s) }
    }
    let c = active.isEmpty ? 0 : ReplicateQuantile(maxima).quantile(level)
    let lower = (0..<m).map { estimates[$0] - c * se[$0] }
    let upper = (0..<m).map { estimates[$0] + c * se[$0] }
    let denom = Double(b + 1)
    var p = [Double](repeating: 1, count: m)
    var adj = [Double](repeating: 1, count: m)
    var tobs = [Double](repeating: 0, count: m)
    for j in 0..<m {
      if active.contains(j) {
        tobs[j] = abs(estimates[j]) / se[j]
        var k = 0
        for i in 0..<b where abs(replicates[j * b + i] - estimates[j]) / se[j] >= tobs[j] { k += 1 }
        p[j] = (1 + Double(k)) / denom
      } else {
        p[j] = estimates[j] == 0 ? 1 : 1 / denom
        adj[j] = p[j]
      }
    }
    // Step-down: order active statistics by T descending; successive maxima from the bottom.
    let order = active.sorted { tobs[$0] > tobs[$1] }
    if !order.isEmpty {
      var counts = [Int](repeating: 0, count: order.count)
      var u = [Double](repeating: 0, count: b)
      for r in stride(from: order.count - 1, through: 0, by: -1) {
        let j = order[r]
        var k = 0
        for i in 0..<b {
          u[i] = max(u[i], abs(replicates[j * b + i] - estimates[j]) / se[j])
          if u[i] >= tobs[j] { k += 1 }
        }
        counts[r] = k
      }
      var running = 0.0
      for (r, j) in order.enumerated() {
        running = max(running, (1 + Double(counts[r])) / denom)
        adj[j] = min(1, running)
      }
    }
    return Analysis(
      standardErrors: se, criticalValue: c, lower: lower, upper: upper, pValues: p,
      adjustedPValues: adj)
  }
}
