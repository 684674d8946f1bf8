// Hypergeometric.swift: the hypergeometric distribution.
import ResampleCore
import SpecialFunctions
import _Platform

/// The hypergeometric distribution: successes among n draws without replacement from a
/// population of N containing K successes.
///
/// pmf (R's `dhyper`, Loader 2000): with p = n/N, q = 1 − p,
/// P(X = k) = b(k; K, p) · b(n − k; N − K, p) / b(n; N, p), each binomial probability b in
/// Loader's saddle-point form, so the pmf keeps its relative accuracy for N up to 1e15 in O(1).
///
/// cdf and sf (R's `phyper`): the tail on the near side of the mean is
/// pmf(k) · (1 + Σⱼ pmf(k−j)/pmf(k)), summing the term ratios from k toward the far end of the
/// support until they drop below 1e-17 of the sum; beyond the mean the roles of successes and
/// failures are swapped (X′ = n − X), so the requested tail is always either this sum or one
/// minus a sum that is at most about ½. Cost: O(terms) ≈ O(distance to the support end, at most
/// ~10 standard deviations of terms before they vanish).
public struct Hypergeometric: DiscreteDistribution, Hashable {
  /// N.
  public let population: Int
  /// K.
  public let successes: Int
  /// n.
  public let draws: Int

  /// The largest supported N, 1e15: the pmf's saddle-point form keeps its relative accuracy to
  /// there, and every count up to it is exact in a `Double`.
  public static let maximumPopulation = 1_000_000_000_000_000

  /// The largest standard deviation for which cdf, sf and the quantiles are offered, 1e6: their
  /// tail sums take about 10 terms per unit of standard deviation (≈ 10⁷ terms, a few hundredths
  /// of a second per cdf), and a quantile needs about 60 of them.
  public static let maximumTailStandardDeviation = 1e6

  /// The hypergeometric distribution.
  /// - Parameters:
  ///   - population: N in 0...1e15 (``maximumPopulation``).
  ///   - successes: K in 0...N.
  ///   - draws: n in 0...N.
  /// - Throws: `InputError.invalidParameter` otherwise.
  public init(population: Int, successes: Int, draws: Int) throws {
    try InputError.requireInteger(
      population, in: 0...Hypergeometric.maximumPopulation, "population",
      rangeText: "in 0...1e15 (the supported range)")
    try InputError.requireInteger(successes, in: 0...population, "successes")
    try InputError.requireInteger(draws, in: 0...population, "draws")
    self.population = population
    self.successes = successes
    self.draws = draws
  }

  /// The smallest value in the support, max(0, n − (N − K)).
  public var supportLowerBound: Int { max(0, draws - (population - successes)) }
  /// The largest value in the support, min(n, K).
  public var supportUpperBound: Int { min(draws, successes) }

  /// nK/N.
  public var mean: Double {
    population == 0 ? 0 : Double(draws) * Double(successes) / Double(population)
  }

  /// n (K/N) ((N − K)/N) ((N − n)/(N − 1)).
  public var variance: Double {
    let n = Double(population)
    guard population > 1 else { return 0 }
    return Double(draws) * (Double(successes) / n) * (Double(population - successes) / n)
      * (Double(population - draws) / (n - 1))
  }

  /// P(X = k) for the distribution with `r` successes and `b` failures.
  @usableFromInline
  static func probability(_ k: Int, _ r: Int, _ b: Int, _ n: Int) -> Double {
    if k < 0 || k > r || n - k < 0 || n - k > b { return 0 }
    let total = Double(r) + Double(b)
    if n == 0 || n == r + b { return 1 }
    let p = Double(n) / total
    let q = Double(r + b - n) / total
    // One exponential of the combined logarithm (each log term is relative-accurate).
    let l1 = SpecialFunctions.logBinomialProbability(Double(k), Double(r), p, q)
    let l2 = SpecialFunctions.logBinomialProbability(Double(n - k), Double(b), p, q)
    let l3 = SpecialFunctions.logBinomialProbability(Double(n), total, p, q)
    return exp(l1 + l2 - l3)
  }

