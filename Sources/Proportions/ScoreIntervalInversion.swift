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

/// The checks and the critical value z₁₋α (two-sided: z₁₋α/₂) the three score intervals of two
/// proportions start from.
///
/// - Throws: `InputError` for counts outside 0 ≤ x ≤ n, n ≥ 1, or a level outside (0, 1).
/// - Complexity: O(1).
func scoreIntervalCriticalValue(
  x1: Int, n1: Int, x2: Int, n2: Int, level: Double, alternative: Alternative
) throws -> Double {
  try validateCounts(x1, n1, "x1", "n1")
  try validateCounts(x2, n2, "x2", "n2")
  try InputError.requireLevel(level)
  return Normal.standard.quantile(1 - tailProbability(level: level, alternative: alternative))
}
