// BenchDiffCommand.swift: `resample bench-diff BASE NEW` — did the benchmarks change?
import ArgumentParser
import Foundation
import Resample

struct BenchDiffCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench-diff",
    abstract: "Compare two benchmark runs: ratio intervals, adjusted p-values, verdicts.",
    discussion: """
      Reads hyperfine --export-json, Google Benchmark JSON, criterion folders or sample.json, \
      cargo-criterion messages, Go benchmark text, pyperf JSON or a CSV of name,value rows \
      (detected; --input-format forces one). Benchmarks are matched by name. For each: the \
      ratio of centers new/base with a bootstrap interval, a Mann-Whitney p-value (exact with \
      ties up to n_base*n_new <= 2500), adjusted across the suite (Holm by default), and a \
      verdict: slower (faster) when the adjusted p < 1 - level and the whole ratio interval lies \
      above 1 + threshold (below 1 - threshold). The geometric mean of the ratios gets its own \
      interval. Exit status: 0, or 1 with --fail-on-regression when a benchmark is slower; 64 \
      for bad input. See Guides/BenchDiff.md.
      """)

  @Argument(help: "The baseline results (file, or a criterion folder).")
  var base: String

  @Argument(help: "The new results to compare with the baseline.")
  var new: String

  @Option(help: "Center of each side: median (default) or mean.")
  var metric: String = "median"

  @Option(help: "P-value adjustment across benchmarks (a p.adjust method, or none).")
  var adjust: BenchAdjustChoice = .holm

  @Option(help: "Noise threshold: changes within 1 +/- threshold are not flagged (2% or 0.02).")
  var threshold: String = "2%"

  @Flag(help: "Exit with status 1 when any benchmark is significantly slower beyond the threshold.")
  var failOnRegression = false

  @OptionGroup var replicateOptions: ReplicateOptions

  @OptionGroup var levelOptions: LevelOptions

  @Option(help: "Ratio interval method.")
  var ciMethod: RatioIntervalChoice = .bca

  @Option(help: "Significance test.")
  var test: BenchTestChoice = .mannWhitney

  @Option(help: "Mann-Whitney p-value (r: R's wilcox.test rule).")
  var rankMethod: MannWhitneyU.Method = .automatic

  @Option(help: "Input format (auto: detected from the content).")
  var inputFormat = BenchInputFormatChoice(nil)

  @Option(help: "Google Benchmark time to use.")
  var gbenchTime: BenchmarkReadOptions.GoogleBenchmarkTime = .real

  @Option(
    help: "criterion folders: the saved measurement to read (new, or a --save-baseline name).")
  var criterionBaseline: String = "new"

  @OptionGroup var random: RandomOptions

  @OptionGroup var output: OutputOptions<TextJSONCSVMarkdown>

  @Option(help: "Also write a forest plot of the ratio intervals to this SVG file.")
  var plot: String?

  func run() throws {
    let configuration = try makeConfiguration()
    let readOptions = try makeReadOptions()
    let forced = inputFormat.format
    let baseSet = try BenchmarkInput.read(path: base, format: forced, options: readOptions)
    let newSet = try BenchmarkInput.read(path: new, format: forced, options: readOptions)
    let result = try BenchDiff.compare(base: baseSet, new: newSet, configuration: configuration)

    let report = BenchDiffReport(result: result, base: baseSet, new: newSet)
    let format = output.chosen
    switch format {
    case .json: emit(report.json().rendered())
    case .csv: emit(report.csv())
    case .markdown: emit(report.markdown())
    case .text: emit(report.text())
    }
    if format != .json {
      for w in report.allWarnings { printWarning(w) }
    }
    if let plot { try BenchDiffPlot.make(result).document().write(to: plot) }
    if failOnRegression && result.hasRegression {
      let slower = result.benchmarks.filter { $0.verdict == .slower }.map(\.name)
      throw CLIFailure(
        message: "regression: \(slower.count) benchmark\(slower.count == 1 ? " is" : "s are") "
          + "slower beyond the threshold: \(slower.joined(separator: ", "))",
        status: ExitStatus.failure)
    }
  }

  func makeConfiguration() throws -> BenchDiffConfiguration {
    guard let center = TwoSampleBootstrap.Center(rawValue: metric) else {
      throw ValidationError("--metric must be median or mean, not '\(metric)'")
    }
    let significance: BenchDiffTest
    switch test {
    case .mannWhitney: significance = .mannWhitney(rankMethod)
    case .permutation: significance = .permutation
    }
    return BenchDiffConfiguration(
      center: center, adjustment: adjust.adjustment,
      threshold: try Self.parseThreshold(threshold), level: levelOptions.level,
      replicates: replicateOptions.replicates, seed: random.resolvedSeed(),
      intervalMethod: ciMethod.method, test: significance, threads: random.threadCount)
  }

  /// `2%` → 0.02; `0.02` → 0.02; a bare number ≥ 1 is ambiguous and rejected.
  static func parseThreshold(_ text: String) throws -> Double {
    let t = text.trimmingCharacters(in: .whitespaces)
    if t.hasSuffix("%"), let v = Double(t.dropLast()), v.isFinite, v >= 0, v < 100 {
      return v / 100
    }
    if let v = Double(t), v.isFinite, v >= 0, v < 1 { return v }
    throw ValidationError(
      "--threshold must be a percentage like 2% or a fraction like 0.02, not '\(text)'")
  }

  func makeReadOptions() throws -> BenchmarkReadOptions {
    return BenchmarkReadOptions(
      googleBenchmarkTime: gbenchTime, criterionBaseline: criterionBaseline)
  }
}

