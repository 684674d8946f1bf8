// HypergeometricSampler.swift: hypergeometric variates by table inversion (support of at most
// 1000 values) and by ratio of uniforms (Stadlober's HRUA) otherwise.
import ResampleCore
import _Platform

/// A sampler for the hypergeometric distribution: the number of successes in `draws` draws
/// without replacement from `population` items of which `successes` are successes.
///
/// When the support max(0, n − (N − K)) … min(n, K) has at most 1000 values the sampler
/// tabulates the pmf outward from its mode and inverts with a guide table. Otherwise it uses
/// HRUA, Stadlober's ratio-of-uniforms method with the "table mountain" hat (constants
/// 2√(2/e) and 3 − 2√(3/e)) after reducing to min(n, N − n) draws from the smaller of the two
/// classes; its final test uses the exact log pmf ratio computed as log-factorial differences
/// (no truncation of the tails).
///
/// - Complexity: O(1) expected per draw; O(min(support, 1000)) setup.
///
/// References: E. Stadlober (1989), "Sampling from Poisson, binomial and hypergeometric
/// distributions: ratio of uniforms as a simple and fast alternative", Bericht 303, Math.
/// Stat. Sektion, Forschungsgesellschaft Joanneum, Graz; E. Stadlober (1990), "The
/// ratio of uniforms approach for generating discrete random variates", Journal of
/// Computational and Applied Mathematics 31(1); V. Kachitvichyanukul, B. W. Schmeiser (1985),
/// "Computer generation of hypergeometric random variates", J. Stat. Comput. Simul. 22(2).
public struct HypergeometricSampler: Sendable {
  /// The population size N.
  public let population: Int
  /// The number of successes K in the population.
  public let successes: Int
  /// The number of draws n.
  public let draws: Int

  @usableFromInline
  internal enum Method: Sendable {
    case constant
    case table
    case hrua
  }

  // Flat storage (no enum payloads) so that sampling borrows instead of copying.
  @usableFromInline internal let method: Method
  @usableFromInline internal let constant: Int
  @usableFromInline internal private(set) var table: _InversionTable
  @usableFromInline internal private(set) var hrua: _HRUA

  /// The largest population accepted: 2⁵³.
  public static let maximumPopulation = 1 << 53

  /// Creates a sampler for Hypergeometric(`population`, `successes`, `draws`).
  ///
  /// - Parameters:
  ///   - population: N, an integer in 0...2⁵³.
  ///   - successes: K, in 0...N.
  ///   - draws: n, in 0...N.
  /// - Throws: `InputError.invalidParameter` naming the offending parameter.
  /// - Complexity: O(min(support size, 1000)).
  public init(population: Int, successes: Int, draws: Int) throws {
    try InputError.requireInteger(
      population, in: 0...HypergeometricSampler.maximumPopulation, "population",
      rangeText: "in 0...2^53")
    try InputError.requireInteger(successes, in: 0...population, "successes")
    try InputError.requireInteger(draws, in: 0...population, "draws")
    self.population = population
    self.successes = successes
    self.draws = draws
    let lower = max(0, draws - (population - successes))
    let upper = min(draws, successes)
    constant = lower
    table = .unused
    hrua = .unused
    if lower == upper {
      method = .constant
    } else if upper - lower < 1000 {
      let n = draws
      let k = successes
      let bigN = population
      // Mode ⌊(n + 1)(K + 1)/(N + 2)⌋;
      // ratio p(x+1)/p(x) = (K − x)(n − x)/((x + 1)(N − K − n + x + 1)).
      let mode = Int(
        ((Double(n) + 1) * (Double(k) + 1) / (Double(bigN) + 2)).rounded(.down))
      method = .table
      table = _InversionTable(
        mode: min(max(mode, lower), upper), lower: lower, upper: upper
      ) { x in
        Double(k - x) * Double(n - x) / (Double(x + 1) * Double(bigN - k - n + x + 1))
      }
    } else {
      method = .hrua
      hrua = _HRUA(population: population, successes: successes, draws: draws)
    }
  }

  /// Draws one hypergeometric variate.
  ///
  /// - Parameters:
  ///   - generator: the random stream to draw from.
  /// - Returns: a count in max(0, n − (N − K))...min(n, K).
  /// - Complexity: O(1) expected.
  @inlinable
  public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Int {
    switch method {
    case .constant:
      return constant
    case .table:
      return table.value(for: generator.nextUniform())
    case .hrua:
      return hrua.sample(using: &generator)
    }
  }
}

/// HRUA setup and sampling (not public API).
///
/// Works with s = min(n, N − n) draws from the smaller class (size `small`, the larger
/// `large`), then maps back: X ↦ s − X if successes were the larger class, X ↦ K − X if
/// n > N − n.
@usableFromInline
internal struct _HRUA: Sendable {
  @usableFromInline let small: Int
  @usableFromInline let large: Int
  @usableFromInline let sample: Int
  @usableFromInline let successes: Int
  @usableFromInline let swappedClasses: Bool
  @usableFromInline let complementedDraws: Bool
  @usableFromInline let a: Double
  @usableFromInline let h: Double
  @usableFromInline let bound: Double
  @usableFromInline let m: Int

  /// A placeholder for samplers that use another method.
  static let unused = _HRUA(population: 2, successes: 1, draws: 1)

  init(population: Int, successes: Int, draws: Int) {
    let d1 = 1.715_527_769_921_413_5  // 2√(2/e)
    let d2 = 0.898_916_162_058_898_8  // 3 − 2√(3/e)
    let s = min(draws, population - draws)
    let small = min(successes, population - successes)
    let large = population - small
    let nd = Double(population)
    let p = Double(small) / nd
    let q = Double(large) / nd
    let mu = Double(s) * p
    let variance = Double(population - s) * Double(s) * p * q / (nd - 1)
    let c = (variance + 0.5).squareRoot()
    self.small = small
    self.large = large
    self.sample = s
    self.successes = successes
    swappedClasses = successes > population - successes
    complementedDraws = s < draws
    a = mu + 0.5
    h = d1 * c + d2
    bound = Double(min(s, small) + 1)
    m = Int(((Double(s) + 1) * (Double(small) + 1) / (nd + 2)).rounded(.down))
  }

  @inlinable
  func sample<G: RandomNumberGenerator>(using generator: inout G) -> Int {
    var k: Int
    while true {
      let u = generator.nextUniform()
      let v = generator.nextUniform()
      let x = a + h * (v - 0.5) / u
      if !(x >= 0) || !(x < bound) { continue }
      k = Int(x.rounded(.down))
      // T = log(f(k)/f(m)) with f(x) ∝ 1/(x! (small − x)! (s − x)! (large − s + x)!).
      let t =
        _LogFactorial.difference(m, k) + _LogFactorial.difference(small - m, small - k)
        + _LogFactorial.difference(sample - m, sample - k)
        + _LogFactorial.difference(large - sample + m, large - sample + k)
      if u * (4 - u) - 3 <= t { break }
      if u * (u - t) >= 1 { continue }
      if 2 * _Platform.log(u) <= t { break }
    }
    if swappedClasses { k = sample - k }
    if complementedDraws { k = successes - k }
    return k
  }
}
