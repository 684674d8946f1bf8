// OneSampleIntervals.swift: confidence intervals for one binomial proportion.
import Distributions
import ResampleCore
import _Platform

/// A confidence-interval method for one binomial proportion.
public enum ProportionIntervalMethod: String, Sendable, CaseIterable, Codable {
  /// Wilson (1927) score interval (R `prop.test(correct = FALSE)`).
  case wilson
  /// Wilson score interval with continuity correction, exactly as R's `prop.test` (default
  /// `correct = TRUE`); like R, the correction is min(0.5, |x − n/2|), so it vanishes at x = n/2.
  case wilsonCC = "wilson_cc"
  /// Clopper–Pearson (1934) exact interval from beta quantiles (R `binom.test`).
  case clopperPearson = "clopper_pearson"
  /// Agresti–Coull (1998): Wald on (x + z²/2)/(n + z²), clipped to [0, 1].
  case agrestiCoull = "agresti_coull"
  /// Jeffreys: equal-tailed Beta(x + ½, n − x + ½) interval, with lower 0 at x = 0 and upper 1
  /// at x = n (Brown, Cai and DasGupta, 2001).
  case jeffreys
  /// Wald: p̂ ± z sqrt(p̂(1 − p̂)/n), clipped to [0, 1] (degenerate at x = 0 and x = n).
  case wald
}

/// Estimate and intervals for one proportion.
public struct OneProportionResult: Sendable, Equatable {
  /// Successes x.
  public var successes: Int
  /// Trials n.
  public var trials: Int
  /// x / n.
  public var estimate: Double
  /// Confidence level.
  public var level: Double
  /// One interval per method, in ``ProportionIntervalMethod/allCases`` order.
  public var intervals: [ProportionIntervalMethod: ProportionInterval]
  /// Two-sided intervals, or one-sided ones (`less`: [0, upper]; `greater`: [lower, 1]).
  public var alternative: Alternative = .twoSided
}

/// Every one-sample interval of ``ProportionIntervalMethod`` for x successes in n trials.
///
/// - Parameters:
///   - successes: x, in 0...n.
///   - trials: n ≥ 1.
///   - level: confidence level in (0, 1).
///   - alternative: two-sided intervals (default), or one-sided ones at `level` (`less`:
///     [0, upper], `greater`: [lower, 1], as R's `binom.test`/`prop.test` with `alternative`).
/// - Returns: the estimate and the six intervals, all inside [0, 1].
/// - Throws: `InputError` for counts or level out of range.
/// - Complexity: O(1) plus two beta quantiles per exact/Jeffreys limit.
///
/// References: Wilson, E. B. (1927), *JASA* 22, 209–212; Clopper, C. J. and Pearson, E. S.
/// (1934), *Biometrika* 26, 404–413; Agresti, A. and Coull, B. A. (1998), *Am. Stat.* 52,
/// 119–126; Newcombe, R. G. (1998), Two-sided confidence intervals for the single proportion,
/// *Stat. Med.* 17, 857–872; Brown, L. D., Cai, T. T. and DasGupta, A. (2001), Interval
/// estimation for a binomial proportion, *Statistical Science* 16, 101–133.
public func oneProportion(
  successes: Int, trials: Int, level: Double = 0.95, alternative: Alternative = .twoSided
) throws
  -> OneProportionResult
{
  try validateCounts(successes, trials, "x", "n")
  try InputError.requireLevel(level)
  var intervals: [ProportionIntervalMethod: ProportionInterval] = [:]
  for m in ProportionIntervalMethod.allCases {
    intervals[m] = try proportionInterval(
      successes: successes, trials: trials, level: level, method: m, alternative: alternative)
  }
  return OneProportionResult(
    successes: successes, trials: trials, estimate: Double(successes) / Double(trials),
    level: level, intervals: intervals, alternative: alternative)
}

