// CmhCommand.swift: `resample cmh` — Cochran–Mantel–Haenszel tests of an r×c×K table: for 2×2×K
// the MH χ² (R's mantelhaen.test), the common odds ratio with its RBG interval, Breslow–Day
// (Tarone) homogeneity and the exact conditional test; the generalized CMH statistics for r×c×K.
import ArgumentParser
import Foundation
import Resample

struct CmhCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cmh",
    abstract:
      "Cochran–Mantel–Haenszel tests of association in stratified (r×c×K) tables, with the common odds ratio.",
    discussion: """
      The strata come from --data F --rows A --cols B --by S [--freq-weight W] (labels kept, \
      categories in the declared, numeric or first-seen order, non-answers left out and \
      counted) or typed in with --tables "a,b;c,d|e,f;g,h" ('|' between strata). Every stratum \
      needs at least 2 observations and there must be at least 2 strata (as R's \
      mantelhaen.test). \
      2×2×K: the Mantel–Haenszel χ² with the continuity correction (R's mantelhaen.test(x); \
      --correction none for correct = FALSE), the Mantel–Haenszel common odds ratio with the \
      Robins–Breslow–Greenland interval (R's estimate and conf.int; --level), the Breslow–Day \
      test of equal odds ratios with Tarone's adjustment (statsmodels' \
      StratifiedTable.test_equal_odds; strata with a zero margin are left out and named), and \
      with --exact the exact conditional test (R's mantelhaen.test(x, exact = TRUE): p-value, \
      conditional MLE of the common odds ratio and its exact interval, solved to full \
      precision). The generalized statistics are reported too. --alternative less|greater \
      makes the MH p-value, the exact p-value and both intervals one-sided about the common odds \
      ratio, as R's alternative = (2×2×K only; the generalized and Breslow–Day tests stay \
      two-sided). \
      r×c×K: the generalized CMH statistics of Landis, Heyman & Koch (1978): general \
      association ((r − 1)(c − 1) df; R's mantelhaen.test), row mean scores (r − 1 df, column \
      scores --col-scores) and nonzero correlation (1 df, --scores and --col-scores; default \
      1, 2, … as SAS's table scores). A row or column empty in every stratum makes them \
      undefined (R stops with 'singular matrix'): drop it. \
      With a survey design of --data (--weight, --strata, --cluster, --fpc, --replicate-weights; \
      2×2×K): the design-based common odds ratio of row 1 vs row 2 for column 1, from R survey's \
      svyglm(I(B == col 1) ~ factor(S) + I(A == row 1), design, family = quasibinomial()): its \
      t test on (design df + 1 − (K + 1)) df and Wald interval.
      """)

  @OptionGroup var input: StratifiedInputOptions
  /// A survey design of `--data`: the design-based stratified odds ratio (CmhDesign.swift).
  @OptionGroup(title: "Survey design of --data (R svyglm, 2×2×K)")
  var design: SamplingDesignOptions

  @Option(help: "Continuity correction of the 2×2×K Mantel–Haenszel χ² (R's correct =).")
  var correction: ContinuityCorrection = .yates

  @Flag(help: "Add the exact conditional test of a 2×2×K table (R's exact = TRUE).")
  var exact = false

  @Option(help: "Confidence level of the common odds ratio's interval.")
  var level: Double = 0.95

  @Option(
    help:
      "2×2×K: the alternative about the common odds ratio (less: < 1, greater: > 1), as R's alternative =."
  )
  var alternative: Alternative = .twoSided

  @Option(help: "Row scores of the generalized statistics, comma-separated (default 1, 2, …, r).")
  var scores: String?

  @Option(
    name: .customLong("col-scores"),
    help: "Column scores of the generalized statistics, comma-separated (default 1, 2, …, c).")
  var colScores: String?

  @OptionGroup var output: OutputOptions<TextJSONCSV>

  func validate() throws {
    if design.isDesign {
      guard input.respondents.data != nil else {
        throw ValidationError(
          "the survey design options describe --data F --rows A --cols B --by S (respondent rows)")
      }
      guard input.respondents.freqWeight == nil else {
        throw ValidationError(
          "--freq-weight (identical respondents) cannot be combined with a sampling design")
      }
      guard !exact, alternative == .twoSided else {
        throw ValidationError(
          "--exact and one-sided alternatives assume simple random sampling; with a survey "
            + "design cmh reports the design-based two-sided t test")
      }
    }
    guard level > 0 && level < 1 else {
      throw invalidOption("--level", "\(level)", expected: "a confidence level in (0, 1)")
    }
  }

  func run() throws {
    let labelled = try input.load()
    let table = labelled.table
    let is2x2 = table.rowCount == 2 && table.columnCount == 2
    if design.isDesign { return try runDesign(labelled) }
    if alternative != .twoSided && !is2x2 {
      throw InputError.invalidParameter(
        name: "--alternative", value: alternative.rawValue,
        expected: "two-sided for \(table.rowCount)×\(table.columnCount) strata (one-sided "
          + "alternatives are for 2×2×K tables, as R)")
    }
    if exact && !is2x2 {
      throw InputError.invalidParameter(
        name: "--exact", value: "\(table.rowCount)×\(table.columnCount) strata",
        expected: "2×2 strata (the exact conditional test is for 2×2×K tables)")
    }
    let rs = try scores.map { try CommaList.numbers($0, "--scores") }
    let cs = try colScores.map { try CommaList.numbers($0, "--col-scores") }
    var generalized: GeneralizedCMHResult? = nil
    var generalizedError: String? = nil
    do {
      generalized = try generalizedCMH(table, rowScores: rs, columnScores: cs)
    } catch InputError.invalidParameter(let name, let value, let expected) {
      let option = name.hasPrefix("row") ? "--scores" : "--col-scores"
      throw InputError.invalidParameter(name: option, value: value, expected: expected)
    } catch InputError.invalidData(_, let reason) {
      // Larger tables have nothing else to report (R stops); 2×2×K keeps the MH results.
      guard is2x2 else { throw InputError.invalidData(source: input.sourceName, reason: reason) }
      generalizedError = reason
    }
    var mh: MantelHaenszelTestResult? = nil
    var or: MantelHaenszelOddsRatio? = nil
    var bd: BreslowDayResult? = nil
    var bdError: String? = nil
    var ex: ExactConditionalCMHResult? = nil
    if is2x2 {
      mh = try mantelHaenszelTest(table, correction: correction, alternative: alternative)
      or = try mantelHaenszelOddsRatio(table, level: level, alternative: alternative)
      do { bd = try breslowDayTest(table) } catch InputError.invalidData(_, let reason) {
        bdError = reason
      }
      if exact { ex = try exactConditionalCMH(table, level: level, alternative: alternative) }
    }
    var warnings: [String] = []
    if let generalizedError { warnings.append("generalized CMH statistics: \(generalizedError)") }
    if let bdError { warnings.append("Breslow–Day: \(bdError)") }
    if let bd, !bd.strataLeftOut.isEmpty {
      warnings.append(
        "Breslow–Day: left out stratum "
          + bd.strataLeftOut.map { "'\(labelled.stratumName($0))'" }.joined(separator: ", ")
          + " (a zero margin: no information on the odds ratio)")
    }
    if let mh, mh.statistic.isNaN {
      warnings.append(
        "every stratum has a zero margin: the Mantel–Haenszel statistic is undefined (NaN in R)")
    }
    let r = table.rowCount
    let c = table.columnCount
    func stat(_ s: CMHStatistic) -> JSON {
      .object([
        ("statistic", .num(s.statistic)), ("df", .integer(s.degreesOfFreedom)),
        ("p_value", .num(s.pValue)),
      ])
    }
    switch output.chosen {
    case .json:
      var fields: [(String, JSON)] = []
      if let ex {
        fields += [
          ("test", .string("exact-conditional")), ("statistic", .integer(ex.statistic)),
          ("df", .null), ("p_value", .num(ex.pValue)), ("correction", .string("none")),
        ]
      } else if let mh {
        fields += [
          ("test", .string("mantel-haenszel")), ("statistic", .num(mh.statistic)),
          ("df", .integer(1)), ("p_value", .num(mh.pValue)),
          ("correction", .string(mh.correction.rawValue)),
        ]
      } else if let g = generalized {
        fields += [
          ("test", .string("generalized-cmh")),
          ("statistic", .num(g.generalAssociation.statistic)),
          ("df", .integer(g.generalAssociation.degreesOfFreedom)),
          ("p_value", .num(g.generalAssociation.pValue)), ("correction", .string("none")),
        ]
      }
      fields.append(("alternative", .string(alternative.rawValue)))
      fields.append(
        (
          "mantel_haenszel",
          mh.map {
            .object([
              ("statistic", .num($0.statistic)), ("df", .integer(1)), ("p_value", .num($0.pValue)),
              ("correction", .string($0.correction.rawValue)),
              ("difference", .num($0.difference)),
            ])
          } ?? .null
        ))
      fields.append(
        (
          "common_odds_ratio",
          or.map {
            .object([
              ("estimate", .num($0.estimate)), ("lower", .num($0.lower)),
              ("upper", .num($0.upper)), ("level", .num($0.level)),
              ("log_standard_error", .num($0.logStandardError)),
              ("method", .string("mantel-haenszel, Robins–Breslow–Greenland interval")),
            ])
          } ?? .null
        ))
      fields.append(
        (
          "breslow_day",
          bd.map { b in
            .object([
              ("statistic", .num(b.statistic)), ("df", .integer(b.degreesOfFreedom)),
              ("p_value", .num(b.pValue)), ("tarone_statistic", .num(b.taroneStatistic)),
              ("tarone_p_value", .num(b.taronePValue)), ("odds_ratio", .num(b.oddsRatio)),
              ("strata_left_out", .strings(b.strataLeftOut.map { labelled.stratumName($0) })),
            ])
          } ?? .null
        ))
      fields.append(
        (
          "exact",
          ex.map {
            .object([
              ("statistic", .integer($0.statistic)), ("p_value", .num($0.pValue)),
              ("odds_ratio", .num($0.oddsRatio.estimate)), ("lower", .num($0.oddsRatio.lower)),
              ("upper", .num($0.oddsRatio.upper)), ("level", .num($0.oddsRatio.level)),
              (
                "support",
                .array([.integer($0.support.lowerBound), .integer($0.support.upperBound)])
              ),
            ])
          } ?? .null
        ))
      fields.append(
        (
          "generalized",
          generalized.map { g in
            .object([
              ("general_association", stat(g.generalAssociation)),
              ("row_mean_scores", stat(g.rowMeanScores)), ("correlation", stat(g.correlation)),
              ("row_scores", .numbers(g.rowScores)), ("column_scores", .numbers(g.columnScores)),
            ])
          } ?? .null
        ))
      fields += [
        ("strata", .integer(table.strata.count)),
        (
          "tables",
          .array(table.strata.map { s in .array(s.rows.map { .array($0.map(JSON.integer)) }) })
        ),
        ("warnings", .strings(warnings)),
      ]
      fields += labelled.jsonFields
      fields += Provenance.fields(seed: nil)
      emit(JSON.object(fields).rendered())
    case .csv:
      var lines = [csvLine(["test", "statistic", "df", "p_value", "estimate", "lower", "upper"])]
      if let mh, let or {
        lines.append(
          csvLine([
            "mantel-haenszel", csvNumber(mh.statistic), "1", csvNumber(mh.pValue),
            csvNumber(or.estimate), csvNumber(or.lower), csvNumber(or.upper),
          ]))
      }
      if let ex {
        lines.append(
          csvLine([
            "exact-conditional", String(ex.statistic), "", csvNumber(ex.pValue),
            csvNumber(ex.oddsRatio.estimate), csvNumber(ex.oddsRatio.lower),
            csvNumber(ex.oddsRatio.upper),
          ]))
      }
      if let bd {
        lines.append(
          csvLine([
            "breslow-day", csvNumber(bd.statistic), String(bd.degreesOfFreedom),
            csvNumber(bd.pValue), "", "", "",
          ]))
        lines.append(
          csvLine([
            "breslow-day-tarone", csvNumber(bd.taroneStatistic), String(bd.degreesOfFreedom),
            csvNumber(bd.taronePValue), "", "", "",
          ]))
      }
      if let g = generalized {
        for (name, s) in [
          ("general-association", g.generalAssociation), ("row-mean-scores", g.rowMeanScores),
          ("correlation", g.correlation),
        ] {
          lines.append(
            csvLine([
              name, csvNumber(s.statistic), String(s.degreesOfFreedom), csvNumber(s.pValue), "",
              "", "",
            ]))
        }
      }
      emit(lines.joined(separator: "\n"))
      for w in warnings { printWarning(w) }
    default:
      let n = table.strata.reduce(0) { $0 + $1.total }
      var lines = [
        "Cochran–Mantel–Haenszel, \(r)×\(c) tables in \(table.strata.count) strata, N = \(n)"
      ]
      if let note = labelled.labelNote { lines.append("labels: \(note)") }
      for (k, s) in table.strata.enumerated() {
        lines += [
          "", "stratum \(labelled.stratumName(k)) (n = \(s.total)):",
          matrixText(
            s.rows.map { $0.map(Double.init) }, digits: 10, rows: labelled.rowLabels,
            columns: labelled.columnLabels),
        ]
      }
      var t = TextTable(["", "statistic", "df", "p-value"], alignNumbersRight: true)
      if let mh {
        t.add([
          "Mantel–Haenszel" + (mh.correction == .yates ? " (corrected)" : ""), fmt(mh.statistic),
          "1", fmtP(mh.pValue),
        ])
      }
      if let ex { t.add(["exact conditional (S = \(ex.statistic))", "", "", fmtP(ex.pValue)]) }
      if let g = generalized, is2x2 {
        // For 2×2 strata the three generalized statistics are the uncorrected MH statistic.
        let s = g.generalAssociation
        t.add(["uncorrected (generalized CMH)", fmt(s.statistic), "1", fmtP(s.pValue)])
      } else if let g = generalized {
        for (name, s) in [
          ("general association", g.generalAssociation), ("row mean scores", g.rowMeanScores),
          ("correlation", g.correlation),
        ] {
          t.add([name, fmt(s.statistic), String(s.degreesOfFreedom), fmtP(s.pValue)])
        }
      }
      if let bd {
        t.add(["Breslow–Day", fmt(bd.statistic), String(bd.degreesOfFreedom), fmtP(bd.pValue)])
        t.add([
          "Breslow–Day–Tarone", fmt(bd.taroneStatistic), String(bd.degreesOfFreedom),
          fmtP(bd.taronePValue),
        ])
      }
      lines += ["", t.rendered()]
      if let or {
        let pct = fmt(or.level * 100, digits: 4)
        lines += [
          "",
          "common odds ratio (Mantel–Haenszel)  \(fmt(or.estimate))  \(pct)% CI "
            + fmtInterval(or.lower, or.upper) + " (Robins–Breslow–Greenland)",
        ]
        if let ex {
          lines.append(
            "common odds ratio (conditional MLE)  \(fmt(ex.oddsRatio.estimate))  \(pct)% CI "
              + fmtInterval(ex.oddsRatio.lower, ex.oddsRatio.upper) + " (exact)")
        }
      }
      if let g = generalized, r > 2 || c > 2 {
        lines.append(
          "scores: rows " + g.rowScores.map { fmt($0) }.joined(separator: ", ") + "; columns "
            + g.columnScores.map { fmt($0) }.joined(separator: ", "))
      }
      for w in warnings { lines.append("warning: \(w)") }
      emit(lines.joined(separator: "\n"))
    }
  }
}
