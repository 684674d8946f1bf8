// BootCommand.swift: `resample boot` — bootstrap confidence intervals from a CSV column or lists.
import ArgumentParser
import Foundation
import Resample
import _Platform

/// Where the samples of `boot` and `perm` come from: a CSV column (optionally split by a group
/// column) or plain number lists.
struct SampleSource: ParsableArguments {
  @Option(help: "CSV file with a header row ('-' reads standard input).") var data: String?
  @Option(help: "The numeric column to analyse.") var column: String?
  @Option(help: "A column whose values split the rows into groups.") var group: String?
  @Option(help: "Two group values A,B to compare (statistic(A) − statistic(B)).") var compare:
    String?
  @Option(name: .customLong("sample-a"), help: "A file of whitespace-separated numbers (sample A).")
  var sampleA: String?
  @Option(name: .customLong("sample-b"), help: "A second number file (sample B).") var sampleB:
    String?

  /// The samples (one or two), their names and, for `--data` with `labelColumn`, that column of
  /// the file (read but not yet checked: its errors are thrown when it is used).
  ///
  /// Only the columns named are kept, as numbers and label codes: a few bytes per row instead
  /// of every field as text.
  func load(labelColumn: String? = nil) throws -> (
    samples: [[Double]], labels: [String], file: CSVColumns?
  ) {
    if data != nil && (sampleA != nil || sampleB != nil) {
      throw ValidationError("give either --data with --column, or --sample-a [--sample-b]")
    }
    if let a = sampleA {
      guard group == nil, compare == nil, column == nil else {
        throw ValidationError("--group, --compare and --column go with --data, not --sample-a")
      }
      var samples = [try NumberList.read(path: a)]
      var labels = [a]
      if let b = sampleB {
        samples.append(try NumberList.read(path: b))
        labels.append(b)
      }
      for (s, l) in zip(samples, labels) where s.isEmpty {
        throw InputError.invalidData(source: l, reason: "contains no numbers")
      }
      return (samples, labels, nil)
    }
    guard sampleB == nil else { throw ValidationError("--sample-b needs --sample-a") }
    guard let data else {
      throw ValidationError("give --data FILE --column COL, or --sample-a FILE")
    }
    guard let column else { throw ValidationError("--data needs --column COL") }
    let file = try CSVColumns.read(
      path: data, numeric: [column], labels: [group, labelColumn].compactMap { $0 })
    let values = try file.numeric(column)
    if group == nil && compare == nil {
      guard !values.isEmpty else {
        throw InputError.invalidData(source: file.source, reason: "column '\(column)' has no rows")
      }
      return ([values], [column], file)
    }
    guard let group, let compare else {
      throw ValidationError("--group and --compare go together (--group COL --compare A,B)")
    }
    let names = compare.split(separator: ",", omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    guard names.count == 2, !names[0].isEmpty, !names[1].isEmpty, names[0] != names[1] else {
      throw InputError.invalidParameter(
        name: "--compare", value: compare, expected: "two different group values A,B")
    }
    let g = try file.labels(group)
    // The group of each distinct label, trimmed as typed values are.
    let trimmed = g.values.map { $0.trimmingCharacters(in: .whitespaces) }
    var samples: [[Double]] = []
    for name in names {
      let wanted = trimmed.map { $0 == name }
      guard wanted.contains(true) else {
        let present = Array(Set(trimmed)).sorted().prefix(10).joined(separator: ", ")
        throw InputError.invalidParameter(
          name: "--compare", value: name,
          expected: "a value of column '\(group)' (present: \(present))")
      }
      var sample: [Double] = []
      for (row, code) in g.codes.enumerated() where wanted[Int(code)] { sample.append(values[row]) }
      samples.append(sample)
    }
    return (samples, names, file)
  }
}

/// `--statistic` values of `boot`.
enum BootStatisticName: Equatable {
  case one(SampleStatistic)
  case difference(SampleStatistic)
  case ratio(SampleStatistic)
  /// Pearson's r of --columns x,y (paired resampling).
  case correlation
  /// Spearman's ρ of --columns x,y.
  case spearman
  /// Σx/Σu of --columns u,x (R boot's `city`).
  case ratioOfMeans
  /// OLS coefficients of --response on --predictors.
  case ols

  static let help =
    "mean|median|proportion|std|sum|skewness|kurtosis|quantile:Q|trimmed-mean:F|"
    + "difference[:median]|ratio[:median]|correlation|spearman|ratio-of-means|ols"

