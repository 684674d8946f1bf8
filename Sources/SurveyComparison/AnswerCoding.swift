// AnswerCoding.swift: which answers of a respondent-data column make one yes/no question.
import DataInput
import ResampleCore

/// Category labels as shown and ordered: numbers by value (`6.0` shown as `6`), text as written.
public enum CategoryLabels {
  /// The label as shown: a number is written in its shortest form (`6.0` → `6`, `2.50` → `2.5`)
  /// so that `6` and `6.0` are one category; text is kept as written.
  ///
  /// - Complexity: O(length of `label`).
  public static func display(_ label: String) -> String {
    guard let v = number(label) else { return label }
    if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
    return "\(v)"
  }

  /// Distinct shown labels ordered by value when all are numbers, else kept in the order given
  /// (first appearance).
  ///
  /// - Returns: the labels and whether they were ordered numerically.
  /// - Complexity: O(k log k).
  public static func ordered(_ labels: [String]) -> (labels: [String], numeric: Bool) {
    let values = labels.compactMap(number)
    guard !labels.isEmpty, values.count == labels.count else { return (labels, false) }
    let order = labels.indices.sorted { values[$0] < values[$1] }
    return (order.map { labels[$0] }, true)
  }

  /// The label as a finite number, or nil.
  static func number(_ label: String) -> Double? {
    guard !label.isEmpty else { return nil }
    return try? NumericText.parseFinite(label, source: "")
  }

  /// `1..7` for consecutive integers, else the first eight labels.
  static func summary(_ labels: [String]) -> String {
    let values = labels.compactMap(number)
    if labels.count > 2, values.count == labels.count,
      zip(values, values.dropFirst()).allSatisfy({ $1 == $0 + 1 })
    {
      return "\(labels[0])..\(labels[labels.count - 1])"
    }
    let shown = labels.prefix(8).joined(separator: ", ")
    return labels.count > 8 ? shown + ", …" : shown
  }
}

/// One entry of `--questions`: a column, or `COLUMN=ANSWER` (the share giving that answer).
public struct QuestionSelector: Sendable, Equatable {
  /// The answer column.
  public let column: String
  /// The answer counted as "yes", or nil for a yes/no column.
  public let answer: String?

  /// Reads `"selfLR"` or `"selfLR=7"`; an entry that is itself a column name is never split.
  ///
  /// - Parameters:
  ///   - entry: the text of one `--questions` entry.
  ///   - header: the column names of the file.
  public init(_ entry: String, header: [String]) {
    let trimmed = entry.trimmingSpaces()
    let names = Set(header.map { $0.trimmingSpaces() })
    if !names.contains(trimmed), let eq = trimmed.firstIndex(of: "=") {
      column = String(trimmed[..<eq]).trimmingSpaces()
      answer = String(trimmed[trimmed.index(after: eq)...]).trimmingSpaces()
    } else {
      column = trimmed
      answer = nil
    }
  }

  public init(column: String, answer: String? = nil) {
    self.column = column
    self.answer = answer
  }
}

/// How the cells of one answer column become a yes/no question.
///
/// A column whose answers are all yes/no words or 0/1 numbers (after empty cells, `NA` and the
/// declared non-answers are left out) is a yes/no question. With `COLUMN=ANSWER` the question is
/// the share giving that answer. Any other column is refused with a message listing what was
/// found and how to choose (`--distribution` analyses a multi-category item as one question,
/// `--numeric` a numeric column by its means).
struct AnswerCoding {
  /// The question's name: the column, or `"column = answer"`.
  let name: String
  /// The answer of one cell: true/false, or nil when it is missing or a declared non-answer.
  let answer: (String) -> Bool?
  /// How many cells held each declared non-answer (shown label, count), in order of `missing`.
  let excluded: [(label: String, count: Int)]

