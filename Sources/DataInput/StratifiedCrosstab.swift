// StratifiedCrosstab.swift: a three-way table (rows × columns × strata) tallied from respondent
// rows or long data, one RespondentCrosstab per stratum with shared, ordered labels.
import ResampleCore

/// A two-way table per level of a stratifying variable, tallied from the rows of a file
/// (R's `table(a, b, s)` / `xtabs(Freq ~ a + b + s)`), for the Cochran–Mantel–Haenszel tests.
///
/// Every stratum has the same row and column categories (those of the pooled table, in its
/// order), so a category absent from one stratum is a zero row or column there. Rows whose
/// stratum is empty or a declared non-answer are left out and counted in ``excluded`` with the
/// pooled table's own exclusions.
public struct StratifiedCrosstab: Sendable, Equatable {
  /// The pooled table over all strata (labels, order, respondents, rows/columns left out).
  public let pooled: RespondentCrosstab
  /// The strata's categories, in order.
  public let strataLabels: [String]
  /// How the strata were ordered.
  public let strataOrder: CategoryOrder
  /// counts[k][i][j]: stratum k, row i, column j.
  public let counts: [[[Int]]]
  /// Rows left out because the stratum was empty or a non-answer: (label, count).
  public let excludedStrata: [(label: String, count: Int)]

  public static func == (x: StratifiedCrosstab, y: StratifiedCrosstab) -> Bool {
    x.pooled == y.pooled && x.strataLabels == y.strataLabels && x.counts == y.counts
      && x.excludedStrata.map { "\($0.label)\u{0}\($0.count)" }
        == y.excludedStrata.map { "\($0.label)\u{0}\($0.count)" }
  }

  /// The crosstab of stratum k with the shared labels.
  public func stratum(_ k: Int) -> [[Int]] { counts[k] }

  /// Tallies the three-way table.
  ///
  /// - Parameters:
  ///   - file: the columns, with `rows`, `columns` and `strata` read as label columns and
  ///     `frequencyWeight` (if any) as a numeric column.
  ///   - rows, columns: the row and column variables.
  ///   - strata: the stratifying variable.
  ///   - frequencyWeight: whole numbers: each row stands for that many respondents.
  ///   - rowOrder, columnOrder, strataOrder: declared orders (every category that occurs must be
  ///     listed), or nil for numeric / first-appearance order.
  ///   - missing: non-answer labels, for all three variables.
  /// - Throws: `InputError` as ``RespondentCrosstab/tally(_:rows:columns:frequencyWeight:rowOrder:columnOrder:missing:)``,
  ///   and for a stratum category missing from `strataOrder`.
  /// - Complexity: O(rows + K·r·c + categories log categories).
  public static func tally(
    _ file: CSVColumns, rows: String, columns: String, strata: String,
    frequencyWeight: String? = nil, rowOrder: [String]? = nil, columnOrder: [String]? = nil,
    strataOrder: [String]? = nil, missing: Set<String> = []
  ) throws -> StratifiedCrosstab {
    let s = try file.labels(strata)
    let text = s.values.map { String(NumericText.trimmingBlanks($0[...])) }
    func isAnswer(_ x: String) -> Bool { !x.isEmpty && !missing.contains(x) }
    let pooled = try RespondentCrosstab.tally(
      file, rows: rows, columns: columns, frequencyWeight: frequencyWeight, rowOrder: rowOrder,
      columnOrder: columnOrder, missing: missing,
      including: { isAnswer(text[Int(s.codes[$0])]) })
    let r = try file.labels(rows)
    let c = try file.labels(columns)
    let weights = try frequencyWeight.map { try file.numeric($0) }
    let rowIndex = Dictionary(
      pooled.rowLabels.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    let colIndex = Dictionary(
      pooled.columnLabels.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    var seen = FirstSeenLabels()
    var cells: [(Int, Int, Int, Int)] = []
    var excludedOrder: [String] = []
    var excluded: [String: Int] = [:]
    for i in 0..<file.rowCount {
      let weight = weights.map { Int($0[i]) } ?? 1  // validated by the pooled tally
      let label = text[Int(s.codes[i])]
      guard isAnswer(label) else {
        if excluded[label] == nil { excludedOrder.append(label) }
        excluded[label, default: 0] += weight
        continue
      }
      let a = String(NumericText.trimmingBlanks(r[i][...]))
      let b = String(NumericText.trimmingBlanks(c[i][...]))
      guard weight > 0, let ri = rowIndex[a], let ci = colIndex[b] else { continue }
      cells.append((seen.index(of: label), ri, ci, weight))
    }
    let (labels, rank, how) = try RespondentCrosstab.order(
      seen.labels, declared: strataOrder, column: strata)
    var counts = [[[Int]]](
      repeating: [[Int]](
        repeating: [Int](repeating: 0, count: pooled.columnLabels.count),
        count: pooled.rowLabels.count), count: labels.count)
    for (k, i, j, w) in cells { counts[rank[k]][i][j] += w }
    return StratifiedCrosstab(
      pooled: pooled, strataLabels: labels, strataOrder: how, counts: counts,
      excludedStrata: excludedOrder.map { ($0, excluded[$0] ?? 0) })
  }
}
