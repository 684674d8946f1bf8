// SurveyComparisonResult.swift: the result types of a survey comparison.
import MultipleComparisons
import ResampleCore

/// One segment's figures for a question.
public struct SegmentSummary: Sendable, Equatable {
  public var name: String
  /// "Yes" answers (weighted when weights were given).
  public var x: Double
  /// Respondents (the sum of weights when weighted).
  public var n: Double
  /// x / n.
  public var proportion: Double
  /// The size carrying the same information under simple random sampling (n / deff, or Kish's
  /// effective size with weights).
  public var effectiveSize: Double
  /// True when x and n were assumed (percentage input), not observed.
  public var assumed: Bool
}

/// The test of "all segments answer alike".
public struct OmnibusTest: Sendable, Equatable {
  /// `"fisher-exact"`, `"pearson-chi-squared"`, `"fisher-exact-rxc"`,
  /// `"monte-carlo-chi-squared"` or `"rao-scott-chi-squared"`.
  public var test: String
  /// The test statistic (nil for exact tests that have none).
  public var statistic: Double?
  /// Degrees of freedom (segments − 1).
  public var degreesOfFreedom: Int
  public var pValue: Double
  /// The Monte Carlo standard error of the p-value, when simulated.
  public var monteCarloError: Double?
  /// Whether ``pValue`` is only an upper bound: simulated, and no random table was as extreme
  /// as the observed one (as Contingency's `MonteCarloPValue.isUpperBound`).
  public var isUpperBound: Bool = false
  /// Why this test was chosen.
  public var reason: String
}

/// A confidence interval `[lower, upper]` for a difference of proportions.
public struct PairInterval: Sendable, Equatable {
  public var lower: Double
  public var upper: Double
  public init(lower: Double, upper: Double) {
    self.lower = lower
    self.upper = upper
  }
}

/// One pairwise comparison of segments a and b (difference = proportion a − proportion b).
public struct PairComparison: Sendable, Equatable {
  public var a: String
  public var b: String
  public var difference: Double
  /// Newcombe's hybrid score interval (from effective counts under a design effect).
  public var newcombe: PairInterval
  /// The bootstrap BCa interval (nil when it could not be computed; see ``notes``).
  public var bootstrapBCa: PairInterval?
  /// The unadjusted two-sided p-value.
  public var pValue: Double
  /// The p-value adjusted across all pairs of all questions.
  public var pAdjusted: Double
  /// pAdjusted < alpha.
  public var significant: Bool
  /// Cohen's h = 2·asin√p_a − 2·asin√p_b.
  public var cohensH: Double
  /// The test behind ``pValue``.
  public var test: String
  /// What the comparison shows (the presentation layer words it).
  public var verdict: PairVerdict
  /// When counts were assumed from published percentages and there are two segments, the share
  /// of consistent tables that are significant (before adjustment); nil otherwise.
  public var sensitivityShare: Double?
  /// Caveats (bootstrap diagnostics, approximations).
  public var notes: [String]
}

/// Power for one pair at the assumed sizes, and the size per segment needed for the target.
///
/// Which power figures a survey comparison computes.
///
/// Power at the observed proportions is descriptive (post-hoc power is a function of the
/// p-value and says nothing new about the data; Hoenig and Heisey 2001, *Am. Stat.* 55, 19–24),
/// so the default is the cheap analytic figure and size; exact enumeration and simulation, which
/// cost seconds per pair, are on request.
public enum PowerMethod: String, Sendable, CaseIterable, Codable {
  /// Normal approximation only (power and required size): O(1) per pair.
  case analytic
  /// Plus exact power by enumeration and the smallest size whose exact power reaches the target.
  case exact
  /// Plus seeded simulated power at the observed sizes.
  case simulated
  /// Analytic, exact and simulated, and simulated power at the exact required size.
  case all

  /// Whether exact power (and the exact required size) is computed.
  public var includesExact: Bool { self == .exact || self == .all }
  /// Whether simulated power is computed.
  public var includesSimulated: Bool { self == .simulated || self == .all }
}

public struct PairPower: Sendable, Equatable {
  public var a: String
  public var b: String
  /// The proportions the power is computed for (the observed ones).
  public var p1: Double
  public var p2: Double
  /// The sizes used (n_a, n_b).
  public var n1: Int
  public var n2: Int
  /// The test whose power is computed.
  public var test: PowerTest
  /// Normal-approximation power of the pooled z test at (n1, n2).
  public var analytic: Double
  /// Exact power of ``test`` at (n1, n2), by enumeration.
  public var exact: Double?
  /// Simulated power of ``test`` at (n1, n2).
  public var simulated: SimulatedPower?
  /// The target power.
  public var target: Double
  /// Analytic size per segment for the target (equal segments), rounded up.
  public var requiredAnalytic: Int?
  /// The smallest equal size per segment whose exact power of ``test`` reaches the target.
  public var requiredExact: Int?
  /// Simulated power of ``test`` at ``requiredExact``.
  public var simulatedAtRequired: SimulatedPower?
  /// The figures requested (``exact``, ``simulated`` and the exact size are nil when not).
  public var method: PowerMethod = .all
}

