// PermCommand.swift: `resample perm` — two-sample and paired permutation tests.
import ArgumentParser
import Foundation
import Resample

struct PermCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "perm",
    abstract: "Permutation test of two samples (difference of means or medians), or paired.",
    discussion: """
      Samples: --data FILE --column COL --group COL --compare A,B, or --sample-a FILE \
      --sample-b FILE. The statistic is statistic(A) − statistic(B). Exact enumeration when \
      the number of distinct arrangements is ≤ --replicates (p = k/N); otherwise Monte Carlo \
      with p = (1 + k)/(B + 1). Two-sided p = 2·min(one-sided), capped at 1 (SciPy). \
      --paired flips the signs of the differences A − B (equal lengths, in order).
      """)

  @OptionGroup var source: SampleSource
  @Option(help: "The statistic compared: statistic(A) − statistic(B).")
  var statistic: PermStatisticChoice = .mean
  @Option(help: "The alternative hypothesis.") var alternative: Alternative = .twoSided
  @Flag(help: "Paired design: permute the signs of the differences.") var paired = false
  @OptionGroup var replicateOptions: ReplicateOptions
  @OptionGroup var random: RandomOptions
  @OptionGroup var output: OutputOptions<TextJSONCSV>

  func run() throws {
    let stat = statistic.statistic
    let replicates = replicateOptions.replicates
    let threadCount = random.threadCount
    let (samples, labels, _) = try source.load()
    guard samples.count == 2 else {
      throw ValidationError("perm needs two samples: --group COL --compare A,B, or --sample-b FILE")
    }
    let test = try PermutationTest(
      first: samples[0], second: samples[1], statistic: stat,
      design: paired ? .paired : .independent)
    let seed = random.resolvedSeed()
    let r = try test.run(
      alternative: alternative, replicates: replicates, seed: seed, threads: threadCount)
    let name = r.statistic + " (\(labels[0]) − \(labels[1]))" + (paired ? ", paired" : "")
    switch output.chosen {
    case .json:
      emit(
        JSON.object([
          ("statistic", .string(name)),
          ("observed", .num(r.observed)),
          ("p_value", .num(r.pValue)),
          ("alternative", .string(alternative.rawValue)),
          ("exact", .bool(r.exact)),
          ("replicates", .integer(r.replicates)),
          ("monte_carlo_error", .num(r.monteCarloError)),
          ("seed", .seed(r.seed)),
          ("rng", .string(r.rng)),
          Provenance.tool,
        ]).rendered())
    case .csv:
      emit(
        [
          csvLine([
            "statistic", "observed", "p_value", "alternative", "exact", "replicates",
            "monte_carlo_error", "seed",
          ]),
          csvLine([
            name, csvNumber(r.observed), csvNumber(r.pValue), alternative.rawValue,
            r.exact ? "true" : "false", String(r.replicates), csvNumber(r.monteCarloError),
            String(r.seed),
          ]),
        ].joined(separator: "\n"))
    default:
      var t = TextTable(["", "value"], alignNumbersRight: false)
      t.add(["statistic", name])
      t.add(["observed", fmt(r.observed)])
      t.add(["p-value (\(alternative.rawValue))", fmtP(r.pValue)])
      t.add([
        "method",
        r.exact
          ? "exact, all \(r.replicates) arrangements"
          : "Monte Carlo, \(r.replicates) arrangements "
            + "(MC error \(fmt(r.monteCarloError, digits: 2)))",
      ])
      t.add(["seed", String(r.seed)])
      emit(t.rendered())
    }
  }
}
