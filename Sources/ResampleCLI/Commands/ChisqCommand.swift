// ChisqCommand.swift: `resample chisq` — Pearson/Yates/G χ² on an r×c table, or goodness of fit
// of k counts (--observed); any power-divergence statistic (--lambda); Monte Carlo option.
import ArgumentParser
import Foundation
import Resample

struct ChisqCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "chisq",
    abstract:
      "Chi-squared test of independence on an r×c table (with the G-test), or of goodness of fit.",
    discussion: """
      Yates' continuity correction is applied to 2×2 tables by default, as R's chisq.test and \
      SciPy's chi2_contingency do (--correction none turns it off); the G-test (likelihood \
      ratio) is never corrected. std_residuals are the adjusted standardized residuals (R's \
      stdres). Cramér's V uses the uncorrected statistic. Empty rows or columns give \
      undefined statistics (NaN in R, null in JSON, empty in CSV) with a warning, unless \
      --drop-empty removes them. \
      --monte-carlo B adds p = (1 + k)/(B + 1) over random tables with the observed margins \
      (Patefield's algorithm; replicate b uses Philox stream b, so the result does not depend \
      on --threads; Yates never applied), with its standard error sqrt(p(1 − p)/B). \
      Goodness of fit (--observed 89,37,30,28,2): are the counts a sample from --p (probabilities \
      summing to 1 within 1.5e-8, as R's chisq.test(x, p =); --rescale-p divides them by their \
      sum, R's rescale.p) or from --expected counts (summing to the observed total, as SciPy's \
      chisquare), uniform when neither is given; df = k − 1 − --ddof (SciPy's ddof, for \
      parameters estimated from the data); --monte-carlo B draws B multinomial samples under \
      the null (R's simulate.p.value; replicate b uses Philox stream b). \
      --lambda picks the Cressie–Read power-divergence statistic, as SciPy's power_divergence \
      and chi2_contingency(lambda_=): pearson (1, default), log-likelihood (0, G), \
      freeman-tukey (-1/2), mod-log-likelihood (-1), neyman (-2), cressie-read (2/3) or any \
      number; on a 2×2 table SciPy's Yates correction applies to it unless --correction none. \
      Zero cells follow SciPy: an expected count of 0 with a positive observed count makes \
      the statistic inf for λ ≥ 0 (p = 0), an observed 0 makes it NaN for λ < 0 other than -1 \
      (inf for -1); JSON writes null and a warning says why. Monte Carlo simulates Pearson's \
      statistic only (R, SciPy).
      """)

  @OptionGroup var input: TableInputOptions

  @OptionGroup(title: "Survey design of --data (R svychisq)") var design: SamplingDesignOptions

  @Option(
    help:
      "Goodness of fit: the observed counts of k ≥ 2 categories, comma-separated (e.g. 89,37,30,28,2)."
  )
  var observed: String?

  @Option(
    help: "Null probabilities for --observed, comma-separated, summing to 1 (default: uniform).")
  var p: String?

  @Flag(name: .customLong("rescale-p"), help: "Divide --p by its sum (R's rescale.p).")
  var rescaleP = false

  @Option(help: "Expected counts for --observed (instead of --p), summing to the observed total.")
  var expected: String?

  @Option(help: "Parameters estimated from the data: df = k − 1 − ddof (SciPy's ddof; --observed).")
  var ddof: Int?

  // Unconditional, so that a negative λ (`--lambda -0.5`) is read as the value.
  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "The power-divergence statistic: a SciPy name or a number λ.", valueName: "name|λ"))
  var lambda: PowerDivergence = .pearson

  @Option(help: "Continuity correction for 2×2 tables.")
  var correction: ContinuityCorrection = .yates

  @Flag(name: .customLong("drop-empty"), help: "Drop rows and columns whose total is zero.")
  var dropEmpty = false

  @OptionGroup var monteCarlo: MonteCarloOptionsGroup

  @OptionGroup var sharding: ShardOptions

  @OptionGroup var output: OutputOptions<TextJSONCSV>

  func validate() throws {
    if design.isDesign { try validateDesign() }
    if monteCarlo.monteCarlo == nil && monteCarlo.random.seed != nil {
      throw ValidationError("--seed needs --monte-carlo B")
    }
    if observed != nil && input.isGiven {
      throw ValidationError(
        "give either a table (--table, --table-file, --data) or --observed, not both")
    }
    if observed == nil {
      if !input.isGiven {
        throw ValidationError(
          "give the table with --table \"a,b;c,d\", --table-file FILE or --data F --rows A --cols B, or counts with --observed"
        )
      }
      if p != nil || expected != nil || rescaleP || ddof != nil {
        throw ValidationError("--p, --expected, --rescale-p and --ddof describe --observed")
      }
    } else if dropEmpty {
      throw ValidationError("--drop-empty describes a table, not --observed")
    }
    if p != nil && expected != nil {
      throw ValidationError("give either --p or --expected, not both")
    }
    if rescaleP && p == nil { throw ValidationError("--rescale-p needs --p") }
    if let ddof, ddof < 0 {
      throw invalidOption("--ddof", "\(ddof)", expected: "an integer ≥ 0")
    }
    if monteCarlo.monteCarlo != nil && lambda != .pearson {
      throw ValidationError(
        "--monte-carlo simulates Pearson's statistic (as R and SciPy); drop --lambda \(lambda)")
    }
  }

  func run() throws {
    if let observed {
      try goodnessOfFit(observed)
      return
    }
    if design.isDesign {
      emit(try DesignChisq(input: input, options: design).rendered(output.chosen))
      return
    }
    let loaded = try input.loadLabelled()
    let table = loaded.table
    let labels = dropEmpty ? loaded.droppingEmptyMargins() : loaded
    guard
      let r = try monteCarlo.sharded(
        sharding, command: "chisq",
        run: {
          try chiSquaredTest(
            table, correction: correction, emptyMargins: dropEmpty ? .drop : .keep,
            monteCarlo: $0, statistic: lambda)
        }, monteCarlo: \.monteCarlo)
    else { return }
    switch output.chosen {
    case .json:
      var fields =
        JSON.chiSquaredFields(r.statistic, df: r.degreesOfFreedom, p: r.pValue) + [
          ("correction", .string(r.correction.rawValue)),
          ("lambda", .num(r.powerDivergence.lambda)),
          ("lambda_name", r.powerDivergence.name.map(JSON.string) ?? .null),
          ("g_statistic", .num(r.gStatistic)),
          ("g_p_value", .num(r.gPValue)),
          ("cramers_v", .num(r.cramersV)),
          ("expected", .matrix(r.expected)),
          ("std_residuals", .matrix(r.standardizedResiduals)),
          ("pearson_residuals", .matrix(r.pearsonResiduals)),
          ("warnings", .strings(warnings(r.diagnostics, r.monteCarlo))),
          ("monte_carlo", monteCarloJSON(r.monteCarlo)),
          ("table", .array(r.table.rows.map { .array($0.map(JSON.integer)) })),
        ]
      fields += labels.jsonFields
      fields += Provenance.fields(monteCarlo: r.monteCarlo)
      emit(JSON.object(fields).rendered())
    case .csv:
      emit(
        [
          csvLine(
            [
              "statistic", "df", "p_value", "correction", "g_statistic", "g_p_value", "cramers_v",
            ] + Self.monteCarloCSVHeader),
          csvLine(
            [
              csvNumber(r.statistic), String(r.degreesOfFreedom), csvNumber(r.pValue),
              r.correction.rawValue, csvNumber(r.gStatistic), csvNumber(r.gPValue),
              csvNumber(r.cramersV),
            ] + monteCarloCSV(r.monteCarlo)),
        ].joined(separator: "\n"))
      // CSV has no place for them: the warnings (why a field is empty) go to stderr.
      for w in warnings(r.warnings, r.monteCarlo) { printWarning(w) }
    default:
      var t = TextTable(["", "statistic", "df", "p-value"], alignNumbersRight: true)
      let name = statisticLabel(r.powerDivergence) + (r.correction == .yates ? " (Yates)" : "")
      t.add([name, fmt(r.statistic), String(r.degreesOfFreedom), fmtP(r.pValue)])
      t.add([
        "G (likelihood ratio)", fmt(r.gStatistic), String(r.degreesOfFreedom),
        fmtP(r.gPValue),
      ])
      addMonteCarloRow(&t, r.monteCarlo)
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
      for w in warnings(r.warnings, r.monteCarlo) { lines.append("warning: \(w)") }
      emit(lines.joined(separator: "\n"))
    }
  }
}

