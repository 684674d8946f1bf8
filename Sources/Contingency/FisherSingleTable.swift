// FisherSingleTable.swift: Fisher's test on tables with one row, one column, or no counts.
import ResampleCore

/// Fisher's exact test on a table with one row, one column, or no counts (p = 1).
///
/// ``ContingencyTable`` does not accept these tables; every such table is the only one
/// consistent with its margins, so p = 1, as SciPy answers (`fisher_exact` on an all-zero
/// 2×2 table), returned with a ``TableWarning/singleTable(rows:columns:total:)`` warning and
/// no odds ratio.
///
/// - Parameters:
///   - rows: the counts, row by row.
///   - source: how to name the table in errors.
/// - Returns: the p = 1 result, or nil when the table has at least 2 rows, 2 columns and a
///   positive total (test it with ``fisherExactTest(_:level:alternative:monteCarlo:fallback:workLimit:)``).
/// - Throws: `InputError` for no rows, ragged rows, negative counts or a total above `Int32.max`.
/// - Complexity: O(r·c).
public func fisherSingleTable(rows: [[Int]], source: String = "table") throws
  -> FisherExactResult?
{
  guard let c = rows.first?.count, c > 0 else {
    throw InputError.invalidData(source: source, reason: "the table is empty")
  }
  let total = try ContingencyTable.checkedTotal(rows, source: source)
  guard rows.count < 2 || c < 2 || total == 0 else { return nil }
  return FisherExactResult(
    pValue: 1, method: .exact, monteCarlo: nil, oddsRatio: nil,
    warnings: [.singleTable(rows: rows.count, columns: c, total: total)])
}
