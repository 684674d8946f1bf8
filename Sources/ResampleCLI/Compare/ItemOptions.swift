// ItemOptions.swift: `compare --data … --distribution | --numeric` — multi-category items as one
// question each (answer distributions, optional mean scores) and numeric columns by their means.
import ArgumentParser
import Foundation
import Resample

/// The options that make a `--data` column a multi-category item or a numeric question, and
/// the run of that mode.
struct ItemOptions: ParsableArguments {
  @Flag(
    help: """
      With --data: every question is one multi-category item (a Likert or rating scale, or any \
      answers): the segment × answer table is tested, every pair of segments' distributions, \
      and each answer's share per segment with a Wilson interval.
      """)
  var distribution = false
  @Option(
    help: """
      With --distribution: the answers in order, comma-separated (default: by value when all \
      are numbers, else by first appearance); a listed answer nobody gave has share 0.
      """)
  var order: String?
  @Option(
    help: """
      With --distribution: a score per answer in order ("1,2,3,4,5"), or "codes" (the answers' \
      own numbers): the mean score per segment and Welch differences of mean scores.
      """)
  var scores: String?
  @Flag(
    help: """
      With --data: every question is a numeric column compared by its means (Welch t and \
      bootstrap percentile and BCa intervals of each difference).
      """)
  var numeric = false

  /// Whether any option of this group was given.
  var isSet: Bool { distribution || numeric || order != nil || scores != nil }

  /// The scores asked for, or nil.
  func answerScores() throws -> AnswerScores? {
    guard let scores else { return nil }
    if scores.trimmingCharacters(in: .whitespaces).lowercased() == "codes" { return .codes }
    return .values(try CommaList.numbers(scores, "--scores"))
  }

  /// Refuses combinations this mode does not analyse.
  ///
  /// - Parameter others: options given elsewhere that do not apply (name, given).
  /// - Throws: `InputError.invalidParameter` naming the first conflicting option.
  func check(others: [(String, Bool)]) throws {
    if (order != nil || scores != nil) && !distribution {
      throw InputError.invalidParameter(
        name: order != nil ? "--order" : "--scores", value: order ?? scores ?? "",
        expected: "--distribution with it")
    }
    if distribution && numeric {
      throw InputError.invalidParameter(
        name: "--numeric", value: "set", expected: "either --distribution or --numeric")
    }
    let mode = distribution ? "--distribution" : "--numeric"
    for (name, given) in others where given {
      throw InputError.invalidParameter(
        name: name, value: "set", expected: "no \(name) with \(mode) (not analysed in this mode)")
    }
  }

  /// Reads the questions of `table` and compares them.
  ///
  /// - Parameters:
  ///   - table: the respondent file.
  ///   - segment: the segment column.
  ///   - questions: `--questions` entries, or nil for every other column.
  ///   - missing: declared non-answers.
  ///   - freqWeight: a frequency-weight column, or nil.
  ///   - options: alpha, level, adjustment, replicates, seed, threads.
  /// - Throws: `InputError` for unreadable columns, items that cannot be compared, bad scores.
  func run(
    table: CSVTable, segment: String, questions: [String]?, missing: [String],
    freqWeight: String?, options: SurveyComparisonOptions
  ) throws -> ItemReport {
    let selectors = try RespondentData.selectors(
      table: table, segmentColumn: segment, questionColumns: questions,
      excluding: freqWeight.map { [$0] } ?? [])
    if let picked = selectors.first(where: { $0.answer != nil }) {
      throw InputError.invalidParameter(
        name: "--questions", value: "\(picked.column)=\(picked.answer ?? "")",
        expected: "column names with \(distribution ? "--distribution" : "--numeric")")
    }
    let columns = try selectors.map { try table.columnIndex(named: $0.column) }
    let seg = try RespondentData.segments(table: table, segmentColumn: segment)
    var notes = [seg.note]
    let copies = try freqWeight.map { try DesignOptions.frequencies(table, $0) }
    if let freqWeight, let copies {
      notes.append(
        "Frequency weights from column '\(freqWeight)': \(copies.count) rows stand for "
          + "\(copies.reduce(0, +)) respondents, analysed exactly as the expanded data.")
    }
    var report = ItemReport(options: options, notes: notes)
    for c in columns {
      let name = table.header[c].trimmingCharacters(in: .whitespaces)
      let cells = table.rows.map { $0[c].trimmingCharacters(in: .whitespaces) }
      if numeric {
        let v = try NumericComparison.values(
          name: name, cells: cells, segmentOfRow: seg.ofRow, segmentCount: seg.names.count,
          copies: copies, missing: missing, rowLines: table.rowLines, source: table.source)
        report.numeric.append(
          try NumericComparison.compare(
            name: name, segmentNames: seg.names, values: v.values, missing: v.missing,
            options: options,
            firstPair: report.numeric.reduce(0) { $0 + $1.pairs.count }))
        report.notes.append(
          "\(name): \(v.missing) cell(s) empty, NA, NaN or declared non-answers left out.")
      } else {
        report.items.append(
          try AnswerDistribution.tally(
            name: name, cells: cells, segmentOfRow: seg.ofRow, segmentNames: seg.names,
            copies: copies, order: try order.map { try CommaList.labels($0, option: "--order") },
            missing: missing, source: table.source))
      }
    }
    if numeric {
      report.numeric = try NumericComparison.adjust(report.numeric, options: options)
    } else {
      report.distributions = try DistributionComparison.compare(
        report.items, scores: try answerScores(), options: options)
      for q in report.distributions {
        let item = q.item
        report.notes.append(
          "\(item.name): answers \(item.answers.joined(separator: ", ")) "
            + ItemReport.orderWords(item.ordering) + ".")
        for e in item.excluded where e.count > 0 {
          report.notes.append(
            "\(item.name): \(e.count) × '\(e.label)' left out as non-answers (--missing).")
        }
        report.notes += q.notes
      }
    }
    return report
  }
}

/// What `--distribution` or `--numeric` found, ready to print.
struct ItemReport {
  var options: SurveyComparisonOptions
  var notes: [String]
  var items: [AnswerDistribution] = []
  var distributions: [DistributionQuestion] = []
  var numeric: [NumericQuestionResult] = []

  static func orderWords(_ o: AnswerDistribution.Ordering) -> String {
    switch o {
    case .declared: return "in the declared order (--order)"
    case .numeric: return "ordered by value"
    case .firstAppearance: return "in order of first appearance (give --order to change it)"
    }
  }
}
