// TwoProportions.swift: comparing two independent proportions: difference intervals, tests,
// and effect sizes.
import Distributions
import ResampleCore
import _Platform

/// A confidence-interval method for the difference p₁ − p₂ of two independent proportions.
public enum DifferenceIntervalMethod: String, Sendable, CaseIterable, Codable {
  /// Newcombe (1998) hybrid score interval (method 10) from the two Wilson intervals.
  case newcombe
  /// Agresti–Caffo (2000): Wald after adding one success and one failure to each group.
  case agrestiCaffo = "agresti_caffo"
  /// Wald: d ± z sqrt(p₁q₁/n₁ + p₂q₂/n₂), clipped to [−1, 1].
  case wald
  /// Wald with R `prop.test`'s continuity correction min(½, |d|/(1/n₁ + 1/n₂)) (1/n₁ + 1/n₂).
  case waldCC = "wald_cc"
  /// Miettinen–Nurminen (1985) score interval with the N/(N − 1) variance factor (statsmodels'
  /// `confint_proportions_2indep(method="score")`); see ``miettinenNurminenInterval(x1:n1:x2:n2:level:alternative:varianceCorrection:)``.
  case miettinenNurminen = "miettinen_nurminen"
}

/// A ratio (risk or odds) with its log-scale Wald interval and its score interval.
public struct RatioEstimate: Sendable, Equatable, Hashable {
  /// The ratio (from the corrected cells when ``zeroCellCorrection``).
  public var estimate: Double
  /// The interval exp(log ratio ± z · SE).
  public var interval: ProportionInterval
  /// True when 0.5 was added to every cell because some cell was zero (Haldane–Anscombe).
  public var zeroCellCorrection: Bool
  /// The score interval from the uncorrected counts, nil when not asked for.
  ///
  /// Koopman's for the risk ratio, Miettinen–Nurminen's for the odds ratio, both with the
  /// N/(N − 1) variance factor (statsmodels' `confint_proportions_2indep(method="score")`); 0 and
  /// +∞ are possible limits. Nil when
  /// ``twoProportions(x1:n1:x2:n2:level:alternative:scoreIntervals:)`` was asked not to compute it.
  public var scoreInterval: ProportionInterval?
}

/// A χ² test statistic with its p-value (1 df).
public struct ChiSquaredStatistic: Sendable, Equatable, Hashable {
  /// The statistic.
  public var statistic: Double
  /// Upper-tail χ²(1) p-value; for a one-sided alternative, the normal tail of
  /// ±√statistic signed by the direction of the estimate (R's `prop.test`).
  public var pValue: Double
}

/// The comparison of two independent proportions x₁/n₁ and x₂/n₂.
public struct TwoProportionResult: Sendable, Equatable {
  /// x₁, n₁, x₂, n₂.
  public var successes1: Int
  public var trials1: Int
  public var successes2: Int
  public var trials2: Int
  /// p̂₁ and p̂₂.
  public var estimate1: Double
  public var estimate2: Double
  /// p̂₁ − p̂₂.
  public var difference: Double
  /// Confidence level.
  public var level: Double
  /// Pooled two-proportion z statistic (p̂₁ − p̂₂)/sqrt(p̄ q̄ (1/n₁ + 1/n₂)); NaN when p̄ is 0 or 1.
  public var zStatistic: Double
  /// Two-sided p-value of ``zStatistic``.
  public var pValue: Double
  /// Difference intervals, one per method.
  public var intervals: [DifferenceIntervalMethod: ProportionInterval]
  /// R `prop.test(x, n)` (with Yates' continuity correction).
  public var propTest: ChiSquaredStatistic
  /// R `prop.test(x, n, correct = FALSE)` (equals z²).
  public var propTestUncorrected: ChiSquaredStatistic
  /// Cohen's h = 2 asin √p̂₁ − 2 asin √p̂₂.
  public var cohensH: Double
  /// Risk ratio p̂₁/p̂₂ with its log-scale interval.
  public var riskRatio: RatioEstimate
  /// Odds ratio (x₁(n₂ − x₂))/((n₁ − x₁)x₂) with its log-scale (Woolf) interval.
  public var oddsRatio: RatioEstimate
  /// Diagnostics (undefined tests when the pooled proportion is 0 or 1, zero-cell corrections).
  public var warnings: [ProportionWarning]
  /// The alternative of the p-values and intervals (`less`: p₁ < p₂, intervals [−1, upper] and
  /// [0, upper]; `greater`: p₁ > p₂, intervals [lower, 1] and [lower, +∞)).
  public var alternative: Alternative = .twoSided
}

