// TrendCommand.swift: `resample trend` — the Cochran–Armitage test for trend in proportions (R's
// prop.trend.test) from counts or from data, and the linear-by-linear association test of an
// ordered r×c table.
import ArgumentParser
import Foundation
import Resample

struct TrendCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "trend",
    abstract:
      "Cochran–Armitage test for a trend in proportions across ordered groups; linear-by-linear association.",
    discussion: """
      --x 83,90,129,70 --n 86,93,136,82: successes out of totals per group, in the groups' order \
      (R's prop.trend.test(x, n)); --scores gives the groups' scores (default 1, 2, …, k). The \
      trend χ² has 1 df; the departure from a linear trend (Pearson's χ² of the k×2 table, R's \
      prop.test(x, n, correct = FALSE), minus the trend χ²) has k − 2 df. \
      From data: --data F --rows GROUP --cols OUTCOME [--freq-weight W] [--order …]: the groups \
      are the row categories in their stated order; the outcome must have exactly 2 categories, \
      the first (in its order) counted as the success as R's prop.test(table) does, or name it \
      with --success LABEL (with more than 2 categories, --success counts that one against the \
      rest). --table \"x1,f1;x2,f2;…\" gives successes and failures per group. \
      --linear-by-linear: the linear-by-linear association test of an r×c table with ordered \
      rows and columns, M² = (N − 1) r² on 1 df (r the correlation of --scores and --col-scores, \
      default 1…r and 1…c; SPSS's Linear-by-Linear Association); R: with u, v the scores of each \
      observation, (N − 1) * cor(u, v)^2. \
      With a survey design of --data (--weight, --strata, --cluster, --fpc, --replicate-weights): \
      the design-based trend test, R survey's svyglm(I(OUTCOME == success) ~ score, design, \
      family = quasibinomial()): the slope's t test on (design df − 1) df.
      """)

  @Option(help: "Successes per group, comma-separated (e.g. 83,90,129,70).")
  var x: String?

  @Option(help: "Totals per group, comma-separated (e.g. 86,93,136,82).")
  var n: String?

  @OptionGroup var input: TableInputOptions
  /// A survey design of `--data`: the design-based trend test (TrendDesign.swift).
  @OptionGroup(title: "Survey design of --data (R svyglm logistic trend)")
  var design: SamplingDesignOptions

  @Option(
    help: "Scores of the groups (the table's rows), comma-separated (default 1, 2, …, k).")
  var scores: String?

  @Option(
    name: .customLong("col-scores"),
    help: "--linear-by-linear: scores of the columns, comma-separated (default 1, 2, …, c).")
  var colScores: String?

  @Option(help: "With --data: the outcome category counted as a success (default: the first).")
  var success: String?

  @Flag(
    name: .customLong("linear-by-linear"),
    help: "Test linear-by-linear association of an ordered r×c table instead (M² = (N − 1) r²).")
  var linearByLinear = false

  @OptionGroup var output: OutputOptions<TextJSONCSV>

  func validate() throws {
    if design.isDesign {
      guard input.data != nil, x == nil, !linearByLinear else {
        throw ValidationError(
          "the survey design options describe --data F --rows GROUP --cols OUTCOME (the trend "
            + "in proportions; --linear-by-linear has no design-based version)")
      }
      guard input.respondents.freqWeight == nil else {
        throw ValidationError(
          "--freq-weight (identical respondents) cannot be combined with a sampling design")
      }
    }
    if (x == nil) != (n == nil) { throw ValidationError("--x and --n go together") }
    if x != nil && input.isGiven {
      throw ValidationError("give either --x and --n, or a table (--data, --table, --table-file)")
    }
    if x == nil && !input.isGiven {
      throw ValidationError(
        "give --x SUCCESSES --n TOTALS, or --data F --rows GROUP --cols OUTCOME, or --table")
    }
    if linearByLinear && x != nil {
      throw ValidationError("--linear-by-linear needs an r×c table (--data, --table, --table-file)")
    }
    if linearByLinear && success != nil {
      throw ValidationError("--success describes the trend in proportions, not --linear-by-linear")
    }
    if !linearByLinear && colScores != nil {
      throw ValidationError("--col-scores describes --linear-by-linear")
    }
    if success != nil && input.data == nil {
      throw ValidationError("--success describes --data")
    }
  }

  func run() throws {
    let rowScores = try scores.map { try CommaList.numbers($0, "--scores") }
    if linearByLinear {
      try runLinearByLinear(rowScores)
      return
    }
    var successes: [Int]
    var totals: [Int]
    var groups: [String]? = nil
    var successLabel: String? = nil
    var labels: LabelledTable? = nil
    if let x, let n {
      successes = try counts(x, "--x")
      totals = try counts(n, "--n")
    } else if input.data != nil {
      let table = try input.crosstab()
      let outcomes = table.columnLabels
      let column = input.respondents.cols ?? ""
      let chosen: Int
      if let success {
        guard let k = outcomes.firstIndex(of: success) else {
          throw InputError.invalidParameter(
            name: "--success", value: success,
            expected: "a category of '\(column)': " + outcomes.joined(separator: ", "))
        }
        chosen = k
      } else {
        guard outcomes.count == 2 else {
          throw InputError.invalidData(
            source: input.sourceName,
            reason: "the outcome '\(column)' has \(outcomes.count) categories ("
              + outcomes.prefix(10).joined(separator: ", ")
              + "); the trend in proportions needs 2: name the success with --success LABEL "
              + "(counted against the rest), or use --linear-by-linear for an ordered outcome")
        }
        chosen = 0
      }
      successes = table.counts.map { $0[chosen] }
      totals = table.counts.map { $0.reduce(0, +) }
      groups = table.rowLabels
      successLabel = outcomes[chosen]
      labels = try input.loadLabelled()
      if design.isDesign {
        return try runDesign(
          groups: table.rowLabels, outcomes: outcomes, success: outcomes[chosen],
          scores: rowScores, successes: successes, totals: totals)
      }
    } else {
      let loaded = try input.loadLabelled()
      guard loaded.table.columnCount == 2 else {
        throw InputError.invalidData(
          source: input.sourceName,
          reason: "the trend in proportions needs a k×2 table of successes and failures (got "
            + "\(loaded.table.rowCount)×\(loaded.table.columnCount)); use --linear-by-linear for "
            + "an ordered r×c table")
      }
      successes = loaded.table.rows.map { $0[0] }
      totals = loaded.table.rows.map { $0[0] + $0[1] }
      groups = loaded.rowLabels
      successLabel = loaded.columnLabels?.first
      labels = loaded
    }
    let r: TrendTestResult
    do {
      r = try cochranArmitageTrend(successes: successes, trials: totals, scores: rowScores)
    } catch InputError.invalidParameter(let name, let value, let expected) {
      throw InputError.invalidParameter(name: "--" + name, value: value, expected: expected)
    } catch InputError.invalidData(let source, let reason) {
      let name = x != nil ? "--" + source : input.sourceName
      throw InputError.invalidData(source: name, reason: reason)
    }
    let k = successes.count
    switch output.chosen {
    case .json:
      var fields: [(String, JSON)] =
        [
          ("test", .string("cochran-armitage"))
        ] + JSON.chiSquaredFields(r.statistic, df: r.degreesOfFreedom, p: r.pValue) + [
          ("z", .num(r.z)),
          (
            "departure",
            .object(
              JSON.chiSquaredFields(
                r.departureStatistic, df: r.departureDegreesOfFreedom, p: r.departurePValue))
          ),
          (
            "homogeneity",
            .object(
              JSON.chiSquaredFields(
                r.homogeneityStatistic, df: k - 1,
                p: try ChiSquared(degreesOfFreedom: Double(k - 1)).sf(r.homogeneityStatistic)))
          ),
          ("scores", .numbers(r.scores)),
          ("x", .array(successes.map(JSON.integer))),
          ("n", .array(totals.map(JSON.integer))),
          ("proportions", .numbers(r.proportions)),
          ("success", successLabel.map(JSON.string) ?? .null),
        ]
      if let labels {
        fields += labels.jsonFields
      } else {
        fields += [("row_labels", .null), ("column_labels", .null)]
      }
      fields += Provenance.fields(seed: nil)
      emit(JSON.object(fields).rendered())
    case .csv:
      emit(
        [
          csvLine([
            "statistic", "df", "p_value", "z", "departure_statistic", "departure_df",
            "departure_p_value",
          ]),
          csvLine([
            csvNumber(r.statistic), "1", csvNumber(r.pValue), csvNumber(r.z),
            csvNumber(r.departureStatistic), String(r.departureDegreesOfFreedom),
            csvNumber(r.departurePValue),
          ]),
        ].joined(separator: "\n"))
    default:
      var g = TextTable(["group", "score", "x", "n", "proportion"], alignNumbersRight: true)
      for i in 0..<k {
        g.add([
          groups.map { $0[i] } ?? String(i + 1), fmt(r.scores[i]), String(successes[i]),
          String(totals[i]), fmt(r.proportions[i], digits: 4),
        ])
      }
      var t = TextTable(["", "statistic", "df", "p-value"], alignNumbersRight: true)
      t.add(["trend (Cochran–Armitage)", fmt(r.statistic), "1", fmtP(r.pValue)])
      if k > 2 {
        t.add([
          "departure from trend", fmt(r.departureStatistic),
          String(r.departureDegreesOfFreedom), fmtP(r.departurePValue),
        ])
      }
      var lines = [
        "Chi-squared test for trend in proportions, \(k) groups, N = \(totals.reduce(0, +))"
      ]
      if let note = labels?.labelNote { lines.append("labels: \(note)") }
      if let successLabel { lines.append("success: '\(successLabel)'") }
      lines += ["", g.rendered(indent: "  "), "", t.rendered()]
      emit(lines.joined(separator: "\n"))
    }
  }

  /// `--linear-by-linear`: M² = (N − 1) r² of the r×c table.
  func runLinearByLinear(_ rowScores: [Double]?) throws {
    let labels = try input.loadLabelled()
    let cs = try colScores.map { try CommaList.numbers($0, "--col-scores") }
    let r: LinearByLinearResult
    do {
      r = try linearByLinearAssociation(labels.table, rowScores: rowScores, columnScores: cs)
    } catch InputError.invalidParameter(let name, let value, let expected) {
      let option = name.hasPrefix("row") ? "--scores" : "--col-scores"
      throw InputError.invalidParameter(name: option, value: value, expected: expected)
    } catch InputError.invalidData(_, let reason) {
      throw InputError.invalidData(source: input.sourceName, reason: reason)
    }
    switch output.chosen {
    case .json:
      var fields: [(String, JSON)] =
        [
          ("test", .string("linear-by-linear"))
        ] + JSON.chiSquaredFields(r.statistic, df: r.degreesOfFreedom, p: r.pValue) + [
          ("correlation", .num(r.correlation)),
          ("row_scores", .numbers(r.rowScores)),
          ("column_scores", .numbers(r.columnScores)),
          ("table", .array(labels.table.rows.map { .array($0.map(JSON.integer)) })),
        ]
      fields += labels.jsonFields
      fields += Provenance.fields(seed: nil)
      emit(JSON.object(fields).rendered())
    case .csv:
      emit(
        [
          csvLine(["statistic", "df", "p_value", "correlation"]),
          csvLine([
            csvNumber(r.statistic), "1", csvNumber(r.pValue), csvNumber(r.correlation),
          ]),
        ].joined(separator: "\n"))
    default:
      let t = labels.table
      var lines = [
        "Linear-by-linear association, \(t.rowCount)×\(t.columnCount) table, N = \(t.total)"
      ]
      if let note = labels.labelNote { lines.append("labels: \(note)") }
      var m = TextTable(["", "statistic", "df", "p-value"], alignNumbersRight: true)
      m.add(["M² = (N − 1) r²", fmt(r.statistic), "1", fmtP(r.pValue)])
      lines += [
        "", m.rendered(), "", "r           \(fmt(r.correlation, digits: 6))",
        "row scores  " + r.rowScores.map { fmt($0) }.joined(separator: ", "),
        "col scores  " + r.columnScores.map { fmt($0) }.joined(separator: ", "),
      ]
      emit(lines.joined(separator: "\n"))
    }
  }

  /// A comma-separated list of whole non-negative counts, errors naming `option`.
  func counts(_ text: String, _ option: String) throws -> [Int] {
    try CommaList.numbers(text, option).enumerated().map { i, v in
      guard v >= 0 && v == v.rounded() && v <= 1e9 else {
        throw InputError.invalidParameter(
          name: option, value: "\(v)", expected: "whole numbers ≥ 0 (value \(i + 1))")
      }
      return Int(v)
    }
  }
}
