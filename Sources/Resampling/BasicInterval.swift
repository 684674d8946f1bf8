// BasicInterval.swift: the basic (reverse-percentile) bootstrap interval.
import ResampleCore

extension BootstrapIntervals {
  /// The basic (reverse-percentile) bootstrap interval.
  ///
  /// The basic interval [2t − Q(1 − α), 2t − Q(α)] (Davison & Hinkley 1997, eq. 5.6; SciPy's
  /// `basic`).
  ///
  /// - Parameters:
  ///   - estimate: the statistic on the original data, t.
  ///   - distribution: the finite replicates.
  ///   - level: confidence level in (0, 1).
  ///   - alternative: two-sided or one-sided.
  /// - Complexity: O(log k).
  public static func basic(
    estimate: Double, _ distribution: ReplicateQuantile, level: Double,
    alternative: Alternative = .twoSided
  ) -> ConfidenceInterval {
    let alpha = tailProbability(level: level, alternative: alternative)
    let qlo = distribution.quantile(alpha)
    let qhi = distribution.quantile(1 - alpha)
    var ci = ConfidenceInterval(
      method: .basic, level: level, alternative: alternative,
      lower: 2 * estimate - qhi, upper: 2 * estimate - qlo,
      lowerMonteCarloError: distribution.monteCarloError(1 - alpha),
      upperMonteCarloError: distribution.monteCarloError(alpha))
    finish(&ci, replicates: distribution, lowerAt: 1 - alpha, upperAt: alpha)
    return ci
  }
}
