// BCaInterval.swift: Efron's bias-corrected and accelerated interval.
import Distributions
import ResampleCore

/// How BCa's z0 counts replicates equal to the estimate.
public enum BCaTieRule: String, Sendable, CaseIterable, Codable {
  /// Ties count half: z0 = Φ⁻¹((#{t* < t} + ½#{t* = t})/B) (SciPy; the default).
  case half
  /// Ties do not count: z0 = Φ⁻¹(#{t* < t}/B) (R `boot`, Bootstrap.jl).
  case strict
}

extension BootstrapIntervals {
  /// The bias-correction constant z0 = Φ⁻¹((#{t* < t} + ½·#{t* = t}) / B).
  ///
  /// Ties with the estimate count half, as SciPy (`percentileofscore(kind='mean')`); R `boot`
  /// and Bootstrap.jl count only t* < t. On lattice-valued statistics (proportions) the two
  /// differ noticeably.
  public static func biasCorrection(
    estimate: Double, _ distribution: ReplicateQuantile, ties: BCaTieRule = .half
  ) -> Double {
    let (below, equal) = distribution.rank(of: estimate)
    return biasCorrection(below: below, equal: equal, count: distribution.count, ties: ties)
  }

  /// z0 from the number of replicates below and equal to the estimate among `count`.
  static func biasCorrection(below: Int, equal: Int, count: Int, ties: BCaTieRule) -> Double {
    let p = (Double(below) + (ties == .half ? 0.5 * Double(equal) : 0)) / Double(count)
    return Normal.standard.quantile(p)
  }

  /// BCa's adjusted probabilities (α₁, α₂) for tail probability α, or nil when BCa falls back
  /// to the percentile interval (z0 or a not finite, a denominator 1 − a(z0 + z) ≤ 0).
  static func bcaProbabilities(alpha: Double, z0: Double, acceleration a: Double) -> (
    lower: Double, upper: Double
  )? {
    guard z0.isFinite, a.isFinite else { return nil }
    let zl = Normal.standard.quantile(alpha)
    let zu = Normal.standard.quantile(1 - alpha)
    let dl = 1 - a * (z0 + zl)
    let du = 1 - a * (z0 + zu)
    guard dl > 0, du > 0 else { return nil }
    return (
      Normal.standard.cdf(z0 + (z0 + zl) / dl), Normal.standard.cdf(z0 + (z0 + zu) / du)
    )
  }

  /// The BCa interval (Efron 1987; Efron & Tibshirani 1993, §14.3): the replicate quantiles at
  /// α₁ = Φ(z0 + (z0 + z_α)/(1 − a(z0 + z_α))) and α₂ likewise with z_{1−α}.
  ///
  /// Rules: if z0 is infinite (every replicate on one side of t) or a denominator
  /// 1 − a(z0 + z) ≤ 0, the percentile interval is reported with
  /// ``BootstrapDiagnostic/bcaFellBackToPercentile(reason:)``. The Monte Carlo errors are those of
  /// the quantiles at α₁, α₂, conditional on z0 and a.
  ///
  /// - Parameters:
  ///   - estimate: t.
  ///   - distribution: the finite replicates.
  ///   - acceleration: a, from ``Jackknife/acceleration(_:)``.
  ///   - level: confidence level in (0, 1).
  ///   - alternative: two-sided or one-sided.
  ///   - ties: the z0 tie rule (default SciPy's, half).
  /// - Complexity: O(log k).
  public static func bca(
    estimate: Double, _ distribution: ReplicateQuantile, acceleration a: Double, level: Double,
    alternative: Alternative = .twoSided, ties: BCaTieRule = .half
  ) -> ConfidenceInterval {
    let alpha = tailProbability(level: level, alternative: alternative)
    let z0 = biasCorrection(estimate: estimate, distribution, ties: ties)
    func fallback(_ reason: String) -> ConfidenceInterval {
      var ci = percentile(distribution, level: level, alternative: alternative)
      ci.method = .bca
      ci.diagnostics = ci.diagnostics.map {
        $0 == .extremeOrderStatistic(method: .percentile)
          ? .extremeOrderStatistic(method: .bca) : $0
      }
      ci.diagnostics.insert(.bcaFellBackToPercentile(reason: reason), at: 0)
      return ci
    }
    guard z0.isFinite else {
      return fallback("every replicate lies on one side of the estimate, z0 is infinite")
    }
    guard a.isFinite else { return fallback("the acceleration is not finite") }
    guard let (a1, a2) = bcaProbabilities(alpha: alpha, z0: z0, acceleration: a) else {
      return fallback("1 − a(z0 + z) is not positive for a = \(a)")
    }
    var ci = ConfidenceInterval(
      method: .bca, level: level, alternative: alternative,
      lower: distribution.quantile(a1), upper: distribution.quantile(a2),
      lowerMonteCarloError: distribution.monteCarloError(a1),
      upperMonteCarloError: distribution.monteCarloError(a2))
    finish(&ci, replicates: distribution, lowerAt: a1, upperAt: a2)
    return ci
  }
}
