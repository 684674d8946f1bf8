// CochranMantelHaenszel.swift: the Cochran–Mantel–Haenszel χ² test of conditional independence
// in 2×2×K tables, with R's continuity correction (mantelhaen.test).
import Distributions
import ResampleCore
import _Platform

/// The result of the Cochran–Mantel–Haenszel test on a 2×2×K table.
public struct MantelHaenszelTestResult: Sendable, Equatable {
  /// The χ² statistic on 1 df.
  ///
  /// (|Σ(aₖ − E aₖ)| − ½)² / Σ Var aₖ with the correction, without the ½ when it is off; NaN
  /// when every stratum has a zero margin (variance 0, as R).
  public var statistic: Double
  /// 1.
  public var degreesOfFreedom: Int { 1 }
  /// The p-value: upper-tail χ²(1) for two-sided; for one-sided, Φ(z) (`less`) or 1 − Φ(z)
  /// (`greater`) with z = sign(Σ(aₖ − E aₖ))·√statistic, as R.
  public var pValue: Double
  /// The correction applied: R applies the ½ only when |Σ(aₖ − E aₖ)| ≥ ½.
  public var correction: ContinuityCorrection
  /// Σ(aₖ − E aₖ): observed minus expected top-left counts (its sign gives the direction).
  public var difference: Double
  /// The alternative: the common odds ratio ≠ 1, < 1 (`less`) or > 1 (`greater`).
  public var alternative: Alternative = .twoSided
}

/// The Cochran–Mantel–Haenszel test that the odds ratio is 1 in every stratum of a 2×2×K table,
/// exactly as R's `mantelhaen.test(x, correct =)`: with aₖ the top-left count, E aₖ = n₁ₖm₁ₖ/nₖ
/// and Var aₖ = n₁ₖn₂ₖm₁ₖm₂ₖ/(nₖ²(nₖ − 1)), the statistic is (|Σ(aₖ − E aₖ)| − ½)²/Σ Var aₖ.
///
/// - Parameters:
///   - table: a 2×2×K table.
///   - correction: `.yates` (R's default `correct = TRUE`) or `.none`.
///   - alternative: two-sided (default), or `less`/`greater` for a common odds ratio below or
///     above 1 (R's `alternative =`).
/// - Returns: the statistic and its p-value.
/// - Throws: `InputError.invalidData` unless the strata are 2×2.
/// - Complexity: O(K).
///
/// References: Cochran, W. G. (1954), Some methods for strengthening the common χ² tests,
/// *Biometrics* 10, 417–451; Mantel, N. and Haenszel, W. (1959), Statistical aspects of the
/// analysis of data from retrospective studies of disease, *JNCI* 22, 719–748; Agresti, A. (2013),
/// *Categorical Data Analysis*, 3rd ed., §6.4.
public func mantelHaenszelTest(
  _ table: StratifiedTable, correction: ContinuityCorrection = .yates,
  alternative: Alternative = .twoSided
) throws -> MantelHaenszelTestResult {
  try require2x2(table, "the Mantel–Haenszel test")
  var delta = 0.0
  var variance = 0.0
  for s in table.strata {
    let n = Double(s.total)
    let n1 = Double(s.rowSums[0])
    let n2 = Double(s.rowSums[1])
    let m1 = Double(s.columnSums[0])
    let m2 = Double(s.columnSums[1])
    delta += Double(s[0, 0]) - n1 * m1 / n
    variance += n1 * n2 * m1 * m2 / (n * n * (n - 1))
  }
  let yates = correction == .yates && abs(delta) >= 0.5
  let d = abs(delta) - (yates ? 0.5 : 0)
  let statistic = d * d / variance
  var p = Double.nan
  if !statistic.isNaN {
    switch alternative {
    case .twoSided: p = try ChiSquared(degreesOfFreedom: 1).sf(statistic)
    case .less, .greater:
      let z = (delta < 0 ? -1 : delta > 0 ? 1 : 0) * statistic.squareRoot()
      p = alternative == .less ? Normal.standard.cdf(z) : Normal.standard.sf(z)
    }
  }
  return MantelHaenszelTestResult(
    statistic: statistic, pValue: p, correction: yates ? .yates : .none, difference: delta,
    alternative: alternative)
}

/// Throws unless every stratum is 2×2.
func require2x2(_ table: StratifiedTable, _ what: String) throws {
  guard table.rowCount == 2 && table.columnCount == 2 else {
    throw InputError.invalidData(
      source: "tables",
      reason: "\(what) needs 2×2 strata (got \(table.rowCount)×\(table.columnCount)); "
        + "use the generalized CMH statistics for larger tables")
  }
}
