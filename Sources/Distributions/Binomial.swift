// Binomial.swift: the binomial distribution.
import ResampleCore
import SpecialFunctions
import _Platform

/// The binomial distribution: successes in n independent trials with success probability p.
///
/// pmf: Loader's (2000) saddle-point form (R's `dbinom`), relative-accurate for n up to 1e15.
/// cdf(k) = 1 − I_p(k+1, n−k) and sf(k) = I_p(k+1, n−k), each computed in its own tail.
public struct Binomial: DiscreteDistribution, Hashable {
  /// n.
  public let trials: Int
  /// p.
  public let probability: Double

  /// The largest supported n, 1e15: the pmf's saddle-point form is verified to there, and every
  /// count up to it is exact in a `Double`.
  public static let maximumTrials = 1_000_000_000_000_000

  /// The binomial distribution.
  /// - Parameters:
  ///   - trials: n in 0...1e15 (``maximumTrials``).
  ///   - probability: p in [0, 1].
  /// - Throws: `InputError.invalidParameter` otherwise.
  public init(trials: Int, probability: Double) throws {
    guard trials >= 0, trials <= Binomial.maximumTrials else {
      throw InputError.invalidParameter(
        name: "trials", value: "\(trials)", expected: "an integer in 0...1e15 (the supported range)"
      )
    }
    try InputError.requireProbability(probability, "probability")
    self.trials = trials
    self.probability = probability
  }

  /// np.
  public var mean: Double { Double(trials) * probability }
  /// np(1 − p).
  public var variance: Double { Double(trials) * probability * (1 - probability) }

  /// P(X = k).
  /// - Complexity: O(1).
  @inlinable
  public func pmf(_ k: Int) -> Double {
    if k < 0 || k > trials { return 0 }
    let v = SpecialFunctions.binomialProbability(
      Double(k), Double(trials), probability, 1 - probability)
    return v.isNaN ? exp(directLogPMF(k)) : v
  }

  /// log C(n, k) + k log p + (n − k) log(1 − p): the fallback where the saddle-point form's
  /// k/(np) overflows (a subnormal p gave pmf NaN).
  @usableFromInline
  func directLogPMF(_ k: Int) -> Double {
    let n = Double(trials)
    let x = Double(k)
    return SpecialFunctions.logGamma(n + 1) - SpecialFunctions.logGamma(x + 1)
      - SpecialFunctions.logGamma(n - x + 1) + x * log(probability)
      + (n - x) * log1p(-probability)
  }

  /// log P(X = k).
  /// - Complexity: O(1).
  public func logPMF(_ k: Int) -> Double {
    if k < 0 || k > trials { return -.infinity }
    let v = SpecialFunctions.logBinomialProbability(
      Double(k), Double(trials), probability, 1 - probability)
    return v.isNaN ? directLogPMF(k) : v
  }

  @usableFromInline
  func tails(_ k: Int) -> (lower: Double, upper: Double) {
    if k < 0 { return (0, 1) }
    if k >= trials { return (1, 0) }
    if probability == 0 { return (1, 0) }
    if probability == 1 { return (0, 1) }
    // P(X > k) = I_p(k + 1, n − k).
    let r = SpecialFunctions.regularizedBeta(
      x: probability, y: 1 - probability, a: Double(k) + 1, b: Double(trials - k))
    return (r.ic, r.i)
  }

  /// P(X ≤ k).
  /// - Complexity: O(√n) continued-fraction terms at worst.
  public func cdf(_ k: Int) -> Double { tails(k).lower }

  /// P(X > k), directly in the upper tail.
  /// - Complexity: O(√n) continued-fraction terms at worst.
  public func sf(_ k: Int) -> Double { tails(k).upper }

  @usableFromInline
  var normalGuess: (mean: Double, sd: Double) { (mean, variance.squareRoot()) }

  /// Where the quantile searches start: the normal approximation's k for the tail
  /// probability `t` (`sign` 1 below the mean, −1 above), clamped to [0, n].
  private func searchGuess(_ t: Double, sign: Double) -> Int {
    Int(
      max(
        0,
        min(
          Double(trials),
          mean + sign * variance.squareRoot()
            * SpecialFunctions.normalQuantile(min(max(t, 1e-300), 1 - 1e-16)))))
  }

  /// The smallest k with cdf(k) ≥ p.
  /// - Precondition: 0 ≤ p ≤ 1.
  /// - Complexity: O(log n) cdf evaluations.
  public func quantile(_ p: Double) -> Int {
    precondition(p >= 0 && p <= 1, "p must be a probability in [0, 1]")
    let g = searchGuess(p, sign: 1)
    return firstSatisfying(lower: 0, upper: trials, guess: g) { cdf($0) >= p }
  }

  /// The smallest k with sf(k) ≤ q.
  /// - Precondition: 0 ≤ q ≤ 1.
  /// - Complexity: O(log n) sf evaluations.
  public func upperQuantile(_ q: Double) -> Int {
    precondition(q >= 0 && q <= 1, "q must be a probability in [0, 1]")
    let g = searchGuess(q, sign: -1)
    return firstSatisfying(lower: 0, upper: trials, guess: g) { sf($0) <= q }
  }
}
