// StudentT.swift: Student's t distribution.
import ResampleCore
import SpecialFunctions
import _Platform

/// Student's t distribution with ν degrees of freedom (ν = +∞ is the standard normal).
///
/// For t > 0, P(T > t) = ½ I_x(ν/2, ½) with x = ν/(ν + t²) and 1 − x = t²/(ν + t²) both
/// formed directly, so the small one keeps full precision (ν = 1e6 stays accurate). ν = 1 (the
/// Cauchy distribution) uses the closed forms atan(1/t)/π and cot(πq). Quantiles invert the
/// incomplete beta function as the pair (x, 1 − x) so that both small and large |t| are exact.
public struct StudentT: ContinuousDistribution, Hashable {
  /// ν.
  public let degreesOfFreedom: Double

  /// Student's t distribution.
  /// - Parameter degreesOfFreedom: ν > 0, or +∞ for the normal limit.
  /// - Throws: `InputError.invalidParameter` for ν ≤ 0 or NaN.
  public init(degreesOfFreedom: Double) throws {
    guard degreesOfFreedom > 0 else {
      throw InputError.invalidParameter(
        name: "degreesOfFreedom", value: "\(degreesOfFreedom)", expected: "a number > 0")
    }
    self.degreesOfFreedom = degreesOfFreedom
  }

  /// Beyond this ν the distribution is evaluated as its normal limit: the t quantile differs
  /// from the normal one by z(z² + 1)/(4ν) (Abramowitz & Stegun 26.7.5), below 1e-20 relative
  /// for |z| ≤ 40, while the incomplete-beta forms lose their meaning as ν/2 leaves the range
  /// of their expansions (ν = 1e200 gave t₀.₉₇₅ = 1e100).
  public static let normalLimitDegreesOfFreedom = 1e25

  /// Whether ν is so large that the normal limit is exact in double precision.
  @usableFromInline var isNormalLimit: Bool {
    degreesOfFreedom > StudentT.normalLimitDegreesOfFreedom
  }

  /// 0 for ν > 1, `NaN` otherwise.
  public var mean: Double { degreesOfFreedom > 1 ? 0 : .nan }
  /// ν/(ν − 2) for ν > 2, +∞ for 1 < ν ≤ 2, `NaN` otherwise.
  public var variance: Double {
    if isNormalLimit { return 1 }
    return degreesOfFreedom > 2
      ? degreesOfFreedom / (degreesOfFreedom - 2) : (degreesOfFreedom > 1 ? .infinity : .nan)
  }

  /// Γ((ν+1)/2) / (√(νπ) Γ(ν/2)) (1 + t²/ν)^(−(ν+1)/2).
  /// - Complexity: O(1).
  public func pdf(_ t: Double) -> Double { exp(logPDF(t)) }

  /// The log density, with log B(ν/2, ½) from the Stirling-corrected `logBeta` (no
  /// cancellation of large log Γ values at ν = 1e6).
  /// - Complexity: O(1).
  public func logPDF(_ t: Double) -> Double {
    let nu = degreesOfFreedom
    if isNormalLimit { return Normal.standard.logPDF(t) }
    if t.isInfinite { return -.infinity }
    return -0.5 * log(nu) - SpecialFunctions.logBeta(0.5 * nu, 0.5)
      - 0.5 * (nu + 1) * log1p(t * t / nu)
  }

  /// (P(T > |t|), P(T ≤ |t|)) for the upper tail of |t|.
  @usableFromInline
  func tails(_ u: Double) -> (upper: Double, lower: Double) {
    let nu = degreesOfFreedom
    if u == 0 { return (0.5, 0.5) }
    if u.isInfinite { return (0, 1) }
    if nu == 1 {
      let upper = atan(1 / u) / Double.pi
      return (upper, 0.5 + atan(u) / Double.pi)
    }
    let x: Double
    let y: Double
    if u * u < nu {
      y = u * u / (nu + u * u)
      x = nu / (nu + u * u)
    } else if u < 1e150 {
      x = nu / (nu + u * u)
      y = u * u / (nu + u * u)
    } else {
      x = nu / u / u
      y = 1
    }
    let r = SpecialFunctions.regularizedBeta(x: x, y: y, a: 0.5 * nu, b: 0.5)
    return (0.5 * r.i, 0.5 + 0.5 * r.ic)
  }

  /// P(T ≤ t).
  /// - Complexity: O(√ν) continued-fraction terms at worst.
  public func cdf(_ t: Double) -> Double {
    if t.isNaN { return .nan }
    if isNormalLimit { return Normal.standard.cdf(t) }
    let r = tails(abs(t))
    return t < 0 ? r.upper : r.lower
  }

  /// P(T > t), directly in the upper tail.
  /// - Complexity: O(√ν) continued-fraction terms at worst.
  public func sf(_ t: Double) -> Double {
    if t.isNaN { return .nan }
    if isNormalLimit { return Normal.standard.sf(t) }
    let r = tails(abs(t))
    return t > 0 ? r.upper : r.lower
  }

  /// The t > 0 with P(T > t) = q, for 0 < q < ½.
  @usableFromInline
  func upperTailQuantile(_ q: Double) -> Double {
    let nu = degreesOfFreedom
    if isNormalLimit { return -SpecialFunctions.normalQuantile(q) }
    if nu == 1 {
      return q > 0.25 ? tan(Double.pi * (0.5 - q)) : 1 / tan(Double.pi * q)
    }
    // Far tail: P(T > t) = ½ I_x(ν/2, ½) with x ≈ ν/t², so t ≈ √ν (q ν B(ν/2, ½))^(−1/ν) with
    // relative error O(ν/t²); used beyond 1e100, where x would underflow for small ν.
    let logFar = 0.5 * log(nu) - (log(q) + log(nu) + SpecialFunctions.logBeta(0.5 * nu, 0.5)) / nu
    if logFar > 230 { return exp(logFar) }
    let r = SpecialFunctions.inverseRegularizedBetaPair(2 * q, 0.5 * nu, 0.5, complement: false)
    // x = ν/(ν + t²), y = t²/(ν + t²): t = √(ν y / x).
    return (nu * (r.y / r.x)).squareRoot()
  }

  /// The t with cdf(t) = p; `NaN` for p outside [0, 1].
  /// - Complexity: a few incomplete-beta evaluations.
  public func quantile(_ p: Double) -> Double {
    guard p >= 0, p <= 1 else { return .nan }
    if isNormalLimit { return Normal.standard.quantile(p) }
    if p == 0 { return -.infinity }
    if p == 1 { return .infinity }
    if p == 0.5 { return 0 }
    return p < 0.5 ? -upperTailQuantile(p) : upperTailQuantile(1 - p)
  }

  /// The t with sf(t) = q; `NaN` for q outside [0, 1].
  /// - Complexity: a few incomplete-beta evaluations.
  public func upperQuantile(_ q: Double) -> Double {
    guard q >= 0, q <= 1 else { return .nan }
    if isNormalLimit { return Normal.standard.upperQuantile(q) }
    if q == 0 { return .infinity }
    if q == 1 { return -.infinity }
    if q == 0.5 { return 0 }
    return q < 0.5 ? upperTailQuantile(q) : -upperTailQuantile(1 - q)
  }
}
