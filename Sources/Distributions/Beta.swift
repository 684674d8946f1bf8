// Beta.swift: the beta distribution.
import ResampleCore
import SpecialFunctions
import _Platform

/// The beta distribution with shapes α and β on [0, 1].
///
/// cdf and sf are I_x(α, β) and 1 − I_x(α, β), each computed in its own tail; quantiles
/// invert them by Newton iteration on the log-odds.
public struct Beta: ContinuousDistribution, Hashable {
  /// α.
  public let alpha: Double
  /// β.
  public let beta: Double

  /// The beta distribution.
  /// - Parameters:
  ///   - alpha: α, finite and > 0.
  ///   - beta: β, finite and > 0.
  /// - Throws: `InputError.invalidParameter` otherwise.
  public init(alpha: Double, beta: Double) throws {
    try InputError.requirePositive(alpha, "alpha")
    try InputError.requirePositive(beta, "beta")
    self.alpha = alpha
    self.beta = beta
  }

  /// α/(α + β).
  public var mean: Double { alpha / (alpha + beta) }
  /// αβ / ((α + β)² (α + β + 1)).
  public var variance: Double {
    let n = alpha + beta
    return alpha * beta / (n * n * (n + 1))
  }

  /// x^(α−1) (1−x)^(β−1) / B(α, β), from the Stirling-corrected prefactor.
  /// - Complexity: O(1).
  public func pdf(_ x: Double) -> Double {
    if x.isNaN { return .nan }
    if x < 0 || x > 1 { return 0 }
    if x == 0 { return alpha < 1 ? .infinity : (alpha == 1 ? beta : 0) }
    if x == 1 { return beta < 1 ? .infinity : (beta == 1 ? alpha : 0) }
    let y = 1 - x
    let front = SpecialFunctions.betaPrefactor(x: x, y: y, a: alpha, b: beta)
    if front > 0 { return front / (x * y) }
    return exp(logPDF(x))
  }

  /// The log density.
  /// - Complexity: O(1).
  public func logPDF(_ x: Double) -> Double {
    if x.isNaN { return .nan }
    if x <= 0 || x >= 1 { return log(pdf(x)) }
    return (alpha - 1) * log(x) + (beta - 1) * log1p(-x) - SpecialFunctions.logBeta(alpha, beta)
  }

  /// P(X ≤ x) = I_x(α, β).
  /// - Complexity: O(√max(α, β)) terms at worst.
  public func cdf(_ x: Double) -> Double {
    if x.isNaN { return .nan }
    if x <= 0 { return 0 }
    if x >= 1 { return 1 }
    return SpecialFunctions.regularizedBeta(x: x, y: 1 - x, a: alpha, b: beta).i
  }

  /// P(X > x) = 1 − I_x(α, β), directly.
  /// - Complexity: O(√max(α, β)) terms at worst.
  public func sf(_ x: Double) -> Double {
    if x.isNaN { return .nan }
    if x <= 0 { return 1 }
    if x >= 1 { return 0 }
    return SpecialFunctions.regularizedBeta(x: x, y: 1 - x, a: alpha, b: beta).ic
  }

  /// The x with cdf(x) = p; `NaN` for p outside [0, 1].
  /// - Complexity: a few incomplete-beta evaluations.
  public func quantile(_ p: Double) -> Double {
    SpecialFunctions.inverseRegularizedBeta(p, alpha, beta)
  }

  /// The x with sf(x) = q; `NaN` for q outside [0, 1].
  /// - Complexity: a few incomplete-beta evaluations.
  public func upperQuantile(_ q: Double) -> Double {
    SpecialFunctions.inverseRegularizedBetaComplement(q, alpha, beta)
  }
}
