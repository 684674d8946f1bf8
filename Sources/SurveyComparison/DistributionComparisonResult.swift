// DistributionComparisonResult.swift: what `compare --distribution`, `--scores` and `--numeric`
// report — answer shares with Wilson intervals, tests of whole distributions, mean differences.
import Resampling

/// The share of a segment giving one answer, with its Wilson score interval.
public struct AnswerShare: Sendable, Equatable {
  /// The answer.
  public var answer: String
  /// Respondents of the segment giving it.
  public var count: Int
  /// count / segment size (NaN for a segment without answers).
  public var proportion: Double
  /// Wilson (1927) score interval at the comparison's level (R `prop.test(correct = FALSE)`);
  /// nil for a segment without answers.
  public var interval: PairInterval?
}

/// One segment's answers to a multi-category item.
public struct SegmentDistribution: Sendable, Equatable {
  public var name: String
  /// Respondents who answered.
  public var n: Int
  /// One share per answer, in the item's order.
  public var shares: [AnswerShare]
  /// With scores: the segment's mean score (its size, mean and variance).
  public var meanScore: MeanSummary?
  /// Student's t interval of ``meanScore`` (nil without scores or with fewer than two answers).
  public var meanInterval: PairInterval?
}

/// The test of two segments' answer distributions (the 2 × answers table).
public struct DistributionPair: Sendable, Equatable {
  public var a: String
  public var b: String
  /// The test, chosen as the omnibus test is (Pearson χ² when every expected count is at least
  /// 5, else Fisher's exact r×c test or its seeded Monte Carlo estimate).
  public var test: OmnibusTest
  /// The p-value adjusted across all pairs of all questions.
  public var pAdjusted: Double
  /// pAdjusted < α.
  public var significant: Bool
}

/// The bootstrap intervals of a difference of means (two independent samples resampled within
/// each segment).
public struct MeanDifferenceBootstrap: Sendable, Equatable {
  /// Percentile interval, with the Monte Carlo errors of its ends.
  public var percentile: ConfidenceInterval
  /// BCa interval (Efron 1987), with the Monte Carlo errors of its ends.
  public var bca: ConfidenceInterval
  /// Replicates B.
  public var replicates: Int
  /// The pair's seed (`splitmix64(seed + j)` for pair j counted over all questions).
  public var seed: UInt64
}

/// The difference of two segments' mean (score or value) a − b.
public struct MeanPair: Sendable, Equatable {
  public var a: String
  public var b: String
  /// Welch's t test and interval; nil when a segment has fewer than two answers or both are
  /// constant.
  public var welch: WelchTTest?
  /// With `--numeric`: the bootstrap intervals of the difference.
  public var bootstrap: MeanDifferenceBootstrap?
  /// The Welch p-value adjusted across all mean pairs of all questions (NaN without a test).
  public var pAdjusted: Double
  /// pAdjusted < α.
  public var significant: Bool
}

/// One multi-category item compared across segments.
public struct DistributionQuestion: Sendable, Equatable {
  /// The item's counts and answer order.
  public var item: AnswerDistribution
  /// Per segment, the shares of every answer.
  public var segments: [SegmentDistribution]
  /// The test of the segment × answer table (segments and answers without respondents left
  /// out); nil when fewer than two segments or answers have respondents.
  public var omnibus: OmnibusTest?
  /// Every pair of segments with answers.
  public var pairs: [DistributionPair]
  /// The score of each answer, when scores were asked for.
  public var scores: [Double]?
  /// Every pair's difference of mean scores (with scores).
  public var meanPairs: [MeanPair]
  /// What a reader should know: segments or answers left out of the tests.
  public var notes: [String]
}

/// One numeric segment summary: its values' mean with Student's t interval.
public struct NumericSegment: Sendable, Equatable {
  public var name: String
  public var summary: MeanSummary
  /// Student's t interval of the mean (nil with fewer than two values).
  public var interval: PairInterval?
}

/// One numeric column compared across segments (`--numeric`).
public struct NumericQuestionResult: Sendable, Equatable {
  public var name: String
  public var segments: [NumericSegment]
  /// Every pair of segments with values: Welch and the bootstrap.
  public var pairs: [MeanPair]
  /// Cells left out as missing (empty, `NA`, `NaN`, declared non-answers).
  public var missing: Int
  /// What a reader should know.
  public var notes: [String]
}
