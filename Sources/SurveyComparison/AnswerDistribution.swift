// AnswerDistribution.swift: the segment × answer counts of one multi-category item (a Likert or
// rating-scale question, or any item with more than two answers) read from respondent rows.
import DataInput
import ResampleCore

/// The answers of one multi-category item, tallied by segment: the table `compare --distribution`
/// tests.
///
/// Answers are shown in short form (`6`, not `6.0`) and ordered as declared (`--order`), else by
/// value when every answer is a number, else by first appearance. Empty cells, `NA` and the
/// declared non-answers (`--missing`) are left out and counted.
public struct AnswerDistribution: Sendable, Equatable {
  /// How the answers were ordered.
  public enum Ordering: String, Sendable, CaseIterable, Codable {
    /// As given by the user (`--order`).
    case declared
    /// By value: every answer is a number.
    case numeric
    /// In the order the answers first appear in the file.
    case firstAppearance = "first-appearance"
  }

  /// The question (the column's name).
  public let name: String
  /// The answers, in ``ordering``.
  public let answers: [String]
  /// How ``answers`` were ordered.
  public let ordering: Ordering
  /// The segments, in the order the results use.
  public let segmentNames: [String]
  /// Respondents per segment and answer (segment-major).
  public let counts: [[Int]]
  /// Cells left out per declared non-answer (shown label, count), in the order declared.
  public let excluded: [NonAnswerCount]

  /// A declared non-answer and how many cells held it.
  public struct NonAnswerCount: Sendable, Equatable {
    public let label: String
    public let count: Int
  }

  /// - Parameters:
  ///   - name: the question.
  ///   - answers: the answers in order.
  ///   - ordering: how they were ordered.
  ///   - segmentNames: the segments.
  ///   - counts: respondents per segment and answer.
  ///   - excluded: the declared non-answers left out.
  /// - Throws: `InputError` when `counts` does not match the segments and answers, a count is
  ///   negative, or there are fewer than two answers or two segments.
  public init(
    name: String, answers: [String], ordering: Ordering, segmentNames: [String], counts: [[Int]],
    excluded: [NonAnswerCount] = []
  ) throws {
    guard answers.count >= 2, segmentNames.count >= 2, counts.count == segmentNames.count,
      counts.allSatisfy({ $0.count == answers.count && $0.allSatisfy { $0 >= 0 } })
    else {
      throw InputError.invalidData(
        source: name,
        reason: "needs at least two answers and two segments, one non-negative count per "
          + "segment and answer (got \(answers.count) answers, \(segmentNames.count) segments)")
    }
    self.name = name
    self.answers = answers
    self.ordering = ordering
    self.segmentNames = segmentNames
    self.counts = counts
    self.excluded = excluded
  }

  /// Tallies one column of respondent rows.
  ///
  /// - Parameters:
  ///   - name: the question (the column's name).
  ///   - cells: the column's cells, trimmed, in row order.
  ///   - segmentOfRow: per row, an index into `segmentNames`.
  ///   - segmentNames: the segments.
  ///   - copies: per row, the respondents it stands for (frequency weights), or nil for one each.
  ///   - order: the declared order of the answers (every answer found must be in it; an answer in
  ///     it that nobody gave is kept with count 0), or nil.
  ///   - missing: declared non-answers, compared as shown labels.
  ///   - source: the file, for errors.
  /// - Throws: `InputError.invalidData` naming the question when an answer is not in `order`,
  ///   `order` repeats an answer, or fewer than two answers remain (nothing to compare).
  /// - Complexity: O(rows + answers log answers).
  public static func tally(
    name: String, cells: [String], segmentOfRow: [Int], segmentNames: [String],
    copies: [Int]? = nil, order: [String]? = nil, missing: [String] = [], source: String
  ) throws -> AnswerDistribution {
    let declaredMissing = missing.map(CategoryLabels.display)
    let missingSet = Set(declaredMissing)
    var seen: [String] = []
    var index: [String: Int] = [:]
    var codes = [Int](repeating: -1, count: cells.count)
    var excluded = [Int](repeating: 0, count: declaredMissing.count)
    for (r, cell) in cells.enumerated() {
      if RespondentData.isMissing(cell) { continue }
      let shown = CategoryLabels.display(cell)
      if missingSet.contains(shown) {
        if let m = declaredMissing.firstIndex(of: shown) { excluded[m] += copies?[r] ?? 1 }
        continue
      }
      if index[shown] == nil {
        index[shown] = seen.count
        seen.append(shown)
      }
      codes[r] = index[shown] ?? 0
    }
    let answers: [String]
    let ordering: Ordering
    if let order {
      answers = order.map(CategoryLabels.display)
      ordering = .declared
      if let repeated = answers.first(where: { a in answers.count { $0 == a } > 1 }) {
        throw InputError.invalidData(
          source: source, reason: "the order of question \(name) lists '\(repeated)' twice")
      }
      let unknown = seen.filter { !answers.contains($0) }
      guard unknown.isEmpty else {
        throw InputError.invalidData(
          source: source,
          reason:
            "question \(name) has answers not in the declared order (\(answers.joined(separator: ", "))): "
            + unknown.prefix(8).joined(separator: ", ")
            + "; add them to the order or declare them non-answers with --missing")
      }
    } else {
      let ordered = CategoryLabels.ordered(seen)
      answers = ordered.labels
      ordering = ordered.numeric ? .numeric : .firstAppearance
    }
    guard answers.count >= 2 else {
      throw InputError.invalidData(
        source: source,
        reason: "question \(name) has \(answers.count) answer"
          + (answers.isEmpty ? "s" : " ('\(answers[0])')")
          + " after non-answers are left out: a distribution needs at least two answers")
    }
    let rank = Dictionary(uniqueKeysWithValues: answers.enumerated().map { ($1, $0) })
    let columnOf = seen.map { rank[$0] ?? 0 }
    var counts = [[Int]](
      repeating: [Int](repeating: 0, count: answers.count), count: segmentNames.count)
    for (r, code) in codes.enumerated() where code >= 0 {
      counts[segmentOfRow[r]][columnOf[code]] += copies?[r] ?? 1
    }
    return try AnswerDistribution(
      name: name, answers: answers, ordering: ordering, segmentNames: segmentNames,
      counts: counts,
      excluded: zip(declaredMissing, excluded).map { NonAnswerCount(label: $0, count: $1) })
  }
}