  /// Whether the statistic reads several columns (--columns, or --response/--predictors).
  var isMultiColumn: Bool {
    switch self {
    case .correlation, .spearman, .ratioOfMeans, .ols: return true
    default: return false
    }
  }

  static func parse(_ text: String) throws -> BootStatisticName {
    let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
    let head = parts.first ?? ""
    let arg = parts.count > 1 ? parts[1] : nil
    func number(_ what: String) throws -> Double {
      guard let arg, let v = Double(arg), v.isFinite else {
        throw InputError.invalidParameter(
          name: "--statistic", value: text, expected: "\(head):\(what)")
      }
      return v
    }
    func center() throws -> SampleStatistic {
      switch arg {
      case nil, "mean": return .mean
      case "median": return .median
      default:
        throw InputError.invalidParameter(
          name: "--statistic", value: text, expected: "\(head), \(head):mean or \(head):median")
      }
    }
    switch head {
    case "mean" where arg == nil: return .one(.mean)
    case "median" where arg == nil: return .one(.median)
    case "proportion" where arg == nil: return .one(.proportion)
    case "std" where arg == nil: return .one(.standardDeviation)
    case "sum" where arg == nil: return .one(.sum)
    case "skewness" where arg == nil: return .one(.skewness)
    case "kurtosis" where arg == nil: return .one(.kurtosis)
    case "correlation" where arg == nil, "pearson" where arg == nil: return .correlation
    case "spearman" where arg == nil: return .spearman
    case "ratio-of-means" where arg == nil: return .ratioOfMeans
    case "ols" where arg == nil: return .ols
    case "quantile": return .one(.quantile(try number("Q with Q in [0, 1]")))
    case "trimmed-mean": return .one(.trimmedMean(try number("F with F in [0, 0.5)")))
    case "difference": return .difference(try center())
    case "ratio": return .ratio(try center())
    default:
      throw InputError.invalidParameter(name: "--statistic", value: text, expected: help)
    }
  }
}

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
  @OptionGroup var replicateOptions: ReplicateOptions
  @OptionGroup var random: RandomOptions
  @OptionGroup var levelOptions: LevelOptions
  @OptionGroup var output: OutputOptions<TextJSONCSV>
  @OptionGroup(title: "Survey design of --data (with any of these, --strata is the design's)")
  var design: BootDesignOptions

  var replicates: Int { replicateOptions.replicates }
  var level: Double { levelOptions.level }

