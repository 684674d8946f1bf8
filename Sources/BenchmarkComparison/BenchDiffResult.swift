import MultipleComparisons
import RankTests
import ResampleCore
import Resampling
// BenchDiffResult.swift: what a benchmark-suite comparison reports.
import _Platform

/// The verdict on one benchmark (see ``BenchDiff`` for the rule).
public enum BenchmarkVerdict: String, Sendable, CaseIterable, Codable {
  /// Significantly faster beyond the noise threshold: new/base below 1 − threshold.
  case faster
  /// Significantly slower beyond the noise threshold: new/base above 1 + threshold.
  case slower
  /// No significant change, or a significant change within the noise threshold.
  case noChange = "no-change"
}

/// How the per-benchmark p-value is computed.
public enum BenchDiffTest: Sendable, Equatable {
  /// Mann–Whitney U (Wilcoxon rank-sum), two-sided, with the given method
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
  /// The ratio interval method (default BCa).
  public var intervalMethod: IntervalMethod
  /// The significance test (default Mann–Whitney, automatic method).
  public var test: BenchDiffTest
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
    threads: Int = 1, minimumRuns: Int? = nil
  ) {
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
}
