// PoissonSampler.swift: Poisson variates by table inversion (rate < 30) and PTRS (Hörmann
// 1993) otherwise.
import ResampleCore
import SpecialFunctions
import _Platform

/// A sampler for the Poisson distribution with a fixed rate λ.
///
/// For λ < 30 the sampler tabulates the pmf outward from its mode (truncating where terms fall
/// below 1e-20 of the mode's) and inverts with a guide table: one uniform per draw. For λ ≥ 30
/// it uses PTRS, transformed rejection with squeeze, whose final test compares with the exact
/// log pmf (computed as a difference from the mode's log pmf to avoid cancellation). λ = 0
/// always gives 0 and draws nothing.
///
/// - Complexity: O(1) expected per draw (PTRS: about 1.15 pairs of uniforms); O(√λ + 1) setup.
///
/// Reference: W. Hörmann (1993), "The transformed rejection method for generating Poisson
/// random variables", Insurance: Mathematics and Economics 12(1).
public struct PoissonSampler: Sendable {
  /// The rate λ.
  public let rate: Double

  @usableFromInline
  internal enum Method: Sendable {
    case zero
    case table
    case ptrs
  }

  // Flat storage (no enum payloads) so that sampling borrows instead of copying.
  @usableFromInline internal let method: Method
  @usableFromInline internal private(set) var table: _InversionTable
  @usableFromInline internal private(set) var ptrs: _PTRS

  /// The largest rate accepted, 1e15 (counts stay exact as Doubles).
  public static let maximumRate = 1e15

  /// Creates a sampler for Poisson(`rate`).
  ///
  /// - Parameters:
  ///   - rate: λ, a finite number in [0, 1e15].
  /// - Throws: `InputError.invalidParameter` naming `rate`.
  /// - Complexity: O(√λ + 1).
  public init(rate: Double) throws {
    guard rate.isFinite, rate >= 0, rate <= PoissonSampler.maximumRate else {
      throw InputError.invalidParameter(
        name: "rate", value: "\(rate)", expected: "a finite number in [0, 1e15]")
    }
    self.rate = rate
    table = .unused
    ptrs = .unused
    if rate == 0 {
      method = .zero
    } else if rate < 30 {
      let mode = Int(rate.rounded(.down))
      method = .table
      table = _InversionTable(mode: mode, lower: 0, upper: Int.max) { k in rate / Double(k + 1) }
    } else {
      method = .ptrs
      ptrs = _PTRS(rate: rate)
    }
  }

  /// Draws one Poisson variate.
  ///
  /// - Parameters:
  ///   - generator: the random stream to draw from.
  /// - Returns: a count ≥ 0.
  /// - Complexity: O(1) expected.
  @inlinable
  public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Int {
    switch method {
    case .zero:
      return 0
    case .table:
      return table.value(for: generator.nextUniform())
    case .ptrs:
      return ptrs.sample(using: &generator)
    }
  }
}

/// PTRS setup and sampling for Poisson(λ), λ ≥ 10 (not public API).
@usableFromInline
internal struct _PTRS: Sendable {
  @usableFromInline let lambda: Double
  @usableFromInline let logLambda: Double
  @usableFromInline let a: Double
  @usableFromInline let b: Double
  @usableFromInline let vr: Double
  @usableFromInline let logInvAlpha: Double
  /// The mode m = ⌊λ⌋ and log p(m), so that log p(k) = log p(m) + (k − m) log λ − log(k!/m!).
  @usableFromInline let m: Int
  @usableFromInline let logPm: Double

  /// A placeholder for samplers that use another method.
  static let unused = _PTRS(rate: 30)

  init(rate lambda: Double) {
    self.lambda = lambda
    logLambda = log(lambda)
    let sqrtLambda = lambda.squareRoot()
    b = 0.931 + 2.53 * sqrtLambda
    a = -0.059 + 0.02483 * b
    logInvAlpha = log(1.1239 + 1.1328 / (b - 3.4))
    vr = 0.9277 - 3.6224 / (b - 2)
    let m = Int(lambda.rounded(.down))
    self.m = m
    // log p(m) = m log λ − λ − log m!, with log m! = (m + ½) log m − m + log √(2π) + δ(m)
    // (Loader's Stirling error): = m log(λ/m) − ½ log m − (λ − m) − log √(2π) − δ(m), free of
    // cancellation (m ≥ 30 here).
    let md = Double(m)
    logPm =
      md * log1p((lambda - md) / md) - 0.5 * log(md) - (lambda - md)
      - _LogFactorial.halfLogTwoPi - SpecialFunctions.stirlingError(md)
  }

  @inlinable
  func sample<G: RandomNumberGenerator>(using generator: inout G) -> Int {
    while true {
      let u = generator.nextUniform() - 0.5
      let v = generator.nextUniform()
      let us = 0.5 - abs(u)
      let kd = ((2 * a / us + b) * u + lambda + 0.43).rounded(.down)
      if us >= 0.07 && v <= vr { return Int(kd) }
      if !(kd >= 0) || !(kd < 9.0e15) || (us < 0.013 && v > us) { continue }
      let k = Int(kd)
      let lhs = _Platform.log(v) + logInvAlpha - _Platform.log(a / (us * us) + b)
      let logPk = logPm + Double(k - m) * logLambda - _LogFactorial.difference(k, m)
      if lhs <= logPk { return k }
    }
  }
}
