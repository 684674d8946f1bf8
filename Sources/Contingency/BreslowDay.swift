// BreslowDay.swift: the Breslow–Day test of a common odds ratio across the strata of a 2×2×K
// table, with Tarone's adjustment.
import Distributions
import ResampleCore
import _Platform

/// The result of the Breslow–Day test of homogeneous odds ratios.
public struct BreslowDayResult: Sendable, Equatable {
  /// Σ (aₖ − Eₖ)²/Vₖ, with Eₖ the top-left count expected at the Mantel–Haenszel odds ratio.
  public var statistic: Double
  /// ``statistic`` − (Σ aₖ − Σ Eₖ)²/Σ Vₖ (Tarone 1985).
  public var taroneStatistic: Double
  /// K′ − 1 for the K′ strata used.
  public var degreesOfFreedom: Int
  /// Upper-tail χ² p-values of the two statistics.
  public var pValue: Double
  public var taronePValue: Double
  /// The common odds ratio tested (the Mantel–Haenszel estimate).
  public var oddsRatio: Double
  /// 0-based indices of strata left out because a margin is zero (one possible table: no
  /// information on the odds ratio, aₖ = Eₖ with variance 0).
  public var strataLeftOut: [Int]
}

/// The Breslow–Day test that a 2×2×K table has one odds ratio in every stratum, at the
/// Mantel–Haenszel estimate θ̂, with and without Tarone's correction (statsmodels'
/// `StratifiedTable.test_equal_odds(adjust=False/True)`; SAS's PROC FREQ `BDT`).
///
/// Eₖ solves Eₖ(n₂ₖ − m₁ₖ + Eₖ) = θ̂ (n₁ₖ − Eₖ)(m₁ₖ − Eₖ) inside the support of aₖ, and
/// Vₖ = 1/(1/Eₖ + 1/(n₁ₖ − Eₖ) + 1/(m₁ₖ − Eₖ) + 1/(n₂ₖ − m₁ₖ + Eₖ)).
///
/// - Parameter table: a 2×2×K table.
/// - Returns: both statistics on K′ − 1 df, where K′ counts the strata with four positive margins;
///   strata with a zero margin are left out and listed (statsmodels gives NaN for them).
/// - Throws: `InputError` unless the strata are 2×2, or when fewer than 2 strata have positive
///   margins, or when the Mantel–Haenszel estimate is 0 or infinite (no finite common odds ratio to
///   test).
/// - Complexity: O(K).
///
/// References: Breslow, N. E. and Day, N. E. (1980), *Statistical Methods in Cancer Research I*,
/// IARC, §4.4; Tarone, R. E. (1985), On heterogeneity tests based on efficient scores,
/// *Biometrika* 72, 91–95.
public func breslowDayTest(_ table: StratifiedTable) throws -> BreslowDayResult {
  try require2x2(table, "the Breslow–Day test")
  let theta = try mantelHaenszelOddsRatio(table).estimate
  guard theta > 0 && theta.isFinite else {
    throw InputError.invalidData(
      source: "tables",
      reason: "the Mantel–Haenszel odds ratio is \(theta): no finite common odds ratio to test "
        + "homogeneity against")
  }
  var used: [ContingencyTable] = []
  var leftOut: [Int] = []
  for (k, s) in table.strata.enumerated() {
    if s.rowSums.contains(0) || s.columnSums.contains(0) {
      leftOut.append(k)
    } else {
      used.append(s)
    }
  }
  guard used.count >= 2 else {
    throw InputError.invalidData(
      source: "tables",
      reason: "the Breslow–Day test needs at least 2 strata whose margins are all positive "
        + "(got \(used.count))")
  }
  var bd = 0.0
  var sumA = 0.0
  var sumE = 0.0
  var sumV = 0.0
  for s in used {
    let n1 = Double(s.rowSums[0])
    let n2 = Double(s.rowSums[1])
    let m1 = Double(s.columnSums[0])
    let e = expectedTopLeft(n1: n1, n2: n2, m1: m1, oddsRatio: theta)
    let v = 1 / (1 / e + 1 / (n1 - e) + 1 / (m1 - e) + 1 / (n2 - m1 + e))
    let a = Double(s[0, 0])
    bd += (a - e) * (a - e) / v
    sumA += a
    sumE += e
    sumV += v
  }
  let tarone = bd - (sumA - sumE) * (sumA - sumE) / sumV
  let chi = try ChiSquared(degreesOfFreedom: Double(used.count - 1))
  return BreslowDayResult(
    statistic: bd, taroneStatistic: tarone, degreesOfFreedom: used.count - 1,
    pValue: chi.sf(bd), taronePValue: chi.sf(tarone), oddsRatio: theta, strataLeftOut: leftOut)
}

/// The top-left count E of a 2×2 table with row totals n₁, n₂ and first-column total m₁ whose
/// odds ratio E(n₂ − m₁ + E)/((n₁ − E)(m₁ − E)) is `oddsRatio`: the root of
/// (1 − θ)E² + (n₂ − m₁ + θ(n₁ + m₁))E − θn₁m₁ inside [max(0, m₁ − n₂), min(n₁, m₁)], by the
/// stable quadratic formula and two Newton steps.
func expectedTopLeft(n1: Double, n2: Double, m1: Double, oddsRatio theta: Double) -> Double {
  let lo = max(0, m1 - n2)
  let hi = min(n1, m1)
  let a = 1 - theta
  let b = n2 - m1 + theta * (n1 + m1)
  let c = -theta * n1 * m1
  var e: Double
  if a == 0 {
    e = -c / b
  } else {
    let disc = max(0, b * b - 4 * a * c)
    let q = -0.5 * (b + (b < 0 ? -disc.squareRoot() : disc.squareRoot()))
    let r1 = q / a
    let r2 = c / q
    let slack = 1e-9 * max(1, hi)
    e = (r1 >= lo - slack && r1 <= hi + slack) ? r1 : r2
  }
  for _ in 0..<2 {
    let g = (a * e + b) * e + c
    let slope = 2 * a * e + b
    guard slope != 0 else { break }
    let next = e - g / slope
    guard next.isFinite else { break }
    e = next
  }
  return min(hi, max(lo, e))
}
