// BenchDiffResult.swift: what a benchmark-suite comparison reports.
import MultipleComparisons
import RankTests
import ResampleCore
import Resampling
import _Platform

/// The verdict on one benchmark (see ``BenchDiff`` for the rule).
public enum BenchmarkVerdict: String, Sendable, CaseIterable, Codable {
  /// Significantly faster beyond the noise threshold: new/base below 1 − threshold.
  case faster
  /// Significantly slower beyond the noise threshold: new/base above 1 + threshold.
  case slower
  /// No significant change, or a significant change within the noise threshold.
  case noChange = "no-change"
  /// Not tested: a side has fewer than 2 runs, or only a tool-written summary (a median), so
  /// there is a ratio but no interval and no p-value.
  case notTested = "not-tested"
}

/// How the per-benchmark p-value is computed.
public enum BenchDiffTest: Sendable, Equatable {
  /// Mann–Whitney U (Wilcoxon rank-sum) with the given method
  /// (default `.automatic`: exact with ties handled up to n_base·n_new ≤ 2,500, else normal).
  case mannWhitney(MannWhitneyU.Method)
  /// A permutation test of the difference of the chosen centers (exact when the number of
  /// arrangements is at most the replicate count, else Monte Carlo with p = (1 + k)/(B + 1)).
  case permutation

  /// A short name for reports (`"mann-whitney"`, `"permutation"`).
  public var name: String {
    switch self {
    case .mannWhitney: return "mann-whitney"
    case .permutation: return "permutation"
    }
  }
}

/// What to compare and how.
public struct BenchDiffConfiguration: Sendable, Equatable {
  /// The center of each side: median (default) or mean.
  public var center: TwoSampleBootstrap.Center
  /// The multiplicity adjustment across the suite (`nil` = none); default Holm.
  public var adjustment: PValueAdjustment?
  /// The noise threshold as a fraction (0.02 = 2 %): changes within ±threshold are not
  /// reported as faster or slower.
  public var threshold: Double
  /// Confidence level of the ratio intervals; α = 1 − level for the tests.
  public var level: Double
  /// Bootstrap replicates B (also the permutation replicates).
  public var replicates: Int
  /// The seed.
  public var seed: UInt64
  /// Whether a larger value is better for every benchmark (throughput); `nil` (the default)
  /// takes each benchmark's ``BenchmarkSamples/higherIsBetter`` from the reader.
  public var higherIsBetter: Bool?
  /// The ratio interval method (default BCa).
  public var intervalMethod: IntervalMethod
  /// The significance test (default Mann–Whitney, automatic method).
  public var test: BenchDiffTest
  /// The alternative hypothesis, of new against base; default two-sided.
  ///
  /// As R's `wilcox.test(new, base, alternative =)`: `.less` = new's values tend to be smaller than base's (for times: new is faster), `.greater`
  /// = larger. One-sided alternatives make the test one-sided and the ratio intervals one-sided
  /// at the same level (the open side is ∓∞), so only the tested direction can be flagged.
  public var alternative: Alternative
  /// Worker threads; results do not depend on it.
  public var threads: Int
  /// Warn when a side has fewer runs than this; `nil` (the default) derives it from the level:
  /// the fewest runs for which the median's distribution-free interval exists,
  /// ⌈log₂(2 / (1 − level))⌉ — 6 at 95 % (benchstat's rule of thumb), 8 at 99 %.
  public var minimumRuns: Int?

  public init(
    center: TwoSampleBootstrap.Center = .median, adjustment: PValueAdjustment? = .holm,
    threshold: Double = 0.02, level: Double = 0.95, replicates: Int = 9_999, seed: UInt64 = 1,
    intervalMethod: IntervalMethod = .bca, test: BenchDiffTest = .mannWhitney(.automatic),
    threads: Int = 1, minimumRuns: Int? = nil, higherIsBetter: Bool? = nil,
    alternative: Alternative = .twoSided
  ) {
    self.alternative = alternative
    self.higherIsBetter = higherIsBetter
    self.center = center
    self.adjustment = adjustment
    self.threshold = threshold
    self.level = level
    self.replicates = replicates
    self.seed = seed
    self.intervalMethod = intervalMethod
    self.test = test
    self.threads = threads
    self.minimumRuns = minimumRuns
  }

  /// α = 1 − level.
  public var alpha: Double { 1 - level }

  /// The run count below which a side is warned about (``minimumRuns``, or the level's rule).
  public var effectiveMinimumRuns: Int {
    if let minimumRuns { return minimumRuns }
    guard level > 0, level < 1 else { return 6 }
    return Int((log2(2 / (1 - level)) - 1e-12).rounded(.up))
  }
}

/// One side of one benchmark.
public struct BenchmarkSide: Sendable, Equatable {
  /// Number of runs.
  public var count: Int
  /// The center (median or mean) of the runs.
  public var center: Double
  /// The sample standard deviation of the runs (divisor n − 1; 0 for one run).
  public var standardDeviation: Double
  /// The distribution-free interval of the median at the comparison's level (order
  /// statistics, ``MedianOrderStatisticInterval``); nil when there are too few runs.
  public var medianInterval: ClosedRange<Double>?
}

