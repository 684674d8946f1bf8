// PermutationTally.swift: the two counts a permutation p-value needs, so that ranges of random
// arrangements computed apart (shards on other machines) combine into exactly the p-value of the
// single run.
import RandomStreams
import ResampleCore

/// How many of `count` arrangements gave a statistic at or below, and at or above, the observed
/// one (within SciPy's tie tolerance γ = 100·ε·|t_obs|).
///
/// Tallies of disjoint replicate ranges add (``+(_:_:)``): the sum over ranges that tile
/// `0..<B` is the tally of the single run, so the p-value is identical to the last bit.
public struct PermutationTally: Sendable, Equatable, Codable {
  /// Arrangements with t ≤ t_obs + γ.
  public var lessOrEqual: Int
  /// Arrangements with t ≥ t_obs − γ.
  public var greaterOrEqual: Int
  /// Arrangements counted.
  public var count: Int

  /// A tally from its counts.
  ///
  /// - Parameters:
  ///   - lessOrEqual: arrangements at or below the observed statistic.
  ///   - greaterOrEqual: arrangements at or above it.
  ///   - count: arrangements counted.
  public init(lessOrEqual: Int, greaterOrEqual: Int, count: Int) {
    self.lessOrEqual = lessOrEqual
    self.greaterOrEqual = greaterOrEqual
    self.count = count
  }

  /// Counts a null distribution against the observed statistic.
  ///
  /// - Complexity: O(null.count).
  public init(_ null: [Double], observed: Double) {
    let gamma = abs(100 * Double.ulpOfOne * observed)
    var le = 0
    var ge = 0
    for t in null {
      if t <= observed + gamma { le += 1 }
      if t >= observed - gamma { ge += 1 }
    }
    self.init(lessOrEqual: le, greaterOrEqual: ge, count: null.count)
  }

  /// The tally of two disjoint ranges together.
  public static func + (a: Self, b: Self) -> Self {
    Self(
      lessOrEqual: a.lessOrEqual + b.lessOrEqual,
      greaterOrEqual: a.greaterOrEqual + b.greaterOrEqual, count: a.count + b.count)
  }
}

extension PermutationTest {
  /// The p-value from a tally, with the conventions of ``PermutationTest``.
  ///
  /// Monte Carlo: (1 + k)/(B + 1); exact: k/N; two-sided 2·min, capped at 1. The result's null
  /// distribution is empty.
  ///
  /// - Complexity: O(1).
  static func summarize(
    _ t: PermutationTally, name: String, observed: Double, exact: Bool, alternative: Alternative,
    seed: UInt64
  ) -> PermutationTestResult {
    let adj = exact ? 0.0 : 1.0
    let bb = Double(t.count)
    let pl = (Double(t.lessOrEqual) + adj) / (bb + adj)
    let pg = (Double(t.greaterOrEqual) + adj) / (bb + adj)
    let p: Double
    switch alternative {
    case .less: p = pl
    case .greater: p = pg
    case .twoSided: p = min(1, 2 * min(pl, pg))
    }
    let mc = exact ? 0 : (p * (1 - p) / bb).squareRoot()
    return PermutationTestResult(
      statistic: name, observed: observed, pValue: p, exact: exact,
      replicates: t.count, alternative: alternative, monteCarloError: mc, seed: seed,
      rng: Philox4x32.identifier, nullDistribution: [])
  }
}

/// A permutation test whose random arrangement b draws only from stream b.
///
/// Two samples, k samples, correlation: their arrangements can be counted in ranges and the
/// tallies combined.
public protocol RandomPermutationTest: Sendable {
  /// The statistic on the observed data.
  var observed: Double { get }
  /// The statistic's name in results.
  var statisticName: String { get }
  /// The statistic under random arrangements b ∈ `range`.
  func nullDistribution(_ range: Range<Int>, seed: UInt64, threads: Int) throws -> [Double]
}

extension RandomPermutationTest {
  /// The tally of random arrangements b ∈ `range`.
  ///
  /// - Parameters:
  ///   - range: the replicate indices (a shard's part of `0..<B`).
  ///   - seed: the seed.
  ///   - threads: workers; the tally does not depend on it.
  /// - Throws: ``InputError`` for a negative range or threads < 1.
  /// - Complexity: that of ``nullDistribution(_:seed:threads:)``.
  public func tally(_ range: Range<Int>, seed: UInt64, threads: Int = 1) throws
    -> PermutationTally
  {
    PermutationTally(try nullDistribution(range, seed: seed, threads: threads), observed: observed)
  }

  /// The Monte Carlo result of a tally over all B arrangements (null distribution empty).
  ///
  /// - Complexity: O(1).
  public func result(_ tally: PermutationTally, alternative: Alternative, seed: UInt64)
    -> PermutationTestResult
  {
    PermutationTest.summarize(
      tally, name: statisticName, observed: observed, exact: false, alternative: alternative,
      seed: seed)
  }
}

extension PermutationTest: RandomPermutationTest {
  /// "median of differences" for paired medians, else the statistic's name.
  public var statisticName: String {
    design == .paired && statistic == .differenceOfMedians
      ? "median of differences" : statistic.name
  }
}

extension CorrelationPermutationTest: RandomPermutationTest {
  /// "correlation" or "spearman correlation".
  public var statisticName: String {
    statistic == .pearson ? "correlation" : "spearman correlation"
  }
}

extension KSamplePermutationTest: RandomPermutationTest {
  /// The statistic's name.
  public var statisticName: String { statistic.name }
}
