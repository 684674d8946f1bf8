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
      Agresti–Caffo, Wald and Wald with continuity correction (R prop.test) intervals; the \
      pooled two-proportion z test; R's prop.test χ² with correction (and without, in JSON as \
      prop_test_uncorrected); Cohen's h; risk and odds ratios with log-scale intervals (0.5 \
      added to every cell when any cell is zero). Intervals are [lower, upper].
      """)

  @Option(help: "Successes in the (first) sample.") var x: Int
  @Option(help: "Trials in the (first) sample.") var n: Int
  @Option(help: "Successes in the second sample.") var x2: Int?
  @Option(help: "Trials in the second sample.") var n2: Int?
  @OptionGroup var levelOptions: LevelOptions

  @OptionGroup var output: OutputOptions<TextJSONCSV>

  var level: Double { levelOptions.level }

  func validate() throws {
    if (x2 == nil) != (n2 == nil) {
      throw ValidationError("give both --x2 and --n2 for a second sample")
    }
  }

  func run() throws {
    do {
      switch (x2, n2) {
      case (nil, nil): try oneSample()
      case (let x2?, let n2?): try twoSamples(x2, n2)
      default: throw ValidationError("give both --x2 and --n2 for a second sample")
      }
    } catch InputError.invalidParameter(let name, let value, let expected) {
      throw InputError.invalidParameter(
        name: name.hasPrefix("-") ? name : "--" + name, value: value,
        expected: expected.replacingOccurrences(of: "(n)", with: "(--n)")
          .replacingOccurrences(of: "(n2)", with: "(--n2)"))
    }
  }

  func oneSample() throws {
    let r = try oneProportion(successes: x, trials: n, level: level)
    let methods = ProportionIntervalMethod.allCases
    switch output.chosen {
    case .json:
      emit(
        JSON.object([
          ("estimate", .num(r.estimate)),
          ("x", .integer(x)), ("n", .integer(n)), ("level", .num(level)),
          ("intervals", intervalsJSON(methods, r.intervals)),
          Provenance.tool,
        ]).rendered())
    case .csv:
      let rows = intervalCSVRows(methods, r.intervals, value: r.estimate, last: csvNumber(level))
      emit(
        ([csvLine(["method", "estimate", "lower", "upper", "level"])] + rows).joined(
          separator: "\n"))
    default:
      var t = TextTable(["method", "\(fmt(level * 100, digits: 4))% interval"])
      for (key, ci) in computed(methods, in: r.intervals) {
        t.add([methodLabel(key), fmtInterval(ci.lower, ci.upper)])
      }
      emit(["Proportion \(x)/\(n) = \(fmt(r.estimate))", "", t.rendered()].joined(separator: "\n"))
    }
  }

  func twoSamples(_ x2: Int, _ n2: Int) throws {
    let r = try twoProportions(x1: x, n1: n, x2: x2, n2: n2, level: level)
    let methods = DifferenceIntervalMethod.allCases
    func ratio(_ e: RatioEstimate) -> JSON {
      .object([
        ("estimate", .num(e.estimate)), ("ci", .interval(e.interval.lower, e.interval.upper)),
        ("zero_cell_correction", .bool(e.zeroCellCorrection)),
      ])
    }
    switch output.chosen {
    case .json:
      emit(
        JSON.object([
          ("difference", .num(r.difference)),
          ("estimates", .numbers([r.estimate1, r.estimate2])),
          ("z_statistic", .num(r.zStatistic)),
          ("p_value", .num(r.pValue)),
          ("level", .num(level)),
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
          ("warnings", .messages(r.diagnostics)),
          Provenance.tool,
        ]).rendered())
    case .csv:
      var lines = [csvLine(["quantity", "value", "lower", "upper", "p_value"])]
      lines += intervalCSVRows(
        methods, r.intervals, keyPrefix: "difference_", value: r.difference, last: "")
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
      }
      emit(lines.joined(separator: "\n"))
    default:
      let pct = "\(fmt(level * 100, digits: 4))%"
      var t = TextTable(["difference p1 − p2", "\(pct) interval"])
      for (key, ci) in computed(methods, in: r.intervals) {
        t.add([methodLabel(key), fmtInterval(ci.lower, ci.upper)])
      }
      var tests = TextTable(["test", "statistic", "p-value"])
      tests.add(["pooled z", fmt(r.zStatistic), fmtP(r.pValue)])
      tests.add(["prop.test χ² (Yates)", fmt(r.propTest.statistic), fmtP(r.propTest.pValue)])
      var effects = TextTable(["effect size", "estimate", "\(pct) interval"])
      effects.add(["Cohen's h", fmt(r.cohensH), ""])
      effects.add([
        "risk ratio", fmt(r.riskRatio.estimate),
        fmtInterval(r.riskRatio.interval.lower, r.riskRatio.interval.upper),
      ])
      effects.add([
        "odds ratio", fmt(r.oddsRatio.estimate),
        fmtInterval(r.oddsRatio.interval.lower, r.oddsRatio.interval.upper),
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
    value: Double, last: String
  ) -> [String] {
    computed(methods, in: intervals).map { key, ci in
      csvLine([keyPrefix + key, csvNumber(value), csvNumber(ci.lower), csvNumber(ci.upper), last])
    }
  }

  /// A readable name for a method key.
  func methodLabel(_ key: String) -> String {
    [
      "wilson": "Wilson", "wilson_cc": "Wilson, continuity-corrected",
      "clopper_pearson": "Clopper–Pearson (exact)", "agresti_coull": "Agresti–Coull",
      "jeffreys": "Jeffreys", "wald": "Wald", "newcombe": "Newcombe (hybrid score)",
      "agresti_caffo": "Agresti–Caffo", "wald_cc": "Wald, continuity-corrected",
    ][key] ?? key
  }
}
