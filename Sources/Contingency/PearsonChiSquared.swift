// PearsonChiSquared.swift: Pearson (and Yates) χ², the G-test, residuals and Cramér's V.
import Distributions
import RandomStreams
import ResampleCore
import _Platform

/// A continuity correction for the 2×2 χ² test.
public enum ContinuityCorrection: String, Sendable, CaseIterable, Codable {
  /// Yates (1934): |O − E| is reduced by min(0.5, min |O − E|) before squaring (R, SciPy).
  case yates
  /// No correction.
  case none
}

/// What to do with rows or columns whose total is zero.
public enum EmptyMarginPolicy: String, Sendable, CaseIterable, Codable {
  /// Keep them: expected counts there are 0 and the statistics are NaN, with a warning (R).
  case keep
  /// Drop them and test the remaining table (which must still be at least 2×2).
  case drop
}

/// The result of Pearson's χ² test of independence on an r×c table, with the G-test, residuals,
/// Cramér's V and (optionally) a Monte Carlo p-value.
public struct ChiSquaredTestResult: Sendable, Equatable {
  /// The table tested (without empty margins if they were dropped).
  public var table: ContingencyTable
  /// The statistic of ``powerDivergence`` (Pearson's by default), Yates-corrected when
  /// ``correction`` is `.yates`.
  public var statistic: Double
  /// Degrees of freedom (r − 1)(c − 1).
  public var degreesOfFreedom: Int
  /// Upper-tail χ² p-value of ``statistic``.
  public var pValue: Double
  /// The correction actually applied (Yates only for 2×2 tables, as R and SciPy).
  public var correction: ContinuityCorrection
  /// The uncorrected Pearson statistic Σ (O − E)² / E.
  public var pearsonStatistic: Double
  /// The likelihood-ratio statistic G = 2 Σ O log(O / E), never corrected.
  public var gStatistic: Double
  /// Upper-tail χ² p-value of G.
  public var gPValue: Double
  /// Cramér's V = sqrt(X² / (N (min(r, c) − 1))) from the uncorrected statistic.
  public var cramersV: Double
  /// Expected counts r_i c_j / N, by row.
  public var expected: [[Double]]
  /// Pearson residuals (O − E) / sqrt(E), by row (R's `residuals`).
  public var pearsonResiduals: [[Double]]
  /// Adjusted standardized residuals (O − E) / sqrt(E (1 − r_i/N)(1 − c_j/N)) (R's `stdres`).
  public var standardizedResiduals: [[Double]]
  /// The Monte Carlo p-value of the uncorrected Pearson statistic, when asked for.
  public var monteCarlo: MonteCarloPValue?
  /// Diagnostics (small expected counts, empty margins).
  public var warnings: [TableWarning]
  /// The power-divergence member ``statistic`` and ``pValue`` are (Pearson's unless asked).
  public var powerDivergence: PowerDivergence = .pearson
}

