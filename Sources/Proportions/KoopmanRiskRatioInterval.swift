// KoopmanRiskRatioInterval.swift: the score interval for the ratio of two independent
// proportions (Koopman 1984; statsmodels confint_proportions_2indep(compare="ratio",
// method="score")).
import Distributions
import ResampleCore
import _Platform

/// Koopman's score interval for the risk ratio p₁/p₂: every ρ that the score test of
/// H₀: p₁ = ρ p₂ does not reject at the level.
///
/// The test's z(ρ) = (p̂₁ − ρ p̂₂) / √V(ρ), V = [p̃₁(1 − p̃₁)/n₁ + ρ² p̃₂(1 − p̃₂)/n₂] · N/(N − 1),
/// with (p̃₁ = ρ p̃₂, p̃₂) the constrained maximum-likelihood estimates (the root of a quadratic,
/// computed in its cancellation-free form) and N/(N − 1) Miettinen and Nurminen's factor,
/// statsmodels' default `correction=True` (`varianceCorrection: false` gives Koopman's original
/// interval). statsmodels solves Nam's (1995) cubic for the same limits; here they are found by
/// bisection on log ρ to the last bit, between ρ = e^±300 (statsmodels' cubic degenerates when a
/// group is all successes: its lower limit for 10/10 vs 10/10 is 1.00000004, above the estimate).
///
/// Zero counts: x₁ = 0 gives the lower limit 0, x₂ = 0 the upper limit +∞ (statsmodels' answers);
/// both zero give [0, +∞] (statsmodels returns NaN: the data say nothing about the ratio).
///
/// - Parameters:
///   - x1, n1: successes and trials of group 1 (0 ≤ x1 ≤ n1, n1 ≥ 1).
///   - x2, n2: successes and trials of group 2.
///   - level: confidence level in (0, 1).
///   - alternative: two-sided, or one-sided (`less`: [0, upper], `greater`: [lower, +∞]).
///   - varianceCorrection: Miettinen and Nurminen's N/(N − 1) (default, statsmodels').
/// - Returns: the interval; +∞ is a possible upper limit.
/// - Throws: `InputError` for counts or level out of range.
/// - Complexity: O(1): about 130 evaluations of the statistic.
///
/// References: Koopman, P. A. R. (1984), Confidence intervals for the ratio of two binomial
/// proportions, *Biometrics* 40, 513–517; Nam, J. (1995), *Biometrics* 51, 1491–1501; Miettinen,
/// O. and Nurminen, M. (1985), *Statistics in Medicine* 4, 213–226.
public func koopmanRiskRatioInterval(
  x1: Int, n1: Int, x2: Int, n2: Int, level: Double = 0.95, alternative: Alternative = .twoSided,
  varianceCorrection: Bool = true
) throws -> ProportionInterval {
  try scoreInterval(.riskRatio, x1, n1, x2, n2, level, alternative, varianceCorrection)
}

/// The largest |log ρ| or |log θ| the ratio intervals search; a limit beyond is 0 or +∞.
let scoreRatioLogBound = 300.0

/// The two limits of Koopman's interval for the critical value `z`.
/// - Complexity: O(1).
package func koopmanRiskRatioLimits(
  x1: Double, n1: Double, x2: Double, n2: Double, z: Double, varianceCorrection: Bool = true
) -> (lower: Double, upper: Double) {
  if x1 == 0 && x2 == 0 { return (0, .infinity) }
  func statistic(_ logRatio: Double) -> Double {
    koopmanRiskRatioStatistic(
      x1: x1, n1: n1, x2: x2, n2: n2, ratio: exp(logRatio), varianceCorrection: varianceCorrection
    )
  }
  return ratioScoreLimits(
    estimate: (x1 / n1) / (x2 / n2),
    fallback: ((x1 + 0.5) / (n1 + 0.5)) / ((x2 + 0.5) / (n2 + 0.5)), z: z, lowerIsZero: x1 == 0,
    upperIsInfinite: x2 == 0,
    statistic: statistic)
}

/// The limits of a ratio's score interval on the log scale, from the estimate outwards.
///
/// When the estimate is 0 or +∞ the search starts from `fallback` (a corrected estimate) and
/// steps by e towards it until the test accepts, since the constrained estimates lose all digits
/// near θ = e^∓300.
func ratioScoreLimits(
  estimate: Double, fallback: Double, z: Double, lowerIsZero: Bool, upperIsInfinite: Bool,
  statistic: (Double) -> Double
) -> (lower: Double, upper: Double) {
  let b = scoreRatioLogBound
  var t: Double
  if estimate > 0 && estimate.isFinite {
    t = min(b, max(-b, log(estimate)))
  } else {
    t = min(b, max(-b, log(fallback)))
    let step = estimate == 0 ? -1.0 : 1.0
    while !(abs(statistic(t)) < z), abs(t + step) < b { t += step }
  }
  var lower = 0.0
  if !lowerIsZero {
    let l = scoreConfidenceLimit(near: t, far: -b, step: 0.25) { statistic($0) < z }
    lower = l <= -b ? 0 : exp(l)
  }
  var upper = Double.infinity
  if !upperIsInfinite {
    let u = scoreConfidenceLimit(near: t, far: b, step: 0.25) { statistic($0) > -z }
    upper = u >= b ? .infinity : exp(u)
  }
  return (lower, upper)
}

/// The score statistic z(ρ) of H₀: p₁/p₂ = ρ (statsmodels'
/// `score_test_proportions_2indep(compare="ratio")`).
///
/// - Parameters:
///   - x1, n1, x2, n2: the counts.
///   - ratio: ρ > 0.
///   - varianceCorrection: multiply the variance by N/(N − 1).
/// - Returns: z, NaN where the constrained variance is 0.
/// - Complexity: O(1).
package func koopmanRiskRatioStatistic(
  x1: Double, n1: Double, x2: Double, n2: Double, ratio r: Double, varianceCorrection: Bool
) -> Double {
  let n = n1 + n2
  let count = x1 + x2
  var p0 = count / n
  var p1 = p0
  if r != 1 {
    let a = n * r
    let b = -(n1 * r + x1 + n2 + x2 * r)
    // The smaller root (−b − √D)/(2a) of a p² + b p + count, as 2·count/(−b + √D).
    p0 = 2 * count / (-b + (b * b - 4 * a * count).squareRoot())
    p1 = p0 * r
  }
  var v = p1 * (1 - p1) / n1 + r * r * p0 * (1 - p0) / n2
  if varianceCorrection { v *= n / (n - 1) }
  return (x1 / n1 - r * (x2 / n2)) / v.squareRoot()
}
