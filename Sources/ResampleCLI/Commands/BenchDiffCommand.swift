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

  @Option(
    help:
      "The alternative, of NEW against BASE (R's wilcox.test(new, base)): less = NEW's values tend to be smaller (for times, faster), greater = larger. One-sided tests and intervals."
  )
  var alternative: Alternative = .twoSided

  @Option(help: "Input format (auto: detected from the content).")
  var inputFormat = BenchInputFormatChoice(nil)

  @Option(help: "Google Benchmark time to use.")
  var gbenchTime: BenchmarkReadOptions.GoogleBenchmarkTime = .real

  @Option(
    help:
      "criterion folders: the saved measurement to read on both sides (new, or a --save-baseline name)."
  )
  var criterionBaseline: String?

  @Option(help: "criterion: the baseline read from BASE (e.g. main after --save-baseline main).")
  var baseBaseline: String?

  @Option(help: "criterion: the baseline read from NEW (default new, the latest run).")
  var newBaseline: String?

  @OptionGroup var random: RandomOptions

  @OptionGroup var output: OutputOptions<TextJSONCSVMarkdown>

  @Option(help: "Also write a forest plot of the ratio intervals to this SVG file.")
  var plot: String?

  func run() throws {
    let configuration = try makeConfiguration()
    let (baseOptions, newOptions) = try makeReadOptions()
    let forced = inputFormat.format
    var (baseSet, newSet) = try readInputs(forced, baseOptions, newOptions)
    let aligned = try BenchmarkMatching.align(
      base: baseSet, new: newSet, renames: rename, pattern: matchRegex)
    baseSet = aligned.base
    newSet = aligned.new
    var result = try BenchDiff.compare(base: baseSet, new: newSet, configuration: configuration)
    result.warnings += aligned.notes

    if failOnRegression, alternative != .twoSided,
      let blind = result.benchmarks.first(where: {
        alternative != ($0.higherIsBetter ? Alternative.less : .greater)
      })
    {
      let worse = blind.higherIsBetter ? "less" : "greater"
      throw CLIFailure.usage(
        "--fail-on-regression with --alternative \(alternative.rawValue) cannot detect a "
          + "regression of '\(blind.name)' (\(blind.higherIsBetter ? "higher" : "lower") is "
          + "better): use --alternative \(worse) or two-sided")
    }
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
    let significance: BenchDiffTest
    switch test {
    case .mannWhitney: significance = .mannWhitney(rankMethod)
    case .permutation: significance = .permutation
    }
    return BenchDiffConfiguration(
      center: center, adjustment: adjust.adjustment,
      threshold: try Self.parseThreshold(threshold), level: levelOptions.level,
      replicates: replicateOptions.replicates, seed: random.resolvedSeed(),
      intervalMethod: ciMethod.method, test: significance, threads: random.threadCount,
      higherIsBetter: higherIsBetter ? true : lowerIsBetter ? false : nil,
      alternative: alternative)
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
    let direction: Bool? = higherIsBetter ? true : lowerIsBetter ? false : nil
    if counter == nil, direction != nil {
      throw ValidationError("--higher-is-better/--lower-is-better apply to a counter --metric")
    }
    func options(_ baseline: String?) -> BenchmarkReadOptions {
      BenchmarkReadOptions(
        googleBenchmarkTime: gbenchTime, criterionBaseline: baseline ?? criterionBaseline ?? "new",
        metric: counter, higherIsBetter: direction)
    }
    return (options(baseBaseline), options(newBaseline))
  }
}
