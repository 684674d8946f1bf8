// PerformanceMeasures.swift: the sufficient statistics of a method over a block of data sets and
// the performance measures with their Monte Carlo standard errors (Morris, White & Crowther).
import _Platform

/// What one method accumulated over some data sets: counts are exact; the sums are added in a
/// fixed order (data sets within a block, then blocks in order), so any split of the work gives
/// the same bits.
public struct MethodTally: Sendable, Equatable, Codable {
  /// Data sets evaluated.
  public var count: Int = 0
  /// Intervals that covered the truth, or tests that rejected.
  public var hits: Int = 0
  /// Σ width and Σ width² (intervals).
  public var widthSum: Double = 0
  public var widthSquares: Double = 0
  /// Σ e, Σ e², Σ e⁴ of the estimate's error e = θ̂ − θ.
  public var errorSum: Double = 0
  public var errorSquares: Double = 0
  public var errorFourth: Double = 0

  public init() {}

  /// Adds one data set.
  @inline(__always)
  mutating func add(hit: Bool, width: Double?, error: Double) {
    count += 1
    if hit { hits += 1 }
    if let width {
      widthSum += width
      widthSquares += width * width
    }
    let e2 = error * error
    errorSum += error
    errorSquares += e2
    errorFourth += e2 * e2
  }

  /// Adds another tally (the next block, in order).
  public mutating func merge(_ o: MethodTally) {
    count += o.count
    hits += o.hits
    widthSum += o.widthSum
    widthSquares += o.widthSquares
    errorSum += o.errorSum
    errorSquares += o.errorSquares
    errorFourth += o.errorFourth
  }
}

/// A performance measure and its Monte Carlo standard error.
public struct Measure: Sendable, Equatable {
  public var estimate: Double
  public var mcse: Double
}

/// The performance measures of one method on one scenario (Morris, White & Crowther 2019,
/// Table 6): a proportion of hits (coverage or rejection rate) with √(p̂(1 − p̂)/n); the mean
/// width with SD/√n; bias with EmpSE/√n; the empirical SE with EmpSE/√(2(n − 1)); the RMSE with
/// the MCSE of the MSE, √(Σ(e² − MSE)²/(n(n − 1))), over 2·RMSE.
///
/// Reference: T. P. Morris, I. R. White and M. J. Crowther, "Using simulation studies to
/// evaluate statistical methods", *Statistics in Medicine* 38 (2019) 2074–2102.
public struct PerformanceMeasures: Sendable, Equatable {
  /// Coverage (intervals) or rejection rate (tests).
  public var hitRate: Measure
  /// Mean interval width (intervals only).
  public var width: Measure?
  public var bias: Measure
  public var empiricalSE: Measure
  public var rmse: Measure

  /// The measures of a tally.
  public init(_ t: MethodTally, interval: Bool) {
    let n = Double(t.count)
    let rate = Double(t.hits) / n
    hitRate = Measure(estimate: rate, mcse: (rate * (1 - rate) / n).squareRoot())
    func variance(_ sum: Double, _ squares: Double) -> Double {
      t.count > 1 ? max(0, (squares - sum * sum / n) / (n - 1)) : .nan
    }
    if interval {
      let v = variance(t.widthSum, t.widthSquares)
      width = Measure(estimate: t.widthSum / n, mcse: (v / n).squareRoot())
    } else {
      width = nil
    }
    let ve = variance(t.errorSum, t.errorSquares)
    let empSE = ve.squareRoot()
    bias = Measure(estimate: t.errorSum / n, mcse: (ve / n).squareRoot())
    empiricalSE = Measure(estimate: empSE, mcse: empSE / (2 * (n - 1)).squareRoot())
    let mse = t.errorSquares / n
    let spread = max(0, t.errorFourth - 2 * mse * t.errorSquares + n * mse * mse)
    let mseSE = t.count > 1 ? (spread / (n * (n - 1))).squareRoot() : .nan
    let r = mse.squareRoot()
    rmse = Measure(estimate: r, mcse: r > 0 ? mseSE / (2 * r) : 0)
  }
}
