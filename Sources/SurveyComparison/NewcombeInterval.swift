// NewcombeInterval.swift: Newcombe's hybrid score interval for a difference of two proportions,
// and Cohen's h.
import Distributions
import Foundation
import ResampleCore

/// Newcombe's hybrid score interval (his method 10) for p₁ − p₂ of two independent samples.
///
/// It combines the Wilson score intervals (l₁, u₁) and (l₂, u₂) of each proportion:
/// `[d − √((p₁ − l₁)² + (u₂ − p₂)²), d + √((u₁ − p₁)² + (p₂ − l₂)²)]`. Counts may be fractional
/// (effective counts under a design effect or weights).
///
/// References: R. G. Newcombe (1998), "Interval estimation for the difference between
/// independent proportions: comparison of eleven methods", *Statistics in Medicine* 17, 873–890;
/// E. B. Wilson (1927), *JASA* 22, 209–212.
enum NewcombeInterval {
  /// The Wilson score interval for x of n at `level`.
  static func wilson(x: Double, n: Double, z: Double) -> (lower: Double, upper: Double) {
    let p = x / n
    let z2 = z * z
    let den = 1 + z2 / n
    let center = (p + z2 / (2 * n)) / den
    let half = z * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot() / den
    // At x = 0 or x = n one bound is exactly 0 or 1 (no rounding past the boundary).
    let lower = x <= 0 ? 0 : max(0, center - half)
    let upper = x >= n ? 1 : min(1, center + half)
    return (lower, upper)
  }

  /// - Throws: `InputError` for sizes ≤ 0, counts outside [0, n], or a level outside (0, 1).
  /// - Complexity: O(1).
  static func difference(x1: Double, n1: Double, x2: Double, n2: Double, level: Double) throws
    -> PairInterval
  {
    try InputError.requireLevel(level)
    for (x, n) in [(x1, n1), (x2, n2)] {
      guard n.isFinite, n > 0, x.isFinite, x >= 0, x <= n else {
        throw InputError.invalidParameter(
          name: "counts", value: "\(x)/\(n)", expected: "0 ≤ x ≤ n and n > 0")
      }
    }
    let z = Normal.standard.upperQuantile((1 - level) / 2)
    let (l1, u1) = wilson(x: x1, n: n1, z: z)
    let (l2, u2) = wilson(x: x2, n: n2, z: z)
    let p1 = x1 / n1
    let p2 = x2 / n2
    let d = p1 - p2
    return PairInterval(
      lower: d - ((p1 - l1) * (p1 - l1) + (u2 - p2) * (u2 - p2)).squareRoot(),
      upper: d + ((u1 - p1) * (u1 - p1) + (p2 - l2) * (p2 - l2)).squareRoot())
  }

  /// Cohen's h = 2·asin√p₁ − 2·asin√p₂ (Cohen 1988, §6.2).
  static func cohensH(_ p1: Double, _ p2: Double) -> Double {
    2 * asin(p1.squareRoot()) - 2 * asin(p2.squareRoot())
  }
}