/// Renders a suite comparison as text (benchstat-like), markdown, CSV or JSON.
struct BenchDiffReport {
  let result: SuiteComparison
  let base: BenchmarkSet
  let new: BenchmarkSet

  var config: BenchDiffConfiguration { result.configuration }
  var adjustName: String { config.adjustment?.rawValue ?? "none" }
  var levelPercent: String { "\(fmt(config.level * 100, digits: 4))%" }
  var thresholdPercent: String { "\(fmt(config.threshold * 100, digits: 4))%" }

  /// Every warning: the suite's, then each benchmark's prefixed with its name.
  var allWarnings: [String] {
    result.warnings + result.benchmarks.flatMap { b in b.warnings.map { "\(b.name): \($0)" } }
      + (result.geometricMean?.warnings.map { "geomean: \($0)" } ?? [])
  }

  func verdictWord(_ v: BenchmarkVerdict) -> String {
    switch v {
    case .faster: return "faster"
    case .slower: return "slower"
    case .noChange: return "~"
    }
  }

  /// A value in the benchmark's unit: seconds get ns/µs/ms/s, others their unit suffix.
  func quantity(_ x: Double, unit: String, reference: Double) -> String {
    guard unit == "s" else { return fmt(x, digits: 4) + (unit.isEmpty ? "" : " \(unit)") }
    let r = abs(reference)
    let (scale, suffix): (Double, String) =
      r < 1e-6 ? (1e9, "ns") : r < 1e-3 ? (1e6, "µs") : r < 1 ? (1e3, "ms") : (1, "s")
    return fmt(x * scale, digits: 4) + " " + suffix
  }

  /// benchstat's ± for a side: the larger distance from the center to the ends of the median's
  /// distribution-free interval, in % of the center; for means the coefficient of variation.
  func spread(_ s: BenchmarkSide) -> String {
    if config.center == .mean {
      return s.center == 0 ? "" : "± \(fmt(100 * s.standardDeviation / s.center, digits: 2))%"
    }
    guard let ci = s.medianInterval, s.center != 0 else { return "± ∞" }
    let d = max(s.center - ci.lowerBound, ci.upperBound - s.center) / abs(s.center)
    return "± \(fmt(100 * d, digits: 2))%"
  }

