// FisherExactTest.swift: Fisher's exact test on any r×c table, exact or (if too large) Monte
// Carlo.
import RandomStreams
import ResampleCore
import SpecialFunctions
import _Platform

/// How a Fisher p-value was obtained.
public enum FisherMethod: String, Sendable, CaseIterable, Codable {
  /// Exact enumeration (2×2 directly, r×c by the network algorithm).
  case exact
  /// Monte Carlo over random tables with the observed margins (seeded, with standard error).
  case monteCarlo = "monte-carlo"
}

/// The result of Fisher's exact test.
public struct FisherExactResult: Sendable, Equatable {
  /// The p-value for ``alternative`` (two-sided unless asked otherwise) (exact, or the Monte Carlo estimate when ``method`` says so).
  public var pValue: Double
  /// How ``pValue`` was obtained.
  public var method: FisherMethod
  /// The Monte Carlo details when ``method`` is `.monteCarlo`.
  public var monteCarlo: MonteCarloPValue?
  /// For 2×2 tables, the conditional MLE odds ratio and its exact interval.
  public var oddsRatio: ConditionalOddsRatio?
  /// Diagnostics (exact enumeration too large, empty margins).
  public var warnings: [TableWarning]
  /// The alternative hypothesis (one-sided ones only for 2×2 tables: the odds ratio < 1 or > 1).
  public var alternative: Alternative = .twoSided
}

/// Defaults of ``fisherExactTest(_:level:monteCarlo:fallback:workLimit:)``.
public enum FisherExactDefaults {
  /// The largest amount of network work tried before falling back to Monte Carlo: units of
  /// about 10–100 ns (an edge, a past passed on, a two-column slice; four split pasts; sixteen
  /// tail terms), so that the exact path gives up within some seconds whatever the table.
  public static let workLimit = 60_000_000
  /// The largest total of a table larger than 2×2 (its log-factorial table grows with it).
  public static let maximumTotal = 10_000_000
  /// The largest support of a 2×2 table's top-left cell, min(row 1, column 1) −
  /// max(0, row 1 − column 2) + 1 (its weights take 8 bytes each): every 2×2 table with a total
  /// up to 10⁸ fits, such as SciPy gh-9231's `[[5829225, 5692693], [5760959, 5760959]]`.
  public static let maximum2x2Support = 50_000_000
  /// The Monte Carlo used when exact enumeration is too large and no seed was given.
  public static let fallback = MonteCarloOptions(replicates: 100_000, seed: 0)

  /// The cell budget of the default Monte Carlo fallback, 5·10⁷ table cells: every random table
  /// costs O(r·c), so a 50×50 table gets 20 000 tables (seconds) instead of 100 000 (a minute).
  public static let fallbackCellBudget = 50_000_000

  /// The default fallback's number of tables for an r×c table: 100 000, reduced to
  /// ``fallbackCellBudget``/(r·c) (at least 2 000) for large tables so the default run stays
  /// bounded in time; `--monte-carlo B` sets any B.
  public static func fallbackReplicates(rows: Int, columns: Int) -> Int {
    let cells = max(1, rows) * max(1, columns)
    return min(fallback.replicates, max(2_000, fallbackCellBudget / cells))
  }
}