extension ChisqCommand {
  /// Refuses what a survey design cannot go with: no --data, frequency weights, Monte Carlo,
  /// another statistic than Pearson's, --drop-empty.
  func validateDesign() throws {
    guard input.data != nil else {
      throw ValidationError(
        "--weight/--strata/--cluster/--fpc/--replicate-weights describe --data F --rows A --cols B")
    }
    if input.respondents.freqWeight != nil {
      throw ValidationError(
        "--freq-weight (identical respondents) cannot be combined with a sampling design")
    }
    if monteCarlo.monteCarlo != nil {
      throw ValidationError(
        "--monte-carlo simulates tables under simple random sampling; with a design the "
          + "Rao–Scott test is reported")
    }
    if lambda != .pearson || dropEmpty {
      throw ValidationError(
        "with a design only Pearson's X² is corrected (drop --lambda, --drop-empty)")
    }
  }

  /// `--observed`: the goodness-of-fit test of k counts against --p, --expected or uniform.
  func goodnessOfFit(_ observedText: String) throws {
    let rows = try TableSyntax.parse(observedText, source: "--observed")
    guard rows.count == 1, let counts = rows.first else {
      throw InputError.invalidData(
        source: "--observed", reason: "give one row of counts separated by ',' (no ';')")
    }
    let null: GoodnessOfFitNull
    if let p {
      let values = try CommaList.numbers(p, "--p")
      null = rescaleP ? .rescaledProbabilities(values) : .probabilities(values)
    } else if let expected {
      null = .expected(try CommaList.numbers(expected, "--expected"))
    } else {
      null = .uniform
    }
    let result: GoodnessOfFitResult?
    do {
      result = try monteCarlo.sharded(
        sharding, command: "chisq",
        run: {
          try chiSquaredGoodnessOfFit(
            observed: counts, null: null, statistic: lambda, ddof: ddof ?? 0, monteCarlo: $0)
        }, monteCarlo: \.monteCarlo)
    } catch InputError.invalidParameter(let name, let value, let expected) {
      throw InputError.invalidParameter(
        name: name.hasPrefix("-") ? name : "--" + name, value: value, expected: expected)
    } catch InputError.invalidData(let source, let reason) {
      throw InputError.invalidData(
        source: source.hasPrefix("-") ? source : "--" + source, reason: reason)
    }
    guard let r = result else { return }
    let lambdaName = r.powerDivergence.name.map(JSON.string) ?? .null
    switch output.chosen {
    case .json:
      var fields: [(String, JSON)] =
        [
          ("test", .string("goodness-of-fit"))
        ] + JSON.chiSquaredFields(r.statistic, df: r.degreesOfFreedom, p: r.pValue) + [
          ("expected", .numbers(r.expected)),
          ("observed", .array(r.observed.map(JSON.integer))),
          ("p", .numbers(r.probabilities)),
          ("ddof", .integer(r.ddof)),
          ("lambda", .num(r.powerDivergence.lambda)),
          ("lambda_name", lambdaName),
          ("warnings", .strings(warnings(r.diagnostics, r.monteCarlo, drawn: "sample"))),
          ("monte_carlo", monteCarloJSON(r.monteCarlo)),
        ]
      fields += Provenance.fields(monteCarlo: r.monteCarlo)
      emit(JSON.object(fields).rendered())
    case .csv:
      emit(
        [
          csvLine(
            [
              "statistic", "df", "p_value", "lambda", "ddof",
            ] + Self.monteCarloCSVHeader),
          csvLine(
            [
              csvNumber(r.statistic), String(r.degreesOfFreedom), csvNumber(r.pValue),
              csvNumber(r.powerDivergence.lambda), String(r.ddof),
            ] + monteCarloCSV(r.monteCarlo)),
        ].joined(separator: "\n"))
      for w in warnings(r.warnings, r.monteCarlo, drawn: "sample") { printWarning(w) }
    default:
      var t = TextTable(["", "statistic", "df", "p-value"], alignNumbersRight: true)
      t.add([
        statisticLabel(r.powerDivergence), fmt(r.statistic), String(r.degreesOfFreedom),
        fmtP(r.pValue),
      ])
      addMonteCarloRow(&t, r.monteCarlo)
      var cells = TextTable(["category", "observed", "expected", "p"], alignNumbersRight: true)
      for i in r.observed.indices {
        cells.add([
          String(i + 1), String(r.observed[i]), fmt(r.expected[i], digits: 6),
          fmt(r.probabilities[i], digits: 6),
        ])
      }
      let total = r.observed.reduce(0, +)
      var lines = [
        "Chi-squared goodness of fit, \(r.observed.count) categories, N = \(total)"
          + (r.ddof > 0 ? ", ddof = \(r.ddof)" : ""),
        "", t.rendered(),
      ]
      if let m = r.monteCarlo { lines += ["", "seed        \(m.seed)"] }
      lines += ["", cells.rendered(indent: "  ")]
      for w in warnings(r.warnings, r.monteCarlo, drawn: "sample") {
        lines.append("warning: \(w)")
      }
      emit(lines.joined(separator: "\n"))
    }
  }

