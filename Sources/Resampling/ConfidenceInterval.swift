// ConfidenceInterval.swift: one bootstrap confidence interval and its Monte Carlo error.
import ResampleCore

/// A bootstrap confidence interval with the Monte Carlo standard error of each endpoint.
///
/// One-sided intervals have an infinite open side: `alternative == .less` gives
/// `(−∞, upper]`, `.greater` gives `[lower, +∞)`; the Monte Carlo error of the open side is 0.
public struct ConfidenceInterval: Sendable, Equatable {
  /// The method that produced the interval.
  public var method: IntervalMethod
  /// The confidence level in (0, 1).
  public var level: Double
  /// Two-sided, or one-sided with the open side at −∞ (`.less`) or +∞ (`.greater`).
  public var alternative: Alternative
  /// The lower endpoint (−∞ when `alternative == .less`).
  public var lower: Double
  /// The upper endpoint (+∞ when `alternative == .greater`).
  public var upper: Double
  /// Monte Carlo standard error of ``lower`` (the error due to finite B, not sampling error).
  public var lowerMonteCarloError: Double
  /// Monte Carlo standard error of ``upper``.
  public var upperMonteCarloError: Double
  /// Conditions met while computing this interval (fallbacks, extreme order statistics).
  public var diagnostics: [BootstrapDiagnostic]

  /// Creates an interval (results are normally produced by ``Bootstrap``).
  public init(
    method: IntervalMethod, level: Double, alternative: Alternative, lower: Double, upper: Double,
    lowerMonteCarloError: Double, upperMonteCarloError: Double,
    diagnostics: [BootstrapDiagnostic] = []
  ) {
    self.method = method
    self.level = level
    self.alternative = alternative
    self.lower = lower
    self.upper = upper
    self.lowerMonteCarloError = lowerMonteCarloError
    self.upperMonteCarloError = upperMonteCarloError
    self.diagnostics = diagnostics
  }

  /// Whether `value` lies in the closed interval.
  public func contains(_ value: Double) -> Bool { value >= lower && value <= upper }
}
