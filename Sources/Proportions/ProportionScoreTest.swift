// ProportionScoreTest.swift: the score (Wilson) test of a proportion against p0 (R's prop.test).
import Distributions
import ResampleCore
import _Platform

/// The score test of H₀: p = p₀ for x successes in n trials, as R's
/// `prop.test(x, n, p, correct =)`: X² = (|x − n·p₀| − c)² / (n·p₀(1 − p₀)) with the continuity
/// correction c = min(½, |x − n·p₀|) when `corrected`, else 0.
///
/// Two-sided p is the χ²(1) upper tail of X²; one-sided p is Φ(z) (`less`) or 1 − Φ(z)
/// (`greater`) for z = sign(x/n − p₀)·√X², as R.
///
/// - Parameters:
///   - successes: x, in 0...n.
///   - trials: n ≥ 1.
///   - probability: p₀, in (0, 1).
///   - alternative: the alternative hypothesis.
///   - corrected: apply the continuity correction (R's default `correct = TRUE`).
/// - Returns: X² and its p-value.
/// - Throws: `InputError` for counts out of range or p₀ outside (0, 1).
/// - Complexity: O(1).
///
/// References: Wilson, E. B. (1927), *JASA* 22, 209–212; R Core Team, `prop.test` (stats
/// package); Agresti, A. (2013), *Categorical Data Analysis*, 3rd ed., §1.4.
public func proportionScoreTest(
  successes x: Int, trials n: Int, probability p0: Double, alternative: Alternative = .twoSided,
  corrected: Bool
) throws -> ChiSquaredStatistic {
  try validateCounts(x, n, "x", "n")
  guard p0 > 0, p0 < 1 else {
    throw InputError.invalidParameter(
      name: "p0", value: "\(p0)", expected: "a probability strictly between 0 and 1")
  }
  let nd = Double(n)
  let deviation = Double(x) - nd * p0
  let c = corrected ? min(0.5, abs(deviation)) : 0
  let d = abs(deviation) - c
  let statistic = d * d / (nd * p0 * (1 - p0))
  switch alternative {
  case .twoSided:
    let chi1 = try ChiSquared(degreesOfFreedom: 1)
    return ChiSquaredStatistic(statistic: statistic, pValue: chi1.sf(statistic))
  case .less, .greater:
    let estimate = Double(x) / nd
    let sign: Double = estimate > p0 ? 1 : estimate < p0 ? -1 : 0
    return ChiSquaredStatistic(
      statistic: statistic,
      pValue: sidedNormalP(sign * statistic.squareRoot(), alternative: alternative))
  }
}