  func ratioText(_ r: Double) -> String { fmt(r, digits: 4) }
  func changeText(_ r: Double) -> String {
    let pct = (r - 1) * 100
    return (pct >= 0 ? "+" : "") + fmt(pct, digits: 3) + "%"
  }

  var header: String {
    let test: String
    switch config.test {
    case .mannWhitney(let m): test = "Mann–Whitney U (\(m.rawValue))"
    case .permutation: test = "permutation test"
    }
    return """
      base: \(base.source) (\(base.format.rawValue), \(base.benchmarks.count) benchmarks)
      new:  \(new.source) (\(new.format.rawValue), \(new.benchmarks.count) benchmarks)
      center: \(config.center.rawValue) · test: \(test), p adjusted: \(adjustName) · \
      threshold ±\(thresholdPercent) · \(levelPercent) \(config.intervalMethod.rawValue) \
      intervals, B = \(config.replicates), seed \(config.seed)
      """
  }

  func rows() -> [[String]] {
    var rows: [[String]] = []
    for b in result.benchmarks {
      rows.append([
        b.name,
        quantity(b.base.center, unit: b.unit, reference: b.base.center) + " " + spread(b.base),
        quantity(b.new.center, unit: b.unit, reference: b.base.center) + " " + spread(b.new),
        ratioText(b.ratio), changeText(b.ratio),
        fmtInterval(b.ratioInterval.lower, b.ratioInterval.upper, digits: 4),
        fmtP(b.pValue), fmtP(b.pAdjusted), verdictWord(b.verdict),
      ])
    }
    if let g = result.geometricMean {
      rows.append([
        "geomean", "", "", ratioText(g.ratio), changeText(g.ratio),
        fmtInterval(g.interval.lower, g.interval.upper, digits: 4), "", "", "",
      ])
    }
    return rows
  }

  var columns: [String] {
    ["name", "base", "new", "ratio", "change", "\(levelPercent) CI", "p", "p adj", "verdict"]
  }

  var footer: [String] {
    let alpha = fmt(config.alpha, digits: 3)
    var lines: [String] = []
    if config.center == .median {
      lines.append(
        "± : the median's \(levelPercent) distribution-free interval (order statistics), as the "
          + "larger distance from the median in % (∞: too few runs)")
    } else {
      lines.append("± : the coefficient of variation (standard deviation / mean)")
    }
    lines.append(
      "ratio = new / base (< 1 is faster); CI: \(config.intervalMethod.rawValue) bootstrap "
        + "interval of the ratio")
    lines.append(
      "~ : no significant change (p adj ≥ \(alpha), or the interval reaches into 1 ± "
        + "\(thresholdPercent))")
    if !result.onlyInBase.isEmpty {
      lines.append("only in base: " + result.onlyInBase.joined(separator: ", "))
    }
    if !result.onlyInNew.isEmpty {
      lines.append("only in new: " + result.onlyInNew.joined(separator: ", "))
    }
    return lines
  }

  func text() -> String {
    var t = TextTable(columns)
    for r in rows() { t.add(r) }
    return header + "\n\n" + t.rendered() + "\n\n" + footer.joined(separator: "\n")
  }

  func markdown() -> String {
    func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
    var lines = [
      "| " + columns.joined(separator: " | ") + " |",
      "|" + columns.enumerated().map { $0.offset == 0 ? " :--- |" : " ---: |" }.joined(),
    ]
    for r in rows() {
      var r = r
      if r.last == "slower" { r[r.count - 1] = "**slower**" }
      if r.last == "faster" { r[r.count - 1] = "**faster**" }
      if r.first == "geomean" { r[0] = "**geomean**" }
      lines.append("| " + r.map(cell).joined(separator: " | ") + " |")
    }
    let summary: String
    let slower = result.benchmarks.filter { $0.verdict == .slower }.count
    let faster = result.benchmarks.filter { $0.verdict == .faster }.count
    summary =
      "**\(slower) slower, \(faster) faster, "
      + "\(result.benchmarks.count - slower - faster) unchanged** of \(result.benchmarks.count)"
    return
      ([summary, ""] + lines + [""] + footer.map { "<sub>\($0)</sub><br>" }
      + (allWarnings.isEmpty ? [] : [""] + allWarnings.map { "> ⚠️ \($0)" }))
      .joined(separator: "\n")
  }