/// Compares two independent proportions: the difference with five intervals (Miettinen–Nurminen's
/// score interval among them), the pooled z test,
/// R's `prop.test` χ² with and without continuity correction, Cohen's h, and the risk and odds
/// ratios with log-scale intervals (0.5 added to every cell when any cell is zero) and score
/// intervals (Koopman; Miettinen–Nurminen).
///
/// - Parameters:
///   - x1: successes in group 1, in 0...n1.
///   - n1: trials in group 1, ≥ 1.
///   - x2: successes in group 2, in 0...n2.
///   - n2: trials in group 2, ≥ 1.
///   - level: confidence level in (0, 1).
///   - alternative: two-sided (default), or one-sided as R's `prop.test(alternative =)`: the z
///     test's p is Φ(z) (`less`) or 1 − Φ(z) (`greater`), prop.test's is that of
///     sign(p̂₁ − p̂₂)·√X²; every interval is one-sided at `level` (z = Φ⁻¹(level), the other end
///     −1/+1 for the difference, 0/+∞ for the ratios).
///   - scoreIntervals: compute the score intervals (Miettinen–Nurminen, Koopman), about 400
///     evaluations of their statistics; `false` leaves them out (`intervals` has no
///     `.miettinenNurminen`, the ratios' ``RatioEstimate/scoreInterval`` is nil), for callers that
///     need only the tests, such as simulation studies.
/// - Returns: every statistic; tests are NaN (with a warning) when the pooled proportion is 0 or
///   1, as in R.
/// - Throws: `InputError` for counts or level out of range.
/// - Complexity: O(1).
///
/// References: Newcombe, R. G. (1998), Interval estimation for the difference between
/// independent proportions, *Stat. Med.* 17, 873–890; Agresti, A. and Caffo, B. (2000), *Am.
/// Stat.* 54, 280–288; Cohen, J. (1988), *Statistical Power Analysis*, 2nd ed., §6.2; Woolf,
/// B. (1955), *Ann. Hum. Genet.* 19, 251–253; Katz, D. et al. (1978), *Biometrics* 34, 469–474.
public func twoProportions(
  x1: Int, n1: Int, x2: Int, n2: Int, level: Double = 0.95, alternative: Alternative = .twoSided,
  scoreIntervals: Bool = true
) throws
  -> TwoProportionResult
{
  try validateCounts(x1, n1, "x", "n")
  try validateCounts(x2, n2, "x2", "n2")
  try InputError.requireLevel(level)
  let z = Normal.standard.quantile(alternative == .twoSided ? (1 + level) / 2 : level)
  let (a, b, c, d) = (Double(x1), Double(n1), Double(x2), Double(n2))
  let p1 = a / b
  let p2 = c / d
  let delta = p1 - p2
  var warnings: [ProportionWarning] = []

  var intervals: [DifferenceIntervalMethod: ProportionInterval] = [:]
  intervals[.newcombe] = newcombeHybridScore(x1: a, n1: b, x2: c, n2: d, z: z, level: level)
  // Agresti–Caffo.
  let pt1 = (a + 1) / (b + 2)
  let pt2 = (c + 1) / (d + 2)
  let hAC = z * (pt1 * (1 - pt1) / (b + 2) + pt2 * (1 - pt2) / (d + 2)).squareRoot()
  intervals[.agrestiCaffo] = ProportionInterval(
    lower: clamp(pt1 - pt2 - hAC, -1, 1), upper: clamp(pt1 - pt2 + hAC, -1, 1), level: level)
  // Wald, and Wald with R prop.test's correction.
  let hW = z * (p1 * (1 - p1) / b + p2 * (1 - p2) / d).squareRoot()
  intervals[.wald] = ProportionInterval(
    lower: clamp(delta - hW, -1, 1), upper: clamp(delta + hW, -1, 1), level: level)
  let sumInv = 1 / b + 1 / d
  let yates = min(0.5, abs(delta) / sumInv)
  let width = hW + yates * sumInv
  intervals[.waldCC] = ProportionInterval(
    lower: max(delta - width, -1), upper: min(delta + width, 1), level: level)
  if scoreIntervals {
    let mn = miettinenNurminenLimits(x1: a, n1: b, x2: c, n2: d, z: z)
    intervals[.miettinenNurminen] = ProportionInterval(
      lower: mn.lower, upper: mn.upper, level: level)
  }

  // Tests: pooled z and prop.test's χ² (R: E = n p̄, n (1 − p̄); Yates = min(½, |x − E|)).
  let pooled = (a + c) / (b + d)
  let zStat = delta / (pooled * (1 - pooled) * sumInv).squareRoot()
  let chi1 = try ChiSquared(degreesOfFreedom: 1)
  func propTest(_ correction: Double) -> ChiSquaredStatistic {
    let observed = [a, c, b - a, d - c]
    let expected = [b * pooled, d * pooled, b * (1 - pooled), d * (1 - pooled)]
    var s = 0.0
    for (o, e) in zip(observed, expected) {
      let dev = abs(o - e) - correction
      s += dev * dev / e
    }
    if s.isNaN { return ChiSquaredStatistic(statistic: s, pValue: .nan) }
    switch alternative {
    case .twoSided: return ChiSquaredStatistic(statistic: s, pValue: chi1.sf(s))
    case .less, .greater:
      // R: z = sign(DELTA) √X², p = pnorm(z, lower.tail = alternative == "less").
      let signed = (delta > 0 ? 1.0 : delta < 0 ? -1.0 : 0.0) * s.squareRoot()
      return ChiSquaredStatistic(
        statistic: s, pValue: sidedNormalP(signed, alternative: alternative))
    }
  }
  if pooled == 0 || pooled == 1 {
    warnings.append(.testsUndefined(pooledProportion: pooled))
  }

  // Ratios with the Haldane–Anscombe correction when any cell is zero.
  let zeroCell = x1 == 0 || x1 == n1 || x2 == 0 || x2 == n2
  let h = zeroCell ? 0.5 : 0
  let (ca, cb, cc, cd) = (a + h, b - a + h, c + h, d - c + h)
  let rr = (ca / (ca + cb)) / (cc / (cc + cd))
  let seRR = (1 / ca - 1 / (ca + cb) + 1 / cc - 1 / (cc + cd)).squareRoot()
  let or = (ca * cd) / (cb * cc)
  let seOR = (1 / ca + 1 / cb + 1 / cc + 1 / cd).squareRoot()
  if zeroCell {
    warnings.append(.zeroCellCorrection)
  }
  for (m, ci) in intervals {
    intervals[m] = ci.sided(alternative, lowest: -1, highest: 1)
  }
  /// A ratio with its Wald interval on the log scale, estimate · exp(±z · se).
  func ratio(_ estimate: Double, logSE se: Double, score: (lower: Double, upper: Double)?)
    -> RatioEstimate
  {
    RatioEstimate(
      estimate: estimate,
      interval: ProportionInterval(
        lower: estimate * exp(-z * se), upper: estimate * exp(z * se), level: level
      ).sided(alternative, lowest: 0, highest: .infinity),
      zeroCellCorrection: zeroCell,
      scoreInterval: score.map {
        ProportionInterval(lower: $0.lower, upper: $0.upper, level: level)
          .sided(alternative, lowest: 0, highest: .infinity)
      })
  }
  return TwoProportionResult(
    successes1: x1, trials1: n1, successes2: x2, trials2: n2, estimate1: p1, estimate2: p2,
    difference: delta, level: level, zStatistic: zStat,
    pValue: sidedNormalP(zStat, alternative: alternative),
    intervals: intervals, propTest: propTest(yates), propTestUncorrected: propTest(0),
    cohensH: cohensH(p1, p2),
    riskRatio: ratio(
      rr, logSE: seRR,
      score: scoreIntervals ? koopmanRiskRatioLimits(x1: a, n1: b, x2: c, n2: d, z: z) : nil),
    oddsRatio: ratio(
      or, logSE: seOR,
      score: scoreIntervals
        ? miettinenNurminenOddsRatioLimits(x1: a, n1: b, x2: c, n2: d, z: z) : nil),
    warnings: warnings, alternative: alternative)
}

