// MiettinenNurminenOddsRatioInterval.swift: the score interval for the odds ratio of two
// independent proportions (Miettinen–Nurminen; statsmodels
// confint_proportions_2indep(compare="odds-ratio", method="score")).
import Distributions
import ResampleCore
import _Platform

/// The Miettinen–Nurminen score interval for the odds ratio θ = [p₁/(1 − p₁)] / [p₂/(1 − p₂)]:
/// every θ that the score test of H₀: odds ratio = θ does not reject at the level.
///
/// The test's z(θ) = [(p̂₁ − p̃₁)/(p̃₁(1 − p̃₁)) − (p̂₂ − p̃₂)/(p̃₂(1 − p̃₂))] / √V(θ) with
/// V = [1/(n₁ p̃₁(1 − p̃₁)) + 1/(n₂ p̃₂(1 − p̃₂))] · N/(N − 1), the constrained maximum-likelihood
/// estimates (p̃₁, p̃₂) with odds ratio θ (the root of a quadratic, in its cancellation-free form),
/// clipped to [1e-10, 1 − 1e-10] as statsmodels does, and N/(N − 1) Miettinen and Nurminen's
/// factor, statsmodels' default `correction=True`. The limits are found by bisection on log θ to
/// the last bit, between θ = e^±300 (statsmodels' `brentq` stops at 2e-12 and needs finite
/// logit limits to bracket the root).
///
/// Zero counts: an estimate of 0 (x₁ = 0 or x₂ = n₂) gives the lower limit 0, an infinite one
/// (x₁ = n₁ or x₂ = 0) the upper limit +∞; an undefined one (0/0: x₁ = x₂ = 0, or x₁ = n₁ and
/// x₂ = n₂) gives [0, +∞]. statsmodels raises a division by zero on all of these.
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
/// References: Miettinen, O. and Nurminen, M. (1985), Comparative analysis of two rates,
/// *Statistics in Medicine* 4, 213–226; Fagerland, M. W., Lydersen, S. and Laake, P. (2017),
/// *Statistical Methods for Contingency Tables*, §4.8.
public func miettinenNurminenOddsRatioInterval(
  x1: Int, n1: Int, x2: Int, n2: Int, level: Double = 0.95, alternative: Alternative = .twoSided,
  varianceCorrection: Bool = true
) throws -> ProportionInterval {
  try scoreInterval(.oddsRatio, x1, n1, x2, n2, level, alternative, varianceCorrection)
}

/// The two limits of the Miettinen–Nurminen odds-ratio interval for the critical value `z`.
/// - Complexity: O(1).
package func miettinenNurminenOddsRatioLimits(
  x1: Double, n1: Double, x2: Double, n2: Double, z: Double, varianceCorrection: Bool = true
) -> (lower: Double, upper: Double) {
  let estimate = (x1 * (n2 - x2)) / ((n1 - x1) * x2)
  if estimate.isNaN { return (0, .infinity) }
  func statistic(_ logOddsRatio: Double) -> Double {
    miettinenNurminenOddsRatioStatistic(
      x1: x1, n1: n1, x2: x2, n2: n2, oddsRatio: exp(logOddsRatio),
      varianceCorrection: varianceCorrection)
  }
  return ratioScoreLimits(
    estimate: estimate,
    fallback: ((x1 + 0.5) * (n2 - x2 + 0.5)) / ((n1 - x1 + 0.5) * (x2 + 0.5)), z: z,
    lowerIsZero: estimate == 0, upperIsInfinite: estimate.isInfinite,
    statistic: statistic)
}

/// The score statistic z(θ) of H₀: odds ratio = θ (statsmodels'
/// `score_test_proportions_2indep(compare="odds-ratio")`).
///
/// - Parameters:
///   - x1, n1, x2, n2: the counts.
///   - oddsRatio: θ > 0.
///   - varianceCorrection: multiply the variance by N/(N − 1).
/// - Returns: z.
/// - Complexity: O(1).
package func miettinenNurminenOddsRatioStatistic(
  x1: Double, n1: Double, x2: Double, n2: Double, oddsRatio theta: Double,
  varianceCorrection: Bool
) -> Double {
  let n = n1 + n2
  let count = x1 + x2
  var p0 = count / n
  var p1 = p0
  if theta != 1 {
    let a = n2 * (theta - 1)
    let b = n1 * theta + n2 - count * (theta - 1)
    let root = (b * b + 4 * a * count).squareRoot()
    // The root (−b + √D)/(2a) of a p² + b p − count, computed without cancellation.
    p0 = b >= 0 ? 2 * count / (b + root) : (-b + root) / (2 * a)
    p1 = p0 * theta / (1 + p0 * (theta - 1))
  }
  let eps = 1e-10
  p0 = min(max(p0, eps), 1 - eps)
  p1 = min(max(p1, eps), 1 - eps)
  var v = 1 / (p1 * (1 - p1) * n1) + 1 / (p0 * (1 - p0) * n2)
  if varianceCorrection { v *= n / (n - 1) }
  let d = (x1 / n1 - p1) / (p1 * (1 - p1)) - (x2 / n2 - p0) / (p0 * (1 - p0))
  return d / v.squareRoot()
}
