// CrosstabFile.swift: a contingency table read from a crosstab CSV, with its header and labels found.
import ResampleCore

/// Whether a crosstab file has a header row (or a column of row labels): found from the file
/// (`auto`) or declared by the user.
public enum LabelPresence: String, Sendable, CaseIterable {
  /// Decide from the cells; ambiguous files are refused.
  case auto
  /// The file has it.
  case yes
  /// The file does not have it.
  case no
}

/// The counts of a contingency table read from the records of a crosstab CSV file, with the row
/// and column labels the file holds.
///
/// Tools write crosstabs with a header row of column labels and a first column of row labels:
/// `pandas.crosstab(...).to_csv()` writes `party,1,2,…,7` (the corner cell names the row
/// variable), R's `write.csv` writes `"","1","2",…` (an empty corner), `write.table` writes one
/// header cell fewer than the data rows. The labels are often numeric codes, so "is this cell a
/// number" alone cannot tell a header from a row of counts. The rules, in order:
///
/// Header row (`header: .auto`):
/// 1. an empty first cell (a corner), or a non-numeric cell after the first → header; a text
///    first cell above numbers is a corner (header) when the rows below start with numbers or
///    the numbers read as category codes (consecutive integers from 0 or 1), is a labelled data
///    row when the numbers repeat, and is refused otherwise (asking for `--header yes|no`);
/// 2. row 1 one cell shorter than the next row → header without a corner (`write.table`);
/// 3. row 1 all numbers: when the rows below start with labels, or row 1 reads as category
///    codes (consecutive integers from 0 or 1, such as `1,2,3`), it could be codes or counts →
///    refused, asking for `--header yes|no`; otherwise it is counts.
///
/// Row labels (`rowLabels: .auto`): the first column is labels when the header has an empty or
/// text corner above numeric column labels, when the header has no corner, or when any of its
/// data cells is not a number. A first column of category codes (consecutive integers from 0 or
/// 1) under a header of text names is refused, asking for `--row-labels yes|no`; any other
/// numeric first column is counts.
///
/// The result says what was taken as labels (``labelNote``) so that a reader can check it.
public struct CrosstabFile: Sendable, Equatable {
  /// The counts, one array per row.
  public let counts: [[Int]]
  /// The row labels from the file, or nil when it has none.
  public let rowLabels: [String]?
  /// The column labels from the file, or nil when it has no header.
  public let columnLabels: [String]?
  /// The corner cell of the header (the row variable's name, as pandas writes it), if not empty.
  public let corner: String?

  /// What was taken as labels, in words (`"row 1 as column labels (1, 2, …); column 1 as row
  /// labels (Democrat, …)"`), or nil when the file is counts only.
  public var labelNote: String? {
    var parts: [String] = []
    if let columnLabels {
      parts.append("row 1 as column labels (\(Self.list(columnLabels)))")
    }
    if let rowLabels {
      let named = corner.map { " '\($0)'" } ?? ""
      parts.append("column 1\(named) as row labels (\(Self.list(rowLabels)))")
    }
    return parts.isEmpty ? nil : parts.joined(separator: "; ")
  }

  /// Reads a crosstab from CSV records (read without a header).
  ///
  /// - Parameters:
  ///   - records: the records of the file; blank records are ignored.
  ///   - source: how to name the file in errors.
  ///   - header: whether row 1 is a header (`auto`: found by the rules above).
  ///   - rowLabels: whether column 1 holds row labels (`auto`: found by the rules above).
  /// - Throws: `InputError.invalidData` when the file is empty, ragged, has a bad count cell
  ///   (named by its line and column in the file), or its header or label column is ambiguous
  ///   (the message says which option settles it).
  /// - Complexity: O(number of cells).
  public static func read(
    records: [[String]], source: String, header: LabelPresence = .auto,
    rowLabels: LabelPresence = .auto
  ) throws -> CrosstabFile {
    let numbered = records.enumerated().filter { !($0.element.allSatisfy(isBlankCell)) }
    guard !numbered.isEmpty else {
      throw InputError.invalidData(source: source, reason: "the table is empty")
    }
    let cellsOf = numbered.map { $0.element.map { String(TableSyntax.trimmed($0[...])) } }
    let hasHeader: Bool
    switch header {
    case .yes: hasHeader = true
    case .no: hasHeader = false
    case .auto: hasHeader = try detectHeader(cellsOf, source: source)
    }
    let headerCells = hasHeader ? cellsOf[0] : nil
    let body = Array(cellsOf.dropFirst(hasHeader ? 1 : 0))
    let bodyLines = Array(numbered.dropFirst(hasHeader ? 1 : 0).map { $0.offset + 1 })
    guard let width = body.first?.count else {
      throw InputError.invalidData(source: source, reason: "the table has a header but no counts")
    }
    let noCorner = headerCells.map { $0.count == width - 1 } ?? false
    let hasLabels: Bool
    switch rowLabels {
    case .yes: hasLabels = true
    case .no: hasLabels = false
    case .auto:
      hasLabels = try detectLabels(
        header: headerCells, body: body, noCorner: noCorner, source: source)
    }
    for (i, row) in body.enumerated() where row.count != width {
      throw InputError.invalidData(
        source: "\(source) line \(bodyLines[i])",
        reason: "has \(row.count) values but line \(bodyLines[0]) has \(width) (ragged rows)")
    }
    let countWidth = width - (hasLabels ? 1 : 0)
    var columnLabels: [String]?
    var corner: String?
    if let h = headerCells {
      let labels = hasLabels && !noCorner ? Array(h.dropFirst()) : h
      guard labels.count == countWidth else {
        throw InputError.invalidData(
          source: "\(source) line \(numbered[0].offset + 1)",
          reason: "the header has \(h.count) cells but the rows have \(countWidth) counts"
            + (hasLabels ? " after their label" : ""))
      }
      columnLabels = labels
      if hasLabels && !noCorner, let c = h.first, !c.isEmpty { corner = c }
    }
    let offset = hasLabels ? 1 : 0
    var counts: [[Int]] = []
    counts.reserveCapacity(body.count)
    for (i, row) in body.enumerated() {
      counts.append(
        try row.dropFirst(offset).enumerated().map { j, text in
          try TableSyntax.count(
            text[...], source: "\(source) line \(bodyLines[i]) column \(j + offset + 1)")
        })
    }
    return CrosstabFile(
      counts: counts, rowLabels: hasLabels ? body.map { $0[0] } : nil,
      columnLabels: columnLabels, corner: corner)
  }

