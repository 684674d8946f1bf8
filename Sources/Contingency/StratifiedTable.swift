// StratifiedTable.swift: K ≥ 2 strata of r×c tables of counts, all of one shape (the input of the
// Cochran–Mantel–Haenszel family of tests).
import ResampleCore

/// An r×c×K table: K strata (levels of a third variable), each an r×c table of counts with the
/// same categories.
///
/// Validated as R's `mantelhaen.test` validates its array: every dimension at least 2 (two rows,
/// two columns, two strata) and every stratum with at least 2 observations ("sample size in each
/// stratum must be > 1"); a row or column that is empty within a stratum is allowed (R's
/// formulas give that stratum no weight for it).
public struct StratifiedTable: Sendable, Equatable {
  /// The strata, in order.
  public let strata: [ContingencyTable]

  /// Rows r and columns c of every stratum.
  public var rowCount: Int { strata[0].rowCount }
  public var columnCount: Int { strata[0].columnCount }

  /// The pooled r×c table (summed over the strata).
  public var pooled: [[Int]] {
    (0..<rowCount).map { i in (0..<columnCount).map { j in strata.reduce(0) { $0 + $1[i, j] } } }
  }

  /// Creates the table from its strata, each a list of rows.
  ///
  /// - Parameters:
  ///   - strata: K tables of the same shape.
  ///   - source: how errors name the input (`--tables`, a file).
  /// - Throws: `InputError.invalidData` for fewer than 2 strata, a stratum with fewer than 2 rows
  ///   or columns, negative counts, strata of different shapes, or a stratum with fewer than 2
  ///   observations (R's `mantelhaen.test` stops on each of these).
  /// - Complexity: O(r·c·K).
  public init(strata: [[[Int]]], source: String = "tables") throws {
    guard strata.count >= 2 else {
      throw InputError.invalidData(
        source: source,
        reason: "needs at least 2 strata (got \(strata.count)); with one stratum use chisq, or "
          + "the linear-by-linear test (trend --linear-by-linear)")
    }
    var tables: [ContingencyTable] = []
    for (k, rows) in strata.enumerated() {
      let name = "\(source) stratum \(k + 1)"
      let total = rows.reduce(0) { $0 + $1.reduce(0, +) }
      if total < 2 && rows.allSatisfy({ $0.allSatisfy { $0 >= 0 } }) {
        throw InputError.invalidData(
          source: name,
          reason: "has \(total) observation\(total == 1 ? "" : "s"); every stratum needs at least "
            + "2 (as R's mantelhaen.test: 'sample size in each stratum must be > 1')")
      }
      let t = try ContingencyTable(rows: rows, source: name)
      if let first = tables.first,
        first.rowCount != t.rowCount || first.columnCount != t.columnCount
      {
        throw InputError.invalidData(
          source: name,
          reason: "is \(t.rowCount)×\(t.columnCount) but stratum 1 is "
            + "\(first.rowCount)×\(first.columnCount)")
      }
      tables.append(t)
    }
    self.strata = tables
  }
}
