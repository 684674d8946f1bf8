// MantelHaenszelOddsRatio.swift: the Mantel–Haenszel common odds ratio of a 2×2×K table with
// the Robins–Breslow–Greenland confidence interval (R's mantelhaen.test estimate and conf.int).
import Distributions
import ResampleCore
import _Platform

/// The Mantel–Haenszel estimate of a common odds ratio and its interval.
public struct MantelHaenszelOddsRatio: Sendable, Equatable {
  /// Σ aₖdₖ/nₖ / Σ bₖcₖ/nₖ (+∞ when every bₖcₖ = 0, NaN when both sums are 0).
  public var estimate: Double
  /// The Robins–Breslow–Greenland standard error of log(``estimate``).
  public var logStandardError: Double
  /// estimate · exp(∓ z₁₋α/₂ · SE): the two-sided interval at ``level``; one-sided
  /// [0, estimate · exp(z₁₋α · SE)] (`less`) or [estimate · exp(−z₁₋α · SE), ∞) (`greater`).
  public var lower: Double
  public var upper: Double
  /// The confidence level.
  public var level: Double
}

/// The Mantel–Haenszel common odds ratio with the Robins, Breslow & Greenland (1986) variance of
/// its logarithm, computed as R's `mantelhaen.test` (its `estimate` and two-sided `conf.int`).
///
/// With Pₖ = (aₖ + dₖ)/nₖ, Qₖ = (bₖ + cₖ)/nₖ, Rₖ = aₖdₖ/nₖ, Sₖ = bₖcₖ/nₖ, R = ΣRₖ, S = ΣSₖ:
/// Var log θ̂ = ΣPₖRₖ/(2R²) + Σ(PₖSₖ + QₖRₖ)/(2RS) + ΣQₖSₖ/(2S²).
///
/// - Parameters:
///   - table: a 2×2×K table.
///   - level: the confidence level, in (0, 1).
///   - alternative: two-sided (default) or a one-sided interval, as R's `alternative =`.
/// - Returns: the estimate, the standard error of its log and the interval.
/// - Throws: `InputError` unless the strata are 2×2 and the level is in (0, 1).
/// - Complexity: O(K).
///
/// References: Mantel, N. and Haenszel, W. (1959), *JNCI* 22, 719–748; Robins, J., Breslow, N.
/// and Greenland, S. (1986), Estimators of the Mantel–Haenszel variance consistent in both sparse
/// data and large-strata limiting models, *Biometrics* 42, 311–323.
public func mantelHaenszelOddsRatio(
  _ table: StratifiedTable, level: Double = 0.95, alternative: Alternative = .twoSided
) throws -> MantelHaenszelOddsRatio {
  try require2x2(table, "the Mantel–Haenszel odds ratio")
  try InputError.requireLevel(level)
  var r = 0.0
  var s = 0.0
  var pr = 0.0
  var psqr = 0.0
  var qs = 0.0
  for t in table.strata {
    let n = Double(t.total)
    let a = Double(t[0, 0])
    let b = Double(t[0, 1])
    let c = Double(t[1, 0])
    let d = Double(t[1, 1])
    let rk = a * d / n
    let sk = b * c / n
    let pk = (a + d) / n
    let qk = (b + c) / n
    r += rk
    s += sk
    pr += pk * rk
    psqr += pk * sk + qk * rk
    qs += qk * sk
  }
  let estimate = r / s
  let se = (pr / (2 * r * r) + psqr / (2 * r * s) + qs / (2 * s * s)).squareRoot()
  let z = Normal.standard.quantile(alternative == .twoSided ? (1 + level) / 2 : level)
  return MantelHaenszelOddsRatio(
    estimate: estimate, logStandardError: se,
    lower: alternative == .less ? 0 : estimate * exp(-z * se),
    upper: alternative == .greater ? .infinity : estimate * exp(z * se), level: level)
}
