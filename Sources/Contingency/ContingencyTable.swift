// ContingencyTable.swift: a validated r×c table of non-negative integer counts.
import ResampleCore

/// An r×c contingency table of non-negative integer counts, stored row-major, with its margins.
///
/// Construction validates: at least 2 rows and 2 columns, rectangular rows, counts that are
/// non-negative integers, and a positive total. Tables with an empty row or column are valid (the
/// tests report them with a warning, as R does).
public struct ContingencyTable: Sendable, Equatable, Hashable {
  /// Number of rows (r ≥ 2).
  public let rowCount: Int
  /// Number of columns (c ≥ 2).
  public let columnCount: Int
  /// The counts, row-major: `counts[i * columnCount + j]`.
  public let counts: [Int]
  /// Row totals.
  public let rowSums: [Int]
  /// Column totals.
  public let columnSums: [Int]
  /// Grand total N.
  public let total: Int

  /// Creates a table from its rows.
  ///
  /// To read a table written as text (`"12,5,9;7,14,3"` or a CSV file), parse it with
  /// `DataInput.TableSyntax` first.
  ///
  /// - Parameters:
  ///   - rows: the rows of counts, all of the same length.
  ///   - source: how to name the table in errors (`"--table"`, a file name).
  /// - Throws: `InputError` when the table has fewer than 2 rows or columns, ragged rows,
  ///   negative counts, a zero total, or a total beyond 2³¹ (where log-factorial tables and
  ///   samplers stop being exact).
  /// - Complexity: O(r·c).
  public init(rows: [[Int]], source: String = "table") throws {
    guard rows.count >= 2 else {
      throw InputError.invalidData(
        source: source,
        reason: "needs at least 2 rows and 2 columns (got \(rows.count) row"
          + (rows.count == 1 ? ")" : "s)"))
    }
    let c = rows[0].count
    let total = try Self.checkedTotal(rows, source: source)
    guard c >= 2 else {
      throw InputError.invalidData(
        source: source, reason: "needs at least 2 rows and 2 columns (got \(c) column)")
    }
    let counts = rows.flatMap { $0 }
    guard total > 0 else {
      throw InputError.invalidData(source: source, reason: "all counts are zero")
    }
    self.rowCount = rows.count
    self.columnCount = c
    self.counts = counts
    self.total = total
    self.rowSums = rows.map { $0.reduce(0, +) }
    self.columnSums = (0..<c).map { j in rows.reduce(0) { $0 + $1[j] } }
  }

  /// The count in row `row`, column `column` (0-based; programmer error when out of range).
  public subscript(row: Int, column: Int) -> Int {
    precondition(row >= 0 && row < rowCount && column >= 0 && column < columnCount)
    return counts[row * columnCount + column]
  }

  /// The rows as arrays.
  public var rows: [[Int]] {
    (0..<rowCount).map { i in Array(counts[(i * columnCount)..<((i + 1) * columnCount)]) }
  }

  /// The transposed table (c×r).
  public var transposed: ContingencyTable {
    ContingencyTable(
      uncheckedRows: (0..<columnCount).map { j in (0..<rowCount).map { i in self[i, j] } })
  }

  /// 0-based indices of rows whose total is zero.
  public var emptyRows: [Int] { rowSums.indices.filter { rowSums[$0] == 0 } }
  /// 0-based indices of columns whose total is zero.
  public var emptyColumns: [Int] { columnSums.indices.filter { columnSums[$0] == 0 } }
  /// True when some row or column total is zero.
  public var hasEmptyMargins: Bool { rowSums.contains(0) || columnSums.contains(0) }

  /// The table without its empty rows and columns.
  ///
  /// - Throws: `InputError.invalidData` when fewer than 2 non-empty rows or columns remain.
  public func droppingEmptyMargins() throws -> ContingencyTable {
    let keepRows = rowSums.indices.filter { rowSums[$0] > 0 }
    let keepColumns = columnSums.indices.filter { columnSums[$0] > 0 }
    guard keepRows.count >= 2, keepColumns.count >= 2 else {
      throw InputError.invalidData(
        source: "table",
        reason: "after dropping empty rows and columns \(keepRows.count)×\(keepColumns.count)"
          + " remain; at least 2×2 is needed")
    }
    return ContingencyTable(uncheckedRows: keepRows.map { i in keepColumns.map { self[i, $0] } })
  }

  /// Builds a table already known to be valid.
  init(uncheckedRows rows: [[Int]]) {
    rowCount = rows.count
    columnCount = rows.first?.count ?? 0
    counts = rows.flatMap { $0 }
    rowSums = rows.map { $0.reduce(0, +) }
    columnSums = (0..<columnCount).map { j in rows.reduce(0) { $0 + $1[j] } }
    total = rowSums.reduce(0, +)
  }
}

extension ContingencyTable {
  /// The total of a table's counts, checking that the rows have equal lengths, every count is
  /// non-negative and the total is at most `Int32.max` (the limit of every table algorithm here).
  ///
  /// - Throws: `InputError` naming the row (and column) of a ragged row or negative count, or
  ///   the total that is too large.
  /// - Complexity: O(r·c).
  static func checkedTotal(_ rows: [[Int]], source: String) throws -> Int {
    let c = rows.first?.count ?? 0
    var total = 0
    for (i, row) in rows.enumerated() {
      guard row.count == c else {
        throw InputError.invalidData(
          source: "\(source) row \(i + 1)",
          reason: "has \(row.count) values but row 1 has \(c) (ragged rows)")
      }
      for (j, v) in row.enumerated() {
        guard v >= 0 else {
          throw InputError.invalidData(
            source: "\(source) row \(i + 1) column \(j + 1)",
            reason: "count \(v) is negative (expected a non-negative integer)")
        }
        let (sum, overflow) = total.addingReportingOverflow(v)
        guard !overflow, sum <= Int(Int32.max) else {
          throw InputError.tooLarge(what: "\(source) total", limit: "\(Int32.max)")
        }
        total = sum
      }
    }
    return total
  }
}
