// MiettinenNurminenInterval.swift: the Miettinen–Nurminen score interval for the difference of
// two independent proportions (statsmodels confint_proportions_2indep(method="score")).
import Distributions
import ResampleCore
import _Platform

/// The Miettinen–Nurminen score interval for p₁ − p₂: every δ that the score test of
/// H₀: p₁ − p₂ = δ does not reject at the level.
///
/// The test's z(δ) = (p̂₁ − p̂₂ − δ) / √V(δ) uses the maximum-likelihood estimates (p̃₁, p̃₂) under
/// the constraint p̃₁ − p̃₂ = δ (the closed-form root of Miettinen and Nurminen's cubic, in
/// Farrington and Manning's trigonometric form) and
/// V = [p̃₁(1 − p̃₁)/n₁ + p̃₂(1 − p̃₂)/n₂] · N/(N − 1), N = n₁ + n₂: Miettinen and Nurminen's
/// small-sample factor N/(N − 1), statsmodels' default `correction=True`
/// (`varianceCorrection: false` drops it, giving Mee's 1984 interval). The limits are found by
/// bisection to the last bit.
///
/// statsmodels 0.15's `confint_proportions_2indep(method="score")` differs in two ways, both
/// its bugs: the cubic's linear coefficient has x₂ where n₂ belongs (statsmodels#10269, open fix
/// #10270), so its constrained estimates do not maximize the likelihood and its limits are off
/// (by up to 0.034 on the fixture); and its root bracket, taken from the Wald interval, often
/// misses the root (31/50 vs 21/49 raises). This interval is statsmodels' with the fix, checked
/// against an independent solution of the constrained likelihood
/// equations (`Tests/Fixtures/proportions/score_intervals.py`). When p̂₁ − p̂₂ = ±1 that end of
/// the interval is ±1; the constrained estimates are kept in the feasible range.
///
/// - Parameters:
///   - x1, n1: successes and trials of group 1 (0 ≤ x1 ≤ n1, n1 ≥ 1).
///   - x2, n2: successes and trials of group 2.
///   - level: confidence level in (0, 1).
///   - alternative: two-sided, or one-sided (`less`: [−1, upper], `greater`: [lower, 1], the
///     limit from z = Φ⁻¹(level)).
///   - varianceCorrection: Miettinen and Nurminen's N/(N − 1) (default, statsmodels').
/// - Returns: the interval.
/// - Throws: `InputError` for counts or level out of range.
/// - Complexity: O(1): about 130 evaluations of the statistic.
///
/// References: Miettinen, O. and Nurminen, M. (1985), Comparative analysis of two rates,
/// *Statistics in Medicine* 4, 213–226; Farrington, C. P. and Manning, G. (1990), *Statistics in
/// Medicine* 9, 1447–1454; Fagerland, M. W., Lydersen, S. and Laake, P. (2015), Recommended
/// confidence intervals for two independent binomial proportions, *Statistical Methods in
/// Medical Research* 24, 224–254.
public func miettinenNurminenInterval(
  x1: Int, n1: Int, x2: Int, n2: Int, level: Double = 0.95, alternative: Alternative = .twoSided,
  varianceCorrection: Bool = true
) throws -> ProportionInterval {
  try scoreInterval(.difference, x1, n1, x2, n2, level, alternative, varianceCorrection)
}

/// The two limits of the Miettinen–Nurminen interval for the critical value `z`.
/// - Complexity: O(1).
package func miettinenNurminenLimits(
  x1: Double, n1: Double, x2: Double, n2: Double, z: Double, varianceCorrection: Bool = true
) -> (lower: Double, upper: Double) {
  let d = x1 / n1 - x2 / n2
  func statistic(_ delta: Double) -> Double {
    miettinenNurminenStatistic(
      x1: x1, n1: n1, x2: x2, n2: n2, delta: delta, varianceCorrection: varianceCorrection)
  }
  let lower = scoreConfidenceLimit(near: d, far: -1) { statistic($0) < z }
  let upper = scoreConfidenceLimit(near: d, far: 1) { statistic($0) > -z }
  return (lower, upper)
}

/// The Miettinen–Nurminen score statistic z(δ) of H₀: p₁ − p₂ = δ (statsmodels'
/// `score_test_proportions_2indep(compare="diff")`).
///
/// - Parameters:
///   - x1, n1, x2, n2: the counts.
///   - delta: δ in (−1, 1).
///   - varianceCorrection: multiply the variance by N/(N − 1).
/// - Returns: z, NaN where the constrained variance is 0.
/// - Complexity: O(1).
package func miettinenNurminenStatistic(
  x1: Double, n1: Double, x2: Double, n2: Double, delta: Double, varianceCorrection: Bool
) -> Double {
  let n = n1 + n2
  let count = x1 + x2
  var p0 = count / n
  var p1 = p0
  if delta != 0 {
    // Group 2 is index 0 in Miettinen and Nurminen's notation (statsmodels' too).
    let tmp3 = n
    let tmp2 = (n1 + 2 * n2) * delta - n - count
    // n₂δ here: statsmodels 0.15 writes x₂δ (statsmodels#10269, fixed by its PR #10270).
    let tmp1 = (n2 * delta - n - 2 * x2) * delta + count
    let tmp0 = x2 * delta * (1 - delta)
    let u = tmp2 / (3 * tmp3)
    let q = u * u * u - tmp1 * tmp2 / (6 * tmp3 * tmp3) + tmp0 / (2 * tmp3)
    let p = (q > 0 ? 1.0 : q < 0 ? -1.0 : 0.0) * (u * u - tmp1 / (3 * tmp3)).squareRoot()
    let ratio = p == 0 ? 0 : min(1, max(-1, q / (p * p * p)))
    let a = (Double.pi + acos(ratio)) / 3
    // The closed form can leave [0, 1] when a count is 0 (statsmodels' does, e.g. p̃₁ < 0 for
    // 0/10 vs 0/10 and δ < 0); the likelihood is then largest at the nearest feasible point.
    p0 = min(max(2 * p * cos(a) - u, max(0, -delta)), min(1, 1 - delta))
    p1 = p0 + delta
  }
  var v = p1 * (1 - p1) / n1 + p0 * (1 - p0) / n2
  if varianceCorrection { v *= n / (n - 1) }
  return (x1 / n1 - x2 / n2 - delta) / v.squareRoot()
}
