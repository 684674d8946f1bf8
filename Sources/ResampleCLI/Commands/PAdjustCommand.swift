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
      discovery rate; alias fdr), BY (FDR under any dependence). Adjusted values keep the input \
      order and are monotone in the raw p-values, as in R.
      """)

  @Option(help: "The adjustment (R's p.adjust names; fdr is BH).")
  var method: PValueAdjustment = .holm

  @Argument(help: "The raw p-values, each in [0, 1].")
  var pValues: [String] = []

  @OptionGroup var output: OutputOptions<TextJSONCSV>

  func validate() throws {
    guard !pValues.isEmpty else {
      throw ValidationError("give the p-values to adjust: resample padjust P1 P2 ...")
    }
    _ = try probabilities()
  }

  /// The p-values as numbers: plain decimals in [0, 1] (no hex, NaN or infinities).
  func probabilities() throws -> [Double] {
    var ps: [Double] = []
    for (i, text) in pValues.enumerated() {
      let bad = InputError.invalidParameter(
        name: "p-value \(i + 1)", value: text, expected: "a probability in [0, 1]")
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
    let adjusted = try adjust(ps, method: m)
    switch output.chosen {
    case .json:
      emit(
        JSON.object([
          ("method", .string(m.rawValue)),
          ("adjusted", .numbers(adjusted)),
          ("p_values", .numbers(ps)),
          Provenance.tool,
        ]).rendered())
    case .csv:
      var lines = [csvLine(["index", "p_value", "adjusted"])]
      for (i, (p, a)) in zip(ps, adjusted).enumerated() {
        lines.append(csvLine([String(i + 1), csvNumber(p), csvNumber(a)]))
      }
      emit(lines.joined(separator: "\n"))
    default:
      var t = TextTable(["#", "p-value", "adjusted (\(m.rawValue))"])
      for (i, (p, a)) in zip(ps, adjusted).enumerated() {
        t.add([String(i + 1), fmtP(p), fmtP(a)])
      }
      emit(t.rendered())
    }
  }
}
