// ProportionInterval.swift: a two-sided confidence interval [lower, upper] and input checks.
import ResampleCore

/// A two-sided confidence interval `[lower, upper]` at a confidence level.
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
