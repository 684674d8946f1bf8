// GammaMarsagliaTsang.swift: gamma variates by Marsaglia and Tsang's squeeze method, with the
// U^(1/α) boost for shapes below 1.
import ResampleCore
import _Platform

/// A sampler for the gamma distribution with shape α and scale θ (mean αθ, variance αθ²).
///
/// For α ≥ 1, Marsaglia and Tsang's method: with d = α − 1/3 and c = 1/√(9d), draw a standard
/// normal z and a uniform u until v = (1 + cz)³ > 0 and either the squeeze
/// u < 1 − 0.0331 z⁴ or log u < z²/2 + d(1 − v + log v) holds; then dv is Gamma(α, 1).
/// For α < 1 it draws Y ~ Gamma(α + 1, 1) and returns Y · U^(1/α) (their Note 8), with U on
/// (0, 1]. The result is multiplied by θ.
///
/// - Complexity: O(1) expected per draw: fewer than 1.05 normal–uniform pairs for α ≥ 1
///   (about 1.02 at α = 1), one more uniform for α < 1.
///
/// Reference: G. Marsaglia and W. W. Tsang (2000), "A simple method for generating gamma
/// variables", ACM Transactions on Mathematical Software 26(3), 363–372.
public struct GammaSampler: Sendable, Equatable {
  /// The shape α.
  public let shape: Double
  /// The scale θ.
  public let scale: Double
  @usableFromInline let d: Double
  @usableFromInline let c: Double
  @usableFromInline let boost: Double?

  /// Creates a sampler for Gamma(`shape`, `scale`).
  ///
  /// - Parameters:
  ///   - shape: α, finite and in [1e-3, 1e15].
  ///   - scale: θ, finite and positive (default 1).
  /// - Throws: `InputError.invalidParameter` naming `shape` or `scale`.
  /// - Complexity: O(1).
  public init(shape: Double, scale: Double = 1) throws {
    guard shape.isFinite, shape >= 1e-3, shape <= 1e15 else {
      throw InputError.invalidParameter(
        name: "shape", value: "\(shape)", expected: "a finite number in [0.001, 1e15]")
    }
    guard scale.isFinite, scale > 0 else {
      throw InputError.invalidParameter(
        name: "scale", value: "\(scale)", expected: "a finite positive number")
    }
    self.shape = shape
    self.scale = scale
    let a = shape < 1 ? shape + 1 : shape
    d = a - 1.0 / 3.0
    c = 1 / (9 * d).squareRoot()
    boost = shape < 1 ? 1 / shape : nil
  }

  /// Draws one gamma variate.
  ///
  /// - Parameters:
  ///   - generator: the random stream to draw from.
  /// - Returns: a positive number (0 only by underflow for tiny shapes).
  /// - Complexity: O(1) expected.
  @inlinable
  public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Double {
    var y: Double
    while true {
      let z = generator.nextNormal()
      let t = 1 + c * z
      guard t > 0 else { continue }
      let v = t * t * t
      let u = 1 - generator.nextUniform()  // (0, 1]
      let z2 = z * z
      if u < 1 - 0.0331 * z2 * z2 || log(u) < 0.5 * z2 + d * (1 - v + log(v)) {
        y = d * v
        break
      }
    }
    if let boost { y *= pow(1 - generator.nextUniform(), boost) }
    return y * scale
  }
}
