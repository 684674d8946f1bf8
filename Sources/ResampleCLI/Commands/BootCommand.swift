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
enum BootStatisticName {
  case one(SampleStatistic)
  case difference(SampleStatistic)
  case ratio(SampleStatistic)

  static let help =
    "mean|median|proportion|std|sum|quantile:Q|trimmed-mean:F|difference[:median]|ratio[:median]"

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
      """)

  @OptionGroup var source: SampleSource
  @Option(help: "A column of stratum labels: resample within strata (one sample only).")
  var strata: String?
  @Option(help: ArgumentHelp("The statistic (Q in [0, 1], F in [0, 0.5)).", valueName: "name"))
  var statistic = BootStatisticChoice(.one(.mean), text: "mean")
  @Option(help: "Interval method, a comma-separated list of them, or all.")
  var method = BootMethodSelection([.bca])
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

  /// Replicates in ranges with a progress line on stderr when it is a terminal and the run is
  /// long; the ranges are merged, so the result is identical to a single run.
  static func replicatesWithProgress(
    _ boot: Bootstrap, count: Int, seed: UInt64, threads: Int, studentize: Bool, work: Int
  ) throws -> ReplicateBlock {
    let long = Double(count) * Double(max(work, 1)) * (studentize ? 50 : 1) > 2e8
    guard long, isatty(STDERR_FILENO) == 1 else {
      return try boot.replicates(0..<count, seed: seed, threads: threads, studentize: studentize)
    }
    var parts: [ReplicateBlock] = []
    let steps = 20
    for k in 0..<steps {
      let lo = count * k / steps
      let hi = count * (k + 1) / steps
      parts.append(
        try boot.replicates(lo..<hi, seed: seed, threads: threads, studentize: studentize))
      FileHandle.standardError.write(Data("\rresample: replicates \(hi)/\(count)".utf8))
    }
    FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    return try ReplicateBlock.merge(parts)
  }

  static func diagnosticsJSON(_ d: [BootstrapDiagnostic]) -> JSON {
    .array(d.map { .object([("code", .string($0.code)), ("message", .string($0.description))]) })
  }

  static func json(_ r: BootstrapResult, level: Double, alternative: Alternative) -> JSON {
    JSON.object([
      ("statistic", .string(r.statistic)),
      ("estimate", .num(r.estimate)),
      ("standard_error", .num(r.standardError)),
      ("bias", .num(r.bias)),
      (
        "intervals",
        .object(r.intervals.map { ($0.method.rawValue, .interval($0.lower, $0.upper)) })
      ),
      (
        "monte_carlo_error",
        .object(
          r.intervals.map {
            ($0.method.rawValue, .interval($0.lowerMonteCarloError, $0.upperMonteCarloError))
          })
      ),
      ("level", .num(level)),
      ("alternative", .string(alternative.rawValue)),
      ("replicates", .integer(r.replicates)),
      ("seed", .seed(r.seed)),
      ("rng", .string(r.rng)),
      ("plan", .string(r.plan)),
      ("quantile_convention", .string("hyndman-fan-7")),
      ("diagnostics", diagnosticsJSON(r.allDiagnostics)),
      Provenance.tool,
    ])
  }

  static func csv(_ r: BootstrapResult) -> String {
    var lines = [
      csvLine([
        "method", "lower", "upper", "lower_mc_error", "upper_mc_error", "estimate",
        "standard_error", "bias", "replicates", "seed",
      ])
    ]
    for ci in r.intervals {
      lines.append(
        csvLine([
          ci.method.rawValue, csvNumber(ci.lower), csvNumber(ci.upper),
          csvNumber(ci.lowerMonteCarloError), csvNumber(ci.upperMonteCarloError),
          csvNumber(r.estimate), csvNumber(r.standardError), csvNumber(r.bias),
          String(r.replicates), String(r.seed),
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
    var t = TextTable(["method", "lower", "upper", "MC error (lower, upper)"])
    for ci in r.intervals {
      t.add([
        ci.method.rawValue, fmt(ci.lower), fmt(ci.upper),
        "\(fmt(ci.lowerMonteCarloError, digits: 2)), \(fmt(ci.upperMonteCarloError, digits: 2))",
      ])
    }
    out += t.rendered()
    for d in r.allDiagnostics { out += "\nnote: \(d.description)" }
    return out
  }
}
