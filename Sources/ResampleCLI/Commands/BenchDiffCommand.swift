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
      interval. With one hyperfine file of several commands, the first (or --base-command) is \
      compared with each other one; with one criterion folder, --base-baseline names the saved \
      baseline. Exit status: 0; with --fail-on-regression 1 when a benchmark is slower, missing \
      from NEW or not compared (--allow-missing accepts those), 64 when nothing could be \
      compared; 64 for bad input. See Guides/BenchDiff.md.
      """)

  @Argument(help: "The baseline results (file, or a criterion folder).")
  var base: String

  @Argument(
    help:
      "The new results (omit it for one hyperfine file of several commands, or one criterion folder with --base-baseline)."
  )
  var new: String?

  @Option(
    help:
      "What to compare: median or mean (the center, as --center), or a counter the format carries (bytes_per_second, items_per_second, B/op, allocs/op, MB/s, throughput, ...)."
  )
  var metric: String = "median"

  @Option(help: "Center of each side: median (default) or mean.")
  var center: String?

  @Flag(help: "For --metric: a larger value is better (needed for counters of unknown direction).")
  var higherIsBetter = false

  @Flag(help: "For --metric: a smaller value is better.")
  var lowerIsBetter = false

  @Flag(
    help:
      "With --fail-on-regression: accept benchmarks missing from NEW, not compared or not tested.")
  var allowMissing = false

  @Option(help: "Compare base benchmark OLD with new benchmark NEW (OLD=NEW; repeatable).")
  var rename: [String] = []

  @Option(
    help:
      "Match benchmarks by the part of their names this regular expression matches (its first group if any)."
  )
  var matchRegex: String?

  @Option(help: "One hyperfine file of several commands: the command compared with the others.")
  var baseCommand: String?

  @Option(
    help:
      "P-value adjustment across benchmarks: holm (default), BH, none, or another p.adjust method.")
  var adjust: String = "holm"

  @Option(help: "Noise threshold: changes within 1 +/- threshold are not flagged (2% or 0.02).")
  var threshold: String = "2%"

  @Flag(help: "Exit with status 1 when any benchmark is significantly slower beyond the threshold.")
  var failOnRegression = false

  @Option(help: "Bootstrap (and permutation) replicates.")
  var replicates: Int = 9_999

  @Option(help: "Seed (default: a fresh one, printed in the output).")
  var seed: UInt64?

  @Option(help: "Confidence level of the ratio intervals; the test level is 1 - level.")
  var level: Double = 0.95

  @Option(help: "Ratio interval: bca (default), percentile, basic, normal.")
  var ciMethod: String = "bca"

  @Option(help: "Significance test: mann-whitney (default) or permutation.")
  var test: String = "mann-whitney"

  @Option(help: "Mann-Whitney p-value: auto (default), exact, normal, or r (R's wilcox.test rule).")
  var rankMethod: String = "auto"

  @Option(
    help:
      "Input format: auto (default), hyperfine, google-benchmark, criterion, cargo-criterion, go, pyperf, csv."
  )
  var inputFormat: String = "auto"

  @Option(help: "Google Benchmark time to use: real (default) or cpu.")
  var gbenchTime: String = "real"

  @Option(
    help:
      "criterion folders: the saved measurement to read on both sides (new, or a --save-baseline name)."
  )
  var criterionBaseline: String?

  @Option(help: "criterion: the baseline read from BASE (e.g. main after --save-baseline main).")
  var baseBaseline: String?

  @Option(help: "criterion: the baseline read from NEW (default new, the latest run).")
  var newBaseline: String?

  @Option(help: "Worker threads (results do not depend on it).")
  var threads: Int = ProcessInfo.processInfo.activeProcessorCount

  @Option(help: "Output format: text (default), json, csv, markdown.")
  var format: OutputFormat = .text

  @Option(help: "Also write a forest plot of the ratio intervals to this SVG file.")
  var plot: String?

  func run() throws {
    let configuration = try makeConfiguration()
    let (baseOptions, newOptions) = try makeReadOptions()
    let forced = try inputFormatChoice()
    var (baseSet, newSet) = try readInputs(forced, baseOptions, newOptions)
    let aligned = try BenchmarkMatching.align(
      base: baseSet, new: newSet, renames: rename, pattern: matchRegex)
    baseSet = aligned.base
    newSet = aligned.new
    var result = try BenchDiff.compare(base: baseSet, new: newSet, configuration: configuration)
    result.warnings += aligned.notes

    let report = BenchDiffReport(result: result, base: baseSet, new: newSet)
    switch format {
    case .json: emit(report.json().rendered())
    case .csv: emit(report.csv())
    case .markdown: emit(report.markdown())
    case .text: emit(report.text())
    }
    if format != .json {
      for w in report.allWarnings { printWarning(w) }
    }
    if let plot {
      let svg = BenchDiffForestPlot.svg(result)
      guard FileManager.default.createFile(atPath: plot, contents: Data(svg.utf8)) else {
        throw CLIFailure(message: "cannot write the plot to \(plot)")
      }
    }
    if failOnRegression, let failure = result.gate(allowMissing: allowMissing) {
      throw CLIFailure(
        message: (failure.nothingCompared ? "" : "regression: ") + failure.message,
        status: failure.nothingCompared ? ExitStatus.usage : ExitStatus.failure)
    }
  }

  /// Reads BASE and NEW; with NEW omitted, splits one hyperfine file of several commands or
  /// reads two baselines of one criterion folder.
  func readInputs(
    _ forced: BenchmarkInputFormat?, _ baseOptions: BenchmarkReadOptions,
    _ newOptions: BenchmarkReadOptions
  ) throws -> (BenchmarkSet, BenchmarkSet) {
    let newPath = new ?? base
    if baseCommand != nil, new != nil {
      throw ValidationError("--base-command applies to one hyperfine file given alone")
    }
    var isDirectory: ObjCBool = false
    let isFolder =
      FileManager.default.fileExists(atPath: base, isDirectory: &isDirectory)
      && isDirectory.boolValue
    let samePlace =
      URL(fileURLWithPath: base).standardizedFileURL.path
      == URL(fileURLWithPath: newPath).standardizedFileURL.path
    if samePlace, isFolder || forced == .criterion,
      baseOptions.criterionBaseline == newOptions.criterionBaseline
    {
      throw CLIFailure.usage(
        "both sides would read the criterion baseline '\(baseOptions.criterionBaseline)' of "
          + "\(base): a baseline compared with itself shows no change; after cargo bench -- "
          + "--save-baseline main and cargo bench -- --baseline main, run bench-diff \(base) "
          + "--base-baseline main")
    }
    let baseSet = try BenchmarkInput.read(path: base, format: forced, options: baseOptions)
    if new == nil, !isFolder {
      guard baseSet.format == .hyperfine, baseSet.benchmarks.count >= 2 else {
        throw ValidationError(
          "give NEW, the results to compare with \(base) (one file alone is compared within "
            + "itself only for hyperfine with two or more commands; \(base) was read as "
            + "\(baseSet.format.rawValue) with \(baseSet.benchmarks.count) benchmark"
            + "\(baseSet.benchmarks.count == 1 ? "" : "s"))")
      }
      return try BenchmarkInput.splitCommands(baseSet, baseCommand: baseCommand)
    }
    if baseCommand != nil {
      throw ValidationError("--base-command applies to one hyperfine file given alone")
    }
    return (baseSet, try BenchmarkInput.read(path: newPath, format: forced, options: newOptions))
  }

  /// `--metric median|mean` (the README's contract) is the center; any other metric is a counter.
  var counter: String? { TwoSampleBootstrap.Center(rawValue: metric) == nil ? metric : nil }

  func makeConfiguration() throws -> BenchDiffConfiguration {
    let centerName = center ?? (counter == nil ? metric : "median")
    guard let center = TwoSampleBootstrap.Center(rawValue: centerName) else {
      throw ValidationError("--center must be median or mean, not '\(centerName)'")
    }
    if let given = self.center, counter == nil, given != metric, metric != "median" {
      throw ValidationError("--metric \(metric) and --center \(given) disagree; give one")
    }
    guard !(higherIsBetter && lowerIsBetter) else {
      throw ValidationError("give --higher-is-better or --lower-is-better, not both")
    }
    let adjustment: PValueAdjustment?
    if adjust.lowercased() == "none" {
      adjustment = nil
    } else if let a = PValueAdjustment(name: adjust) {
      adjustment = a
    } else {
      throw ValidationError(
        "--adjust must be holm, BH, none, hochberg, hommel, bonferroni or BY, not '\(adjust)'")
    }
    guard let method = IntervalMethod(rawValue: ciMethod), method != .studentized else {
      throw ValidationError(
        "--ci-method must be bca, percentile, basic or normal, not '\(ciMethod)'")
    }
    let significance: BenchDiffTest
    switch test {
    case "mann-whitney", "mannwhitney", "wilcoxon":
      guard let m = MannWhitneyU.Method(rawValue: rankMethod) else {
        throw ValidationError("--rank-method must be auto, exact, normal or r, not '\(rankMethod)'")
      }
      significance = .mannWhitney(m)
    case "permutation":
      significance = .permutation
    default:
      throw ValidationError("--test must be mann-whitney or permutation, not '\(test)'")
    }
    guard replicates >= 1 else { throw ValidationError("--replicates must be at least 1") }
    guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
    guard level > 0, level < 1 else {
      throw ValidationError("--level must be strictly between 0 and 1, not \(level)")
    }
    return BenchDiffConfiguration(
      center: center, adjustment: adjustment, threshold: try Self.parseThreshold(threshold),
      level: level, replicates: replicates, seed: seed ?? Provenance.freshSeed(),
      intervalMethod: method, test: significance, threads: threads,
      higherIsBetter: higherIsBetter ? true : lowerIsBetter ? false : nil)
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

  /// The read options of BASE and NEW (they differ in the criterion baseline only).
  func makeReadOptions() throws -> (BenchmarkReadOptions, BenchmarkReadOptions) {
    guard let time = BenchmarkReadOptions.GoogleBenchmarkTime(rawValue: gbenchTime) else {
      throw ValidationError("--gbench-time must be real or cpu, not '\(gbenchTime)'")
    }
    let direction: Bool? = higherIsBetter ? true : lowerIsBetter ? false : nil
    if counter == nil, direction != nil {
      throw ValidationError("--higher-is-better/--lower-is-better apply to a counter --metric")
    }
    func options(_ baseline: String?) -> BenchmarkReadOptions {
      BenchmarkReadOptions(
        googleBenchmarkTime: time, criterionBaseline: baseline ?? criterionBaseline ?? "new",
        metric: counter, higherIsBetter: direction)
    }
    return (options(baseBaseline), options(newBaseline))
  }

  func inputFormatChoice() throws -> BenchmarkInputFormat? {
    if inputFormat == "auto" { return nil }
    guard let f = BenchmarkInputFormat(rawValue: inputFormat) else {
      let names = (["auto"] + BenchmarkInputFormat.allCases.map(\.rawValue)).joined(separator: ", ")
      throw ValidationError("--input-format must be one of \(names), not '\(inputFormat)'")
    }
    return f
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
    case .notTested: return "not tested"
    }
  }

  /// A p-value for people; an underflow to 0 is shown as a bound, a missing test as empty.
  func pText(_ p: Double) -> String {
    if p.isNaN { return "" }
    if p == 0 { return "< 1e-300" }
    return fmtP(p)
  }

  /// The interval for people, or why there is none.
  func intervalText(_ b: BenchmarkChange) -> String {
    guard b.ratioInterval.lower.isFinite, b.ratioInterval.upper.isFinite else {
      return min(b.base.count, b.new.count) < 2 ? "needs ≥ 2 runs" : "no runs (summary only)"
    }
    return fmtInterval(b.ratioInterval.lower, b.ratioInterval.upper, digits: 4)
  }

  /// A value in the benchmark's unit: seconds get ns/µs/ms/s, others their unit suffix.
  func quantity(_ x: Double, unit: String, reference: Double) -> String {
    guard unit == "s", reference != 0, reference.isFinite, abs(reference) >= 1e-15 else {
      return fmt(x, digits: 4) + (unit.isEmpty ? "" : " \(unit)")
    }
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
    guard s.count >= 2 else { return "" }
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
      \(metricLine)center: \(config.center.rawValue) · test: \(test), p adjusted: \(adjustName) · \
      threshold ±\(thresholdPercent) · \(levelPercent) \(config.intervalMethod.rawValue) \
      intervals, B = \(config.replicates), seed \(config.seed)
      """
  }

  /// The compared metric and its direction, when it is not the time.
  var metricLine: String {
    guard let b = result.benchmarks.first, b.unit != "s" || b.higherIsBetter else { return "" }
    return
      "metric: \(b.unit.isEmpty ? "values" : b.unit) (\(b.higherIsBetter ? "higher" : "lower") "
      + "is better; slower = worse, faster = better) · "
  }

  func rows() -> [[String]] {
    var rows: [[String]] = []
    for b in result.benchmarks {
      rows.append([
        b.name,
        quantity(b.base.center, unit: b.unit, reference: b.base.center) + " " + spread(b.base),
        quantity(b.new.center, unit: b.unit, reference: b.base.center) + " " + spread(b.new),
        ratioText(b.ratio), changeText(b.ratio), intervalText(b),
        pText(b.pValue), pText(b.pAdjusted), verdictWord(b.verdict),
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
    let higher = result.benchmarks.first?.higherIsBetter ?? false
    lines.append(
      "ratio = new / base (\(higher ? "> 1 is better" : "< 1 is faster")); CI: "
        + "\(config.intervalMethod.rawValue) bootstrap interval of the ratio")
    lines.append(
      "~ : no significant change (p adj ≥ \(alpha), or the interval reaches into 1 ± "
        + "\(thresholdPercent))")
    if !result.onlyInBase.isEmpty {
      lines.append("only in base: " + result.onlyInBase.joined(separator: ", "))
    }
    if !result.onlyInNew.isEmpty {
      lines.append("only in new: " + result.onlyInNew.joined(separator: ", "))
    }
    for (name, reason) in result.notCompared {
      lines.append("not compared: \(name): \(reason)")
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
          csvNumber(b.ratioInterval.upper), b.pValue == 0 ? "<1e-300" : csvNumber(b.pValue),
          b.pAdjusted == 0 ? "<1e-300" : csvNumber(b.pAdjusted),
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
        ("higher_is_better", .bool(b.higherIsBetter)),
        ("p_value_underflow", .bool(b.pValue == 0)),
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
      ("measure", .string(result.benchmarks.first?.unit ?? "")),
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
        "not_compared",
        .array(
          result.notCompared.map {
            .object([("name", .string($0.name)), ("reason", .string($0.reason))])
          })
      ),
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
