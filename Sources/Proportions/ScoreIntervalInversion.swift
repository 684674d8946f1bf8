// ScoreIntervalInversion.swift: a confidence limit as the edge of the set of parameter values a
// score test accepts, found by bisection to the last bit.
import Distributions
import ResampleCore

/// The confidence limit between `near` (a parameter value the test accepts, typically the
/// estimate) and `far` (the parameter's bound, or a value it rejects): the edge of the accepted
/// set, by bisection until the two ends are adjacent doubles.
///
/// Neither end is evaluated, so the statistic may be undefined at the estimate itself (0/0 when
/// both proportions are 0 or 1) or at the bound. A value whose statistic is NaN counts as
/// rejected, so the bisection moves away from it towards `near`.
///
/// With `step`, the search first walks out from `near` by step, 2·step, 4·step, … until a value
/// is rejected (or `far` is reached), then bisects between the last accepted and the first
/// rejected value: a statistic that is garbage far from the estimate (the constrained estimates
/// of an odds ratio near e^±300 lose every digit) cannot then pass for an accepted value.
///
/// - Parameters:
///   - near: an accepted value.
///   - far: the end of the search; returned when every value up to it is accepted.
///   - step: the first step of the outward walk (positive), or nil to bisect [near, far] at once.
///   - accepts: whether the score test accepts a parameter value (|z| within the critical value).
/// - Returns: the last accepted value, within one ulp of the edge of the accepted set (`near`
///   itself when `near == far`).
/// - Complexity: O(number of doubles' bits between the ends) evaluations, at most ~2,100.
package func scoreConfidenceLimit(
  near: Double, far: Double, step: Double? = nil, accepts: (Double) -> Bool
) -> Double {
  var a = near
  var b = far
  if var h = step {
    let direction: Double = far > near ? 1 : -1
    while true {
      let x = a + direction * h
      if direction * (x - far) >= 0 { break }
      if !accepts(x) {
        b = x
        break
      }
      a = x
      h *= 2
    }
  }
  for _ in 0..<2_200 {
    let m = a + (b - a) / 2
    if m == a || m == b { break }
    if accepts(m) { a = m } else { b = m }
  }
  return a
}

/// The parameter of two proportions a score interval is for.
enum ScoreIntervalParameter {
  /// p₁ − p₂ (``miettinenNurminenInterval(x1:n1:x2:n2:level:alternative:varianceCorrection:)``),
  /// in [−1, 1].
  case difference
  /// p₁/p₂ (``koopmanRiskRatioInterval(x1:n1:x2:n2:level:alternative:varianceCorrection:)``), in
  /// [0, +∞].
  case riskRatio
  /// The odds ratio
  /// (``miettinenNurminenOddsRatioInterval(x1:n1:x2:n2:level:alternative:varianceCorrection:)``),
  /// in [0, +∞].
  case oddsRatio
}

/// A score interval of two proportions: the counts and level checked, the limits found at the
/// critical value z₁₋α (two-sided: z₁₋α/₂), and a one-sided interval run out to the end of the
/// parameter's range.
///
/// - Parameters:
///   - parameter: the difference, risk ratio or odds ratio.
///   - x1, n1, x2, n2, level, alternative, varianceCorrection: as the public interval functions.
/// - Throws: `InputError` for counts outside 0 ≤ x ≤ n, n ≥ 1, or a level outside (0, 1).
/// - Complexity: O(1): about 130 evaluations of the statistic.
func scoreInterval(
  _ parameter: ScoreIntervalParameter, _ x1: Int, _ n1: Int, _ x2: Int, _ n2: Int,
  _ level: Double, _ alternative: Alternative, _ varianceCorrection: Bool
) throws -> ProportionInterval {
  try validateCounts(x1, n1, "x1", "n1")
  try validateCounts(x2, n2, "x2", "n2")
  try InputError.requireLevel(level)
  let z = Normal.standard.quantile(1 - tailProbability(level: level, alternative: alternative))
  let (a, b, c, d) = (Double(x1), Double(n1), Double(x2), Double(n2))
  let limits: (lower: Double, upper: Double)
  let lowest: Double
  let highest: Double
  switch parameter {
  case .difference:
    limits = miettinenNurminenLimits(
      x1: a, n1: b, x2: c, n2: d, z: z, varianceCorrection: varianceCorrection)
    (lowest, highest) = (-1, 1)
  case .riskRatio:
    limits = koopmanRiskRatioLimits(
      x1: a, n1: b, x2: c, n2: d, z: z, varianceCorrection: varianceCorrection)
    (lowest, highest) = (0, .infinity)
  case .oddsRatio:
    limits = miettinenNurminenOddsRatioLimits(
      x1: a, n1: b, x2: c, n2: d, z: z, varianceCorrection: varianceCorrection)
    (lowest, highest) = (0, .infinity)
  }
  return ProportionInterval(lower: limits.lower, upper: limits.upper, level: level)
    .sided(alternative, lowest: lowest, highest: highest)
}