/// Fisher's exact test of independence on an r×c table.
///
/// The two-sided p-value is the probability, given both margins, of the tables no more
/// probable than the observed one (relative tolerance 1 + 10⁻⁷, as R). 2×2 tables also get the
/// conditional maximum-likelihood odds ratio and its exact interval (R's `fisher.test`), solved
/// to full double precision rather than R's `uniroot` tolerance. Larger tables are enumerated
/// exactly by a network algorithm; when that would exceed `workLimit` expansions the p-value is a
/// Monte Carlo estimate (`fallback`), and the result says so (``FisherMethod/monteCarlo`` and a
/// warning). Asking for `monteCarlo` forces the Monte Carlo estimate for tables larger than
/// 2×2 (R's `simulate.p.value`; 2×2 tables are always exact, as in R).
///
/// Monte Carlo: replicate b draws a Patefield table from stream b of `Philox4x32(seed:stream:)`
/// and counts when −Σ log x! ≤ the observed value / (1 + 64 ε) (R's comparison);
/// p = (1 + k) / (B + 1).
///
/// Rows and columns with zero totals do not change the conditional distribution and are ignored.
///
/// One-sided alternatives (2×2 only, as R): `less` (odds ratio < 1) has p = P(X ≤ a), `greater`
/// has p = P(X ≥ a), for the top-left count a under the hypergeometric null, and the odds-ratio
/// interval is one-sided.
///
/// - Parameters:
///   - table: the observed counts.
///   - level: the odds-ratio confidence level, in (0, 1).
///   - alternative: two-sided (default); `less`/`greater` for 2×2 tables.
///   - monteCarlo: force a Monte Carlo p-value with these options (r×c only).
///   - fallback: the Monte Carlo options used when the exact enumeration is too large.
///   - workLimit: the largest number of network expansions before falling back.
/// - Returns: the p-value, how it was obtained, and the 2×2 odds ratio.
/// - Throws: `InputError` for an invalid level or Monte Carlo options, a 2×2 support above
///   ``FisherExactDefaults/maximum2x2Support`` or a larger table's total above
///   ``FisherExactDefaults/maximumTotal``, or a one-sided alternative for a table larger than 2×2.
/// - Complexity: 2×2: O(N); r×c: the network size, capped by `workLimit`; Monte Carlo:
///   O(B · r·c).
public func fisherExactTest(
  _ table: ContingencyTable, level: Double = 0.95, alternative: Alternative = .twoSided,
  monteCarlo: MonteCarloOptions? = nil,
  fallback: MonteCarloOptions = FisherExactDefaults.fallback,
  workLimit: Int = FisherExactDefaults.workLimit
) throws -> FisherExactResult {
  try InputError.requireLevel(level)
  try monteCarlo?.validate()
  try fallback.validate()
  guard workLimit >= 0 else {
    throw InputError.invalidParameter(
      name: "workLimit", value: "\(workLimit)", expected: "a non-negative integer")
  }
  if table.rowCount == 2 && table.columnCount == 2 {
    let k = table.rowSums[0]
    let m = table.columnSums[0]
    let support = min(k, m) - max(0, k - table.columnSums[1]) + 1
    guard support <= FisherExactDefaults.maximum2x2Support else {
      throw InputError.tooLarge(
        what: "the 2×2 table's \(support) possible top-left counts for Fisher's exact test",
        limit: "\(FisherExactDefaults.maximum2x2Support); use the chi-squared test")
    }
    let (p, or) = fisherExact2x2(table, level: level, alternative: alternative)
    return FisherExactResult(
      pValue: p, method: .exact, monteCarlo: nil, oddsRatio: or, warnings: [],
      alternative: alternative)
  }
  guard alternative == .twoSided else {
    throw InputError.invalidParameter(
      name: "alternative", value: alternative.rawValue,
      expected: "two-sided for a \(table.rowCount)×\(table.columnCount) table (one-sided "
        + "alternatives are defined for 2×2 tables only, as in R)")
  }
  guard table.total <= FisherExactDefaults.maximumTotal else {
    throw InputError.tooLarge(
      what: "the table total \(table.total) for Fisher's exact test on a table larger than 2×2",
      limit: "\(FisherExactDefaults.maximumTotal); use the chi-squared test")
  }
  // Empty rows/columns carry no information: only one value (0) is possible in them.
  let rows = table.rows.indices.filter { table.rowSums[$0] > 0 }
  let cols = table.columnSums.indices.filter { table.columnSums[$0] > 0 }
  if rows.count < 2 || cols.count < 2 {
    // A single possible table: p = 1.
    return FisherExactResult(
      pValue: 1, method: .exact, monteCarlo: nil, oddsRatio: nil,
      warnings: [])
  }
  let reduced = ContingencyTable(uncheckedRows: rows.map { i in cols.map { table[i, $0] } })
  if let monteCarlo {
    let mc = try monteCarloFisher(reduced, options: monteCarlo)
    return FisherExactResult(
      pValue: mc.pValue, method: .monteCarlo, monteCarlo: mc, oddsRatio: nil, warnings: [])
  }
  if let p = FisherNetwork(reduced).pValue(workLimit: workLimit) {
    return FisherExactResult(
      pValue: p, method: .exact, monteCarlo: nil, oddsRatio: nil,
      warnings: [])
  }
  let mc = try monteCarloFisher(reduced, options: fallback)
  return FisherExactResult(
    pValue: mc.pValue, method: .monteCarlo, monteCarlo: mc, oddsRatio: nil,
    warnings: [.exactTooLarge(limit: workLimit)])
}

/// Monte Carlo Fisher p-value over Patefield tables (R's `fisher.test(simulate.p.value = TRUE)`).
func monteCarloFisher(_ t: ContingencyTable, options: MonteCarloOptions) throws
  -> MonteCarloPValue
{
  let sampler = try RandomTableSampler(rowSums: t.rowSums, columnSums: t.columnSums)
  let table = SpecialFunctions.logFactorialTable(through: t.total)
  let observed = -t.counts.reduce(0.0) { $0 + table[$1] }
  let threshold = observed / (1 + 64 * Double.ulpOfOne)
  return monteCarloPValue(options, sampler: sampler) { x in
    var s = 0.0
    table.withUnsafeBufferPointer { l in
      for v in x { s -= l[v] }
    }
    return s <= threshold
  }
}
