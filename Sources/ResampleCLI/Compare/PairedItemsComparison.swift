// PairedItemsComparison.swift: `compare --data F --paired Q1,Q2 [--segment S]` — two yes/no
// items of the same respondents: McNemar's test (with and without the continuity correction,
// and exact) and the paired difference of the two shares with Newcombe's interval.
import ArgumentParser
import Foundation
import Resample

/// The options naming two items of `--data` answered by the same respondents.
struct PairedItemsOptions: ParsableArguments {
  @Option(
    name: .customLong("paired-items"),
    help: "With --data: two items of the same respondents, Q1,Q2 (also spelled --paired Q1,Q2).")
  var pairedItems: String?
  @Argument(help: "With --data --paired: the two items, Q1,Q2.")
  var pairedValue: String?
  @Option(
    help:
      "With --paired Q1,Q2: the answer counted as a success (default 1 of 0/1, or yes/true); other answers are failures."
  )
  var success: String?

  /// The two items, or nil when none were named.
  ///
  /// - Parameter flag: whether `--paired` was given (it takes `Q1,Q2` after it with `--data`).
  /// - Throws: `InputError.invalidParameter` for anything but two distinct column names.
  func items(flag: Bool) throws -> (String, String)? {
    if pairedValue != nil && (!flag || pairedItems != nil) {
      throw InputError.invalidParameter(
        name: "argument", value: pairedValue ?? "", expected: "--data F --paired Q1,Q2")
    }
    guard let text = pairedItems ?? pairedValue else {
      if let success {
        throw InputError.invalidParameter(
          name: "--success", value: success, expected: "--data F --paired Q1,Q2 with it")
      }
      return nil
    }
    let parts = try CommaList.labels(text, option: "--paired")
    guard parts.count == 2, parts[0] != parts[1] else {
      throw InputError.invalidParameter(
        name: "--paired", value: text, expected: "two different columns of --data, Q1,Q2")
    }
    return (parts[0], parts[1])
  }
}

/// McNemar's test and Newcombe's paired interval for two items, overall or per segment.
struct PairedItemsComparison {
  /// One paired comparison (all respondents, or one segment).
  struct Row {
    var segment: String?
    var counts: [[Int]]
    var first, second: ProportionInterval
    var corrected, uncorrected: McNemarResult
    var difference: PairedProportionDifference
    var excluded: [(column: String, label: String, count: Int)]
  }
  var file: String
  var items: (String, String)
  var categories: [String]
  var success: String
  var level: Double
  var rows: [Row]
  var notes: [String]

