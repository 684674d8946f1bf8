// WelchTTest.swift: Student's t interval of one mean and Welch's unequal-variance t test and
// interval of a difference of two means (R `t.test(x)` and `t.test(x, y, var.equal = FALSE)`).
import Distributions
import ResampleCore
import _Platform

/// The size, mean and sample variance of one group, with Student's t interval of its mean.
public struct MeanSummary: Sendable, Equatable {
  /// Observations n.
  public var n: Double
  /// The mean (NaN when n = 0).
  public var mean: Double
  /// The sample variance with divisor n − 1 (NaN when n < 2).
  public var variance: Double

  /// Two passes over the values (mean, then centred squares) for accuracy.
  ///
  /// - Complexity: O(n).
  public init(_ values: [Double]) {
    let weighted = values.map { ($0, 1.0) }
    self.init(weighted: weighted)
  }

  /// The summary of values repeated `weight` times each (a tally of answer scores).
  ///
  /// - Complexity: O(number of pairs).
  public init(weighted pairs: [(value: Double, count: Double)]) {
    let n = pairs.reduce(0) { $0 + $1.count }
    let mean = pairs.reduce(0) { $0 + $1.value * $1.count } / n
    let ss = pairs.reduce(0) { $0 + $1.count * ($1.value - mean) * ($1.value - mean) }
    self.n = n
    self.mean = n > 0 ? mean : .nan
    self.variance = n > 1 ? ss / (n - 1) : .nan
  }

  /// The sample standard deviation.
  public var standardDeviation: Double { variance.squareRoot() }

  /// Student's t interval mean ± t(n − 1, (1 + level)/2) · s/√n, as R `t.test(x)$conf.int`;
  /// nil when n < 2.
  ///
  /// - Complexity: O(1) plus a t quantile.
  public func tInterval(level: Double) throws -> (lower: Double, upper: Double)? {
    try InputError.requireLevel(level)
    guard n >= 2 else { return nil }
    let q = try StudentT(degreesOfFreedom: n - 1).quantile((1 + level) / 2)
    let half = q * (variance / n).squareRoot()
    return (mean - half, mean + half)
  }
}

/// Welch's t test and interval for the difference of two means a − b (unequal variances,
/// Welch–Satterthwaite degrees of freedom), as R `t.test(a, b, var.equal = FALSE)`.
///
/// Reference: B. L. Welch (1947), "The generalization of 'Student's' problem when several
/// different population variances are involved", *Biometrika* 34, 28–35.
public struct WelchTTest: Sendable, Equatable {
  /// mean(a) − mean(b).
  public var difference: Double
  /// sqrt(s²_a/n_a + s²_b/n_b).
  public var standardError: Double
  /// Welch–Satterthwaite degrees of freedom.
  public var degreesOfFreedom: Double
  /// t = difference / standard error.
  public var statistic: Double
  /// Two-sided p-value.
  public var pValue: Double
  /// difference ± t quantile · standard error at `level`.
  public var lower: Double
  public var upper: Double

  /// - Parameters:
  ///   - a: the first group.
  ///   - b: the second group.
  ///   - level: the confidence level of the interval.
  /// - Returns: nil when a group has fewer than two observations or both are constant (no
  ///   standard error; R stops with "data are essentially constant").
  /// - Throws: `InputError` for a level outside (0, 1).
  /// - Complexity: O(1) plus a t quantile and tail.
  public static func test(_ a: MeanSummary, _ b: MeanSummary, level: Double) throws -> WelchTTest? {
    try InputError.requireLevel(level)
    guard a.n >= 2, b.n >= 2 else { return nil }
    let va = a.variance / a.n
    let vb = b.variance / b.n
    let se = (va + vb).squareRoot()
    guard se > 0, se.isFinite else { return nil }
    let df = (va + vb) * (va + vb) / (va * va / (a.n - 1) + vb * vb / (b.n - 1))
    let t = try StudentT(degreesOfFreedom: df)
    let d = a.mean - b.mean
    let statistic = d / se
    let q = t.quantile((1 + level) / 2)
    return WelchTTest(
      difference: d, standardError: se, degreesOfFreedom: df, statistic: statistic,
      pValue: min(1, 2 * t.sf(abs(statistic))), lower: d - q * se, upper: d + q * se)
  }
}
