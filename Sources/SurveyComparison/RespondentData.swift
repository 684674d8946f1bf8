// RespondentData.swift: survey questions from a respondent-level CSV table.
import DataInput
import ResampleCore

/// Reads respondent-level survey data: one row per respondent, a segment column, answer columns
/// and an optional weight column.
///
/// Answers `1`/`0`, `yes`/`no`, `y`/`n`, `true`/`false` (any case) make a yes/no question; an
/// empty cell or `NA` is a missing answer (the respondent is left out of that question). A
/// column with any other value is categorical: it becomes one yes/no question per category,
/// named `"column = category"` (the share answering that category), categories in order of
/// first appearance. Segments are ordered by first appearance.
public enum RespondentData {
  /// Builds the questions.
  ///
  /// - Parameters:
  ///   - table: the CSV table (with a header).
  ///   - segmentColumn: the column naming each respondent's segment.
  ///   - questionColumns: the answer columns (default: every column but the segment and weight).
  ///   - weightColumn: a column of non-negative weights, or nil.
  /// - Throws: `InputError` naming the file and line for an empty segment label, a bad weight,
  ///   a missing column, fewer than two segments, or a segment without answers to a question.
  /// - Complexity: O(rows × columns).
  public static func questions(
    table: CSVTable, segmentColumn: String, questionColumns: [String]? = nil,
    weightColumn: String? = nil
  ) throws -> [SurveyQuestion] {
    let segIndex = try table.columnIndex(named: segmentColumn)
    let weightIndex = try weightColumn.map { try table.columnIndex(named: $0) }
    let columns: [Int]
    if let questionColumns {
      guard !questionColumns.isEmpty else {
        throw InputError.invalidParameter(
          name: "--questions", value: "", expected: "one or more column names")
      }
      columns = try questionColumns.map { try table.columnIndex(named: $0) }
    } else {
      columns = table.header.indices.filter { $0 != segIndex && $0 != weightIndex }
    }
    guard !columns.isEmpty else {
      throw InputError.invalidData(source: table.source, reason: "no answer columns")
    }
    // Segments and weights per row.
    var segmentNames: [String] = []
    var segmentOf: [Int] = []
    var lookup: [String: Int] = [:]
    var weights: [Double] = []
    for (r, row) in table.rows.enumerated() {
      let line = r < table.rowLines.count ? table.rowLines[r] : r + 2
      let label = row[segIndex].trimmingSpaces()
      guard !label.isEmpty else {
        throw InputError.invalidData(
          source: "\(table.source) line \(line)",
          reason: "empty segment in column '\(table.header[segIndex])'")
      }
      if lookup[label] == nil {
        lookup[label] = segmentNames.count
        segmentNames.append(label)
      }
      segmentOf.append(lookup[label] ?? 0)
      if let wi = weightIndex {
        let w = try NumericText.parseFinite(
          row[wi], source: "\(table.source) line \(line)", what: "weight")
        guard w >= 0 else {
          throw InputError.invalidData(
            source: "\(table.source) line \(line)", reason: "negative weight \(row[wi])")
        }
        weights.append(w)
      }
    }
    guard segmentNames.count >= 2 else {
      throw InputError.invalidData(
        source: table.source,
        reason: "column '\(table.header[segIndex])' has \(segmentNames.count) segment(s); "
          + "at least two are needed")
    }
    var out: [SurveyQuestion] = []
    for c in columns {
      let name = table.header[c].trimmingSpaces()
      let cells = table.rows.map { $0[c].trimmingSpaces() }
      let parsed = cells.map(parseBinary)
      let isBinary = zip(cells, parsed).allSatisfy { cell, b in b != nil || isMissing(cell) }
      let categories: [(name: String, test: (String) -> Bool?)]
      if isBinary {
        categories = [(name, { s in isMissing(s) ? nil : parseBinary(s) })]
      } else {
        var seen: [String] = []
        for cell in cells where !isMissing(cell) && !seen.contains(cell) { seen.append(cell) }
        categories = seen.map { cat in ("\(name) = \(cat)", { s in isMissing(s) ? nil : s == cat })
        }
      }
      for (qname, test) in categories {
        var answers = [[Bool]](repeating: [], count: segmentNames.count)
        var w = [[Double]](repeating: [], count: segmentNames.count)
        for (r, cell) in cells.enumerated() {
          guard let a = test(cell) else { continue }
          answers[segmentOf[r]].append(a)
          if weightIndex != nil { w[segmentOf[r]].append(weights[r]) }
        }
        out.append(
          try SurveyQuestion(
            name: qname, segmentNames: segmentNames,
            data: .respondents(answers: answers, weights: weightIndex == nil ? nil : w)))
      }
    }
    return out
  }

  static func isMissing(_ s: String) -> Bool { s.isEmpty || s.lowercased() == "na" }

  static func parseBinary(_ s: String) -> Bool? {
    switch s.lowercased() {
    case "1", "yes", "y", "true": return true
    case "0", "no", "n", "false": return false
    default: return nil
    }
  }
}
