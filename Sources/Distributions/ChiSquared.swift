// ChiSquared.swift: the χ² distribution.
import ResampleCore
import SpecialFunctions

/// The χ² distribution with ν degrees of freedom: Gamma(shape ν/2, scale 2).
///
/// sf is Q(ν/2, x/2) computed directly in the upper tail, relative-accurate down to 1e-300.
public struct ChiSquared: ContinuousDistribution, Hashable {
  /// ν.
  public let degreesOfFreedom: Double
  @usableFromInline let gamma: Gamma

  /// The χ² distribution with ν degrees of freedom.
  /// - Parameter degreesOfFreedom: ν in [2e-300, 2e10] (shape ν/2 within the gamma
  ///   distribution's supported range; need not be an integer).
  /// - Throws: `InputError.invalidParameter` otherwise.
  public init(degreesOfFreedom: Double) throws {
    try InputError.requirePositive(degreesOfFreedom, "degreesOfFreedom")
    try Gamma.requireSupportedShape(degreesOfFreedom / 2, "degreesOfFreedom", factor: 2)
    self.degreesOfFreedom = degreesOfFreedom
    self.gamma = Gamma(uncheckedShape: degreesOfFreedom / 2, scale: 2)
  }

  /// ν.
  public var mean: Double { degreesOfFreedom }
  /// 2ν.
  public var variance: Double { 2 * degreesOfFreedom }

  /// The density.
  /// - Complexity: O(1).
  @inlinable public func pdf(_ x: Double) -> Double { gamma.pdf(x) }
  /// The log density.
  /// - Complexity: O(1).
  @inlinable public func logPDF(_ x: Double) -> Double { gamma.logPDF(x) }
  /// P(X ≤ x) = P(ν/2, x/2).
  /// - Complexity: O(√ν) terms at worst.
  @inlinable public func cdf(_ x: Double) -> Double { gamma.cdf(x) }
  /// P(X > x) = Q(ν/2, x/2), directly in the upper tail.
  /// - Complexity: O(√ν) terms at worst.
  @inlinable public func sf(_ x: Double) -> Double { gamma.sf(x) }
  /// The x with cdf(x) = p.
  /// - Complexity: a few incomplete-gamma evaluations.
  @inlinable public func quantile(_ p: Double) -> Double { gamma.quantile(p) }
  /// The x with sf(x) = q, solved against sf (tiny q resolved).
  /// - Complexity: a few incomplete-gamma evaluations.
  @inlinable public func upperQuantile(_ q: Double) -> Double { gamma.upperQuantile(q) }
}
