// Gamma.swift: the gamma distribution.
import ResampleCore
import SpecialFunctions
import _Platform

/// The gamma distribution with shape k and scale θ (density x^(k−1) e^(−x/θ) / (Γ(k) θᵏ)).
///
/// cdf/sf are the regularized incomplete gamma functions P(k, x/θ) and Q(k, x/θ), each
/// computed in its own tail; quantiles invert them by Newton iteration in log space.
public struct Gamma: ContinuousDistribution, Hashable {
  /// k.
  public let shape: Double
  /// θ.
  public let scale: Double

  /// The largest supported shape, 1e10: the incomplete gamma series and continued fraction
  /// need O(√k) terms and are verified against mpmath to there (beyond ~1e11 they stop short).
  public static let maximumShape = 1e10

  /// The smallest supported shape, 1e-300 (below it the quantiles are not representable).
  public static let minimumShape = 1e-300

  /// Throws unless `shape` is in [1e-300, 1e10].
  static func requireSupportedShape(_ shape: Double, _ name: String, factor: Double = 1) throws {
    guard shape.isFinite, shape >= minimumShape, shape <= maximumShape else {
      let lo = factor == 1 ? "1e-300" : "2e-300"
      let hi = factor == 1 ? "1e10" : "2e10"
      throw InputError.invalidParameter(
        name: name, value: "\(shape * factor)",
        expected: "a number in [\(lo), \(hi)] (the supported range)")
    }
  }

  /// The gamma distribution with shape k and scale θ.
  /// - Parameters:
  ///   - shape: k in [1e-300, 1e10] (``minimumShape``, ``maximumShape``).
  ///   - scale: θ, finite and > 0.
  /// - Throws: `InputError.invalidParameter` otherwise.
  public init(shape: Double, scale: Double = 1) throws {
    try InputError.requirePositive(shape, "shape")
    try Gamma.requireSupportedShape(shape, "shape")
    try InputError.requirePositive(scale, "scale")
    self.shape = shape
    self.scale = scale
  }

  init(uncheckedShape shape: Double, scale: Double) {
    self.shape = shape
    self.scale = scale
  }

  /// kθ.
  public var mean: Double { shape * scale }
  /// kθ².
  public var variance: Double { shape * scale * scale }

  /// The density, as k·D(k, x/θ)/x with D = uᵏe⁻ᵘ/Γ(k+1) from Loader's saddle-point form.
  /// - Complexity: O(1).
  @inlinable
  public func pdf(_ x: Double) -> Double {
    if x < 0 || x.isNaN { return x.isNaN ? .nan : 0 }
    if x == 0 { return shape < 1 ? .infinity : (shape == 1 ? 1 / scale : 0) }
    if x.isInfinite { return 0 }
    let d = SpecialFunctions.gammaPrefactor(shape, x / scale)
    if d > 0 { return d * shape / x }
    return exp(logPDF(x))
  }

  /// log density.
  /// - Complexity: O(1).
  public func logPDF(_ x: Double) -> Double {
    if x < 0 || x.isNaN { return x.isNaN ? .nan : -.infinity }
    if x == 0 { return shape < 1 ? .infinity : (shape == 1 ? -log(scale) : -.infinity) }
    let u = x / scale
    if shape >= 1 {
      return -SpecialFunctions.stirlingError(shape) - SpecialFunctions.saddlePointDeviance(shape, u)
        - 0.5 * (1.837_877_066_409_345_483_56 + log(shape)) + log(shape / x)
    }
    return (shape - 1) * log(u) - u - SpecialFunctions.logGamma(shape) - log(scale)
  }

  /// P(X ≤ x) = P(k, x/θ).
  /// - Complexity: O(√k) terms at worst.
  @inlinable
  public func cdf(_ x: Double) -> Double {
    if x.isNaN { return .nan }
    if x <= 0 { return 0 }
    return SpecialFunctions.regularizedGammaP(shape, x / scale)
  }

  /// P(X > x) = Q(k, x/θ), directly.
  /// - Complexity: O(√k) terms at worst.
  @inlinable
  public func sf(_ x: Double) -> Double {
    if x.isNaN { return .nan }
    if x <= 0 { return 1 }
    return SpecialFunctions.regularizedGammaQ(shape, x / scale)
  }

  /// θ P⁻¹(k, p); `NaN` for p outside [0, 1].
  /// - Complexity: a few incomplete-gamma evaluations.
  @inlinable
  public func quantile(_ p: Double) -> Double {
    scale * SpecialFunctions.inverseRegularizedGammaP(shape, p)
  }

  /// θ Q⁻¹(k, q); `NaN` for q outside [0, 1].
  /// - Complexity: a few incomplete-gamma evaluations.
  @inlinable
  public func upperQuantile(_ q: Double) -> Double {
    scale * SpecialFunctions.inverseRegularizedGammaQ(shape, q)
  }
}