/// The p-value of a standard normal statistic for `alternative`: 2·P(Z ≥ |z|), P(Z ≤ z) or
/// P(Z ≥ z); NaN for NaN.
/// - Complexity: O(1).
package func sidedNormalP(_ z: Double, alternative: Alternative) -> Double {
  if z.isNaN { return .nan }
  switch alternative {
  case .twoSided: return 2 * Normal.standard.sf(abs(z))
  case .less: return Normal.standard.cdf(z)
  case .greater: return Normal.standard.sf(z)
  }
}

/// Newcombe's hybrid score interval (his method 10) for p₁ − p₂ of two independent samples.
///
/// The interval is
/// `[d − √((p₁ − l₁)² + (u₂ − p₂)²), d + √((u₁ − p₁)² + (p₂ − l₂)²)]` from the Wilson limits
/// (l, u) of each proportion (``wilsonScoreLimits(successes:trials:z:continuity:)``), clipped to
/// [−1, 1]. The one Newcombe implementation: ``twoProportions(x1:n1:x2:n2:level:)`` calls it with
/// integer counts, the survey comparison with effective (fractional) counts.
///
/// - Parameters:
///   - x1, n1, x2, n2: successes and trials, 0 ≤ x ≤ n, n > 0 (may be fractional; the caller
///     validates, see ``newcombeInterval(x1:n1:x2:n2:level:)``).
///   - z: z₁₋α/₂ for `level`.
///   - level: the confidence level recorded in the result.
/// - Complexity: O(1).
///
/// Reference: R. G. Newcombe (1998), "Interval estimation for the difference between independent
/// proportions: comparison of eleven methods", *Statistics in Medicine* 17, 873–890.
package func newcombeHybridScore(
  x1: Double, n1: Double, x2: Double, n2: Double, z: Double, level: Double
) -> ProportionInterval {
  let (l1, u1) = wilsonScoreLimits(successes: x1, trials: n1, z: z)
  let (l2, u2) = wilsonScoreLimits(successes: x2, trials: n2, z: z)
  let p1 = x1 / n1
  let p2 = x2 / n2
  let delta = p1 - p2
  let lower = delta - ((p1 - l1) * (p1 - l1) + (u2 - p2) * (u2 - p2)).squareRoot()
  let upper = delta + ((u1 - p1) * (u1 - p1) + (p2 - l2) * (p2 - l2)).squareRoot()
  return ProportionInterval(lower: clamp(lower, -1, 1), upper: clamp(upper, -1, 1), level: level)
}