/// One confidence interval for a binomial proportion.
///
/// - Parameters:
///   - successes: x, in 0...n.
///   - trials: n ≥ 1.
///   - level: confidence level in (0, 1).
///   - method: the interval method.
///   - alternative: two-sided (default), or one-sided at `level`: the method's limit with
///     z = Φ⁻¹(level) (beta quantiles at `level`), the other end 0 (`less`) or 1 (`greater`).
/// - Returns: the interval, inside [0, 1].
/// - Throws: `InputError` for counts or level out of range.
public func proportionInterval(
  successes x: Int, trials n: Int, level: Double = 0.95, method: ProportionIntervalMethod,
  alternative: Alternative = .twoSided
) throws -> ProportionInterval {
  try validateCounts(x, n, "x", "n")
  try InputError.requireLevel(level)
  let tail = tailProbability(level: level, alternative: alternative)
  let alpha = 2 * tail
  let z = Normal.standard.quantile(alternative == .twoSided ? (1 + level) / 2 : level)
  let nd = Double(n)
  let xd = Double(x)
  let p = xd / nd
  let lower: Double
  let upper: Double
  switch method {
  case .wilson, .wilsonCC:
    // R prop.test, k = 1, null p = 0.5.
    let yates = method == .wilsonCC ? min(0.5, abs(xd - nd * 0.5)) : 0
    (lower, upper) = wilsonScoreLimits(successes: xd, trials: nd, z: z, continuity: yates)
  case .clopperPearson:
    lower = x == 0 ? 0 : try Beta(alpha: xd, beta: nd - xd + 1).quantile(alpha / 2)
    upper = x == n ? 1 : try Beta(alpha: xd + 1, beta: nd - xd).quantile(1 - alpha / 2)
  case .jeffreys:
    let b = try Beta(alpha: xd + 0.5, beta: nd - xd + 0.5)
    lower = x == 0 ? 0 : b.quantile(alpha / 2)
    upper = x == n ? 1 : b.quantile(1 - alpha / 2)
  case .agrestiCoull:
    let nt = nd + z * z
    let pt = (xd + z * z / 2) / nt
    let h = z * (pt * (1 - pt) / nt).squareRoot()
    lower = clamp(pt - h, 0, 1)
    upper = clamp(pt + h, 0, 1)
  case .wald:
    let h = z * (p * (1 - p) / nd).squareRoot()
    lower = clamp(p - h, 0, 1)
    upper = clamp(p + h, 0, 1)
  }
  return ProportionInterval(lower: lower, upper: upper, level: level)
    .sided(alternative, lowest: 0, highest: 1)
}

/// The Wilson score limits for x of n, as R's `prop.test` (k = 1) computes them: the one Wilson
/// implementation of the package (``proportionInterval(successes:trials:level:method:)``,
/// Newcombe's difference interval, and the survey comparison's effective counts).
///
/// - Parameters:
///   - x: successes, in [0, n] (may be fractional: effective counts under a design effect).
///   - n: trials, > 0 (may be fractional).
///   - z: the standard normal quantile of the level, z₁₋α/₂.
///   - continuity: the continuity correction added to/subtracted from x (0 for plain Wilson;
///     R uses min(0.5, |x − n/2|)).
/// - Returns: the limits, inside [0, 1]; exactly 0 (or 1) when the corrected proportion is at or
///   past the boundary.
/// - Complexity: O(1).
///
/// Reference: E. B. Wilson (1927), "Probable inference, the law of succession, and statistical
/// inference", *JASA* 22, 209–212.
package func wilsonScoreLimits(
  successes x: Double, trials n: Double, z: Double, continuity: Double = 0
)
  -> (lower: Double, upper: Double)
{
  let p = x / n
  let z22n = z * z / (2 * n)
  var pc = p + continuity / n
  let pu =
    pc >= 1
    ? 1
    : (pc + z22n + z * (pc * (1 - pc) / n + z22n / (2 * n)).squareRoot())
      / (1 + 2 * z22n)
  pc = p - continuity / n
  let pl =
    pc <= 0
    ? 0
    : (pc + z22n - z * (pc * (1 - pc) / n + z22n / (2 * n)).squareRoot())
      / (1 + 2 * z22n)
  return (max(pl, 0), min(pu, 1))
}