  func run() throws {
    let methods = method.methods
    let threadCount = random.threadCount
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
      let run = try DesignBootRun.run(
        source: source, strata: strata, options: design, statistic: statistic.text,
        methods: methods, replicates: replicates, seed: random.resolvedSeed(),
        threads: threadCount, level: level, alternative: alternative)
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
    let block = try Self.replicatesWithProgress(
      boot, count: replicates, seed: seed, threads: threadCount,
      studentize: methods.contains(.studentized), work: samples.map(\.count).reduce(0, +))
    let result = try boot.result(
      from: block, seed: seed, methods: methods, level: level, alternative: alternative,
      sampleNames: labels)
    switch output.chosen {
    case .json: emit(Self.json(result, level: level, alternative: alternative).rendered())
    case .csv:
      emit(Self.csv(result))
      // CSV has no place for them: the diagnostics (why a field is empty) go to stderr.
      for d in result.allDiagnostics { printWarning(d.description) }
    default: emit(Self.text(result, level: level, alternative: alternative))
    }
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
    let file = try CSVColumns.read(path: data, numeric: names)
    let values = try names.map { try file.numeric($0) }
    let seed = random.resolvedSeed()
    if case .correlation = kind {
      guard values[0].count >= 3 else {
        throw InputError.invalidData(source: file.source, reason: "a correlation needs ≥ 3 rows")
      }
      let boot = try Bootstrap(samples: values, statistic: .correlation, plan: .paired)
      let r = try boot.run(
        replicates: replicates, seed: seed, methods: methods, level: level,
        alternative: alternative, threads: threads)
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
    var results = try boot.run(
      replicates: replicates, seed: seed, methods: methods, level: level,
      alternative: alternative, threads: threads)
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

  /// Prints one statistic's result in the chosen format.
  func emitSingle(_ result: BootstrapResult) {
    switch output.chosen {
    case .json: emit(Self.json(result, level: level, alternative: alternative).rendered())
    case .csv:
      emit(Self.csv(result))
      for d in result.allDiagnostics { printWarning(d.description) }
    default: emit(Self.text(result, level: level, alternative: alternative))
    }
  }

  /// JSON of an OLS bootstrap: the common fields once, then `coefficients[]`.
  static func olsJSON(
    _ rs: [BootstrapResult], response: String, boot: MultiColumnBootstrap, level: Double,
    alternative: Alternative
  ) -> JSON {
    let first = rs.first
    var seen = Set<BootstrapDiagnostic>()
    var diagnostics: [BootstrapDiagnostic] = []
    for d in rs.flatMap(\.allDiagnostics) where seen.insert(d).inserted { diagnostics.append(d) }
    return JSON.object([
      ("statistic", .string("ols")),
      ("response", .string(response)),
      ("observations", .integer(boot.observations)),
      (
        "coefficients",
        .array(
          rs.map { r in
            .object(
              [
                ("name", .string(r.statistic)),
                ("estimate", .num(r.estimate)),
                ("standard_error", .num(r.standardError)),
                ("bias", .num(r.bias)),
              ] + intervalFields(r.intervals) + [
                ("z0", r.biasCorrection.map(JSON.num) ?? .null),
                ("acceleration", r.acceleration.map(JSON.num) ?? .null),
              ])
          })
      ),
      ("level", .num(level)),
      ("alternative", .string(alternative.rawValue)),
      ("replicates", .integer(first?.replicates ?? 0)),
      ("seed", .seed(first?.seed ?? 0)),
      ("rng", .string(first?.rng ?? Philox4x32.identifier)),
      ("plan", .string(boot.planDescription)),
      ("quantile_convention", .string("hyndman-fan-7")),
      ("diagnostics", diagnosticsJSON(diagnostics)),
      Provenance.tool,
    ])
  }

  static func olsCSV(_ rs: [BootstrapResult]) -> String {
    var lines = [
      csvLine([
        "coefficient", "method", "lower", "upper", "lower_mc_error", "upper_mc_error", "estimate",
        "standard_error", "bias", "replicates", "seed",
      ])
    ]
    for r in rs {
      for ci in r.intervals {
        lines.append(
          csvLine([
            r.statistic, ci.method.rawValue, csvNumber(ci.lower), csvNumber(ci.upper),
            csvNumber(ci.lowerMonteCarloError), csvNumber(ci.upperMonteCarloError),
            csvNumber(r.estimate), csvNumber(r.standardError), csvNumber(r.bias),
            String(r.replicates), String(r.seed),
          ]))
      }
    }
    return lines.joined(separator: "\n")
  }

  static func olsText(
    _ rs: [BootstrapResult], response: String, level: Double, alternative: Alternative
  ) -> String {
    guard let first = rs.first else { return "" }
    let side = alternative == .twoSided ? "" : ", one-sided \(alternative.rawValue)"
    var out =
      "OLS coefficients of \(response): \(fmt(level * 100, digits: 4))% intervals\(side), "
      + "\(first.replicates) replicates (\(first.plan)), seed \(first.seed)\n"
    let methods = first.intervals.map(\.method.rawValue)
    var t = TextTable(["coefficient", "estimate", "bootstrap SE", "bias"] + methods)
    for r in rs {
      t.add(
        [r.statistic, fmt(r.estimate), fmt(r.standardError), fmt(r.bias)]
          + r.intervals.map { fmtInterval($0.lower, $0.upper) })
    }
    out += t.rendered()
    var seen = Set<BootstrapDiagnostic>()
    for d in rs.flatMap(\.allDiagnostics) where seen.insert(d).inserted {
      out += "\nnote: \(d.description)"
    }
    return out
  }

  /// Replicates in ranges with a progress line on stderr when it is a terminal and the run is
  /// long; the ranges are merged, so the result is identical to a single run.
  static func replicatesWithProgress(
    _ boot: Bootstrap, count: Int, seed: UInt64, threads: Int, studentize: Bool, work: Int
  ) throws -> ReplicateBlock {
    let long = Double(count) * Double(max(work, 1)) * (studentize ? 50 : 1) > 2e8
    guard long, isatty(STDERR_FILENO) == 1 else {
      return try boot.replicates(
        0..<count, seed: seed, threads: threads, studentize: studentize, tabulate: true)
    }
    var parts: [ReplicateBlock] = []
    let steps = 20
    for k in 0..<steps {
      let lo = count * k / steps
      let hi = count * (k + 1) / steps
      parts.append(
        try boot.replicates(
          lo..<hi, seed: seed, threads: threads, studentize: studentize, tabulate: true))
      FileHandle.standardError.write(Data("\rresample: replicates \(hi)/\(count)".utf8))
    }
    FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    return try ReplicateBlock.merge(parts)
  }

  static func diagnosticsJSON(_ d: [BootstrapDiagnostic]) -> JSON {
    .array(d.map { .object([("code", .string($0.code)), ("message", .string($0.description))]) })
  }

  static func json(_ r: BootstrapResult, level: Double, alternative: Alternative) -> JSON {
    var fields: [(String, JSON)] =
      [
        ("statistic", .string(r.statistic)),
        ("estimate", .num(r.estimate)),
        ("standard_error", .num(r.standardError)),
        ("bias", .num(r.bias)),
      ] + intervalFields(r.intervals) + [
        ("level", .num(level)),
        ("alternative", .string(alternative.rawValue)),
        ("replicates", .integer(r.replicates)),
        ("seed", .seed(r.seed)),
        ("rng", .string(r.rng)),
        ("plan", .string(r.plan)),
        ("quantile_convention", .string("hyndman-fan-7")),
        ("diagnostics", diagnosticsJSON(r.allDiagnostics)),
      ]
    if r.intervals.contains(where: { $0.method == .bca }) {
      fields.append(("z0", r.biasCorrection.map(JSON.num) ?? .null))
      fields.append(("acceleration", r.acceleration.map(JSON.num) ?? .null))
    }
    fields.append(Provenance.tool)
    return JSON.object(fields)
  }

  static func csv(_ r: BootstrapResult) -> String {
    csv(
      r.intervals, estimate: r.estimate, standardError: r.standardError, bias: r.bias,
      replicates: r.replicates, seed: r.seed)
  }

  /// `intervals` and `monte_carlo_error`: method → [lower, upper] (every interval output of
  /// `boot`: one statistic, each OLS coefficient, the design bootstrap).
  static func intervalFields(_ intervals: [ConfidenceInterval]) -> [(String, JSON)] {
    [
      ("intervals", .object(intervals.map { ($0.method.rawValue, .interval($0.lower, $0.upper)) })),
      (
        "monte_carlo_error",
        .object(
          intervals.map {
            ($0.method.rawValue, .interval($0.lowerMonteCarloError, $0.upperMonteCarloError))
          })
      ),
    ]
  }

  /// The CSV of `boot`: one line per interval with the shared summary columns.
  static func csv(
    _ intervals: [ConfidenceInterval], estimate: Double, standardError: Double, bias: Double,
    replicates: Int, seed: UInt64
  ) -> String {
    var lines = [
      csvLine([
        "method", "lower", "upper", "lower_mc_error", "upper_mc_error", "estimate",
        "standard_error", "bias", "replicates", "seed",
      ])
    ]
    for ci in intervals {
      lines.append(
        csvLine([
          ci.method.rawValue, csvNumber(ci.lower), csvNumber(ci.upper),
          csvNumber(ci.lowerMonteCarloError), csvNumber(ci.upperMonteCarloError),
          csvNumber(estimate), csvNumber(standardError), csvNumber(bias), String(replicates),
          String(seed),
        ]))
    }
    return lines.joined(separator: "\n")
  }

  static func text(_ r: BootstrapResult, level: Double, alternative: Alternative) -> String {
    var out =
      "\(r.statistic): \(fmt(r.estimate))  (bootstrap SE \(fmt(r.standardError)), "
      + "bias \(fmt(r.bias)))\n"
    let side = alternative == .twoSided ? "" : ", one-sided \(alternative.rawValue)"
    out +=
      "\(fmt(level * 100, digits: 4))% intervals\(side), \(r.replicates) replicates "
      + "(\(r.plan)), seed \(r.seed)\n"
    out += intervalTable(r.intervals)
    for d in r.allDiagnostics { out += "\nnote: \(d.description)" }
    return out
  }

  /// The text table of intervals with their Monte Carlo errors.
  static func intervalTable(_ intervals: [ConfidenceInterval]) -> String {
    var t = TextTable(["method", "lower", "upper", "MC error (lower, upper)"])
    for ci in intervals {
      t.add([
        ci.method.rawValue, fmt(ci.lower), fmt(ci.upper),
        "\(fmt(ci.lowerMonteCarloError, digits: 2)), \(fmt(ci.upperMonteCarloError, digits: 2))",
      ])
    }
    return t.rendered()
  }
}