/// Newcombe's hybrid score interval for p₁ − p₂ with counts that may be fractional (effective
/// counts under a design effect or weights), validated.
///
/// - Throws: `InputError` for sizes ≤ 0 or not finite, counts outside [0, n], or a level outside
///   (0, 1).
/// - Complexity: O(1).
package func newcombeInterval(x1: Double, n1: Double, x2: Double, n2: Double, level: Double)
  throws -> ProportionInterval
{
  try InputError.requireLevel(level)
  for (x, n) in [(x1, n1), (x2, n2)] {
    guard n.isFinite, n > 0, x.isFinite, x >= 0, x <= n else {
      throw InputError.invalidParameter(
        name: "counts", value: "\(x)/\(n)", expected: "0 ≤ x ≤ n and n > 0")
    }
  }
  let z = Normal.standard.quantile((1 + level) / 2)
  return newcombeHybridScore(x1: x1, n1: n1, x2: x2, n2: n2, z: z, level: level)
}

/// Cohen's effect size h = 2·asin√p₁ − 2·asin√p₂ for two proportions (Cohen 1988, §6.2).
/// - Complexity: O(1).
package func cohensH(_ p1: Double, _ p2: Double) -> Double {
  2 * asin(p1.squareRoot()) - 2 * asin(p2.squareRoot())
}
