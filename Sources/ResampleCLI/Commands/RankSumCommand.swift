// RankSumCommand.swift: `resample ranksum` — the Wilcoxon–Mann–Whitney test with the
// Hodges–Lehmann shift and its interval, as R's wilcox.test(x, y, conf.int = TRUE).
import ArgumentParser
import Foundation
import Resample

struct RankSumCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ranksum",
    abstract: "Wilcoxon–Mann–Whitney rank-sum test of two samples, with the Hodges–Lehmann shift.",
    discussion: """
      Samples: --sample-a FILE --sample-b FILE (whitespace-separated numbers), or --data FILE \
      --column COL --group COL --compare A,B. statistic is R's W (the Mann–Whitney U of sample \
      A: pairs with A > B, ties counting one half), which is also SciPy's U (u_statistic). \
      --method auto is R's rule: exact when both samples have fewer than 50 values and there \
      are no ties, otherwise the normal approximation with tie correction (and continuity \
      correction unless --no-correct). --method exact with ties uses the exact permutation \
      distribution of the mid-rank sum (exactRankTests::wilcox.exact); its two-sided p is \
      P(|W − E W| ≥ |w − E W|). shift is the Hodges–Lehmann estimate of A − B and \
      shift_interval R's interval (exact from the W distribution without ties, otherwise by \
      root finding on the normal approximation, as R also does for --method exact with ties).
      """)

  @OptionGroup var source: SampleSource
  @Option(help: "The alternative hypothesis (greater: A tends to be larger than B).")
  var alternative: Alternative = .twoSided
  @Option(help: "How the p-value is computed: auto (R's rule), exact or normal.")
  var method: RankMethodChoice = .auto
  @OptionGroup var approximation: RankApproximationOptions
  @OptionGroup var output: OutputOptions<TextJSONCSV>

  func run() throws {
    let (samples, labels, _) = try source.load()
    guard samples.count == 2 else {
      throw ValidationError(
        "ranksum needs two samples: --sample-a FILE --sample-b FILE, or --group COL --compare A,B"
      )
    }
    let a = samples[0]
    let b = samples[1]
    let result = try MannWhitneyU.test(
      a, b, alternative: alternative, method: method.rankSum,
      continuityCorrection: approximation.correct)
    let exact = result.computation != .normalApproximation
    let shift = try HodgesLehmannShift.estimate(
      a, b, alternative: alternative, level: approximation.level, exact: exact,
      continuityCorrection: approximation.correct)
    let methodName = exact ? "exact" : "normal"
    let notes = RankTestOutput.notes(
      result.diagnostics.map(\.description),
      exactGiven: exact && result.hasTies
        ? "ties: the p-value is exact given the ties (exactRankTests)" : nil,
      tooSmall: "the samples are", requested: approximation.level, shift)
    let report = RankTestOutput(
      fields: RankTestOutput.testFields(
        statistic: result.statistic, ("u_statistic", .num(result.statistic)),
        pValue: result.pValue, method: methodName, alternative: alternative)
        + RankTestOutput.estimateFields(
          continuityCorrection: result.continuityCorrection, z: result.z, "shift", shift)
        + [
          ("n_a", .integer(result.xCount)), ("n_b", .integer(result.yCount)),
          ("ties", .bool(result.hasTies)),
        ],
      samples: labels,
      csvHeader: [
        "statistic", "u_statistic", "p_value", "method", "alternative", "shift",
        "shift_lower", "shift_upper", "level", "n_a", "n_b",
      ],
      csvRecord: [
        csvNumber(result.statistic), csvNumber(result.statistic), csvNumber(result.pValue),
        methodName, alternative.rawValue, csvNumber(shift.estimate), csvNumber(shift.lower),
        csvNumber(shift.upper), csvNumber(shift.level), String(result.xCount),
        String(result.yCount),
      ],
      rows: RankTestOutput.rows(
        [
          "samples",
          "\(labels[0]) (n = \(result.xCount)) vs \(labels[1]) (n = \(result.yCount))",
        ],
        statistic: "W (= U of A)", result.statistic,
        pValue: "p-value (\(alternative.rawValue))", result.pValue,
        method: exact
          ? (result.hasTies ? "exact (permutation, given the ties)" : "exact")
          : RankTestOutput.normalMethod(continuityCorrection: result.continuityCorrection),
        estimate: "shift A − B (Hodges–Lehmann)", shift),
      notes: notes)
    report.write(output.chosen)
  }
}
