// MedianOrderStatisticInterval.swift: the distribution-free confidence interval of a median.

import _Platform

/// The distribution-free confidence interval of a population median from order statistics:
/// `[x_(k), x_(n+1−k)]` with the largest k such that P(Binomial(n, ½) < k) ≤ (1 − level)/2,
/// whose coverage is at least `level` for any continuous distribution (benchstat's "±").
///
/// Reference: Hollander, M., Wolfe, D. A. & Chicken, E. (2014). *Nonparametric Statistical
/// Methods*, 3rd ed., §3.6.
public enum MedianOrderStatisticInterval {
  /// The interval, or nil when no k ≥ 1 reaches the level (n < 6 at 95 %).
  ///
  /// - Parameters:
  ///   - values: the sample (finite).
  ///   - level: the confidence level in (0, 1).
  /// - Complexity: O(n log n).
  public static func interval(_ values: [Double], level: Double) -> (lower: Double, upper: Double)?
  {
    let n = values.count
    guard n >= 1, level > 0, level < 1 else { return nil }
    let tail = (1 - level) / 2
    // cdf[k] = P(Binomial(n, 1/2) ≤ k), from log-pmfs.
    var logChoose = 0.0
    var cumulative = 0.0
    var k = 0
    let logHalfN = Double(n) * log(0.5)
    // Find the largest k with P(X ≤ k − 1) ≤ tail.
    var best = 0
    while k < n {
      cumulative += exp(logChoose + logHalfN)  // adds P(X = k)
      if cumulative <= tail { best = k + 1 } else { break }
      logChoose += log(Double(n - k)) - log(Double(k + 1))
      k += 1
    }
    guard best >= 1, best <= n + 1 - best else { return nil }
    let sorted = values.sorted()
    return (sorted[best - 1], sorted[n - best])
  }
}
