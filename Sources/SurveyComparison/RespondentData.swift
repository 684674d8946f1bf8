// RespondentData.swift: survey questions from a respondent-level CSV table.
import DataInput
import ResampleCore

/// Reads respondent-level survey data: one row per respondent, a segment column, answer columns
/// and an optional weight column.
///
/// Answers `1`/`0` (also `1.0`/`0.0`), `yes`/`no`, `y`/`n`, `true`/`false` (any case) make a
/// yes/no question; an empty cell, `NA` or a declared non-answer (`missing`) is a missing answer
/// (the respondent is left out of that question). Any other column is refused unless the
/// question names the answer to count (`"selfLR=7"`: the share answering 7, question
/// `"selfLR = 7"`); see ``AnswerCoding``. Segment labels that are all numbers are ordered by
/// value and shown in short form (`6`, not `6.0`); other segments by first appearance.
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
    try read(
      table: table, segmentColumn: segmentColumn, questionColumns: questionColumns,
      weightColumn: weightColumn
    ).questions
  }

  /// Builds the questions and says how segments were ordered and which non-answers were left
  /// out.
  ///
  /// - Parameters:
  ///   - table: the CSV table (with a header).
  ///   - segmentColumn: the column naming each respondent's segment.
  ///   - questionColumns: `--questions` entries, `COLUMN` or `COLUMN=ANSWER` (default: every
  ///     column but the segment and weight).
  ///   - weightColumn: a column of non-negative weights, or nil.
  ///   - missing: answers that are non-answers (`"Don't know"`, `-9`), left out and counted.
  /// - Throws: as ``questions(table:segmentColumn:questionColumns:weightColumn:)``, and when a
  ///   column is not a yes/no question and no answer was picked.
  /// - Complexity: O(rows × columns).
  public static func read(
    table: CSVTable, segmentColumn: String, questionColumns: [String]? = nil,
    weightColumn: String? = nil, missing: [String] = []
  ) throws -> RespondentQuestions {
    let rows = try self.rows(
      table: table, segmentColumn: segmentColumn, questionColumns: questionColumns,
      excluding: weightColumn.map { [$0] } ?? [], missing: missing)
    let weightIndex = try weightColumn.map { try table.columnIndex(named: $0) }
    var weights: [Double] = []
    if let wi = weightIndex {
      for (r, row) in table.rows.enumerated() {
        let line = r < table.rowLines.count ? table.rowLines[r] : r + 2
        let w = try NumericText.parseFinite(
          row[wi], source: "\(table.source) line \(line)", what: "weight")
        guard w >= 0 else {
          throw InputError.invalidData(
            source: "\(table.source) line \(line)", reason: "negative weight \(row[wi])")
        }
        weights.append(w)
      }
    }
    let k = rows.segmentNames.count
    var out: [SurveyQuestion] = []
    for q in rows.questions {
      var answers = [[Bool]](repeating: [], count: k)
      var w = [[Double]](repeating: [], count: k)
      for (r, answer) in q.answers.enumerated() {
        guard let a = answer else { continue }
        answers[rows.segmentOfRow[r]].append(a)
        if weightIndex != nil { w[rows.segmentOfRow[r]].append(weights[r]) }
      }
      out.append(
        try SurveyQuestion(
          name: q.name, segmentNames: rows.segmentNames,
          data: .respondents(answers: answers, weights: weightIndex == nil ? nil : w)))
    }
    return RespondentQuestions(questions: out, notes: rows.notes)
  }

  /// The segment and the yes/no answers of every respondent, in row order (what design-based
  /// estimation needs: each row keeps its place in the design).
  ///
  /// - Parameters:
  ///   - table: the CSV table (with a header).
  ///   - segmentColumn: the column naming each respondent's segment.
  ///   - questionColumns: `--questions` entries, `COLUMN` or `COLUMN=ANSWER` (default: every
  ///     column but the segment and `excluding`).
  ///   - excluding: columns that are never questions by default (weights, design columns).
  ///   - missing: answers that are non-answers, left out and counted.
  ///   - topBox: a rating-scale column (3 to 11 numeric codes, not yes/no, no answer picked)
  ///     becomes the share answering one of its `topBox` highest codes (`--top-box`).
  /// - Throws: as ``read(table:segmentColumn:questionColumns:weightColumn:missing:)``.
  /// - Complexity: O(rows × columns).
  public static func rows(
    table: CSVTable, segmentColumn: String, questionColumns: [String]? = nil,
    excluding: [String] = [], missing: [String] = [], topBox: Int? = nil
  ) throws -> RespondentRows {
    let selectors = try self.selectors(
      table: table, segmentColumn: segmentColumn, questionColumns: questionColumns,
      excluding: excluding)
    let columns = try selectors.map { try table.columnIndex(named: $0.column) }
    let seg = try segments(table: table, segmentColumn: segmentColumn)
    let (segmentNames, segmentOf) = (seg.names, seg.ofRow)
    var notes = [seg.note]
    var questions: [RespondentRows.Question] = []
    for (selector, c) in zip(selectors, columns) {
      let cells = table.rows.map { $0[c].trimmingSpaces() }
      let coding = try AnswerCoding(
        selector: QuestionSelector(
          column: table.header[c].trimmingSpaces(), answer: selector.answer),
        cells: cells, missing: missing, topBox: topBox, source: table.source)
      let left = coding.excluded.filter { $0.count > 0 }
      if !missing.isEmpty {
        notes.append(
          "\(coding.name): "
            + (left.isEmpty
              ? "no declared non-answers found"
              : left.map { "\($0.count) × '\($0.label)'" }.joined(separator: ", ")
                + " left out as non-answers (--missing)") + ".")
      }
      questions.append(
        RespondentRows.Question(name: coding.name, answers: cells.map { coding.answer($0) }))
    }
    return RespondentRows(
      segmentNames: segmentNames, segmentOfRow: segmentOf, questions: questions, notes: notes)
  }

  /// The `--questions` entries, or by default every column but the segment and `excluding`.
  ///
  /// - Throws: `InputError` for an empty list, an unknown column or no answer column.
  /// - Complexity: O(columns).
  public static func selectors(
    table: CSVTable, segmentColumn: String, questionColumns: [String]?, excluding: [String] = []
  ) throws -> [QuestionSelector] {
    let segIndex = try table.columnIndex(named: segmentColumn)
    let excluded = Set(try excluding.map { try table.columnIndex(named: $0) })
    let selectors: [QuestionSelector]
    if let questionColumns {
      guard !questionColumns.isEmpty else {
        throw InputError.invalidParameter(
          name: "--questions", value: "", expected: "one or more column names")
      }
      selectors = questionColumns.map { QuestionSelector($0, header: table.header) }
      // A question that is the segment (or a design) column is associated with the segments by
      // construction: its tests would be exit 0 with a meaningless p-value.
      for q in selectors {
        let index = try table.columnIndex(named: q.column)
        guard index != segIndex, !excluded.contains(index) else {
          throw InputError.invalidParameter(
            name: "--questions", value: q.column,
            expected: "an answer column, not the segment column '\(segmentColumn)' or a design "
              + "column")
        }
      }
    } else {
      selectors = table.header.indices.filter { $0 != segIndex && !excluded.contains($0) }.map {
        QuestionSelector(column: table.header[$0])
      }
    }
    guard !selectors.isEmpty else {
      throw InputError.invalidData(source: table.source, reason: "no answer columns")
    }
    return selectors
  }

  /// Each respondent's segment: labels shown in short form (`6`, not `6.0`), ordered by value
  /// when all are numbers, else by first appearance.
  ///
  /// - Returns: the segment names, per row an index into them, and the sentence that says how
  ///   they were ordered.
  /// - Throws: `InputError` naming the file and line for an empty segment label, a missing
  ///   column, or fewer than two segments.
  /// - Complexity: O(rows + k log k).
  public static func segments(
    table: CSVTable, segmentColumn: String
  ) throws -> (names: [String], ofRow: [Int], note: String) {
    let segIndex = try table.columnIndex(named: segmentColumn)
    var segmentNames: [String] = []
    var segmentOf: [Int] = []
    var lookup: [String: Int] = [:]
    for (r, row) in table.rows.enumerated() {
      let line = r < table.rowLines.count ? table.rowLines[r] : r + 2
      let label = CategoryLabels.display(row[segIndex].trimmingSpaces())
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
    }
    guard segmentNames.count >= 2 else {
      throw InputError.invalidData(
        source: table.source,
        reason: "column '\(table.header[segIndex])' has \(segmentNames.count) segment(s); "
          + "at least two are needed")
    }
    let ordered = CategoryLabels.ordered(segmentNames)
    let note =
      "Segments (column '\(table.header[segIndex].trimmingSpaces())'): "
      + (ordered.numeric ? "ordered by value" : "in order of first appearance") + ", "
      + ordered.labels.joined(separator: ", ") + "."
    if ordered.numeric {
      let rank = Dictionary(uniqueKeysWithValues: ordered.labels.enumerated().map { ($1, $0) })
      segmentOf = segmentOf.map { rank[segmentNames[$0]] ?? 0 }
      segmentNames = ordered.labels
    }
    return (segmentNames, segmentOf, note)
  }

  /// One yes/no question's answers in row order (`COLUMN`, or `COLUMN=ANSWER` for the share
  /// giving that answer), coded as ``rows(table:segmentColumn:questionColumns:excluding:missing:)``
  /// codes each question.
  ///
  /// - Throws: `InputError` for a missing column or one that is not a yes/no question.
  /// - Complexity: O(rows).
  public static func answers(
    table: CSVTable, question: String, missing: [String] = []
  ) throws -> RespondentRows.Question {
    let selector = QuestionSelector(question, header: table.header)
    let c = try table.columnIndex(named: selector.column)
    let cells = table.rows.map { $0[c].trimmingSpaces() }
    let coding = try AnswerCoding(
      selector: QuestionSelector(column: table.header[c].trimmingSpaces(), answer: selector.answer),
      cells: cells, missing: missing, source: table.source)
    return RespondentRows.Question(name: coding.name, answers: cells.map { coding.answer($0) })
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
