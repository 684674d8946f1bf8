// StudentizedInterval.swift: the bootstrap-t interval.
import ResampleCore

extension BootstrapIntervals {
  /// The studentized (bootstrap-t) interval.
  ///
  /// The studentized (bootstrap-t) interval [t − se·Q_T(1 − α), t − se·Q_T(α)], where
  /// T*_b = (t*_b − t)/se*_b (Hall 1988; Davison & Hinkley 1997, eq. 5.7).
  ///
  /// - Parameters:
  ///   - estimate: t.
  ///   - standardError: se of t on the original data (closed form or nested bootstrap).
  ///   - pivots: the finite T*_b values (replicates with se*_b = 0 already left out).
  ///   - level: confidence level in (0, 1).
  ///   - alternative: two-sided or one-sided.
  /// - Complexity: O(log k).
  public static func studentized(
    estimate: Double, standardError se: Double, pivots: ReplicateQuantile, level: Double,
    alternative: Alternative = .twoSided
  ) -> ConfidenceInterval {
    let alpha = tailProbability(level: level, alternative: alternative)
    var ci = ConfidenceInterval(
      method: .studentized, level: level, alternative: alternative,
      lower: estimate - se * pivots.quantile(1 - alpha),
      upper: estimate - se * pivots.quantile(alpha),
      lowerMonteCarloError: se * pivots.monteCarloError(1 - alpha),
      upperMonteCarloError: se * pivots.monteCarloError(alpha))
    finish(&ci, replicates: pivots, lowerAt: 1 - alpha, upperAt: alpha)
    return ci
  }
}
