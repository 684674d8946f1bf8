// ChisqCommand.swift: `resample chisq` — Pearson/Yates/G χ² on an r×c table, Monte Carlo option.
import ArgumentParser
import Foundation
import Resample

struct ChisqCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "chisq",
    abstract: "Pearson's chi-squared test of independence on an r×c table, with the G-test.",
    discussion: """
      Yates' continuity correction is applied to 2×2 tables by default, as R's chisq.test and \
      SciPy's chi2_contingency do (--correction none turns it off); the G-test (likelihood \
      ratio) is never corrected. std_residuals are the adjusted standardized residuals (R's \
      stdres). Cramér's V uses the uncorrected statistic. Empty rows or columns give \
      undefined statistics (NaN in R, null in JSON, empty in CSV) with a warning, unless \
      --drop-empty removes them. \
      --monte-carlo B adds p = (1 + k)/(B + 1) over random tables with the observed margins \
      (Patefield's algorithm; replicate b uses Philox stream b, so the result does not depend \
      on --threads; Yates never applied), with its standard error sqrt(p(1 − p)/B).
      """)

  @OptionGroup var input: TableInputOptions

  @Option(help: "Continuity correction for 2×2 tables.")
  var correction: ContinuityCorrection = .yates

  @Flag(name: .customLong("drop-empty"), help: "Drop rows and columns whose total is zero.")
  var dropEmpty = false

  @OptionGroup var monteCarlo: MonteCarloOptionsGroup

  @OptionGroup var output: OutputOptions<TextJSONCSV>

  func validate() throws {
    if monteCarlo.monteCarlo == nil && monteCarlo.random.seed != nil {
      throw ValidationError("--seed needs --monte-carlo B")
    }
  }

  func run() throws {
    let loaded = try input.loadLabelled()
    let table = loaded.table
    let labels = dropEmpty ? loaded.droppingEmptyMargins() : loaded
    let mc = monteCarlo.options()
    let r = try chiSquaredTest(
      table, correction: correction, emptyMargins: dropEmpty ? .drop : .keep, monteCarlo: mc)
    switch output.chosen {
    case .json:
      var fields: [(String, JSON)] = [
        ("statistic", .num(r.statistic)),
        ("df", .integer(r.degreesOfFreedom)),
        ("p_value", .num(r.pValue)),
        ("correction", .string(r.correction.rawValue)),
        ("g_statistic", .num(r.gStatistic)),
        ("g_p_value", .num(r.gPValue)),
        ("cramers_v", .num(r.cramersV)),
        ("expected", .matrix(r.expected)),
        ("std_residuals", .matrix(r.standardizedResiduals)),
        ("pearson_residuals", .matrix(r.pearsonResiduals)),
        ("warnings", .messages(r.diagnostics)),
        ("monte_carlo", monteCarloJSON(r.monteCarlo)),
        ("table", .array(r.table.rows.map { .array($0.map(JSON.integer)) })),
      ]
      fields += labels.jsonFields
      fields += Provenance.fields(monteCarlo: r.monteCarlo)
      emit(JSON.object(fields).rendered())
    case .csv:
      let mcp = r.monteCarlo
      emit(
        [
          csvLine([
            "statistic", "df", "p_value", "correction", "g_statistic", "g_p_value", "cramers_v",
            "mc_p_value", "mc_standard_error", "mc_replicates", "seed",
          ]),
          csvLine([
            csvNumber(r.statistic), String(r.degreesOfFreedom), csvNumber(r.pValue),
            r.correction.rawValue, csvNumber(r.gStatistic), csvNumber(r.gPValue),
            csvNumber(r.cramersV), mcp.map { csvNumber($0.pValue) } ?? "",
            mcp.map { csvNumber($0.standardError) } ?? "", mcp.map { String($0.replicates) } ?? "",
            mcp.map { String($0.seed) } ?? "",
          ]),
        ].joined(separator: "\n"))
      // CSV has no place for them: the warnings (why a field is empty) go to stderr.
      for w in r.warnings { printWarning(w.description) }
    default:
      var t = TextTable(["", "statistic", "df", "p-value"], alignNumbersRight: true)
      let name = r.correction == .yates ? "Pearson X² (Yates)" : "Pearson X²"
      t.add([name, fmt(r.statistic), String(r.degreesOfFreedom), fmtP(r.pValue)])
      t.add([
        "G (likelihood ratio)", fmt(r.gStatistic), String(r.degreesOfFreedom),
        fmtP(r.gPValue),
      ])
      if let m = r.monteCarlo {
        t.add([
          "Monte Carlo (B = \(m.replicates))", "", "",
          "\(fmtP(m.pValue)) ± \(fmt(m.standardError, digits: 2))",
        ])
      }
      var lines = [
        "Chi-squared test of independence, \(r.table.rowCount)×\(r.table.columnCount) table, "
          + "N = \(r.table.total)"
      ]
      if let note = labels.labelNote { lines.append("labels: \(note)") }
      lines += [
        "", t.rendered(), "", "Cramér's V  \(fmt(r.cramersV, digits: 4))",
      ]
      if let m = r.monteCarlo { lines.append("seed        \(m.seed)") }
      lines += [
        "", "expected counts:",
        matrixText(
          r.expected, digits: 4, rows: labels.rowLabels,
          columns: labels.columnLabels),
        "", "adjusted standardized residuals:",
        matrixText(
          r.standardizedResiduals, digits: 3, rows: labels.rowLabels,
          columns: labels.columnLabels),
      ]
      for w in r.warnings { lines.append("warning: \(w.description)") }
      emit(lines.joined(separator: "\n"))
    }
  }
}

/// A numeric matrix as an aligned text block with row/column labels (default `r1…`, `c1…`).
func matrixText(
  _ m: [[Double]], digits: Int, rows: [String]? = nil, columns: [String]? = nil
) -> String {
  let width = m.first?.count ?? 0
  let heads = columns ?? (1...max(1, width)).map { "c\($0)" }
  var t = TextTable([""] + heads)
  for (i, row) in m.enumerated() {
    let label = rows.flatMap { i < $0.count ? $0[i] : nil } ?? "r\(i + 1)"
    t.add([label] + row.map { fmt($0, digits: digits) })
  }
  return t.rendered(indent: "  ")
}