/// The comparison of one benchmark present in both files.
public struct BenchmarkChange: Sendable, Equatable {
  public var name: String
  /// The unit of the values (`"s"` for seconds, else as the files state).
  public var unit: String
  /// Whether a larger value is better (throughput): then `slower` means the ratio interval
  /// lies below 1 − threshold.
  public var higherIsBetter: Bool = false
  public var base: BenchmarkSide
  public var new: BenchmarkSide
  /// center(new) / center(base).
  public var ratio: Double
  /// The bootstrap interval of the ratio (two independent samples).
  public var ratioInterval: ConfidenceInterval
  /// The seed of this benchmark's bootstrap (derived from the suite seed and the name).
  public var seed: UInt64
  /// The raw p-value.
  public var pValue: Double
  /// The p-value adjusted across the matched benchmarks.
  public var pAdjusted: Double
  /// What computed the p-value (`"mann-whitney exact-permutation"`, `"permutation exact"`).
  public var testDescription: String
  public var verdict: BenchmarkVerdict
  /// Warnings about this benchmark (too few runs, unreachable significance, bootstrap notes).
  public var warnings: [String]
}

/// The geometric mean of the ratios over the matched benchmarks, with its bootstrap interval.
public struct GeometricMeanChange: Sendable, Equatable {
  /// exp(mean(log ratio)).
  public var ratio: Double
  /// The bootstrap interval: each replicate resamples every benchmark's two sides independently.
  public var interval: ConfidenceInterval
  /// Number of benchmarks in the mean.
  public var count: Int
  /// The generator of the bootstrap (`"philox4x32-10/1"`).
  public var rng: String
  public var warnings: [String]
}

/// The comparison of two benchmark result files.
public struct SuiteComparison: Sendable, Equatable {
  /// Matched benchmarks, in the base file's order.
  public var benchmarks: [BenchmarkChange]
  /// Names present only in the base file.
  public var onlyInBase: [String]
  /// Names present only in the new file.
  public var onlyInNew: [String]
  /// Matched benchmarks that could not be compared, with the reason (a center of 0 on one side,
  /// a ratio beyond the floating-point range).
  public var notCompared: [(name: String, reason: String)] = []
  /// The suite summary (nil when no benchmark matched).
  public var geometricMean: GeometricMeanChange?
  public var configuration: BenchDiffConfiguration
  /// The random number generator's identifier (`"philox4x32-10/1"`; empty when nothing was
  /// resampled because no benchmark matched).
  public var rng: String
  /// Suite-level warnings.
  public var warnings: [String]

  /// Whether any benchmark is significantly slower beyond the threshold after adjustment.
  public var hasRegression: Bool { benchmarks.contains { $0.verdict == .slower } }

  public static func == (a: SuiteComparison, b: SuiteComparison) -> Bool {
    a.benchmarks == b.benchmarks && a.onlyInBase == b.onlyInBase && a.onlyInNew == b.onlyInNew
      && a.notCompared.map(\.name) == b.notCompared.map(\.name)
      && a.notCompared.map(\.reason) == b.notCompared.map(\.reason)
      && a.geometricMean == b.geometricMean && a.configuration == b.configuration && a.rng == b.rng
      && a.warnings == b.warnings
  }

  /// The outcome of `--fail-on-regression`: why the gate fails, or `nil` when it passes.
  ///
  /// The gate fails when a benchmark is `slower`; when a benchmark of the base is missing
  /// from the new results, could not be compared, or was not tested (unless `allowMissing`);
  /// and, as a usage error, when no benchmark at all could be tested.
  /// - Parameter allowMissing: accept missing, uncomparable and untested benchmarks.
  public func gate(allowMissing: Bool) -> GateFailure? {
    let tested = benchmarks.filter { $0.verdict != .notTested }
    if tested.isEmpty {
      let why: String
      if benchmarks.isEmpty && notCompared.isEmpty {
        why = "no benchmark name appears in both files (use --rename OLD=NEW or --match-regex)"
      } else {
        why =
          "no benchmark could be tested ("
          + (notCompared.map { "\($0.name): \($0.reason)" }
          + benchmarks.map { "\($0.name): \($0.warnings.first ?? "not tested")" })
          .joined(separator: "; ") + ")"
      }
      return GateFailure(nothingCompared: true, message: "nothing could be compared: " + why)
    }
    var reasons: [String] = []
    let slower = benchmarks.filter { $0.verdict == .slower }.map(\.name)
    if !slower.isEmpty {
      reasons.append(
        "\(slower.count) benchmark\(slower.count == 1 ? " is" : "s are") slower beyond the "
          + "threshold: \(slower.joined(separator: ", "))")
    }
    if !allowMissing {
      if !onlyInBase.isEmpty {
        reasons.append(
          "missing from the new results: \(onlyInBase.joined(separator: ", ")) "
            + "(--allow-missing to accept)")
      }
      let untested = benchmarks.filter { $0.verdict == .notTested }.map(\.name)
      let failed = notCompared.map(\.name) + untested
      if !failed.isEmpty {
        reasons.append(
          "not compared: \(failed.joined(separator: ", ")) (--allow-missing to accept)")
      }
    }
    return reasons.isEmpty
      ? nil : GateFailure(nothingCompared: false, message: reasons.joined(separator: "; "))
  }
}

/// Why `--fail-on-regression` fails.
public struct GateFailure: Sendable, Equatable {
  /// Nothing could be compared (a usage error: exit 64) rather than a regression (exit 1).
  public var nothingCompared: Bool
  /// One line for the user.
  public var message: String
}
