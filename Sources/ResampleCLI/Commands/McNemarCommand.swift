// McNemarCommand.swift: `resample mcnemar` — McNemar's test for paired proportions.
import ArgumentParser
import Foundation
import Resample

struct McNemarCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "mcnemar",
    abstract: "McNemar's test for paired proportions on a 2×2 table \"a,b;c,d\".",
    discussion: """
      statistic: (|b − c| − 1)²/(b + c) with the continuity correction (default, as R's \
      mcnemar.test; R applies it only when b ≠ c), (b − c)²/(b + c) with --correction none; \
      p_value from χ²(1). exact_p_value: the exact binomial test of b out of b + c at 1/2 \
      (R's binom.test), the recommended p when b + c is small. --alternative less|greater makes \
      the exact p one-sided, as R's binom.test(b, b + c, alternative =): less is P(X ≤ b), \
      greater P(X ≥ b) for X ~ Binomial(b + c, ½) (b below or above half of the discordant \
      pairs); the χ² p-value stays two-sided (R's mcnemar.test has no one-sided form).
      """)

  @OptionGroup var input: TableInputOptions

  @Option(help: "Continuity correction (yates: R's default).")
  var correction: ContinuityCorrection = .yates

  @Option(
    help: "Alternative of the exact p-value: b/(b + c) ≠, < or > ½ (default two-sided).")
  var alternative: Alternative?

  @OptionGroup var output: OutputOptions<TextJSONCSV>

  func run() throws {
    let table = try input.load()
    guard table.rowCount == 2 && table.columnCount == 2 else {
      throw InputError.invalidData(
        source: input.sourceName,
        reason: "McNemar's test needs a 2×2 table \"a,b;c,d\" (got "
          + "\(table.rowCount)×\(table.columnCount))")
    }
    let r = try mcNemarTest(
      table, correction: correction, alternative: alternative ?? .twoSided)
    switch output.chosen {
    case .json:
      var fields: [(String, JSON)] = [
        ("statistic", .num(r.statistic)),
        ("p_value", .num(r.pValue)),
        ("exact_p_value", .num(r.exactPValue)),
      ]
      if let alternative { fields.append(("exact_alternative", .string(alternative.rawValue))) }
      fields += [
        ("correction", .string(r.correction.rawValue)),
        ("discordant", .array([.integer(r.discordant.b), .integer(r.discordant.c)])),
        ("warnings", .messages(r.diagnostics)),
        Provenance.tool,
      ]
      emit(JSON.object(fields).rendered())
    case .csv:
      emit(
        [
          csvLine(["statistic", "p_value", "exact_p_value", "correction", "b", "c"]),
          csvLine([
            csvNumber(r.statistic), csvNumber(r.pValue), csvNumber(r.exactPValue),
            r.correction.rawValue, String(r.discordant.b), String(r.discordant.c),
          ]),
        ].joined(separator: "\n"))
      // CSV has no place for them: the warnings (why a field is empty) go to stderr.
      for w in r.warnings { printWarning(w.description) }
    default:
      var t = TextTable(["", "value"], alignNumbersRight: false)
      t.add(["discordant pairs", "b = \(r.discordant.b), c = \(r.discordant.c)"])
      let label = r.correction == .yates ? "McNemar χ² (corrected)" : "McNemar χ²"
      t.add([label, fmt(r.statistic)])
      t.add(["p-value (χ², 1 df)", fmtP(r.pValue)])
      let sided = r.exactAlternative == .twoSided ? "" : ", \(r.exactAlternative.rawValue)"
      t.add(["exact p-value (binomial\(sided))", fmtP(r.exactPValue)])
      var lines = ["McNemar's test for paired proportions", "", t.rendered()]
      for w in r.warnings { lines.append("warning: \(w)") }
      emit(lines.joined(separator: "\n"))
    }
  }
}
