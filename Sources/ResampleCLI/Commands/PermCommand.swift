// PermCommand.swift: `resample perm` — two-sample and paired permutation tests.
import ArgumentParser
import Foundation
import Resample

struct PermCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "perm",
    abstract:
      "Permutation tests: two samples (means, medians), paired, k samples (ANOVA F, "
      + "Kruskal–Wallis), correlation.",
    discussion: """
      Samples: --data FILE --column COL --group COL --compare A,B, or --sample-a FILE \
      --sample-b FILE. The statistic is statistic(A) − statistic(B). Exact enumeration when \
      the number of distinct arrangements is ≤ --replicates (p = k/N); otherwise Monte Carlo \
      with p = (1 + k)/(B + 1). Two-sided p = 2·min(one-sided), capped at 1 (SciPy). \
      --paired flips the signs of the differences A − B (equal lengths, in order); its median \
      is the median of the differences.
      k samples: --data FILE --column COL --group COL (every group, no --compare) with \
      --statistic anova-f (one-way ANOVA F) or kruskal (Kruskal–Wallis H, tie-corrected): group \
      labels permuted, large values extreme, p = (1 + k)/(B + 1) (the alternative is 'greater'). \
      Correlation: --data FILE --statistic correlation|spearman --columns x,y permutes y \
      against x. These are always Monte Carlo.
      """)

  @OptionGroup var source: SampleSource
  @Option(
    help:
      "The statistic: mean or median of A − B (two samples, paired), anova-f or kruskal (k groups), correlation or spearman (--columns)."
  )
  var statistic: PermStatisticChoice = .mean
  @Option(help: "The alternative hypothesis.") var alternative: Alternative = .twoSided
  @Flag(help: "Paired design: permute the signs of the differences.") var paired = false
  @Option(
    help: ArgumentHelp(
      "Two columns of --data for --statistic correlation or spearman.", valueName: "x,y"))
  var columns: String?
  @OptionGroup var replicateOptions: ReplicateOptions
  @OptionGroup var random: RandomOptions
  @OptionGroup var sharding: ShardOptions
  @OptionGroup var output: OutputOptions<TextJSONCSV>

  func run() throws {
    let replicates = replicateOptions.replicates
    let threadCount = random.threadCount
    guard let stat = statistic.statistic else {
      try runOther(replicates: replicates, threads: threadCount)
      return
    }
    guard columns == nil else {
      throw ValidationError("--columns goes with --statistic correlation or spearman")
    }
    let (samples, labels, _) = try source.load()
    guard samples.count == 2 else {
      throw ValidationError("perm needs two samples: --group COL --compare A,B, or --sample-b FILE")
    }
    let test = try PermutationTest(
      first: samples[0], second: samples[1], statistic: stat,
      design: paired ? .paired : .independent)
    let exact = test.arrangementCount.map { $0 <= replicates } ?? false
    guard
      let r = try result(
        test, alternative: alternative, replicates: replicates,
        exact: exact
          ? {
            try test.run(
              alternative: alternative, replicates: replicates, seed: $0, threads: threadCount)
          } : nil)
    else { return }
    let name = r.statistic + " (\(labels[0]) − \(labels[1]))" + (paired ? ", paired" : "")
    report(r, name: name, alternative: alternative)
  }

  /// `perm` for the k-sample (anova-f, kruskal) and correlation (correlation, spearman) tests.
  func runOther(replicates: Int, threads: Int) throws {
    guard !paired else {
      throw ValidationError("--paired goes with --statistic mean or median")
    }
    guard let data = source.data, source.sampleA == nil, source.sampleB == nil,
      source.compare == nil
    else {
      throw ValidationError(
        "--statistic \(statistic.rawValue) reads --data FILE (no --sample-a/b, no --compare)")
    }
    switch statistic {
    case .correlation, .spearman:
      guard source.column == nil, source.group == nil, let columns else {
        throw ValidationError(
          "--statistic \(statistic.rawValue) needs --columns X,Y (not --column or --group)")
      }
      let names = BootCommand.names(columns)
      guard names.count == 2, !names[0].isEmpty, !names[1].isEmpty, names[0] != names[1] else {
        throw InputError.invalidParameter(
          name: "--columns", value: columns, expected: "two different column names X,Y")
      }
      let file = try source.dataFormat.columns(data, numeric: names)
      let test = try CorrelationPermutationTest(
        x: try file.numeric(names[0]), y: try file.numeric(names[1]),
        statistic: statistic == .spearman ? .spearman : .pearson)
      guard let r = try result(test, alternative: alternative, replicates: replicates)
      else { return }
      report(r, name: r.statistic + " (\(names[0]), \(names[1]))", alternative: alternative)
    default:
      guard columns == nil, let column = source.column, let group = source.group else {
        throw ValidationError(
          "--statistic \(statistic.rawValue) needs --column COL --group COL (not --columns)")
      }
      guard alternative != .less else {
        throw InputError.invalidParameter(
          name: "--alternative", value: "less",
          expected: "greater (or the default): large values of \(statistic.rawValue) are extreme")
      }
      let file = try source.dataFormat.columns(data, numeric: [column], labels: [group])
      let values = try file.numeric(column)
      let labels = try file.labels(group)
      // Groups in order of first appearance of their trimmed label.
      var order: [String] = []
      var index: [String: Int] = [:]
      var groups: [[Double]] = []
      for (row, code) in labels.codes.enumerated() {
        let l = labels.values[Int(code)].trimmingCharacters(in: .whitespaces)
        if index[l] == nil {
          index[l] = order.count
          order.append(l)
          groups.append([])
        }
        groups[index[l] ?? 0].append(values[row])
      }
      let test = try KSamplePermutationTest(
        groups: groups, statistic: statistic == .anovaF ? .anovaF : .kruskalWallis)
      guard let r = try result(test, alternative: .greater, replicates: replicates) else {
        return
      }
      report(
        r, name: r.statistic + " (\(column) by \(group), \(groups.count) groups)",
        alternative: .greater,
        groups: zip(order, groups).map { ($0, $1.count) })
    }
  }

  /// The result over B arrangements: exact enumeration when `exact` is given (never sharded),
  /// else the Monte Carlo tally of the whole run, of one shard (nil: its part was written), or
  /// of the merged parts.
  func result<Test: RandomPermutationTest>(
    _ test: Test, alternative: Alternative, replicates: Int,
    exact: ((UInt64) throws -> PermutationTestResult)? = nil
  ) throws -> PermutationTestResult? {
    let seed = random.resolvedSeed()
    if let exact {
      guard sharding.shard == nil, ShardSession.merged == nil else {
        throw ValidationError(
          "every arrangement is enumerated (N ≤ B = \(replicates)): an exact test has no "
            + "replicates to shard; run it whole")
      }
      return try exact(seed)
    }
    let tally = try ShardSession.tally(
      sharding, command: "perm", seed: random.seed, replicates: replicates
    ) { range in
      let t = try test.tally(range, seed: seed, threads: random.threadCount)
      return ReplicateTally(counts: [t.lessOrEqual, t.greaterOrEqual])
    }
    guard let counts = tally?.counts else { return nil }
    guard counts.count == 2 else {
      throw InputError.invalidData(source: "parts", reason: "not the tallies of a permutation test")
    }
    return test.result(
      PermutationTally(lessOrEqual: counts[0], greaterOrEqual: counts[1], count: replicates),
      alternative: alternative, seed: seed)
  }

  /// Prints a permutation test result in the chosen format (`groups` for k-sample tests).
  func report(
    _ r: PermutationTestResult, name: String, alternative: Alternative,
    groups: [(String, Int)]? = nil
  ) {
    let printing = r.exact ? nil : MonteCarloPrinting(r)
    let bound = printing?.warning(drawn: "arrangement", option: "--replicates")
    switch output.chosen {
    case .json:
      var fields: [(String, JSON)] = [
        ("statistic", .string(name)),
        ("observed", .num(r.observed)),
        ("p_value", .num(r.pValue)),
        PValueBound.field(printing?.bound),
        ("alternative", .string(alternative.rawValue)),
        ("exact", .bool(r.exact)),
        ("replicates", .integer(r.replicates)),
        ("monte_carlo_error", .num(r.monteCarloError)),
        ("seed", .seed(r.seed)),
        ("rng", .string(r.rng)),
      ]
      if let groups {
        let list = groups.map { g in
          JSON.object([("group", .string(g.0)), ("n", .integer(g.1))])
        }
        fields.append(("groups", .array(list)))
      }
      fields.append(Provenance.tool)
      emit(JSON.object(fields).rendered())
      if let bound { printWarning(bound) }
    case .csv:
      emit(
        [
          csvLine([
            "statistic", "observed", "p_value", "alternative", "exact", "replicates",
            "monte_carlo_error", "seed", "mc_p_value_bound",
          ]),
          csvLine([
            name, csvNumber(r.observed), csvNumber(r.pValue), alternative.rawValue,
            r.exact ? "true" : "false", String(r.replicates), csvNumber(r.monteCarloError),
            String(r.seed), PValueBound.csv(printing?.bound),
          ]),
        ].joined(separator: "\n"))
      if let bound { printWarning(bound) }
    default:
      var t = TextTable(["", "value"], alignNumbersRight: false)
      t.add(["statistic", name])
      t.add(["observed", fmt(r.observed)])
      t.add(["p-value (\(alternative.rawValue))", PValueBound.text(r.pValue, printing?.bound)])
      t.add([
        "method",
        r.exact
          ? "exact, all \(r.replicates) arrangements"
          : "Monte Carlo, \(r.replicates) arrangements "
            + "(MC error \(fmt(r.monteCarloError, digits: 2)))",
      ])
      t.add(["seed", String(r.seed)])
      emit(t.rendered() + (bound.map { "\nwarning: \($0)" } ?? ""))
    }
  }
}