  /// Tallies the items from `--data` (per segment with `segment`) and tests each table.
  ///
  /// - Parameters:
  ///   - data: the file path; `format` reads it.
  ///   - items: the two columns.
  ///   - segment: the segment column, if any.
  ///   - missing: non-answers, left out and counted.
  ///   - success: `--success`; needed when an item has more than two answers.
  ///   - level: the confidence level of the intervals.
  /// - Throws: `InputError` naming the column or option at fault.
  /// - Complexity: O(rows × segments) to tally, O(min(b, c)) per exact test.
  static func run(
    data: String, items: (String, String), segment: String?, missing: Set<String>,
    success: String?, level: Double, format: DataFileOptions
  ) throws -> PairedItemsComparison {
    let (q1, q2) = items
    if let segment, [q1, q2].contains(segment) {
      throw InputError.invalidParameter(
        name: "--segment", value: segment, expected: "a column other than the paired items")
    }
    let file = try format.columns(
      data, numeric: [], labels: [q1, q2] + [segment].compactMap { $0 })
    let all = try RespondentCrosstab.tallyPaired(file, first: q1, second: q2, missing: missing)
    let labels = all.rowLabels
    guard labels.count >= 2 else {
      throw InputError.invalidData(
        source: data,
        reason: "'\(q1)' and '\(q2)' have one answer (\(labels.first ?? "")): nothing to compare")
    }
    if labels.count > 2 && success == nil {
      throw InputError.invalidParameter(
        name: "--success", value: "(not given)",
        expected: "the answer counted as a success, as '--success ANSWER' (the others are "
          + "failures), or the non-answers in --missing: '\(q1)' and '\(q2)' have "
          + "\(labels.count) answers: " + labels.joined(separator: ", "))
    }
    let s = try PairedSuccess.index(labels, success: success)
    var tables: [(String?, RespondentCrosstab)] = []
    var notes: [String] = []
    if let segment {
      let (order, segmentOfRow, blank) = try Self.segments(file, segment: segment)
      if blank > 0 { notes.append("\(blank) rows with no '\(segment)' left out") }
      for (k, name) in order.enumerated() {
        let t = try RespondentCrosstab.tally(
          file, rows: q1, columns: q2, frequencyWeight: nil, rowOrder: labels,
          columnOrder: labels, missing: missing, including: { segmentOfRow[$0] == k })
        tables.append((name, t))
      }
    } else {
      tables = [(nil, all)]
    }
    var rows: [Row] = []
    for (name, t) in tables {
      let m = PairedSuccess.twoByTwo(t.counts, success: s)
      let source = name.map { "\(data) (\(segment ?? "") = \($0))" } ?? data
      guard m.joined().reduce(0, +) > 0 else {
        notes.append("\(source): no respondent answered both items; left out")
        continue
      }
      let n = m.joined().reduce(0, +)
      let table = try ContingencyTable(rows: m, source: source)
      rows.append(
        Row(
          segment: name, counts: m,
          first: try proportionInterval(
            successes: m[0][0] + m[0][1], trials: n, level: level, method: .wilson),
          second: try proportionInterval(
            successes: m[0][0] + m[1][0], trials: n, level: level, method: .wilson),
          corrected: try mcNemarTest(table, correction: .yates),
          uncorrected: try mcNemarTest(table, correction: .none),
          difference: try newcombePairedInterval(
            a: m[0][0], b: m[0][1], c: m[1][0], d: m[1][1], level: level),
          excluded: t.excluded))
    }
    return PairedItemsComparison(
      file: data, items: items, categories: labels, success: labels[s], level: level, rows: rows,
      notes: notes)
  }

  /// The segments in order of first appearance (names trimmed), each row's segment index (nil
  /// for a blank segment), and the number of rows with no segment.
  /// - Complexity: O(rows).
  static func segments(
    _ file: CSVColumns, segment: String
  ) throws -> (order: [String], segmentOfRow: [Int?], blank: Int) {
    let seg = try file.labels(segment)
    var order: [String] = []
    var index: [String: Int] = [:]
    var blank = 0
    let segmentOfRow = (0..<file.rowCount).map { i -> Int? in
      let name = seg[i].trimmingCharacters(in: .whitespaces)
      guard !name.isEmpty else {
        blank += 1
        return nil
      }
      if let k = index[name] { return k }
      index[name] = order.count
      order.append(name)
      return order.count - 1
    }
    return (order, segmentOfRow, blank)
  }
}

extension CompareCommand {
  /// `compare --data F --paired Q1,Q2 [--segment S]`: the paired comparison of two items.
  ///
  /// - Parameter pair: the two item columns.
  /// - Throws: `InputError` for a missing `--data` or an option this mode does not use.
  func runPairedItems(_ pair: (String, String)) throws {
    guard let data else {
      throw InputError.invalidParameter(
        name: "--paired", value: "\(pair.0),\(pair.1)",
        expected: "--data F with it (two items answered by its respondents)")
    }
    for (given, option) in [
      (percent != nil || counts != nil || spec != nil, "--percent/--counts/--spec"),
      (n != nil || total != nil, "--n/--total"), (questions != nil, "--questions"),
      (topBox != nil, "--top-box"), (items.isSet, "--distribution/--numeric/--order/--scores"),
      (design.isSet, "survey design options"), (deff != nil || effectiveN != nil, "--deff"),
      (plot != nil, "--plot"),
    ] where given {
      throw InputError.invalidParameter(
        name: option, value: "set",
        expected: "no \(option) with --data F --paired Q1,Q2"
          + (option == "survey design options"
            ? " (for a design-based paired test: resample mcnemar --data F --first Q1 --second "
              + "Q2 with the design options)" : ""))
    }
    let declared = Set(
      (missing ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        .filter { !$0.isEmpty })
    let r = try PairedItemsComparison.run(
      data: data, items: pair, segment: segment, missing: declared,
      success: pairedItems.success, level: levelOptions.level, format: dataFormat)
    switch output.chosen {
    case .json: emit(r.json().rendered())
    case .csv: emit(r.csv())
    default: emit(r.text())
    }
  }
}
