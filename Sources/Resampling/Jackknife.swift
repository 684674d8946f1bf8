// Jackknife.swift: leave-one-out values and the BCa acceleration from them.

/// Jackknife (leave-one-out) values and the BCa acceleration constant.
///
/// For several independently resampled samples the acceleration follows SciPy's multi-sample
/// rule: for sample j with n_j observations and leave-one-out values θ₍ᵢ₎ (mean θ̄_j),
/// U_ji = (n_j − 1)(θ̄_j − θ₍ᵢ₎) and a = Σ_j Σ_i U³/n_j³ / (6 (Σ_j Σ_i U²/n_j²)^{3/2}).
/// For one sample this is Efron's a = ΣU³ / (6 (ΣU²)^{3/2}) (Efron 1987, eq. 6.6).
///
/// Reference: B. Efron, "Better bootstrap confidence intervals", *JASA* 82 (1987) 171–185.
public enum Jackknife {
  /// The leave-one-out values of one sample, with equal values merged.
  ///
  /// The leave-one-out values of one sample, compressed: `values[i]` is the statistic with one
  /// observation removed, standing for `weights[i]` removals (equal observations give equal
  /// values). The weights add up to the sample size.
  public struct Values: Sendable, Equatable {
    public var values: [Double]
    public var weights: [Int]
    public init(values: [Double], weights: [Int]) {
      precondition(values.count == weights.count, "values and weights must have equal length")
      self.values = values
      self.weights = weights
    }
    /// The number of leave-one-out samples (the sample size).
    public var count: Int { weights.reduce(0, +) }
  }

  /// The acceleration a, or `nil` when it is undefined (all jackknife values equal, or some
  /// jackknife value not finite).
  ///
  /// - Complexity: O(total number of distinct leave-one-out values).
  public static func acceleration(_ samples: [Values]) -> Double? {
    var num = 0.0
    var den = 0.0
    for s in samples {
      let n = Double(s.count)
      guard n > 0 else { continue }
      var mean = 0.0
      for (v, w) in zip(s.values, s.weights) { mean += Double(w) * v }
      mean /= n
      var s2 = 0.0
      var s3 = 0.0
      for (v, w) in zip(s.values, s.weights) {
        let u = (n - 1) * (mean - v)
        s2 += Double(w) * u * u
        s3 += Double(w) * u * u * u
      }
      num += s3 / (n * n * n)
      den += s2 / (n * n)
    }
    guard num.isFinite, den.isFinite, den > 0 else { return nil }
    return num / (6 * den * den.squareRoot())
  }
}
