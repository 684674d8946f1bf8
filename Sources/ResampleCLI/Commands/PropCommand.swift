// PropCommand.swift: `resample prop` — one proportion's intervals, or two proportions compared.
import ArgumentParser
import Foundation
import Resample

struct PropCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "prop",
    abstract: "Confidence intervals for a proportion, or the comparison of two proportions.",
    discussion: """
      One sample (--x, --n): Wilson, Wilson with continuity correction (R prop.test), \
      Clopper–Pearson (R binom.test), Agresti–Coull, Jeffreys (0 and 1 at the boundaries), Wald. \
      Two samples (add --x2, --n2): the difference p1 − p2 with Newcombe (hybrid score), \
      Agresti–Caffo, Wald, Wald with continuity correction (R prop.test) and Miettinen–Nurminen \
      score (statsmodels' confint_proportions_2indep(method="score"), variance factor \
      N/(N − 1)) intervals; the pooled two-proportion z test; R's prop.test χ² with correction \
      (and without, in JSON as prop_test_uncorrected); Cohen's h; risk and odds ratios with \
      log-scale intervals (0.5 added to every cell when any cell is zero) and score intervals \
      from the raw counts (score_ci: the Koopman score interval for the risk ratio with \
      statsmodels' default N/(N − 1) variance factor — so not PropCIs' riskscoreci, which has \
      none — and Miettinen–Nurminen's for the odds ratio, as statsmodels; a zero count gives the limit 0 or inf, null in JSON, and \
      [0, inf] when the ratio is 0/0). Intervals are [lower, upper]. \
      --p0 P0 (one sample) tests p = P0: the exact binomial test (R binom.test; two-sided p by \
      the likelihood ordering with relative tolerance 1 + 1e-7) and the score test without and \
      with continuity correction (R prop.test(x, n, p, correct = FALSE/TRUE)), JSON "tests". \
      --alternative less|greater makes the tests one-sided as R's alternative = (p < P0, or \
      p1 < p2, for less) and every interval one-sided at the level ([0, upper] or [lower, 1]; \
      [-1, upper] or [lower, 1] for the difference, [0, upper] or [lower, inf] for the ratios); \
      the Yates-corrected intervals (wilson_cc, wald_cc) are R's one-sided prop.test intervals.
      """)

  @Option(help: "Successes in the (first) sample.") var x: Int?
  @Option(help: "Trials in the (first) sample.") var n: Int?
  @Option(help: "Respondent data: a CSV file with a header (\"-\" reads stdin).") var data: String?
  @Option(
    help: "The yes/no column of --data (1/0, yes/no, true/false), or COLUMN=ANSWER for a share.")
  var column: String?
  @Option(help: "Answers of --data that are non-answers, comma-separated.") var missing: String?
  @OptionGroup(title: "Survey design of --data") var design: DesignOptions
  @OptionGroup(title: "Format of --data") var dataFormat: DataFileOptions
  @Option(help: "Successes in the second sample.") var x2: Int?
  @Option(help: "Trials in the second sample.") var n2: Int?
  @OptionGroup var levelOptions: LevelOptions
  @Option(help: "Null proportion for one sample: exact binomial and score tests of p = P0.")
  var p0: Double?
  @Option(
    help:
      "Alternative of the tests and intervals: two-sided (default), less (p < p0, p1 < p2) or greater."
  )
  var alternative: Alternative?
  @Flag(
    help:
      "Two samples: also Chan–Zhang's exact unconditional interval for p1 − p2 and Barnard's exact test (score statistic, pooled; up to (n1+1)(n2+1) = 40,000 tables)."
  )
  var exactUnconditional = false

  @OptionGroup var output: OutputOptions<TextJSONCSV>

  var level: Double { levelOptions.level }

  func validate() throws {
    if data != nil {
      guard column != nil else { throw ValidationError("--data needs --column") }
      guard x == nil, n == nil, x2 == nil, n2 == nil else {
        throw ValidationError("give either --data with --column, or --x and --n")
      }
    } else {
      guard x != nil, n != nil else { throw ValidationError("give --x and --n (or --data)") }
      if column != nil || missing != nil || design.isSet {
        throw ValidationError("--column, --missing and design options need --data")
      }
    }
    if (x2 == nil) != (n2 == nil) {
      throw ValidationError("give both --x2 and --n2 for a second sample")
    }
    if exactUnconditional && x2 == nil {
      throw ValidationError("--exact-unconditional compares two samples: give --x2 and --n2")
    }
    if let p0 {
      guard x2 == nil else {
        throw ValidationError("--p0 tests one proportion; drop --x2 and --n2")
      }
      guard p0 > 0, p0 < 1 else {
        throw invalidOption("--p0", "\(p0)", expected: "a proportion strictly between 0 and 1")
      }
    }
    if design.isDesign && (p0 != nil || alternative != nil) {
      throw ValidationError("--p0 and --alternative are for counts, not a survey design")
    }
  }

  /// The alternative asked for (two-sided when not given).
  var sided: Alternative { alternative ?? .twoSided }

  /// "95% interval", or "95% one-sided interval (less)".
  var intervalHeading: String {
    let pct = "\(fmt(level * 100, digits: 4))%"
    return sided == .twoSided ? "\(pct) interval" : "\(pct) one-sided interval (\(sided.rawValue))"
  }

  func run() throws {
    if let data, let column {
      try fromData(data, column: column)
      return
    }
    guard let x, let n else { throw ValidationError("give --x and --n (or --data)") }
    do {
      switch (x2, n2) {
      case (nil, nil): try oneSample(x, n)
      case (let x2?, let n2?): try twoSamples(x, n, x2, n2)
      default: throw ValidationError("give both --x2 and --n2 for a second sample")
      }
    } catch InputError.invalidParameter(let name, let value, let expected) {
      throw InputError.invalidParameter(
        name: name.hasPrefix("-") ? name : "--" + name, value: value,
        expected: expected.replacingOccurrences(of: "(n)", with: "(--n)")
          .replacingOccurrences(of: "(n2)", with: "(--n2)"))
    }
  }

  /// `--data F --column Q`: counts for the simple-random-sampling intervals, or with a survey
  /// design the design-based estimate (R `svymean` + `svyciprop`).
  func fromData(_ path: String, column: String) throws {
    let table = try dataFormat.streamedTable(path) { head in
      [QuestionSelector(column, header: head.header).column] + (try design.columns(in: head))
    }
    let q = try RespondentData.answers(
      table: table, question: column,
      missing: missing.map {
        $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
      } ?? [])
    guard design.isDesign else {
      var copies = [Int](repeating: 1, count: q.answers.count)
      if let fw = design.freqWeight {
        copies = try DesignOptions.frequencies(table, fw)
      }
      var yes = 0
      var total = 0
      for (a, c) in zip(q.answers, copies) {
        guard let a else { continue }
        total += c
        if a { yes += c }
      }
      try oneSample(yes, total)
      return
    }
    let (d, notes) = try design.design(table)
    let r = try SurveyProportion(answers: q.answers, design: d)
    let logit = try r.interval(.logit, level: level)
    let beta = try r.interval(.beta, level: level)
    switch output.chosen {
    case .json:
      emit(
        JSON.object([
          Provenance.tool,
          ("question", .string(q.name)),
          ("method", .string("design-based")),
          ("estimate", .num(r.estimate)), ("standard_error", .num(r.standardError)),
          ("df", .integer(r.degreesOfFreedom)), ("deff", .num(r.designEffect)),
          ("n", .integer(r.respondents)), ("weighted_n", .num(r.weightedCount)),
          ("effective_n", .num(Double(r.respondents) / r.designEffect)),
          ("level", .num(level)),
          (
            "intervals",
            .object([
              ("logit", .interval(logit.lower, logit.upper)),
              ("beta", .interval(beta.lower, beta.upper)),
            ])
          ),
          ("assumptions", .strings(notes)),
        ]).rendered())
    case .csv:
      emit(
        [
          csvLine(["method", "estimate", "standard_error", "df", "lower", "upper", "level"]),
          csvLine([
            "logit", csvNumber(r.estimate), csvNumber(r.standardError), "\(r.degreesOfFreedom)",
            csvNumber(logit.lower), csvNumber(logit.upper), csvNumber(level),
          ]),
          csvLine([
            "beta", csvNumber(r.estimate), csvNumber(r.standardError), "\(r.degreesOfFreedom)",
            csvNumber(beta.lower), csvNumber(beta.upper), csvNumber(level),
          ]),
        ].joined(separator: "\n"))
    default:
      var t = TextTable(["method", "\(fmt(level * 100, digits: 4))% interval"])
      t.add(["logit (R svyciprop default)", fmtInterval(logit.lower, logit.upper)])
      t.add(["beta (Korn–Graubard)", fmtInterval(beta.lower, beta.upper)])
      emit(
        ([
          "\(q.name): \(fmt(r.estimate)) (SE \(fmt(r.standardError, digits: 4)), design df "
            + "\(r.degreesOfFreedom), deff \(fmt(r.designEffect, digits: 3)))", "", t.rendered(),
          "",
          "Assumptions:",
        ] + notes.map { "- " + $0 }).joined(separator: "\n"))
    }
  }

  func oneSample(_ x: Int, _ n: Int) throws {
    let r = try oneProportion(successes: x, trials: n, level: level, alternative: sided)
    let tests = try p0.map {
      try nullProportionTests(successes: x, trials: n, nullProportion: $0, alternative: sided)
    }
    let methods = ProportionIntervalMethod.allCases
    switch output.chosen {
    case .json:
      var fields: [(String, JSON)] = [
        ("estimate", .num(r.estimate)),
        ("x", .integer(x)), ("n", .integer(n)), ("level", .num(level)),
        ("intervals", intervalsJSON(methods, r.intervals)),
      ]
      if alternative != nil || tests != nil {
        fields.append(("alternative", .string(sided.rawValue)))
      }
      if let tests {
        func chi(_ c: ChiSquaredStatistic) -> JSON {
          .object([("statistic", .num(c.statistic)), ("p_value", .num(c.pValue))])
        }
        fields.append(("p0", .num(tests.nullProportion)))
        fields.append(
          (
            "tests",
            .object([
              ("binomial_exact", .object([("p_value", .num(tests.binomialExact))])),
              ("score", chi(tests.score)),
              ("score_cc", chi(tests.scoreCorrected)),
            ])
          ))
      }
      fields.append(Provenance.tool)
      emit(JSON.object(fields).rendered())
    case .csv:
      guard let tests else {
        let rows = intervalCSVRows(
          methods, r.intervals, value: r.estimate, last: csvNumber(level))
        emit(
          ([csvLine(["method", "estimate", "lower", "upper", "level"])] + rows).joined(
            separator: "\n"))
        return
      }
      // With --p0: two more columns, the tests' statistic and p-value, and one row per test.
      var lines = [
        csvLine(["method", "estimate", "lower", "upper", "level", "statistic", "p_value"])
      ]
      lines += intervalCSVRows(
        methods, r.intervals, value: r.estimate, last: csvNumber(level), extra: ["", ""])
      let est = csvNumber(r.estimate)
      lines.append(
        csvLine(["binomial_exact", est, "", "", "", "", csvNumber(tests.binomialExact)]))
      for (name, c) in [("score", tests.score), ("score_cc", tests.scoreCorrected)] {
        lines.append(
          csvLine([name, est, "", "", "", csvNumber(c.statistic), csvNumber(c.pValue)]))
      }
      emit(lines.joined(separator: "\n"))
    default:
      var t = TextTable(["method", intervalHeading])
      for (key, ci) in computed(methods, in: r.intervals) {
        t.add([methodLabel(key), fmtInterval(ci.lower, ci.upper)])
      }
      var lines = ["Proportion \(x)/\(n) = \(fmt(r.estimate))", "", t.rendered()]
      if let tests {
        var tt = TextTable([
          "test of p = \(fmt(tests.nullProportion))", "statistic", "p-value (\(sided.rawValue))",
        ])
        tt.add(["exact binomial (binom.test)", "", fmtP(tests.binomialExact)])
        tt.add([
          "score (prop.test, correct = FALSE)", fmt(tests.score.statistic),
          fmtP(tests.score.pValue),
        ])
        tt.add([
          "score, continuity-corrected (prop.test)", fmt(tests.scoreCorrected.statistic),
          fmtP(tests.scoreCorrected.pValue),
        ])
        lines += ["", tt.rendered()]
      }
      emit(lines.joined(separator: "\n"))
    }
  }

  func twoSamples(_ x: Int, _ n: Int, _ x2: Int, _ n2: Int) throws {
    let r = try twoProportions(
      x1: x, n1: n, x2: x2, n2: n2, level: level, alternative: sided)
    let methods = DifferenceIntervalMethod.allCases
    let exact =
      exactUnconditional
      ? try Resample.exactUnconditional(
        x1: x, n1: n, x2: x2, n2: n2, level: level, alternative: sided) : nil
    func ratio(_ e: RatioEstimate) -> JSON {
      .object([
        ("estimate", .num(e.estimate)), ("ci", .interval(e.interval.lower, e.interval.upper)),
        ("zero_cell_correction", .bool(e.zeroCellCorrection)),
        ("score_ci", e.scoreInterval.map { .interval($0.lower, $0.upper) } ?? .null),
      ])
    }
    switch output.chosen {
    case .json:
      emit(
        JSON.object(
          [
            ("difference", .num(r.difference)),
            ("estimates", .numbers([r.estimate1, r.estimate2])),
            ("z_statistic", .num(r.zStatistic)),
            ("p_value", .num(r.pValue)),
            ("level", .num(level)),
          ] + (alternative == nil ? [] : [("alternative", JSON.string(sided.rawValue))]) + [
            ("intervals", intervalsJSON(methods, r.intervals)),
            (
              "prop_test",
              .object([
                ("statistic", .num(r.propTest.statistic)), ("p_value", .num(r.propTest.pValue)),
              ])
            ),
            (
              "prop_test_uncorrected",
              .object([
                ("statistic", .num(r.propTestUncorrected.statistic)),
                ("p_value", .num(r.propTestUncorrected.pValue)),
              ])
            ),
            ("cohens_h", .num(r.cohensH)),
            ("risk_ratio", ratio(r.riskRatio)),
            ("odds_ratio", ratio(r.oddsRatio)),
          ] + (exact.map { [("exact_unconditional", $0.json)] } ?? []) + [
            ("warnings", .messages(r.diagnostics)),
            Provenance.tool,
          ]
        ).rendered())
    case .csv:
      var lines = [csvLine(["quantity", "value", "lower", "upper", "p_value"])]
      lines += intervalCSVRows(
        methods, r.intervals, keyPrefix: "difference_", value: r.difference, last: "")
      lines += exact?.csvRows(difference: r.difference) ?? []
      lines.append(csvLine(["z_statistic", csvNumber(r.zStatistic), "", "", csvNumber(r.pValue)]))
      lines.append(
        csvLine([
          "prop_test", csvNumber(r.propTest.statistic), "", "",
          csvNumber(r.propTest.pValue),
        ]))
      lines.append(csvLine(["cohens_h", csvNumber(r.cohensH), "", "", ""]))
      for (name, e) in [("risk_ratio", r.riskRatio), ("odds_ratio", r.oddsRatio)] {
        lines.append(
          csvLine([
            name, csvNumber(e.estimate), csvNumber(e.interval.lower),
            csvNumber(e.interval.upper), "",
          ]))
        if let score = e.scoreInterval {
          lines.append(
            csvLine([
              name + "_score", csvNumber(e.estimate), csvNumber(score.lower),
              csvNumber(score.upper), "",
            ]))
        }
      }
      emit(lines.joined(separator: "\n"))
    default:
      var t = TextTable(["difference p1 − p2", intervalHeading])
      for (key, ci) in computed(methods, in: r.intervals) {
        t.add([methodLabel(key), fmtInterval(ci.lower, ci.upper)])
      }
      if let exact { t.add(exact.textIntervalRow) }
      var tests = TextTable(
        ["test", "statistic", sided == .twoSided ? "p-value" : "p-value (\(sided.rawValue))"])
      tests.add(["pooled z", fmt(r.zStatistic), fmtP(r.pValue)])
      tests.add(["prop.test χ² (Yates)", fmt(r.propTest.statistic), fmtP(r.propTest.pValue)])
      if let exact { tests.add(exact.textTestRow) }
      var effects = TextTable(["effect size", "estimate", intervalHeading])
      effects.add(["Cohen's h", fmt(r.cohensH), ""])
      effects.add([
        "risk ratio", fmt(r.riskRatio.estimate),
        fmtInterval(r.riskRatio.interval.lower, r.riskRatio.interval.upper),
      ])
      effects.add([
        "odds ratio", fmt(r.oddsRatio.estimate),
        fmtInterval(r.oddsRatio.interval.lower, r.oddsRatio.interval.upper),
      ])
      effects.add([
        "risk ratio, score (Koopman)", "",
        r.riskRatio.scoreInterval.map { fmtInterval($0.lower, $0.upper) } ?? "",
      ])
      effects.add([
        "odds ratio, score (Miettinen–Nurminen)", "",
        r.oddsRatio.scoreInterval.map { fmtInterval($0.lower, $0.upper) } ?? "",
      ])
      var lines = [
        "Two proportions: \(x)/\(n) = \(fmt(r.estimate1)) vs \(x2)/\(n2) = \(fmt(r.estimate2)), "
          + "difference \(fmt(r.difference))",
        "", t.rendered(), "", tests.rendered(), "", effects.rendered(),
      ]
      for w in r.warnings { lines.append("warning: \(w)") }
      emit(lines.joined(separator: "\n"))
    }
  }

  /// The intervals that were computed, as (method key, interval), in the order of `methods`.
  func computed<Method: RawRepresentable<String> & Hashable>(
    _ methods: [Method], in intervals: [Method: ProportionInterval]
  ) -> [(key: String, ci: ProportionInterval)] {
    methods.compactMap { m in intervals[m].map { (m.rawValue, $0) } }
  }

  /// The computed intervals as a JSON object, method key → [lower, upper].
  func intervalsJSON<Method: RawRepresentable<String> & Hashable>(
    _ methods: [Method], _ intervals: [Method: ProportionInterval]
  ) -> JSON {
    .object(
      computed(methods, in: intervals).map { ($0.key, JSON.interval($0.ci.lower, $0.ci.upper)) })
  }

  /// One CSV line `keyPrefix + key, value, lower, upper, last` per computed interval.
  func intervalCSVRows<Method: RawRepresentable<String> & Hashable>(
    _ methods: [Method], _ intervals: [Method: ProportionInterval], keyPrefix: String = "",
    value: Double, last: String, extra: [String] = []
  ) -> [String] {
    computed(methods, in: intervals).map { key, ci in
      csvLine(
        [keyPrefix + key, csvNumber(value), csvNumber(ci.lower), csvNumber(ci.upper), last] + extra)
    }
  }

  /// A readable name for a method key.
  func methodLabel(_ key: String) -> String {
    [
      "wilson": "Wilson", "wilson_cc": "Wilson, continuity-corrected",
      "clopper_pearson": "Clopper–Pearson (exact)", "agresti_coull": "Agresti–Coull",
      "jeffreys": "Jeffreys", "wald": "Wald", "newcombe": "Newcombe (hybrid score)",
      "agresti_caffo": "Agresti–Caffo", "wald_cc": "Wald, continuity-corrected",
      "miettinen_nurminen": "Miettinen–Nurminen (score)",
    ][key] ?? key
  }
}
