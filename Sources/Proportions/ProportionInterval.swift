// ProportionInterval.swift: a two-sided confidence interval [lower, upper] and input checks.
import ResampleCore

/// A confidence interval `[lower, upper]` at a confidence level (a one-sided one has the
/// parameter's bound at its open end).
public struct ProportionInterval: Sendable, Equatable, Hashable {
  /// Lower limit.
  public var lower: Double
  /// Upper limit.
  public var upper: Double
  /// Confidence level in (0, 1).
  public var level: Double

  /// - Parameters: the limits and the level.
  public init(lower: Double, upper: Double, level: Double) {
    self.lower = lower
    self.upper = upper
    self.level = level
  }

  /// `[lower, upper]`.
  public var array: [Double] { [lower, upper] }

  /// The one-sided interval for `alternative` (unchanged for two-sided).
  ///
  /// The far limit is replaced by the bound of the parameter (`less`: `[lowest, upper]`;
  /// `greater`: `[lower, highest]`). Computed at the two-sided level 2·level − 1, a limit is the one-sided limit at
  /// `level` (R's `prop.test`/`binom.test` one-sided intervals).
  /// - Complexity: O(1).
  package func sided(_ alternative: Alternative, lowest: Double, highest: Double)
    -> ProportionInterval
  {
    switch alternative {
    case .twoSided: return self
    case .less: return ProportionInterval(lower: lowest, upper: upper, level: level)
    case .greater: return ProportionInterval(lower: lower, upper: highest, level: level)
    }
  }
}

/// The probability in each tail an interval leaves out: (1 − level)/2 two-sided, 1 − level
/// one-sided (so z = Φ⁻¹(1 − tail) is R's `qnorm(conf.level)` for a one-sided interval).
package func tailProbability(level: Double, alternative: Alternative) -> Double {
  alternative == .twoSided ? (1 - level) / 2 : 1 - level
}

/// Throws unless `0 ≤ successes ≤ trials` and `trials ≥ 1`.
func validateCounts(_ x: Int, _ n: Int, _ xName: String, _ nName: String) throws {
  guard n >= 1 else {
    throw InputError.invalidParameter(name: nName, value: "\(n)", expected: "an integer ≥ 1")
  }
  guard x >= 0, x <= n else {
    throw InputError.invalidParameter(
      name: xName, value: "\(x)", expected: "an integer in 0...\(n) (\(nName))")
  }
}

/// Clamps into [lo, hi].
@inline(__always) func clamp(_ v: Double, _ lo: Double, _ hi: Double) -> Double {
  min(max(v, lo), hi)
}
