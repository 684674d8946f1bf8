// TableSyntax.swift: counts of a contingency table written as text: "12,5,9;7,14,3" or a CSV file.
import ResampleCore

/// Reads the counts of a contingency table from the compact literal of `--table`
/// (`"12,5,9;7,14,3"`: rows separated by `;`, counts by `,`) or from the cells of a CSV file.
///
/// Every cell must be a plain decimal number that is a non-negative integer no larger than
/// 2³¹ − 1: `12`, `12.0` and `1.2e1` are read as 12; `12.5`, `-3`, `0x10` (a hexadecimal
/// float, which `Double("0x10")` would read as 16), `nan`, `inf` and empty cells are refused with
/// an ``InputError`` naming the row and column of the cell. Rows must all have the same length.
/// The shape rules of a contingency table (at least 2×2, a positive total) are checked by the
/// table type that receives the counts.
///
/// ```swift
/// let rows = try TableSyntax.parse("12,5,9;7,14,3")  // [[12, 5, 9], [7, 14, 3]]
/// ```
public enum TableSyntax {
  /// The largest count accepted (the samplers and log-factorial tables are exact up to here).
  public static let maximumCount = Int(Int32.max)

  /// Parses the compact literal: rows separated by `;`, cells by `,`; blanks around cells are
  /// ignored and one trailing `;` is tolerated.
  ///
  /// - Parameters:
  ///   - literal: the table text, e.g. `"12,5,9;7,14,3"`.
  ///   - source: how to name the input in errors (`"--table"`).
  /// - Returns: the rows of counts.
  /// - Throws: `InputError.invalidData` naming the first bad cell (`"--table row 2 column 1"`)
  ///   or the first row whose length differs from the first row's.
  /// - Complexity: O(length of `literal`).
  public static func parse(_ literal: String, source: String = "--table") throws -> [[Int]] {
    var rowTexts = literal.split(separator: ";", omittingEmptySubsequences: false)
    if rowTexts.count > 1, let last = rowTexts.last, isBlank(last) {
      rowTexts.removeLast()
    }
    let cells = rowTexts.map { row in row.split(separator: ",", omittingEmptySubsequences: false) }
    return try counts(cells: cells, source: source)
  }

  /// Reads cell texts as counts.
  ///
  /// - Parameters:
  ///   - cells: rows of cell texts (surrounding blanks are ignored).
  ///   - source: how to name the input in errors (`"--table"`, `"counts.csv"`).
  /// - Returns: the rows of counts.
  /// - Throws: `InputError.invalidData` naming the first bad cell or ragged row.
  /// - Complexity: O(total length of the cells).
  public static func counts<Cell: StringProtocol>(cells: [[Cell]], source: String) throws
    -> [[Int]]
  {
    guard let width = cells.first?.count, !(cells.count == 1 && width == 1 && isBlank(cells[0][0]))
    else {
      throw InputError.invalidData(source: source, reason: "the table is empty")
    }
    var rows: [[Int]] = []
    rows.reserveCapacity(cells.count)
    for (i, row) in cells.enumerated() {
      guard row.count == width else {
        throw InputError.invalidData(
          source: "\(source) row \(i + 1)",
          reason: "has \(row.count) values but row 1 has \(width) (ragged rows)")
      }
      rows.append(
        try row.enumerated().map { j, text in
          try count(Substring(text), source: "\(source) row \(i + 1) column \(j + 1)")
        })
    }
    return rows
  }

  /// The count cells of a table file: blank lines dropped, then a header row (its cells after the
  /// first are not all numbers) and a column of row labels (every first cell is not a number)
  /// removed.
  ///
  /// - Parameter rows: the records of a CSV file read without a header.
  /// - Returns: the cells that hold counts.
  /// - Complexity: O(number of cells).
  public static func countCells(fromRecords rows: [[String]]) -> [[String]] {
    var rows = rows.filter { !($0.count == 1 && isBlank($0[0])) }
    func isNumber(_ s: String) -> Bool {
      (try? NumericText.parseFinite(s, source: "")) != nil
    }
    if let first = rows.first, first.dropFirst().contains(where: { !isNumber($0) }) {
      rows.removeFirst()
    }
    if !rows.isEmpty, rows.allSatisfy({ !$0.isEmpty && !isNumber($0[0]) }) {
      rows = rows.map { Array($0.dropFirst()) }
    }
    return rows
  }

  /// One cell as a count.
  static func count(_ raw: Substring, source: String) throws -> Int {
    let expected = "(expected a non-negative integer)"
    let text = trimmed(raw)
    guard !text.isEmpty else {
      throw InputError.invalidData(source: source, reason: "empty cell \(expected)")
    }
    let shown = NumericText.printable(text)
    let value: Double
    do {
      value = try NumericText.parseFinite(text, source: source)
    } catch {
      throw InputError.invalidData(
        source: source, reason: "'\(shown)' is not a number \(expected)")
    }
    guard value >= 0 else {
      throw InputError.invalidData(source: source, reason: "count \(shown) is negative \(expected)")
    }
    guard value == value.rounded() else {
      throw InputError.invalidData(
        source: source, reason: "count \(shown) is not an integer \(expected)")
    }
    guard value <= Double(maximumCount) else {
      throw InputError.tooLarge(what: "\(source): count \(shown)", limit: "\(maximumCount)")
    }
    return try InputError.checkedInt(value, source, in: 0...maximumCount)
  }

  /// Spaces, tabs and line breaks (a literal pasted across lines) around a cell.
  static func isBlank(_ c: Character) -> Bool {
    c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\r\n"
  }

  static func isBlank<S: StringProtocol>(_ s: S) -> Bool { s.allSatisfy(isBlank) }

  static func trimmed(_ s: Substring) -> Substring {
    var s = s
    while let f = s.first, isBlank(f) { s.removeFirst() }
    while let l = s.last, isBlank(l) { s.removeLast() }
    return s
  }
}