/// Pearson's χ² test of independence (with Yates' correction for 2×2 tables by default, as R's
/// `chisq.test` and SciPy's `chi2_contingency`), the G-test, expected counts, residuals and
/// Cramér's V; optionally a Monte Carlo p-value over random tables with the observed margins.
///
/// With `statistic` another member of the power-divergence family, ``ChiSquaredTestResult/statistic``
/// and its p-value are SciPy's `chi2_contingency(table, correction, lambda_)`: on a 2×2 table
/// with `.yates` every count first moves min(0.5, |E − O|) towards its expected count (SciPy's
/// correction, which for Pearson's statistic equals R's), then the statistic of
/// ``PowerDivergence`` on (r − 1)(c − 1) df. G (``ChiSquaredTestResult/gStatistic``) is always
/// the uncorrected log-likelihood member.
///
/// Empty rows or columns make the expected counts zero: with `.keep` every statistic is NaN and a
/// warning says why (R's behaviour); with `.drop` they are removed first.
///
/// The Monte Carlo p-value (R's `simulate.p.value`) never applies Yates' correction: it is
/// `(1 + k) / (B + 1)` with k the number of random tables (Patefield's algorithm) whose Pearson
/// statistic is ≥ (1 − 64 ε) times the observed one, as R compares.
///
/// - Parameters:
///   - table: the observed counts.
///   - correction: `.yates` (default; applied to 2×2 tables only) or `.none`.
///   - emptyMargins: what to do with zero row or column totals.
///   - monteCarlo: replicates and seed for a Monte Carlo p-value, or `nil`.
///   - statistic: the power-divergence member of ``ChiSquaredTestResult/statistic`` (default
///     Pearson's).
/// - Returns: the statistics, p-values, residuals and warnings.
/// - Throws: `InputError` for invalid Monte Carlo options (or Monte Carlo with a statistic other
///   than Pearson's: R and SciPy simulate Pearson's only), or when dropping empty margins
///   leaves less than a 2×2 table.
/// - Complexity: O(r·c) for the asymptotic test; O(B·(r·c + N_draw)) for the Monte Carlo one.
///
/// References: Pearson, K. (1900), *Phil. Mag.* 50, 157–175; Yates, F. (1934), *JRSS Suppl.* 1,
/// 217–235; Haberman, S. J. (1973), The analysis of residuals in cross-classified tables,
/// *Biometrics* 29, 205–220; Cramér, H. (1946), *Mathematical Methods of Statistics*;
/// Patefield, W. M. (1981), Algorithm AS 159, *Applied Statistics* 30, 91–97.
public func chiSquaredTest(
  _ table: ContingencyTable, correction: ContinuityCorrection = .yates,
  emptyMargins: EmptyMarginPolicy = .keep, monteCarlo: MonteCarloOptions? = nil,
  statistic member: PowerDivergence = .pearson
) throws -> ChiSquaredTestResult {
  try monteCarlo?.validate()
  if let monteCarlo, member != .pearson {
    throw InputError.invalidParameter(
      name: "monte-carlo", value: "\(monteCarlo.replicates)",
      expected: "Pearson's statistic (as R's simulate.p.value); drop lambda \(member)")
  }
  var warnings: [TableWarning] = []
  var t = table
  if table.hasEmptyMargins {
    switch emptyMargins {
    case .keep:
      warnings.append(.emptyMargins(rows: table.emptyRows, columns: table.emptyColumns))
    case .drop:
      t = try table.droppingEmptyMargins()
      warnings.append(.droppedEmptyMargins(rows: table.emptyRows, columns: table.emptyColumns))
    }
  }
  let r = t.rowCount
  let c = t.columnCount
  let n = Double(t.total)
  var expected = [[Double]](repeating: [Double](repeating: 0, count: c), count: r)
  var residuals = expected
  var stdres = expected
  var pearson = 0.0
  var g = 0.0
  var minAbsDeviation = Double.infinity
  var small = 0
  var minExpected = Double.infinity
  for i in 0..<r {
    let ri = Double(t.rowSums[i])
    for j in 0..<c {
      let cj = Double(t.columnSums[j])
      let e = ri * cj / n
      let o = Double(t[i, j])
      expected[i][j] = e
      residuals[i][j] = (o - e) / e.squareRoot()
      // R: V = c r (n − r)(n − c) / n³
      let v = cj * ri * (n - ri) * (n - cj) / (n * n * n)
      stdres[i][j] = (o - e) / v.squareRoot()
      pearson += (o - e) * (o - e) / e
      g += PowerDivergence.logLikelihood.term(observed: o, expected: e)
      minAbsDeviation = min(minAbsDeviation, abs(o - e))
      if e < 5 { small += 1 }
      minExpected = min(minExpected, e)
    }
  }
  let emptyKept = t.hasEmptyMargins
  if emptyKept {
    // Zero expected counts: 0/0 terms make Pearson NaN in R; make G consistent with it.
    pearson = .nan
    g = .nan
  }
  if small > 0 {
    warnings.append(.smallExpectedCounts(cells: small, of: r * c, minimum: minExpected))
  }
  let df = (r - 1) * (c - 1)
  var applied = ContinuityCorrection.none
  var statistic = pearson
  if correction == .yates && r == 2 && c == 2 {
    applied = .yates
    let yates = min(0.5, minAbsDeviation)
    statistic = 0
    for i in 0..<2 {
      for j in 0..<2 {
        let e = expected[i][j]
        let d = abs(Double(t[i, j]) - e) - yates
        statistic += d * d / e
      }
    }
    if emptyKept { statistic = .nan }
  }
  if member != .pearson {
    // SciPy: on a 2×2 table with the correction, O + sign(E − O)·min(0.5, |E − O|).
    statistic = 0
    for i in 0..<r {
      for j in 0..<c {
        let e = expected[i][j]
        var o = Double(t[i, j])
        if applied == .yates {
          let d = e - o
          o += (d > 0 ? 1 : d < 0 ? -1 : 0) * min(0.5, abs(d))
        }
        statistic += member.term(observed: o, expected: e)
      }
    }
    if emptyKept {
      statistic = .nan
    } else if !statistic.isFinite {
      warnings.append(
        .zeroCellStatistic(
          statistic: statistic,
          zeroObserved: (0..<(r * c)).filter { t[$0 / c, $0 % c] == 0 }, zeroExpected: []))
    }
  }
  let chi2 = try ChiSquared(degreesOfFreedom: Double(df))
  let k = Double(min(r, c) - 1)
  var mc: MonteCarloPValue?
  if let monteCarlo {
    if emptyKept {
      warnings.append(.monteCarloSkippedForEmptyMargins)
    } else {
      mc = try monteCarloChiSquared(t, observed: pearson, options: monteCarlo)
    }
  }
  return ChiSquaredTestResult(
    table: t, statistic: statistic, degreesOfFreedom: df, pValue: upperTail(chi2, statistic),
    correction: applied, pearsonStatistic: pearson, gStatistic: g, gPValue: upperTail(chi2, g),
    cramersV: (pearson / (n * k)).squareRoot(), expected: expected,
    pearsonResiduals: residuals, standardizedResiduals: stdres, monteCarlo: mc,
    warnings: warnings, powerDivergence: member)
}

/// P(χ² > x), NaN for NaN.
func upperTail(_ d: ChiSquared, _ x: Double) -> Double {
  x.isNaN ? .nan : d.sf(x)
}
