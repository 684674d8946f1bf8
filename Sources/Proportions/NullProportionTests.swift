// NullProportionTests.swift: the tests of one proportion against p0, reported together.
import ResampleCore

/// The tests of H₀: p = p₀ for one proportion: exact binomial and score, with and without the
/// continuity correction, all for one alternative.
public struct NullProportionTests: Sendable, Equatable, Hashable {
  /// The null proportion p₀.
  public var nullProportion: Double
  /// The alternative of every p-value.
  public var alternative: Alternative
  /// The exact binomial p-value (R `binom.test`).
  public var binomialExact: Double
  /// The score test without correction (R `prop.test(correct = FALSE)`).
  public var score: ChiSquaredStatistic
  /// The score test with the continuity correction (R `prop.test`, its default).
  public var scoreCorrected: ChiSquaredStatistic
}

/// Tests one proportion against p₀: ``binomialTestPValue(successes:trials:probability:alternative:)``
/// and ``proportionScoreTest(successes:trials:probability:alternative:corrected:)`` without and
/// with the continuity correction.
///
/// - Parameters:
///   - successes: x, in 0...n.
///   - trials: n ≥ 1.
///   - nullProportion: p₀, in (0, 1).
///   - alternative: the alternative hypothesis.
/// - Returns: the three tests.
/// - Throws: `InputError` for counts out of range or p₀ outside (0, 1).
/// - Complexity: O(log n).
public func nullProportionTests(
  successes x: Int, trials n: Int, nullProportion p0: Double,
  alternative: Alternative = .twoSided
) throws -> NullProportionTests {
  let score = try proportionScoreTest(
    successes: x, trials: n, probability: p0, alternative: alternative, corrected: false)
  let corrected = try proportionScoreTest(
    successes: x, trials: n, probability: p0, alternative: alternative, corrected: true)
  return NullProportionTests(
    nullProportion: p0, alternative: alternative,
    binomialExact: try binomialTestPValue(
      successes: x, trials: n, probability: p0, alternative: alternative),
    score: score, scoreCorrected: corrected)
}