  func csv() -> String {
    var lines = [
      csvLine([
        "name", "unit", "base_n", "base_center", "new_n", "new_center", "ratio", "ratio_lo",
        "ratio_hi", "p_value", "p_adjusted", "verdict",
      ])
    ]
    for b in result.benchmarks {
      lines.append(
        csvLine([
          b.name, b.unit, String(b.base.count), csvNumber(b.base.center), String(b.new.count),
          csvNumber(b.new.center), csvNumber(b.ratio), csvNumber(b.ratioInterval.lower),
          csvNumber(b.ratioInterval.upper), csvNumber(b.pValue), csvNumber(b.pAdjusted),
          b.verdict.rawValue,
        ]))
    }
    if let g = result.geometricMean {
      lines.append(
        csvLine([
          "geomean", "", "", "", "", "", csvNumber(g.ratio), csvNumber(g.interval.lower),
          csvNumber(g.interval.upper), "", "", "",
        ]))
    }
    return lines.joined(separator: "\n")
  }

  func json() -> JSON {
    let benchmarks: [JSON] = result.benchmarks.map { b in
      .object([
        ("name", .string(b.name)),
        ("unit", .string(b.unit)),
        ("base", side(b.base)),
        ("new", side(b.new)),
        ("ratio", .num(b.ratio)),
        ("ratio_ci", .interval(b.ratioInterval.lower, b.ratioInterval.upper)),
        ("p_value", .num(b.pValue)),
        ("p_adjusted", .num(b.pAdjusted)),
        ("verdict", .string(b.verdict.rawValue)),
        ("test", .string(b.testDescription)),
        ("seed", JSON.seed(b.seed)),
        ("warnings", .strings(b.warnings)),
      ])
    }
    let geomean: JSON =
      result.geometricMean.map { g in
        .object([
          ("ratio", .num(g.ratio)),
          ("ci", .interval(g.interval.lower, g.interval.upper)),
          ("n", .integer(g.count)),
          ("warnings", .strings(g.warnings)),
        ])
      } ?? .null
    let test: String
    switch config.test {
    case .mannWhitney(let m): test = "mann-whitney (\(m.rawValue))"
    case .permutation: test = "permutation"
    }
    return .object([
      ("benchmarks", .array(benchmarks)),
      ("geomean", geomean),
      ("adjust", .string(adjustName)),
      ("metric", .string(config.center.rawValue)),
      ("replicates", .integer(config.replicates)),
      ("seed", JSON.seed(config.seed)),
      Provenance.rng,
      Provenance.tool,
      ("threshold", .num(config.threshold)),
      ("level", .num(config.level)),
      ("interval_method", .string(config.intervalMethod.rawValue)),
      ("test", .string(test)),
      ("only_in_base", .strings(result.onlyInBase)),
      ("only_in_new", .strings(result.onlyInNew)),
      (
        "inputs",
        .object([
          (
            "base",
            .object([("path", .string(base.source)), ("format", .string(base.format.rawValue))])
          ),
          (
            "new",
            .object([("path", .string(new.source)), ("format", .string(new.format.rawValue))])
          ),
        ])
      ),
      ("regression", .bool(result.hasRegression)),
      ("warnings", .strings(allWarnings)),
    ])
  }

  private func side(_ s: BenchmarkSide) -> JSON {
    .object([
      ("n", .integer(s.count)),
      ("center", .num(s.center)),
      ("sd", .num(s.standardDeviation)),
      (
        "median_ci",
        s.medianInterval.map { JSON.interval($0.lowerBound, $0.upperBound) } ?? .null
      ),
    ])
  }
}
