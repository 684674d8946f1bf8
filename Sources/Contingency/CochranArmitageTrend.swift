// CochranArmitageTrend.swift: the Cochran–Armitage χ² test for a linear trend in proportions
// (R's prop.trend.test), with the departure-from-trend χ² (Agresti's partition of prop.test).
import Distributions
import ResampleCore
import _Platform

/// The result of the Cochran–Armitage test for trend in k proportions xᵢ/nᵢ.
public struct TrendTestResult: Sendable, Equatable {
  /// The trend χ² on 1 df (R's `prop.trend.test` X-squared).
  public var statistic: Double
  /// Degrees of freedom of ``statistic``: 1.
  public var degreesOfFreedom: Int { 1 }
  /// Upper-tail χ²(1) p-value of ``statistic``.
  public var pValue: Double
  /// The signed square root of ``statistic``: positive when the proportion rises with the score.
  public var z: Double
  /// Pearson's χ² of the k×2 table (R's `prop.test(x, n, correct = FALSE)`), k − 1 df.
  public var homogeneityStatistic: Double
  /// ``homogeneityStatistic`` − ``statistic``: departure from a linear trend on k − 2 df
  /// (Agresti 2013, §3.4.6); NaN when k = 2 (no df left).
  public var departureStatistic: Double
  /// k − 2.
  public var departureDegreesOfFreedom: Int
  /// Upper-tail p-value of ``departureStatistic`` (NaN when k = 2).
  public var departurePValue: Double
  /// The scores used.
  public var scores: [Double]
  /// The proportions xᵢ/nᵢ.
  public var proportions: [Double]
}

/// The Cochran–Armitage test for a linear trend in proportions, identical to R's
/// `prop.trend.test(x, n, score)`: the weighted regression of xᵢ/nᵢ on the scores with weights
/// nᵢ/(p̄(1 − p̄)), whose regression sum of squares is
/// χ² = [Σ xᵢ(sᵢ − s̄)]² / [p̄(1 − p̄) Σ nᵢ(sᵢ − s̄)²], s̄ = Σ nᵢsᵢ/N, p̄ = Σxᵢ/N.
///
/// - Parameters:
///   - successes: xᵢ, whole numbers 0 ≤ xᵢ ≤ nᵢ, k ≥ 2 of them.
///   - trials: nᵢ > 0.
///   - scores: sᵢ (default 1…k, R's `seq_along(x)`); finite, not all equal.
/// - Returns: the trend χ² and the departure-from-trend χ² (k − 2 df).
/// - Throws: `InputError` for lengths that differ, k < 2, a count outside 0…nᵢ, nᵢ = 0, scores
///   that are all equal, or no successes or no failures at all (p̄ ∈ {0, 1}: R returns NaN; here
///   the test is refused as undefined).
/// - Complexity: O(k).
///
/// References: Cochran, W. G. (1954), Some methods for strengthening the common χ² tests,
/// *Biometrics* 10, 417–451; Armitage, P. (1955), Tests for linear trends in proportions and
/// frequencies, *Biometrics* 11, 375–386; Agresti, A. (2013), *Categorical Data Analysis*, 3rd
/// ed., §3.4.6.
public func cochranArmitageTrend(
  successes: [Int], trials: [Int], scores: [Double]? = nil
) throws -> TrendTestResult {
  let k = successes.count
  guard k >= 2 else {
    throw InputError.invalidData(
      source: "x", reason: "the trend test needs at least 2 groups (got \(k))")
  }
  guard trials.count == k else {
    throw InputError.invalidData(
      source: "n", reason: "needs one total per group: \(k) counts but \(trials.count) totals")
  }
  let s = scores ?? (1...k).map(Double.init)
  guard s.count == k else {
    throw InputError.invalidData(
      source: "scores", reason: "needs one score per group: \(k) groups but \(s.count) scores")
  }
  for i in 0..<k {
    guard trials[i] > 0 else {
      throw InputError.invalidData(source: "n", reason: "group \(i + 1) has a total of 0")
    }
    guard successes[i] >= 0 && successes[i] <= trials[i] else {
      throw InputError.invalidData(
        source: "x", reason: "group \(i + 1): \(successes[i]) is not between 0 and \(trials[i])")
    }
    guard s[i].isFinite else {
      throw InputError.invalidParameter(
        name: "scores", value: "\(s[i])", expected: "finite numbers")
    }
  }
  guard Set(s).count > 1 else {
    throw InputError.invalidParameter(
      name: "scores", value: s.map { "\($0)" }.joined(separator: ","),
      expected: "scores that are not all equal")
  }
  let n = Double(trials.reduce(0, +))
  let x = Double(successes.reduce(0, +))
  guard x > 0 && x < n else {
    throw InputError.invalidData(
      source: "x",
      reason: "every outcome is a \(x > 0 ? "success" : "failure"): the trend test is undefined "
        + "(R's prop.trend.test returns NaN)")
  }
  let pbar = x / n
  var sbar = 0.0
  for i in 0..<k { sbar += Double(trials[i]) * s[i] }
  sbar /= n
  var num = 0.0
  var ss = 0.0
  var pearson = 0.0
  for i in 0..<k {
    let d = s[i] - sbar
    let ni = Double(trials[i])
    num += Double(successes[i]) * d
    ss += ni * d * d
    let r = Double(successes[i]) / ni - pbar
    pearson += ni * r * r
  }
  let q = pbar * (1 - pbar)
  let statistic = num * num / (q * ss)
  pearson /= q
  let chi1 = try ChiSquared(degreesOfFreedom: 1)
  let departure = k > 2 ? max(0, pearson - statistic) : .nan
  let departureP =
    k > 2 ? (try ChiSquared(degreesOfFreedom: Double(k - 2))).sf(departure) : .nan
  return TrendTestResult(
    statistic: statistic, pValue: chi1.sf(statistic),
    z: (num < 0 ? -1 : 1) * statistic.squareRoot(), homogeneityStatistic: pearson,
    departureStatistic: departure, departureDegreesOfFreedom: k - 2,
    departurePValue: departureP, scores: s,
    proportions: (0..<k).map { Double(successes[$0]) / Double(trials[$0]) })
}
