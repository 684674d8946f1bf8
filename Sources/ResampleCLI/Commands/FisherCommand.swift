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
      --monte-carlo B forces the Monte Carlo estimate for tables larger than 2×2. \
      --alternative less|greater (2×2 only, as R): the odds ratio below or above 1, p = P(X ≤ a) \
      or P(X ≥ a) for the top-left count a, and a one-sided odds-ratio interval. A table with one \
      row, one column or no counts is the only table with its margins: p = 1 with a warning \
      (as SciPy).
      """)

  @OptionGroup var input: TableInputOptions

  @OptionGroup(title: "Survey design of --data (refused)") var design: SamplingDesignOptions

  @OptionGroup var levelOptions: LevelOptions

  @Option(
    help:
      "Alternative about the odds ratio: two-sided (default), less (< 1) or greater (> 1); 2×2 only."
  )
  var alternative: Alternative?

  @Option(
    name: .customLong("work-limit"),
    help:
      "Largest exact enumeration before Monte Carlo, in units of network work of about 30–120 ns (default 60000000: seconds)."
  )
  var workLimit: Int = FisherExactDefaults.workLimit

  @OptionGroup var monteCarlo: MonteCarloOptionsGroup

  @OptionGroup var sharding: ShardOptions

  @OptionGroup var output: OutputOptions<TextJSONCSV>

  func validate() throws {
    if design.isDesign {
      throw ValidationError(
        "fisher's exact test assumes simple random sampling; for a survey design use "
          + "resample chisq --data F --rows A --cols B with the design options (Rao–Scott)")
    }
    guard workLimit >= 0 else {
      throw invalidOption("--work-limit", "\(workLimit)", expected: "a non-negative integer")
    }
  }

  func run() throws {
    let loaded: LabelledTable
    do {
      loaded = try input.loadLabelled()
    } catch let error as InputError {
      // One row, one column or all zeros: ContingencyTable refuses it, Fisher answers p = 1.
      guard let rows = try? input.loadCounts(),
        let single = try? fisherSingleTable(rows: rows, source: input.sourceName)
      else { throw error }
      report(
        single, shape: (rows.count, rows.first?.count ?? 0, rows.joined().reduce(0, +)),
        labels: nil, warnings: single.warnings.map(\.description))
      return
    }
    let table = loaded.table
    let forced = monteCarlo.options()
    let fallbackReplicates = FisherExactDefaults.fallbackReplicates(
      rows: table.rowCount, columns: table.columnCount)
    let fallback =
      forced
      ?? MonteCarloOptions(
        replicates: fallbackReplicates,
        seed: monteCarlo.random.resolvedSeed(), threads: monteCarlo.random.threadCount)
    let result: FisherExactResult?
    do {
      result = try monteCarlo.sharded(
        sharding, command: "fisher",
        run: {
          try fisherExactTest(
            table, level: levelOptions.level, alternative: alternative ?? .twoSided,
            monteCarlo: $0, fallback: $0 ?? fallback, workLimit: workLimit)
        }, monteCarlo: \.monteCarlo, merged: { $0.pValue = $1.pValue })
    } catch InputError.invalidParameter(let name, let value, let expected)
      where name == "alternative"
    {
      throw InputError.invalidParameter(name: "--alternative", value: value, expected: expected)
    }
    guard let r = result else { return }
    var warnings = r.warnings.map(\.description)
    if forced == nil && r.method == .monteCarlo
      && fallbackReplicates < FisherExactDefaults.fallback.replicates
    {
      warnings.append(
        "\(fallbackReplicates) random tables (not 100000) bound the time for a "
          + "\(table.rowCount)×\(table.columnCount) table; --monte-carlo B sets B")
    }
    if let bound = r.monteCarlo.flatMap({
      MonteCarloPrinting($0).warning(drawn: "table", option: "--monte-carlo")
    }) {
      warnings.append(bound)
    }
    if forced != nil && r.method == .exact {
      warnings.append("2×2 tables are always exact; --monte-carlo was ignored (as in R)")
    }
    report(
      r, shape: (table.rowCount, table.columnCount, table.total), labels: loaded,
      warnings: warnings)
  }

  /// Writes the result for a table of `shape` (rows, columns, total).
  func report(
    _ r: FisherExactResult, shape: (rows: Int, columns: Int, total: Int),
    labels loaded: LabelledTable?, warnings: [String]
  ) {
    let sided = "p-value (\(r.alternative.rawValue))"
    let printing = r.monteCarlo.map(MonteCarloPrinting.init)
    switch output.chosen {
    case .json:
      var fields: [(String, JSON)] = [
        ("p_value", .num(r.pValue)),
        ("method", .string(r.method.rawValue)),
        PValueBound.field(printing?.bound),
      ]
      if alternative != nil { fields.append(("alternative", .string(r.alternative.rawValue))) }
      if let or = r.oddsRatio {
        fields.append(("odds_ratio", .num(or.estimate)))
        fields.append(("odds_ratio_ci", .interval(or.lower, or.upper)))
        fields.append(("level", .num(or.level)))
      }
      fields.append(("monte_carlo", monteCarloJSON(r.monteCarlo)))
      fields.append(("warnings", .strings(warnings)))
      fields +=
        loaded?.jsonFields ?? [
          ("row_labels", .null), ("column_labels", .null), ("labels_from_file", .null),
        ]
      fields += Provenance.fields(monteCarlo: r.monteCarlo)
      emit(JSON.object(fields).rendered())
    case .csv:
      let or = r.oddsRatio
      let mc = r.monteCarlo
      emit(
        [
          csvLine([
            "p_value", "method", "odds_ratio", "odds_ratio_lower", "odds_ratio_upper", "level",
            "mc_standard_error", "mc_replicates", "seed", "mc_p_value_bound",
          ]),
          csvLine([
            csvNumber(r.pValue), r.method.rawValue, or.map { csvNumber($0.estimate) } ?? "",
            or.map { csvNumber($0.lower) } ?? "", or.map { csvNumber($0.upper) } ?? "",
            or.map { csvNumber($0.level) } ?? "", mc.map { csvNumber($0.standardError) } ?? "",
            mc.map { String($0.replicates) } ?? "", mc.map { String($0.seed) } ?? "",
            PValueBound.csv(printing?.bound),
          ]),
        ].joined(separator: "\n"))
      // CSV has no place for them: the warnings go to stderr.
      for w in warnings { printWarning(w) }
    default:
      var t = TextTable(["", "value"], alignNumbersRight: false)
      t.add(["table", "\(shape.rows)×\(shape.columns), N = \(shape.total)"])
      if let note = loaded?.labelNote { t.add(["labels", note]) }
      if let mc = r.monteCarlo, let printing {
        t.add([sided, printing.text])
        t.add(["method", "Monte Carlo, \(mc.replicates) tables, seed \(mc.seed)"])
      } else {
        t.add([sided, fmtP(r.pValue)])
        t.add(["method", "exact"])
      }
      if let or = r.oddsRatio {
        t.add(["odds ratio (conditional MLE)", fmt(or.estimate)])
        let kind = r.alternative == .twoSided ? "interval" : "one-sided interval"
        t.add(["\(fmt(or.level * 100, digits: 4))% \(kind)", fmtInterval(or.lower, or.upper)])
      }
      var lines = ["Fisher's exact test", "", t.rendered()]
      for w in warnings { lines.append("warning: \(w)") }
      emit(lines.joined(separator: "\n"))
    }
  }
}