  /// P(X = k).
  /// - Complexity: O(1).
  @inlinable
  public func pmf(_ k: Int) -> Double {
    Hypergeometric.probability(k, successes, population - successes, draws)
  }

  /// log P(X = k).
  /// - Complexity: O(1).
  public func logPMF(_ k: Int) -> Double {
    let r = successes
    let b = population - successes
    let n = draws
    if k < 0 || k > r || n - k < 0 || n - k > b { return -.infinity }
    if n == 0 || n == population { return 0 }
    let total = Double(population)
    let p = Double(n) / total
    let q = Double(population - n) / total
    return SpecialFunctions.logBinomialProbability(Double(k), Double(r), p, q)
      + SpecialFunctions.logBinomialProbability(Double(n - k), Double(b), p, q)
      - SpecialFunctions.logBinomialProbability(Double(n), total, p, q)
  }

  /// (P(X ≤ k), P(X > k)) with each tail accurate where it is small.
  @usableFromInline
  func tails(_ k: Int) -> (lower: Double, upper: Double) {
    if k < supportLowerBound { return (0, 1) }
    if k >= supportUpperBound { return (1, 0) }
    var r = successes
    var b = population - successes
    let n = draws
    var x = k
    var swapped = false
    // Beyond the mean, count failures instead: P(X > k) = P(X′ ≤ n − k − 1).
    if Double(x) * Double(population) > Double(n) * Double(r) {
      swap(&r, &b)
      x = n - k - 1
      swapped = true
    }
    let d = Hypergeometric.probability(x, r, b, n)
    // Σ_{i ≤ x} pmf(i) / pmf(x) = 1 + Σ ratios, downward from x.
    var sum = 0.0
    var term = 1.0
    var i = Double(x)
    let rb = Double(b) - Double(n)
    while i > 0 {
      term *= i * (rb + i) / ((Double(n) + 1 - i) * (Double(r) + 1 - i))
      if !(term > 0) { break }
      sum += term
      if term < 1e-17 * sum { break }
      i -= 1
    }
    let near = d * (1 + sum)
    return swapped ? (1 - near, near) : (near, 1 - near)
  }

  /// P(X ≤ k).
  /// - Complexity: O(number of non-negligible terms in the lower tail).
  public func cdf(_ k: Int) -> Double { tails(k).lower }

  /// P(X > k), directly in the upper tail.
  /// - Complexity: O(number of non-negligible terms in the upper tail).
  public func sf(_ k: Int) -> Double { tails(k).upper }

  /// The smallest k with cdf(k) ≥ p.
  /// - Precondition: 0 ≤ p ≤ 1.
  /// - Complexity: O(log n) cdf evaluations.
  public func quantile(_ p: Double) -> Int {
    precondition(p >= 0 && p <= 1, "p must be a probability in [0, 1]")
    let z = SpecialFunctions.normalQuantile(min(max(p, 1e-300), 1 - 1e-16))
    let g = Int((mean + variance.squareRoot() * z).rounded())
    return firstSatisfying(
      lower: supportLowerBound, upper: supportUpperBound, guess: g
    ) { cdf($0) >= p }
  }

  /// The smallest k with sf(k) ≤ q.
  /// - Precondition: 0 ≤ q ≤ 1.
  /// - Complexity: O(log n) sf evaluations.
  public func upperQuantile(_ q: Double) -> Int {
    precondition(q >= 0 && q <= 1, "q must be a probability in [0, 1]")
    let z = SpecialFunctions.normalQuantile(min(max(q, 1e-300), 1 - 1e-16))
    let g = Int((mean - variance.squareRoot() * z).rounded())
    return firstSatisfying(
      lower: supportLowerBound, upper: supportUpperBound, guess: g
    ) { sf($0) <= q }
  }
}
