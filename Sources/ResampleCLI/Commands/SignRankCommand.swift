// SignRankCommand.swift: `resample signrank` — the Wilcoxon signed-rank test (one sample against
// --mu, or paired), with the Hodges–Lehmann pseudo-median, as R's wilcox.test(conf.int = TRUE).
import ArgumentParser
import Foundation
import Resample

struct SignRankCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "signrank",
    abstract: "Wilcoxon signed-rank test: one sample against --mu, or paired samples.",
    discussion: """
      One sample: --sample-a FILE [--mu M] (or --data FILE --column COL). Paired: --sample-a \
      FILE --sample-b FILE (equal lengths, paired in order; the differences A − B are tested \
      against --mu), or --data FILE --column COL --group COL --compare A,B. statistic is R's \
      V: the rank sum of the positive differences (SciPy's r_plus; SciPy's two-sided statistic \
      is min(V, r_minus)). --zero-method as SciPy's zero_method: wilcox (R: drop zeros), pratt \
      (rank zeros, then leave them out), zsplit (half of the zeros' ranks to each side). \
      --method auto is R's rule: exact for fewer than 50 non-zero differences without ties or \
      zeros, otherwise normal (tie correction, continuity correction unless --no-correct). \
      --method exact with ties or zeros uses the exact distribution of V given the ranks. \
      pseudo_median and its interval are R's conf.int = TRUE estimate (zeros dropped, as R).
      """)

  @OptionGroup var source: SampleSource
  @Option(help: "The null location of the sample (or of the paired differences A − B).")
  var mu: Double = 0
  @Option(help: "The alternative hypothesis (greater: differences tend to exceed mu).")
  var alternative: Alternative = .twoSided
  @Option(help: "How the p-value is computed: auto (R's rule), exact or normal.")
  var method: RankMethodChoice = .auto
  @Option(name: .customLong("zero-method"), help: "Zero differences: wilcox, pratt or zsplit.")
  var zeroMethod: WilcoxonSignedRank.ZeroMethod = .wilcox
  @OptionGroup var approximation: RankApproximationOptions
  @OptionGroup var output: OutputOptions<TextJSONCSV>

  func validate() throws {
    guard mu.isFinite else { throw invalidOption("--mu", "\(mu)", expected: "a finite number") }
  }

  func run() throws {
    let (samples, labels, _) = try source.load()
    let differences: [Double]
    let description: String
    if samples.count == 2 {
      guard samples[0].count == samples[1].count else {
        throw InputError.invalidData(
          source: labels[1],
          reason: "has \(samples[1].count) values but \(labels[0]) has \(samples[0].count); "
            + "paired samples need equal lengths")
      }
      differences = zip(samples[0], samples[1]).map { $0 - $1 }
      description = "\(labels[0]) − \(labels[1]), paired"
    } else {
      differences = samples[0]
      description = labels[0]
    }
    let result = try WilcoxonSignedRank.test(
      differences, mu: mu, alternative: alternative, method: method.signedRank,
      zeroMethod: zeroMethod, continuityCorrection: approximation.correct)
    let location = try HodgesLehmannPseudoMedian.estimate(
      differences, mu: mu, alternative: alternative, level: approximation.level,
      exact: result.computation == .exact, continuityCorrection: approximation.correct)
    let methodName = result.computation.rawValue
    let notes = RankTestOutput.notes(
      result.diagnostics.map(\.description),
      exactGiven: result.computation == .exact && (result.hasTies || result.zeroCount > 0)
        ? "ties or zeros: the p-value is exact given the ranks" : nil,
      tooSmall: "the sample is", requested: approximation.level, location)
    let report = RankTestOutput(
      fields: RankTestOutput.testFields(
        statistic: result.statistic, ("r_minus", .num(result.rMinus)), pValue: result.pValue,
        method: methodName, alternative: alternative)
        + [("mu", .num(mu)), ("zero_method", .string(zeroMethod.rawValue))]
        + RankTestOutput.estimateFields(
          continuityCorrection: result.continuityCorrection, z: result.z, "pseudo_median",
          location)
        + [
          ("n", .integer(result.count)), ("n_nonzero", .integer(result.nonZeroCount)),
          ("n_zero", .integer(result.zeroCount)), ("ties", .bool(result.hasTies)),
          ("paired", .bool(samples.count == 2)),
        ],
      samples: labels,
      csvHeader: [
        "statistic", "r_minus", "p_value", "method", "alternative", "mu", "zero_method",
        "pseudo_median", "lower", "upper", "level", "n", "n_zero",
      ],
      csvRecord: [
        csvNumber(result.statistic), csvNumber(result.rMinus), csvNumber(result.pValue),
        methodName, alternative.rawValue, csvNumber(mu), zeroMethod.rawValue,
        csvNumber(location.estimate), csvNumber(location.lower), csvNumber(location.upper),
        csvNumber(location.level), String(result.count), String(result.zeroCount),
      ],
      rows: RankTestOutput.rows(
        ["sample", "\(description) (n = \(result.count), \(result.zeroCount) equal to mu)"],
        statistic: "V (positive rank sum)", result.statistic,
        pValue: "p-value (\(alternative.rawValue), mu = \(fmt(mu)))", result.pValue,
        method: (result.computation == .exact
          ? "exact"
          : RankTestOutput.normalMethod(continuityCorrection: result.continuityCorrection))
          + ", zero method \(zeroMethod.rawValue)",
        estimate: "pseudo-median (Hodges–Lehmann)", location),
      notes: notes)
    report.write(output.chosen)
  }
}
