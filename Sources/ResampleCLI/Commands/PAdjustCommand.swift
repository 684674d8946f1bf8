// PAdjustCommand.swift: `resample padjust` — multiple-comparison adjustment as R's p.adjust.
import ArgumentParser
import Foundation
import Resample

struct PAdjustCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "padjust",
    abstract: "Adjust p-values for multiple comparisons, identically to R's p.adjust.",
    discussion: """
      Methods: holm (default; family-wise error), hochberg, hommel, bonferroni, BH (false \
      discovery rate; alias fdr), BY (FDR under any dependence), as R's p.adjust; and, as \
      statsmodels' multipletests: sidak (1 − (1 − p)^m), holm-sidak (step-down Šidák) and \
      fdr_tsbh (two-stage Benjamini–Hochberg at --alpha; alias fdr_2sbh). Adjusted values keep \
      the input order and are monotone in the raw p-values, as in R. NA entries are passed \
      through as NA (null in JSON) and left out, as R; --n M is R's n = M: the family has M \
      tests of which these are some (the others count as p = 1).
      """)

  @Option(
    help:
      "The adjustment (R's p.adjust names, fdr is BH; statsmodels' sidak, holm-sidak, fdr_tsbh).")
  var method: PValueAdjustment = .holm

  @Option(
    name: .customLong("n"),
    help: "Number of tests in the family (R's n =), at least the number of p-values given.")
  var comparisons: Int?

  @Option(help: "FDR level of fdr_tsbh's first stage (statsmodels' alpha; default 0.05).")
  var alpha: Double?

  @Argument(help: "The raw p-values, each in [0, 1] or NA.")
  var pValues: [String] = []

  @OptionGroup var output: OutputOptions<TextJSONCSV>

  func validate() throws {
    guard !pValues.isEmpty else {
      throw ValidationError("give the p-values to adjust: resample padjust P1 P2 ...")
    }
    let ps = try probabilities()
    if let m = comparisons {
      let given = ps.filter { !$0.isNaN }.count
      guard m >= given else {
        throw invalidOption(
          "--n", "\(m)", expected: "at least the number of p-values given (\(given))")
      }
    }
    if let a = alpha {
      guard method == .twoStageBenjaminiHochberg else {
        throw ValidationError("--alpha is the first-stage level of --method fdr_tsbh only")
      }
      guard a > 0, a < 1 else {
        throw invalidOption("--alpha", "\(a)", expected: "an FDR level in (0, 1)")
      }
    }
  }

  /// The p-values as numbers: plain decimals in [0, 1] (no hex or infinities); `NA` (any case)
  /// is a missing value, NaN.
  func probabilities() throws -> [Double] {
    var ps: [Double] = []
    for (i, text) in pValues.enumerated() {
      if text.uppercased() == "NA" {
        ps.append(.nan)
        continue
      }
      let bad = InputError.invalidParameter(
        name: "p-value \(i + 1)", value: text, expected: "a probability in [0, 1] or NA")
      guard let p = try? NumericText.parseFinite(text, source: "p-value \(i + 1)"), p >= 0, p <= 1
      else {
        throw ValidationError(bad.description)
      }
      ps.append(p)
    }
    return ps
  }

  func run() throws {
    let m = method
    let ps = try probabilities()
    let level = alpha ?? 0.05
    let adjusted = try adjustPValues(ps, method: m, comparisons: comparisons, alpha: level)
    func csvP(_ p: Double) -> String { p.isNaN ? "NA" : csvNumber(p) }
    func textP(_ p: Double) -> String { p.isNaN ? "NA" : fmtP(p) }
    switch output.chosen {
    case .json:
      var fields: [(String, JSON)] = [
        ("method", .string(m.rawValue)),
        ("adjusted", .numbers(adjusted)),
        ("p_values", .numbers(ps)),
      ]
      if let comparisons { fields.append(("n", .integer(comparisons))) }
      if m == .twoStageBenjaminiHochberg { fields.append(("alpha", .num(level))) }
      fields.append(Provenance.tool)
      emit(JSON.object(fields).rendered())
    case .csv:
      var lines = [csvLine(["index", "p_value", "adjusted"])]
      for (i, (p, a)) in zip(ps, adjusted).enumerated() {
        lines.append(csvLine([String(i + 1), csvP(p), csvP(a)]))
      }
      emit(lines.joined(separator: "\n"))
    default:
      var t = TextTable(["#", "p-value", "adjusted (\(m.rawValue))"])
      for (i, (p, a)) in zip(ps, adjusted).enumerated() {
        t.add([String(i + 1), textP(p), textP(a)])
      }
      var lines = [t.rendered()]
      if let comparisons {
        lines.append("family of \(comparisons) tests (R's n = \(comparisons))")
      }
      if m == .twoStageBenjaminiHochberg {
        lines.append("two-stage BH with first-stage FDR level \(fmt(level))")
      }
      emit(lines.joined(separator: "\n"))
    }
  }
}
