// Poisson.swift: the Poisson distribution.
import ResampleCore
import SpecialFunctions
import _Platform

/// The Poisson distribution with rate λ.
///
/// pmf: Loader's saddle-point form (R's `dpois`); cdf(k) = Q(k+1, λ) and sf(k) = P(k+1, λ),
/// each computed in its own tail.
public struct Poisson: DiscreteDistribution, Hashable {
  /// λ.
  public let rate: Double

  /// The largest supported λ, 1e10 (``Gamma/maximumShape``): cdf and sf are incomplete gamma
  /// functions of shape ≈ λ, verified against mpmath to there.
  public static let maximumRate = Gamma.maximumShape

  /// The Poisson distribution.
  /// - Parameter rate: λ in [0, 1e10] (``maximumRate``; λ = 0 is the point mass at 0).
  /// - Throws: `InputError.invalidParameter` otherwise.
  public init(rate: Double) throws {
    guard rate.isFinite, rate >= 0, rate <= Poisson.maximumRate else {
      throw InputError.invalidParameter(
        name: "rate", value: "\(rate)", expected: "a number in [0, 1e10] (the supported range)")
    }
    self.rate = rate
  }

  /// λ.
  public var mean: Double { rate }
  /// λ.
  public var variance: Double { rate }

  /// P(X = k).
  /// - Complexity: O(1).
  @inlinable
  public func pmf(_ k: Int) -> Double {
    if k < 0 { return 0 }
    return SpecialFunctions.poissonProbability(Double(k), rate)
  }

  /// log P(X = k).
  /// - Complexity: O(1).
  public func logPMF(_ k: Int) -> Double {
    if k < 0 { return -.infinity }
    return SpecialFunctions.logPoissonProbability(Double(k), rate)
  }

  /// P(X ≤ k) = Q(k + 1, λ).
  /// - Complexity: O(√k) terms at worst.
  public func cdf(_ k: Int) -> Double {
    if k < 0 { return 0 }
    if rate == 0 { return 1 }
    return SpecialFunctions.regularizedGammaQ(Double(k) + 1, rate)
  }

  /// P(X > k) = P(k + 1, λ), directly in the upper tail.
  /// - Complexity: O(√k) terms at worst.
  public func sf(_ k: Int) -> Double {
    if k < 0 { return 1 }
    if rate == 0 { return 0 }
    return SpecialFunctions.regularizedGammaP(Double(k) + 1, rate)
  }

  /// The smallest k with cdf(k) ≥ p (`Int.max` for p = 1).
  /// - Precondition: 0 ≤ p ≤ 1.
  /// - Complexity: O(log k) cdf evaluations.
  public func quantile(_ p: Double) -> Int {
    precondition(p >= 0 && p <= 1, "p must be a probability in [0, 1]")
    if p == 1 { return rate == 0 ? 0 : Int.max }
    let z = SpecialFunctions.normalQuantile(max(p, 1e-300))
    let g = Int(max(0, min(1e15, rate + rate.squareRoot() * z)))
    return firstSatisfying(lower: 0, upper: Int.max, guess: g) { cdf($0) >= p }
  }

  /// The smallest k with sf(k) ≤ q (`Int.max` for q = 0).
  /// - Precondition: 0 ≤ q ≤ 1.
  /// - Complexity: O(log k) sf evaluations.
  public func upperQuantile(_ q: Double) -> Int {
    precondition(q >= 0 && q <= 1, "q must be a probability in [0, 1]")
    if q == 0 { return rate == 0 ? 0 : Int.max }
    let z = SpecialFunctions.normalQuantile(q)
    let g = Int(max(0, min(1e15, rate - rate.squareRoot() * z)))
    return firstSatisfying(lower: 0, upper: Int.max, guess: g) { sf($0) <= q }
  }
}
