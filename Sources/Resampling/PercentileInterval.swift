// PercentileInterval.swift: Efron's percentile interval and the shared tail-probability rule.
import ResampleCore

/// Interval formulas applied to a finished set of replicates (no resampling happens here).
///
/// Tail probabilities: two-sided α = (1 − level)/2 on each side; one-sided α = 1 − level on the
/// closed side (SciPy's `alternative`). Quantiles follow ``ReplicateQuantile`` (type 7).
public enum BootstrapIntervals {
  /// The tail probability on each closed side.
  @inlinable
  public static func tailProbability(level: Double, alternative: Alternative) -> Double {
    alternative == .twoSided ? (1 - level) / 2 : 1 - level
  }

  /// Opens the side that a one-sided alternative leaves unbounded.
  static func applyAlternative(_ ci: inout ConfidenceInterval) {
    switch ci.alternative {
    case .twoSided: break
    case .less:
      ci.lower = -.infinity
      ci.lowerMonteCarloError = 0
    case .greater:
      ci.upper = .infinity
      ci.upperMonteCarloError = 0
    }
  }

  /// Flags an extreme order statistic, then opens the side a one-sided alternative leaves
  /// unbounded (``applyAlternative(_:)``).
  ///
  /// ``BootstrapDiagnostic/extremeOrderStatistic(method:)`` is added when a bound the
  /// alternative keeps was read at the smallest or largest of more than one replicate.
  /// - Parameters:
  ///   - ci: the interval, with its method and alternative.
  ///   - replicates: the replicates (or pivots) the bounds were read from.
  ///   - lowerAt: the probability whose quantile gave the lower bound.
  ///   - upperAt: the probability whose quantile gave the upper bound.
  /// - Complexity: O(1).
  static func finish(
    _ ci: inout ConfidenceInterval, replicates: ReplicateQuantile, lowerAt: Double,
    upperAt: Double
  ) {
    if replicates.count > 1,
      (ci.alternative != .less && replicates.touchesExtreme(lowerAt))
        || (ci.alternative != .greater && replicates.touchesExtreme(upperAt))
    {
      ci.diagnostics.append(.extremeOrderStatistic(method: ci.method))
    }
    applyAlternative(&ci)
  }

  /// The percentile interval [Q(α), Q(1 − α)] (Efron 1979; Efron & Tibshirani 1993, §13.3).
  ///
  /// - Parameters:
  ///   - distribution: the finite replicates.
  ///   - level: confidence level in (0, 1).
  ///   - alternative: two-sided or one-sided.
  /// - Complexity: O(log k) for k distinct replicate values.
  public static func percentile(
    _ distribution: ReplicateQuantile, level: Double, alternative: Alternative = .twoSided
  ) -> ConfidenceInterval {
    let alpha = tailProbability(level: level, alternative: alternative)
    var ci = ConfidenceInterval(
      method: .percentile, level: level, alternative: alternative,
      lower: distribution.quantile(alpha), upper: distribution.quantile(1 - alpha),
      lowerMonteCarloError: distribution.monteCarloError(alpha),
      upperMonteCarloError: distribution.monteCarloError(1 - alpha))
    finish(&ci, replicates: distribution, lowerAt: alpha, upperAt: 1 - alpha)
    return ci
  }
}
