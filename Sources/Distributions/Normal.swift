// Normal.swift: the normal distribution.
import ResampleCore
import SpecialFunctions
import _Platform

/// The normal (Gaussian) distribution N(μ, σ²).
///
/// cdf and sf are ½ erfc(∓z/√2) with the rounding of z/√2 corrected (relative-accurate to
/// about 1e-15 out to |z| = 38); the quantile is Wichura's AS 241 (1988). `cdf(x)` and
/// `sf(2μ − x)` are computed by the same expression, so the symmetry is exact.
public struct Normal: ContinuousDistribution, Hashable {
  /// μ.
  public let mean: Double
  /// σ.
  public let standardDeviation: Double

  /// The normal distribution with the given mean and standard deviation.
  /// - Parameters:
  ///   - mean: μ, finite.
  ///   - standardDeviation: σ, finite and > 0.
  /// - Throws: `InputError.invalidParameter` otherwise.
  public init(mean: Double = 0, standardDeviation: Double = 1) throws {
    try InputError.requireFinite(mean, "mean")
    try InputError.requirePositive(standardDeviation, "standardDeviation")
    self.mean = mean
    self.standardDeviation = standardDeviation
  }

  private init(uncheckedMean mean: Double, standardDeviation: Double) {
    self.mean = mean
    self.standardDeviation = standardDeviation
  }

  /// N(0, 1).
  public static let standard = Normal(uncheckedMean: 0, standardDeviation: 1)

  /// σ².
  public var variance: Double { standardDeviation * standardDeviation }

  /// The density φ((x − μ)/σ)/σ, with z² split exactly before exponentiating.
  /// - Complexity: O(1).
  @inlinable
  public func pdf(_ x: Double) -> Double {
    let z = abs((x - mean) / standardDeviation)
    if z > 40 { return exp(logPDF(x)) }
    // z = hi + lo with hi on a 2⁻¹⁶ grid, so hi² is exact and z² = hi² + lo (z + hi).
    let hi = (z * 65_536).rounded(.down) / 65_536
    let lo = z - hi
    let invSqrt2Pi = 0.398_942_280_401_432_677_94
    return invSqrt2Pi * exp(-0.5 * hi * hi) * exp(-0.5 * lo * (z + hi)) / standardDeviation
  }

  /// −z²/2 − log(σ√(2π)).
  /// - Complexity: O(1).
  @inlinable
  public func logPDF(_ x: Double) -> Double {
    let z = (x - mean) / standardDeviation
    return -0.5 * z * z - log(standardDeviation) - 0.918_938_533_204_672_741_78
  }

  /// P(X ≤ x) = ½ erfc((μ − x)/(σ√2)).
  /// - Complexity: O(1).
  @inlinable
  public func cdf(_ x: Double) -> Double {
    SpecialFunctions.normalTail((mean - x) / standardDeviation)
  }

  /// P(X > x) = ½ erfc((x − μ)/(σ√2)), directly in the upper tail.
  /// - Complexity: O(1).
  @inlinable
  public func sf(_ x: Double) -> Double {
    SpecialFunctions.normalTail((x - mean) / standardDeviation)
  }

  /// μ + σ Φ⁻¹(p) (AS 241); `NaN` for p outside [0, 1].
  /// - Complexity: O(1).
  @inlinable
  public func quantile(_ p: Double) -> Double {
    mean + standardDeviation * SpecialFunctions.normalQuantile(p)
  }

  /// μ − σ Φ⁻¹(q), the x with sf(x) = q; `NaN` for q outside [0, 1].
  /// - Complexity: O(1).
  @inlinable
  public func upperQuantile(_ q: Double) -> Double {
    mean - standardDeviation * SpecialFunctions.normalQuantile(q)
  }
}
