// FisherCommand.swift: `resample fisher` — Fisher's exact test, 2×2 odds ratio, r×c network.
import ArgumentParser
import Foundation
import Resample

struct FisherCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fisher",
    abstract: "Fisher's exact test on an r×c table (with the conditional MLE odds ratio for 2×2).",
    discussion: """
      Two-sided p: the total probability of the tables no more probable than the observed one \
      (relative tolerance 1 + 1e-7, as R and SciPy). 2×2 tables also report the conditional \
      maximum-likelihood odds ratio and its exact interval (as R's fisher.test, solved to full \
      precision; null in JSON stands for +∞). Larger tables are enumerated exactly by a network \
      algorithm; beyond --work-limit the p-value is a Monte Carlo estimate and "method" says \
      "monte-carlo" (B from --monte-carlo, default 100000, fewer for tables over 500 cells: 5e7/(r·c), at least 2000, stated; seed from --seed or fresh, reported). \
      --monte-carlo B forces the Monte Carlo estimate for tables larger than 2×2.
      """)

  @OptionGroup var input: TableInputOptions

  @OptionGroup var levelOptions: LevelOptions

  @Option(
    name: .customLong("work-limit"),
    help: "Largest exact enumeration (network expansions) before Monte Carlo (default 5000000).")
  var workLimit: Int = FisherExactDefaults.workLimit

  @OptionGroup var monteCarlo: MonteCarloOptionsGroup

  @OptionGroup var output: OutputOptions<TextJSONCSV>

  func validate() throws {
    guard workLimit >= 0 else {
      throw invalidOption("--work-limit", "\(workLimit)", expected: "a non-negative integer")
    }
  }

  func run() throws {
    let loaded = try input.loadLabelled()
    let table = loaded.table
    let forced = monteCarlo.options()
    let fallbackReplicates = FisherExactDefaults.fallbackReplicates(
      rows: table.rowCount, columns: table.columnCount)
    let fallback =
      forced
      ?? MonteCarloOptions(
        replicates: fallbackReplicates,
        seed: monteCarlo.random.resolvedSeed(), threads: monteCarlo.random.threadCount)
    let r = try fisherExactTest(
      table, level: levelOptions.level, monteCarlo: forced, fallback: fallback, workLimit: workLimit
    )
    var warnings = r.warnings.map(\.description)
    if forced == nil && r.method == .monteCarlo
      && fallbackReplicates < FisherExactDefaults.fallback.replicates
    {
      warnings.append(
        "\(fallbackReplicates) random tables (not 100000) bound the time for a "
          + "\(table.rowCount)×\(table.columnCount) table; --monte-carlo B sets B")
    }
    if forced != nil && r.method == .exact {
      warnings.append("2×2 tables are always exact; --monte-carlo was ignored (as in R)")
    }
    switch output.chosen {
    case .json:
      var fields: [(String, JSON)] = [
        ("p_value", .num(r.pValue)),
        ("method", .string(r.method.rawValue)),
      ]
      if let or = r.oddsRatio {
        fields.append(("odds_ratio", .num(or.estimate)))
        fields.append(("odds_ratio_ci", .interval(or.lower, or.upper)))
        fields.append(("level", .num(or.level)))
      }
      fields.append(("monte_carlo", monteCarloJSON(r.monteCarlo)))
      fields.append(("warnings", .strings(warnings)))
      fields += loaded.jsonFields
      fields += Provenance.fields(monteCarlo: r.monteCarlo)
      emit(JSON.object(fields).rendered())
    case .csv:
      let or = r.oddsRatio
      let mc = r.monteCarlo
      emit(
        [
          csvLine([
            "p_value", "method", "odds_ratio", "odds_ratio_lower", "odds_ratio_upper", "level",
            "mc_standard_error", "mc_replicates", "seed",
          ]),
          csvLine([
            csvNumber(r.pValue), r.method.rawValue, or.map { csvNumber($0.estimate) } ?? "",
            or.map { csvNumber($0.lower) } ?? "", or.map { csvNumber($0.upper) } ?? "",
            or.map { csvNumber($0.level) } ?? "", mc.map { csvNumber($0.standardError) } ?? "",
            mc.map { String($0.replicates) } ?? "", mc.map { String($0.seed) } ?? "",
          ]),
        ].joined(separator: "\n"))
      // CSV has no place for them: the warnings go to stderr.
      for w in warnings { printWarning(w) }
    default:
      var t = TextTable(["", "value"], alignNumbersRight: false)
      t.add(["table", "\(table.rowCount)×\(table.columnCount), N = \(table.total)"])
      if let note = loaded.labelNote { t.add(["labels", note]) }
      if let mc = r.monteCarlo {
        t.add(["p-value (two-sided)", "\(fmtP(r.pValue)) ± \(fmt(mc.standardError, digits: 2))"])
        t.add(["method", "Monte Carlo, \(mc.replicates) tables, seed \(mc.seed)"])
      } else {
        t.add(["p-value (two-sided)", fmtP(r.pValue)])
        t.add(["method", "exact"])
      }
      if let or = r.oddsRatio {
        t.add(["odds ratio (conditional MLE)", fmt(or.estimate)])
        t.add(["\(fmt(or.level * 100, digits: 4))% interval", fmtInterval(or.lower, or.upper)])
      }
      var lines = ["Fisher's exact test", "", t.rendered()]
      for w in warnings { lines.append("warning: \(w)") }
      emit(lines.joined(separator: "\n"))
    }
  }
}
