// FisherF.swift: Fisher–Snedecor's F distribution.
import ResampleCore
import SpecialFunctions
import _Platform

/// The F distribution with (d₁, d₂) degrees of freedom.
///
/// P(F ≤ x) = I_w(d₁/2, d₂/2) with w = d₁x/(d₁x + d₂) and 1 − w = d₂/(d₁x + d₂), both formed
/// directly; sf is the complement computed directly; quantiles invert the incomplete beta
/// as the pair (w, 1 − w), so F = d₂w/(d₁(1 − w)) keeps its precision at both ends.
public struct FisherF: ContinuousDistribution, Hashable {
  /// d₁.
  public let numeratorDegreesOfFreedom: Double
  /// d₂.
  public let denominatorDegreesOfFreedom: Double

  /// The F distribution.
  /// - Parameters:
  ///   - numeratorDegreesOfFreedom: d₁, finite and > 0.
  ///   - denominatorDegreesOfFreedom: d₂, finite and > 0.
  /// - Throws: `InputError.invalidParameter` otherwise.
  public init(numeratorDegreesOfFreedom: Double, denominatorDegreesOfFreedom: Double) throws {
    try InputError.requirePositive(numeratorDegreesOfFreedom, "numeratorDegreesOfFreedom")
    try InputError.requirePositive(denominatorDegreesOfFreedom, "denominatorDegreesOfFreedom")
    self.numeratorDegreesOfFreedom = numeratorDegreesOfFreedom
    self.denominatorDegreesOfFreedom = denominatorDegreesOfFreedom
  }

  /// d₂/(d₂ − 2) for d₂ > 2, else `NaN`.
  public var mean: Double {
    let d2 = denominatorDegreesOfFreedom
    return d2 > 2 ? d2 / (d2 - 2) : .nan
  }

  /// 2d₂²(d₁ + d₂ − 2) / (d₁(d₂ − 2)²(d₂ − 4)) for d₂ > 4, else `NaN`.
  public var variance: Double {
    let d1 = numeratorDegreesOfFreedom
    let d2 = denominatorDegreesOfFreedom
    guard d2 > 4 else { return .nan }
    return 2 * d2 * d2 * (d1 + d2 - 2) / (d1 * (d2 - 2) * (d2 - 2) * (d2 - 4))
  }

  @usableFromInline
  func betaArguments(_ x: Double) -> (w: Double, v: Double) {
    let d1x = numeratorDegreesOfFreedom * x
    let d2 = denominatorDegreesOfFreedom
    if d1x.isInfinite { return (1, d2 / numeratorDegreesOfFreedom / x) }
    return (d1x / (d1x + d2), d2 / (d1x + d2))
  }

  /// The density (beta prefactor over x).
  /// - Complexity: O(1).
  public func pdf(_ x: Double) -> Double {
    if x.isNaN { return .nan }
    if x < 0 || x.isInfinite { return 0 }
    if x == 0 {
      let d1 = numeratorDegreesOfFreedom
      return d1 < 2 ? .infinity : (d1 == 2 ? 1 : 0)
    }
    let (w, v) = betaArguments(x)
    let front = SpecialFunctions.betaPrefactor(
      x: w, y: v, a: 0.5 * numeratorDegreesOfFreedom, b: 0.5 * denominatorDegreesOfFreedom)
    if front > 0 { return front / x }
    return exp(logPDF(x))
  }

  /// The log density.
  /// - Complexity: O(1).
  public func logPDF(_ x: Double) -> Double {
    if x.isNaN { return .nan }
    if x <= 0 || x.isInfinite { return x == 0 ? log(pdf(0)) : -.infinity }
    let d1 = numeratorDegreesOfFreedom
    let d2 = denominatorDegreesOfFreedom
    return 0.5 * d1 * log(d1 / d2) + (0.5 * d1 - 1) * log(x) - 0.5 * (d1 + d2) * log1p(d1 * x / d2)
      - SpecialFunctions.logBeta(0.5 * d1, 0.5 * d2)
  }

  /// P(F ≤ x).
  /// - Complexity: O(√max(d₁, d₂)) terms at worst.
  public func cdf(_ x: Double) -> Double { tails(x).lower }

  /// P(F > x), directly in the upper tail.
  /// - Complexity: O(√max(d₁, d₂)) terms at worst.
  public func sf(_ x: Double) -> Double { tails(x).upper }

  /// P(F ≤ x) and P(F > x), each computed in its own tail through the regularized beta.
  func tails(_ x: Double) -> (lower: Double, upper: Double) {
    if x.isNaN { return (.nan, .nan) }
    if x <= 0 { return (0, 1) }
    let (w, v) = betaArguments(x)
    let r = SpecialFunctions.regularizedBeta(
      x: w, y: v, a: 0.5 * numeratorDegreesOfFreedom, b: 0.5 * denominatorDegreesOfFreedom)
    return (r.i, r.ic)
  }

  @usableFromInline
  func solve(_ t: Double, complement: Bool) -> Double {
    guard t >= 0, t <= 1 else { return .nan }
    let r = SpecialFunctions.inverseRegularizedBetaPair(
      t, 0.5 * numeratorDegreesOfFreedom, 0.5 * denominatorDegreesOfFreedom,
      complement: complement)
    if r.y == 0 { return .infinity }
    return denominatorDegreesOfFreedom * r.x / (numeratorDegreesOfFreedom * r.y)
  }

  /// The x with cdf(x) = p; `NaN` for p outside [0, 1].
  /// - Complexity: a few incomplete-beta evaluations.
  public func quantile(_ p: Double) -> Double { solve(p, complement: false) }

  /// The x with sf(x) = q; `NaN` for q outside [0, 1].
  /// - Complexity: a few incomplete-beta evaluations.
  public func upperQuantile(_ q: Double) -> Double { solve(q, complement: true) }
}