  /// The CSV columns of the Monte Carlo p-value (empty cells without --monte-carlo).
  static let monteCarloCSVHeader = [
    "mc_p_value", "mc_standard_error", "mc_replicates", "seed", "mc_p_value_bound",
  ]

  /// The cells under ``monteCarloCSVHeader``.
  func monteCarloCSV(_ mc: MonteCarloPValue?) -> [String] {
    guard let mc else { return ["", "", "", "", ""] }
    return [
      csvNumber(mc.pValue), csvNumber(mc.standardError), String(mc.replicates), String(mc.seed),
      PValueBound.csv(MonteCarloPrinting(mc).bound),
    ]
  }

  /// The text table's "Monte Carlo (B = …)" row: p ± its Monte Carlo standard error, or the
  /// bound `< 1/(B + 1)` when no simulated table was as extreme.
  func addMonteCarloRow(_ t: inout TextTable, _ mc: MonteCarloPValue?) {
    guard let mc else { return }
    t.add(["Monte Carlo (B = \(mc.replicates))", "", "", MonteCarloPrinting(mc).text])
  }

  /// The table warnings as lines, then the Monte Carlo bound's warning when p is one.
  ///
  /// - Parameter drawn: what one replicate simulates (`"table"`, or `"sample"` for --observed).
  func warnings(
    _ table: [TableWarning], _ mc: MonteCarloPValue?, drawn: String = "table"
  ) -> [String] {
    table.map(\.description)
      + (mc.flatMap { MonteCarloPrinting($0).warning(drawn: drawn, option: "--monte-carlo") }
        .map { [$0] } ?? [])
  }
}

/// The name of a power-divergence statistic in text output.
func statisticLabel(_ d: PowerDivergence) -> String {
  switch d {
  case .pearson: return "Pearson X²"
  case .logLikelihood: return "G (log-likelihood)"
  case .freemanTukey: return "Freeman–Tukey"
  case .modLogLikelihood: return "modified log-likelihood"
  case .neyman: return "Neyman"
  case .cressieRead: return "Cressie–Read (λ = 2/3)"
  case .other(let l): return "power divergence (λ = \(fmt(l)))"
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