  /// - Parameters:
  ///   - selector: the column and optional answer.
  ///   - cells: the column's cells, trimmed.
  ///   - missing: declared non-answers (`--missing`), compared as shown labels.
  ///   - topBox: with a rating scale (numeric codes, 3 to 11 of them), the question is the share
  ///     answering one of its `topBox` highest codes (the top-box share of survey research).
  ///   - source: the file, for errors.
  /// - Throws: `InputError.invalidData` when the column is not yes/no and no answer is picked,
  ///   the picked answer does not occur, or `topBox` does not fit the column's answers.
  /// - Complexity: O(cells × log categories).
  init(
    selector: QuestionSelector, cells: [String], missing: [String], topBox: Int? = nil,
    source: String
  ) throws {
    let column = selector.column
    let declared = missing.map(CategoryLabels.display)
    let declaredSet = Set(declared)
    func isNonAnswer(_ s: String) -> Bool {
      RespondentData.isMissing(s) || declaredSet.contains(CategoryLabels.display(s))
    }
    excluded = declared.map { d in
      (d, cells.count { !RespondentData.isMissing($0) && CategoryLabels.display($0) == d })
    }
    var seen: [String] = []
    var seenSet: Set<String> = []
    for cell in cells where !isNonAnswer(cell) {
      let shown = CategoryLabels.display(cell)
      if seenSet.insert(shown).inserted { seen.append(shown) }
    }
    let (answers, _) = CategoryLabels.ordered(seen)
    if let picked = selector.answer {
      let target = CategoryLabels.display(picked)
      guard seenSet.contains(target) else {
        throw InputError.invalidData(
          source: source,
          reason: "question \(column) has no answer '\(picked)' (its answers: "
            + "\(CategoryLabels.summary(answers)))")
      }
      name = "\(column) = \(target)"
      answer = { s in isNonAnswer(s) ? nil : CategoryLabels.display(s) == target }
      return
    }
    if cells.allSatisfy({ isNonAnswer($0) || Self.yesNo($0) != nil }) {
      name = column
      answer = { s in isNonAnswer(s) ? nil : Self.yesNo(s) }
      return
    }
    if let k = topBox {
      let top = try Self.topCodes(k, column: column, answers: answers, source: source)
      name = "\(column) top-\(k) box (\(top.joined(separator: ", ")))"
      let topSet = Set(top)
      answer = { s in isNonAnswer(s) ? nil : topSet.contains(CategoryLabels.display(s)) }
      return
    }
    throw InputError.invalidData(
      source: source, reason: Self.refusal(column: column, answers: answers))
  }

  /// The `k` highest codes of a rating scale (answers ordered by value).
  ///
  /// - Throws: `InputError.invalidData` naming the column when its answers are not all numbers,
  ///   are fewer than 3 or more than 11 (not a rating scale), or `k` leaves no other answer.
  static func topCodes(
    _ k: Int, column: String, answers: [String], source: String
  ) throws -> [String] {
    let numeric = answers.allSatisfy { CategoryLabels.number($0) != nil }
    guard numeric, (3...11).contains(answers.count) else {
      throw InputError.invalidData(
        source: source,
        reason: "--top-box needs a rating scale of 3 to 11 numeric codes; question \(column) has "
          + "\(answers.count) answers (\(CategoryLabels.summary(answers))): pick the answer to "
          + "test with `\(column)=VALUE`")
    }
    guard k >= 1 && k < answers.count else {
      throw InputError.invalidData(
        source: source,
        reason: "--top-box \(k) leaves no other answer of question \(column) "
          + "(\(CategoryLabels.summary(answers))): give 1 to \(answers.count - 1)")
    }
    return Array(answers.suffix(k))
  }

  /// A yes/no answer: the words of `RespondentData.parseBinary`, or the numbers 0 and 1.
  static func yesNo(_ s: String) -> Bool? {
    if let b = RespondentData.parseBinary(s) { return b }
    switch CategoryLabels.number(s) {
    case 1: return true
    case 0: return false
    default: return nil
    }
  }

  /// Why a column is not a yes/no question, and what to write instead.
  static func refusal(column: String, answers: [String]) -> String {
    let values = answers.compactMap(CategoryLabels.number)
    let yesNoAnswers = answers.filter { yesNo($0) != nil }
    let others = answers.filter { yesNo($0) == nil }
    let example = answers.last.map { "\(column)=\($0)" } ?? "\(column)=VALUE"
    if values.count == answers.count && answers.count > 10 {
      return "question \(column) is a numeric column with \(answers.count) distinct values "
        + "(\(answers[0]) to \(answers[answers.count - 1])): compare analyses yes/no questions "
        + "(answers yes/no or 0/1); compare its means with --numeric"
    }
    if yesNoAnswers.count == 2 && !others.isEmpty {
      let yes = yesNoAnswers.first { yesNo($0) == true } ?? yesNoAnswers[0]
      return
        "question \(column) has \(answers.count) answers (\(CategoryLabels.summary(answers))): "
        + "compare analyses yes/no questions; declare the non-answers with --missing "
        + "\"\(others.joined(separator: ","))\", or pick the answer to test with `\(column)=\(yes)`"
    }
    return "question \(column) has \(answers.count) answers (\(CategoryLabels.summary(answers))): "
      + "compare analyses yes/no questions; pick the answer to test with `\(column)=VALUE` "
      + "(e.g. `\(example)`), compare the whole distribution of answers with --distribution, "
      + (values.count == answers.count ? "its means with --numeric, " : "")
      + "test a rating scale's top-box share with --top-box K, or declare non-answers with "
      + "--missing \"LIST\""
  }
}