/// The result for one question.
public struct QuestionComparison: Sendable, Equatable {
  public var name: String
  public var segments: [SegmentSummary]
  public var omnibus: OmnibusTest
  public var pairs: [PairComparison]
  /// Over all tables consistent with published percentages (percentage input only).
  public var sensitivity: SplitSensitivity?
  /// The consistent tables (percentage input only).
  public var enumeration: ConsistentTableEnumeration?
  public var power: [PairPower]
  /// Whether the shares are weighted (tests and intervals then use Kish effective sizes).
  public var weighted: Bool = false
}

/// A paired comparison of two items answered by the same respondents (published percentages).
public struct PairedComparison: Sendable, Equatable {
  public var firstName: String
  public var secondName: String
  public var feasible: PairedFeasibleTables
  /// The table expected if the two answers were unrelated (overlap ≈ a·b/n), as an illustration.
  public var illustration: PairedFeasibleTables.Outcome
  /// The published share answering yes to the first and to the second item.
  public var first: PublishedPercentage
  public var second: PublishedPercentage
  /// The number of respondents answering both items.
  public var n: Int
  /// The significance level of the McNemar tests.
  public var alpha: Double
  /// The overlap (yes to both) expected if the answers were unrelated, ≈ a·b/n.
  public var unrelatedOverlap: Int
  /// What the feasible tables show (the presentation layer words it).
  public var verdict: PairedVerdict
}

/// Everything `resample compare` reports (its wording — assumptions, methods, verdicts — is
/// `SurveyPresentation`'s).
public struct SurveyComparisonResult: Sendable, Equatable {
  public var questions: [QuestionComparison]
  public var paired: PairedComparison?
  public var options: SurveyComparisonOptions
}

/// The settings of a survey comparison.
public struct SurveyComparisonOptions: Sendable, Equatable {
  /// Significance level.
  public var alpha: Double = 0.05
  /// Confidence level of the intervals.
  public var level: Double = 0.95
  /// The p-value adjustment across all pairs of all questions.
  public var adjustment: PValueAdjustment = .holm
  /// For respondent data: adjust by the joint-bootstrap max-T instead (Westfall–Young).
  public var maxT: Bool = false
  /// The design effect (summary input).
  public var designEffect: DesignEffect = .none
  /// Bootstrap replicates.
  public var replicates: Int = 9_999
  /// The seed for every random quantity.
  public var seed: UInt64
  /// Target power for the required size.
  public var powerTarget: Double = 0.8
  /// Simulated studies per power figure.
  public var simulations: Int = 10_000
  /// Monte Carlo replicates for the omnibus test when exact enumeration is not used.
  public var monteCarloReplicates: Int = 9_999
  /// Worker threads (results do not depend on it).
  public var threads: Int = 1
  /// Whether to compute power (it costs an exact enumeration per pair).
  public var computePower: Bool = true
  /// The most McNemar terms the paired enumeration may evaluate
  /// (``PairedFeasibleTables/defaultWorkLimit``); beyond it the comparison is refused.
  ///
  /// Which power figures are computed (analytic only by default: cheap and descriptive).
  public var powerMethod: PowerMethod = .analytic
  public var pairedWorkLimit: Int = PairedFeasibleTables.defaultWorkLimit
  /// The most consistent tables listed one by one; beyond it a uniform sample is tested.
  public var maxTables: Int = ConsistentTableEnumeration.defaultLimit
  /// The size of that sample (its seed is derived from ``seed``).
  public var sampleTables: Int = 100_000

  public init(seed: UInt64) { self.seed = seed }

  /// - Throws: `InputError` naming the first out-of-range setting.
  public func validate() throws {
    try InputError.requireSignificanceLevel(alpha)
    try InputError.requireLevel(level)
    guard replicates >= 99, replicates <= 10_000_000 else {
      throw InputError.invalidParameter(
        name: "replicates", value: "\(replicates)", expected: "an integer from 99 to 10000000")
    }
    guard powerTarget > 0, powerTarget < 1 else {
      throw InputError.invalidParameter(
        name: "target", value: "\(powerTarget)", expected: "a power strictly between 0 and 1")
    }
    guard simulations >= 1, simulations <= 100_000_000 else {
      throw InputError.invalidParameter(
        name: "simulations", value: "\(simulations)", expected: "an integer from 1 to 100000000")
    }
    guard monteCarloReplicates >= 99 else {
      throw InputError.invalidParameter(
        name: "mc-replicates", value: "\(monteCarloReplicates)", expected: "at least 99")
    }
    guard threads >= 1, threads <= 1024 else {
      throw InputError.invalidParameter(
        name: "threads", value: "\(threads)", expected: "an integer from 1 to 1024")
    }
  }
}
