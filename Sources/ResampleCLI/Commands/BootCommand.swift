// BootCommand.swift: `resample boot` — bootstrap confidence intervals from a CSV column or lists.
import ArgumentParser
import Foundation
import Resample
import _Platform

struct BootCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "boot",
    abstract: "Bootstrap confidence intervals (percentile, basic, normal, BCa, studentized).",
    discussion: """
      One sample: --data FILE --column COL (or --sample-a FILE). Two samples: add --group COL \
      --compare A,B (or --sample-b FILE); each sample is resampled within itself and a \
      one-sample statistic S becomes S(A) − S(B); 'difference' and 'ratio' compare means \
      (':median' for medians). --strata COL resamples one sample within strata. \
      Survey data: --weight/--cluster/--fpc (with --strata) bootstrap the design: PSUs are \
      resampled within strata by the Rao–Wu rescaling bootstrap (statistics mean, proportion, \
      difference of group means).
      Defaults (SciPy's): --replicates 9999, --method bca, --level 0.95. Quantiles of \
      replicates are Hyndman–Fan type 7 (numpy 'linear'); BCa's z0 counts ties half (SciPy). \
      Replicate b uses stream b of philox4x32-10 for --seed, so results never depend on \
      --threads. Degenerate data gives point intervals with diagnostics, never silent NaN.
      Several columns of --data, rows resampled together: --statistic correlation (Pearson) \
      or spearman with --columns x,y; ratio-of-means with --columns u,x (sum(x)/sum(u), R \
      boot's city example); ols with --response y --predictors x1,x2 (an intercept is added; \
      one result per coefficient; --ols-bootstrap pairs|residual|wild). skewness is \
      g1 = m3/m2^1.5 and kurtosis the excess g2 = m4/m2^2 − 3 (SciPy's defaults). With BCa, \
      JSON also reports z0 and the acceleration.
      """)

  @OptionGroup var source: SampleSource
  @Option(help: "A column of stratum labels: resample within strata (one sample only).")
  var strata: String?
  @Option(help: ArgumentHelp("The statistic (Q in [0, 1], F in [0, 0.5)).", valueName: "name"))
  var statistic = BootStatisticChoice(.one(.mean), text: "mean")
  @Option(help: "Interval method, a comma-separated list of them, or all.")
  var method = BootMethodSelection([.bca])
  @Option(
    help: ArgumentHelp(
      "Columns of --data for correlation, spearman (x,y) or ratio-of-means (u,x).",
      valueName: "a,b"))
  var columns: String?
  @Option(help: "The response column of --statistic ols.") var response: String?
  @Option(
    help: ArgumentHelp(
      "Predictor columns of --statistic ols (an intercept is added).", valueName: "x1,x2,..."))
  var predictors: String?
  @Option(
    name: .customLong("ols-bootstrap"),
    help: "How --statistic ols resamples: rows (pairs), residuals, or wild (Rademacher) signs.")
  var olsBootstrap: OLSResampling = .pairs
  @Option(help: "The alternative (one-sided: the other side of the interval is infinite).")
  var alternative: Alternative = .twoSided
  @OptionGroup var replicateOptions: BootReplicateOptions
  @OptionGroup var random: RandomOptions
  @OptionGroup var sharding: ShardOptions
  @OptionGroup var levelOptions: LevelOptions
  @OptionGroup var output: OutputOptions<TextJSONCSV>
  @OptionGroup(title: "Survey design of --data (with any of these, --strata is the design's)")
  var design: BootDesignOptions

  var replicates: Int { replicateOptions.replicates }
  var level: Double { levelOptions.level }

  func run() throws {
    let methods = method.methods
    let threadCount = random.threadCount
    if statistic.name.isMultiColumn || design.isDesign {
      try replicateOptions.requireStored()
    }
    if statistic.name.isMultiColumn {
      guard !design.isDesign else {
        throw ValidationError(
          "--weight/--cluster/--fpc go with one column (--column), not --statistic \(statistic.text)"
        )
      }
      try runMultiColumn(methods: methods, threads: threadCount)
      return
    }
    guard columns == nil, response == nil, predictors == nil else {
      throw ValidationError(
        "--columns, --response and --predictors go with --statistic correlation, spearman, "
          + "ratio-of-means or ols")
    }
    if design.isDesign {
      guard
        let run = try DesignBootRun.run(
          source: source, strata: strata, options: design, statistic: statistic.text,
          methods: methods, replicates: replicates, seed: random.resolvedSeed(),
          threads: threadCount, level: level, alternative: alternative, sharding: sharding,
          givenSeed: random.seed, requireWork: replicateOptions.requireWork)
      else { return }
      switch output.chosen {
      case .json: emit(run.json.rendered())
      case .csv: emit(run.csv)
      default: emit(run.text)
      }
      return
    }
    let (samples, labels, file) = try source.load(labelColumn: strata)
    let name = statistic.name
    let stat: BootstrapStatistic
    switch (name, samples.count) {
    case (.one(let s), 1): stat = .sample(s)
    case (.one(let s), _): stat = .difference(s)
    case (.difference(let s), 2): stat = .difference(s)
    case (.ratio(let s), 2): stat = .ratio(s)
    default:
      throw InputError.invalidParameter(
        name: "--statistic", value: statistic.text,
        expected: "two samples (--group/--compare or --sample-b) for a difference or ratio")
    }
    var plan = ResamplingPlan.independent
    if let strata {
      guard samples.count == 1, let file else {
        throw InputError.invalidParameter(
          name: "--strata", value: strata,
          expected: "one sample from --data (two compared groups are already resampled within "
            + "themselves)")
      }
      // One id per distinct trimmed label, in order of first appearance.
      let labels = try file.labels(strata)
      var ids: [String: Int] = [:]
      let idOfCode = labels.values.map { text in
        let l = text.trimmingCharacters(in: .whitespaces)
        if let id = ids[l] { return id }
        ids[l] = ids.count
        return ids.count - 1
      }
      plan = .stratified(strata: labels.codes.map { idOfCode[Int($0)] })
    }
    let seed = random.resolvedSeed()
    let boot = try Bootstrap(samples: samples, statistic: stat, plan: plan)
    let studentize = methods.contains(.studentized)
    let whole = sharding.shard == nil && ShardSession.merged == nil
    let values = Double(samples.map(\.count).reduce(0, +))
    let streamed =
      !boot.tabulates(studentize: studentize) && replicates > Bootstrap.streamingThreshold
    try replicateOptions.requireWork(
      Double(replicates)
        * (boot.tabulates(studentize: studentize) ? Double(samples.count) : values)
        * (streamed && !studentize && whole ? 2 : 1))
    if !boot.tabulates(studentize: studentize) {
      if studentize {
        try replicateOptions.requireStored(because: "--method studentized")
      } else if !whole {
        try replicateOptions.requireStored(because: "a sharded run (--shard, merge)")
      } else if replicates > Bootstrap.streamingThreshold {
        // Above the threshold nothing per replicate is kept: the replicates are regenerated
        // from their streams in passes that select the quantiles the intervals read.
        let tty = isatty(STDERR_FILENO) == 1
        let total = replicates
        let result = try boot.run(
          replicates: replicates, seed: seed, methods: methods, level: level,
          alternative: alternative, threads: threadCount, sampleNames: labels,
          progress: tty
            ? { pass, done in
              FileHandle.standardError.write(
                Data("\rresample: pass \(pass), replicates \(done)/\(total)".utf8))
            } : nil)
        if tty { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        emitSingle(result)
        return
      }
    }
    // A shard keeps its range's block (tabulated lattice counts, or the values); merge
    // concatenates the blocks and computes the intervals from the data read again.
    let tally = try ShardSession.tally(
      sharding, command: "boot", seed: random.seed, replicates: replicates
    ) { range in
      ReplicateTally(
        block: try Self.replicatesWithProgress(
          boot, range: range, seed: seed, threads: threadCount,
          studentize: methods.contains(.studentized), work: samples.map(\.count).reduce(0, +)))
    }
    guard let tally else { return }
    guard let block = tally.block, block.range == 0..<replicates else {
      throw InputError.invalidData(source: "parts", reason: "not the replicates of this bootstrap")
    }
    let result = try boot.result(
      from: block, seed: seed, methods: methods, level: level, alternative: alternative,
      sampleNames: labels)
    emitSingle(result)
  }

  /// A comma-separated list of column names.
  static func names(_ text: String) -> [String] {
    text.split(separator: ",", omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
  }

  /// `boot` on several columns of --data: correlation, spearman, ratio-of-means, ols.
  func runMultiColumn(methods: [IntervalMethod], threads: Int) throws {
    guard let data = source.data, source.column == nil, source.group == nil,
      source.compare == nil, source.sampleA == nil, source.sampleB == nil, strata == nil
    else {
      throw ValidationError(
        "--statistic \(statistic.text) reads --data FILE with --columns (or --response and "
          + "--predictors), without --column, --group, --compare, --sample-a/b or --strata")
    }
    let kind = statistic.name
    var names: [String]
    if case .ols = kind {
      guard columns == nil, let response, let predictors else {
        throw ValidationError("--statistic ols needs --response COL --predictors X1,X2,...")
      }
      names = [response] + Self.names(predictors)
    } else {
      guard response == nil, predictors == nil, let columns else {
        throw ValidationError("--statistic \(statistic.text) needs --columns A,B")
      }
      names = Self.names(columns)
      guard names.count == 2 else {
        throw InputError.invalidParameter(
          name: "--columns", value: columns, expected: "two column names A,B")
      }
    }
    if let empty = names.firstIndex(where: \.isEmpty) {
      throw InputError.invalidParameter(
        name: kind == .ols ? (empty == 0 ? "--response" : "--predictors") : "--columns",
        value: names.joined(separator: ","), expected: "non-empty column names")
    }
    guard Set(names).count == names.count else {
      throw InputError.invalidParameter(
        name: kind == .ols ? "--predictors" : "--columns", value: names.joined(separator: ","),
        expected: "distinct columns")
    }
    let file = try source.dataFormat.columns(data, numeric: names)
    let values = try names.map { try file.numeric($0) }
    try replicateOptions.requireWork(Double(replicates) * Double(file.rowCount))
    let seed = random.resolvedSeed()
    if case .correlation = kind {
      guard values[0].count >= 3 else {
        throw InputError.invalidData(source: file.source, reason: "a correlation needs ≥ 3 rows")
      }
      let boot = try Bootstrap(samples: values, statistic: .correlation, plan: .paired)
      // A shard keeps its range's values; merge concatenates them (as for one sample).
      let tally = try ShardSession.tally(
        sharding, command: "boot", seed: random.seed, replicates: replicates
      ) { range in
        ReplicateTally(
          block: try boot.replicates(
            range, seed: seed, threads: threads, studentize: methods.contains(.studentized)))
      }
      guard let tally else { return }
      guard let block = tally.block, block.range == 0..<replicates else {
        throw InputError.invalidData(
          source: "parts", reason: "not the replicates of this bootstrap")
      }
      let r = try boot.result(
        from: block, seed: seed, methods: methods, level: level, alternative: alternative)
      var named = r
      named.statistic = "correlation (\(names[0]), \(names[1]))"
      emitSingle(named)
      return
    }
    let stat: MultiColumnBootstrap.Statistic
    switch kind {
    case .spearman: stat = .spearman
    case .ratioOfMeans: stat = .ratioOfMeans
    default: stat = .leastSquares(olsBootstrap)
    }
    let boot = try MultiColumnBootstrap(columns: values, names: names, statistic: stat)
    if methods.contains(.studentized) {
      throw InputError.invalidParameter(
        name: "method", value: "studentized",
        expected: "percentile, basic, normal or bca for a multi-column statistic")
    }
    // A shard keeps its range's replicates of every output; merge concatenates them output by
    // output.
    let outputs = boot.outputCount
    let tally = try ShardSession.tally(
      sharding, command: "boot", seed: random.seed, replicates: replicates
    ) { range in
      let v = try boot.replicates(range, seed: seed, threads: threads)
      let n = range.count
      return ReplicateTally(outputs: (0..<outputs).map { Array(v[($0 * n)..<(($0 + 1) * n)]) })
    }
    guard let tally else { return }
    guard let merged = tally.outputs, merged.count == outputs,
      merged.allSatisfy({ $0.count == replicates })
    else {
      throw InputError.invalidData(source: "parts", reason: "not the replicates of this bootstrap")
    }
    var results = try boot.results(
      fromReplicates: merged.flatMap { $0 }, count: replicates, seed: seed, methods: methods,
      level: level, alternative: alternative)
    if case .spearman = kind, !results.isEmpty {
      results[0].statistic = "spearman correlation (\(names[0]), \(names[1]))"
    }
    if case .ols = kind {
      switch output.chosen {
      case .json:
        emit(
          Self.olsJSON(
            results, response: names[0], boot: boot, level: level, alternative: alternative
          ).rendered())
      case .csv:
        emit(Self.olsCSV(results))
        for d in results.flatMap(\.allDiagnostics) { printWarning(d.description) }
      default:
        emit(Self.olsText(results, response: names[0], level: level, alternative: alternative))
      }
    } else if let r = results.first {
      emitSingle(r)
    }
  }

  /// The replicates of `range` (all of them, or a shard's), computed in steps with a progress
  /// line on stderr when it is a terminal and the run is long; the steps are merged, so the
  /// result is identical to a single run.
  static func replicatesWithProgress(
    _ boot: Bootstrap, range: Range<Int>, seed: UInt64, threads: Int, studentize: Bool, work: Int
  ) throws -> ReplicateBlock {
    let count = range.count
    let long = Double(count) * Double(max(work, 1)) * (studentize ? 50 : 1) > 2e8
    guard long, isatty(STDERR_FILENO) == 1 else {
      return try boot.replicates(
        range, seed: seed, threads: threads, studentize: studentize, tabulate: true)
    }
    var parts: [ReplicateBlock] = []
    let steps = 20
    for k in 0..<steps {
      let lo = range.lowerBound + count * k / steps
      let hi = range.lowerBound + count * (k + 1) / steps
      parts.append(
        try boot.replicates(
          lo..<hi, seed: seed, threads: threads, studentize: studentize, tabulate: true))
      FileHandle.standardError.write(
        Data("\rresample: replicates \(hi - range.lowerBound)/\(count)".utf8))
    }
    FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    return try ReplicateBlock.merge(parts)
  }
}
