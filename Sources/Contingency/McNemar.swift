// McNemar.swift: McNemar's test for paired proportions (asymptotic and exact binomial).
import Distributions
import Foundation
import ResampleCore

/// The result of McNemar's test on a paired 2×2 table `[[a, b], [c, d]]`.
public struct McNemarResult: Sendable, Equatable {
  /// The χ² statistic (1 df).
  ///
  /// (|b − c| − 1)² / (b + c) with the continuity correction, (b − c)² / (b + c) without;
  /// NaN when b + c = 0 (R's behaviour).
  public var statistic: Double
  /// Upper-tail χ²(1) p-value of ``statistic``.
  public var pValue: Double
  /// The correction applied: R applies it only when b ≠ c.
  public var correction: ContinuityCorrection
  /// The exact binomial p-value for ``exactAlternative`` (two-sided by default).
  ///
  /// Two-sided: min(1, 2 P(X ≤ min(b, c))) for X ~ Binomial(b + c, 1/2)
  /// (R's `binom.test(b, b + c)`); 1 when b + c = 0. One-sided (``exactAlternative``): P(X ≤ b)
  /// for `less`, P(X ≥ b) for `greater` (R's `binom.test(b, b + c, alternative =)`).
  public var exactPValue: Double
  /// The discordant counts b (row 1, column 2) and c (row 2, column 1).
  public var discordant: (b: Int, c: Int) { (b, c) }
  let b: Int
  let c: Int
  /// Diagnostics: no or few discordant pairs.
  public var warnings: [TableWarning]
  /// The alternative of ``exactPValue``, about b/(b + c) against ½.
  ///
  /// `less`: b is the smaller count under the alternative. The χ² ``pValue`` is two-sided (R's `mcnemar.test` has no
  /// one-sided form).
  public var exactAlternative: Alternative = .twoSided
}

/// McNemar's test of marginal homogeneity for paired binary outcomes, as R's `mcnemar.test`
/// (continuity correction on by default), with the exact binomial (conditional) p-value.
///
/// - Parameters:
///   - table: the 2×2 table of paired outcomes (rows: first measurement, columns: second).
///   - correction: `.yates` (default, R's `correct = TRUE`) or `.none`.
///   - alternative: the alternative of the exact p-value: two-sided (default), or `less`/`greater`
///     for b/(b + c) below or above ½.
/// - Returns: the statistic, asymptotic and exact p-values.
/// - Throws: `InputError.invalidData` unless the table is 2×2.
/// - Complexity: O(min(b, c)).
///
/// References: McNemar, Q. (1947), Note on the sampling error of the difference between
/// correlated proportions or percentages, *Psychometrika* 12, 153–157; Edwards, A. L. (1948)
/// (continuity correction).
public func mcNemarTest(
  _ table: ContingencyTable, correction: ContinuityCorrection = .yates,
  alternative: Alternative = .twoSided
)
  throws -> McNemarResult
{
  guard table.rowCount == 2 && table.columnCount == 2 else {
    throw InputError.invalidData(
      source: "table",
      reason: "McNemar's test needs a 2×2 table (got \(table.rowCount)×\(table.columnCount))")
  }
  let b = table[0, 1]
  let c = table[1, 0]
  let n = b + c
  var applied = ContinuityCorrection.none
  let statistic: Double
  if correction == .yates && b != c {
    applied = .yates
    let d = Double(abs(b - c)) - 1
    statistic = d * d / Double(n)
  } else {
    let d = Double(b - c)
    statistic = d * d / Double(n)  // 0/0 = NaN when b + c = 0, as R
  }
  let chi2 = try ChiSquared(degreesOfFreedom: 1)
  var exact = 1.0
  if n > 0 {
    let binomial = try Binomial(trials: n, probability: 0.5)
    switch alternative {
    case .twoSided: exact = min(1, 2 * binomial.cdf(min(b, c)))
    case .less: exact = binomial.cdf(b)
    case .greater: exact = b == 0 ? 1 : binomial.sf(b - 1)
    }
  }
  var warnings: [TableWarning] = []
  if n == 0 {
    warnings.append(.noDiscordantPairs)
  } else if n < 10 {
    warnings.append(.fewDiscordantPairs(n))
  }
  return McNemarResult(
    statistic: statistic, pValue: upperTail(chi2, statistic), correction: applied,
    exactPValue: exact, b: b, c: c, warnings: warnings, exactAlternative: alternative)
}

/// The exact two-sided McNemar p-value `min(1, 2·P(Bin(b + c, ½) ≤ min(b, c)))` from a table of
/// log-factorials: the batch path of ``mcNemarTest(_:correction:)``'s ``McNemarResult/exactPValue``
/// for enumerations of many paired tables with the same number of respondents.
///
/// - Parameters:
///   - b: discordant pairs yes/no; - c: discordant pairs no/yes.
///   - logFactorial: `log k!` for k in `0...(b + c)` at least
///     (``SpecialFunctions/logFactorialTable(through:)``).
/// - Returns: 1 when b + c = 0.
/// - Complexity: O(min(b, c)).
package func mcNemarExactPValue(b: Int, c: Int, logFactorial lf: [Double]) -> Double {
  let m = b + c
  if m == 0 { return 1 }
  let lo = min(b, c)
  let log2 = log(2.0) * Double(m)
  var sum = 0.0
  for j in 0...lo { sum += exp(lf[m] - lf[j] - lf[m - j] - log2) }
  return min(1, 2 * sum)
}