  /// Rules 1–3 for the header row.
  static func detectHeader(_ rows: [[String]], source: String) throws -> Bool {
    let first = rows[0]
    let corner = first.first ?? ""
    let rest = Array(first.dropFirst())
    if corner.isEmpty || !rest.allSatisfy(isNumber) { return true }
    if !isNumber(corner) {
      // A text first cell above numbers: a corner above column codes, or a data row's label.
      if rows.count < 2 || rows.dropFirst().allSatisfy({ isNumber($0.first ?? "") }) { return true }
      if looksLikeCodes(rest) { return true }
      if Set(rest).count < rest.count { return false }  // repeated values cannot be labels
      throw InputError.invalidData(
        source: source,
        reason: "row 1 ('\(corner)' then \(list(rest))) could be a header of column codes or a "
          + "labelled row of counts; say which with --header yes or --header no")
    }
    if rows.count > 1 && rows[1].count == first.count + 1 { return true }
    let labelledBelow = rows.count > 1 && rows.dropFirst().contains { !isNumber($0.first ?? "") }
    if labelledBelow || looksLikeCodes(first) {
      throw InputError.invalidData(
        source: source,
        reason: "row 1 (\(list(first))) is all numbers: it could be a header of category codes "
          + "or a row of counts; say which with --header yes or --header no")
    }
    return false
  }

  /// The rules for the label column.
  static func detectLabels(
    header: [String]?, body: [[String]], noCorner: Bool, source: String
  ) throws -> Bool {
    if noCorner { return true }
    let firstColumn = body.map { $0.first ?? "" }
    if !firstColumn.allSatisfy(isNumber) { return true }
    guard let header else {
      if looksLikeCodes(firstColumn) { throw ambiguousLabels(firstColumn, source: source) }
      return false
    }
    let corner = header.first ?? ""
    if corner.isEmpty || (!isNumber(corner) && header.dropFirst().allSatisfy(isNumber)) {
      return true
    }
    if looksLikeCodes(firstColumn) { throw ambiguousLabels(firstColumn, source: source) }
    return false
  }

  static func ambiguousLabels(_ column: [String], source: String) -> InputError {
    InputError.invalidData(
      source: source,
      reason: "column 1 (\(list(column))) could be row labels (category codes) or counts; "
        + "say which with --row-labels yes or --row-labels no")
  }

  /// Consecutive integers starting at 0 or 1 (`1,2,3`, `0.0,1.0`): what category codes look like.
  static func looksLikeCodes(_ cells: [String]) -> Bool {
    guard cells.count >= 2 else { return false }
    let values = cells.compactMap { try? NumericText.parseFinite($0, source: "") }
    guard values.count == cells.count, values[0] == 0 || values[0] == 1 else { return false }
    return zip(values, values.dropFirst()).allSatisfy { $1 == $0 + 1 }
  }

  static func isNumber(_ s: String) -> Bool {
    !s.isEmpty && (try? NumericText.parseFinite(s, source: "")) != nil
  }

  static func isBlankCell(_ s: String) -> Bool { TableSyntax.isBlank(s) }

  /// Up to eight labels, comma-separated, then "…".
  static func list(_ labels: [String]) -> String {
    let shown = labels.prefix(8).joined(separator: ", ")
    return labels.count > 8 ? shown + ", …" : shown
  }
}
