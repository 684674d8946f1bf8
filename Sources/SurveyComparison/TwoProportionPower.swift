// TwoProportionPower.swift: power and sample size for comparing two independent proportions —
// analytic, exact by enumeration, and by seeded simulation of the test actually used.
import Contingency
import Distributions
import RandomStreams
import ResampleCore
import SpecialFunctions
import _Platform

/// The two-sample test whose power is computed.
public enum PowerTest: String, Sendable, CaseIterable, Codable {
  /// Fisher's exact test, two-sided (rejects when p ≤ α).
  case fisherExact = "fisher-exact"
  /// The pooled two-proportion z test (= Pearson X² without continuity correction), two-sided,
  /// rejecting when |z| > z₁₋α/₂·√deff (first-order Rao–Scott under a design effect).
  case pooledZ = "pooled-z"
}

/// Seeded Monte Carlo power with its standard error.
public struct SimulatedPower: Sendable, Equatable {
  /// The share of simulated studies that rejected.
  public var power: Double
  /// Its Monte Carlo standard error √(p(1 − p)/studies).
  public var standardError: Double
  /// Simulated studies.
  public var studies: Int
  /// The seed; study `s` draws only from `Philox4x32(seed: seed, stream: s)`.
  public var seed: UInt64

  /// The power of `rejections` among `studies` simulated studies, with its standard error.
  ///
  /// - Parameters:
  ///   - rejections: studies that rejected (for example the sum over shards of
  ///     ``TwoProportionPower/simulatedRejections(p1:p2:n1:n2:alpha:test:designEffect:studies:range:seed:threads:)``).
  ///   - studies: all simulated studies.
  ///   - seed: the seed.
  public init(rejections: Int, studies: Int, seed: UInt64) {
    let power = Double(rejections) / Double(studies)
    self.power = power
    standardError = (power * (1 - power) / Double(studies)).squareRoot()
    self.studies = studies
    self.seed = seed
  }
}

/// Power and sample size for a two-sided comparison of two independent proportions.
///
/// - Analytic: the normal approximation with the pooled variance under H₀ and the unpooled one
///   under H₁, `Φ((|p₁ − p₂| − z₁₋α/₂·σ₀) / σ₁)` (Fleiss, Levin and Paik 2003, §4.2; R's
///   `power.prop.test` for equal sizes), variances multiplied by the design effect.
/// - Exact: the sum of `P(X₁ = k₁)·P(X₂ = k₂)` over the outcomes the test rejects, enumerating all
///   `(n₁ + 1)(n₂ + 1)` outcomes.
/// - Simulated: `studies` seeded studies of two binomial draws each; study `s` draws two uniforms
///   from stream `s` (the first for segment 1, the second for segment 2) and inverts each
///   segment's binomial CDF (``BinomialInversion``), so results do not depend on threads.
///
/// References: J. L. Fleiss, B. Levin, M. C. Paik (2003), *Statistical Methods for Rates and
/// Proportions*, 3rd ed., Wiley; J. Cohen (1988), *Statistical Power Analysis for the Behavioral
/// Sciences*, 2nd ed.
public enum TwoProportionPower {
  static func validate(_ p1: Double, _ p2: Double, _ alpha: Double) throws {
    try InputError.requireProbability(p1, "p1")
    try InputError.requireProbability(p2, "p2")
    try InputError.requireSignificanceLevel(alpha)
  }

  /// The most outcomes `(n₁ + 1)(n₂ + 1)` an exact or simulated power computation tabulates.
  public static let maximumOutcomes = 16_000_000

  static func validateSizes(_ n1: Int, _ n2: Int) throws {
    for (name, n) in [("n1", n1), ("n2", n2)] where n < 1 || n > 100_000 {
      throw InputError.invalidParameter(
        name: name, value: "\(n)", expected: "a segment size from 1 to 100000")
    }
    guard (n1 + 1) * (n2 + 1) <= maximumOutcomes else {
      throw InputError.tooLarge(
        what: "the outcome table for segment sizes \(n1) and \(n2)",
        limit: "(n1 + 1)(n2 + 1) ≤ \(maximumOutcomes), about 4000 per segment")
    }
  }

  /// Analytic (normal approximation) power of the two-sided pooled z test.
  ///
  /// - Parameters:
  ///   - p1: the proportion in segment 1; - p2: in segment 2.
  ///   - n1: size of segment 1 (may be fractional, e.g. effective); - n2: of segment 2.
  ///   - alpha: significance level; - designEffect: multiplies both variances.
  /// - Complexity: O(1).
  public static func analyticPower(
    p1: Double, p2: Double, n1: Double, n2: Double, alpha: Double = 0.05,
    designEffect: DesignEffect = .none
  ) throws -> Double {
    try validate(p1, p2, alpha)
    guard n1 > 0, n2 > 0, n1.isFinite, n2.isFinite else {
      throw InputError.invalidParameter(
        name: "n", value: "\(n1), \(n2)", expected: "segment sizes > 0")
    }
    let z = Normal.standard.upperQuantile(alpha / 2)
    let pbar = (n1 * p1 + n2 * p2) / (n1 + n2)
    let s0 = (designEffect.value * pbar * (1 - pbar) * (1 / n1 + 1 / n2)).squareRoot()
    let s1 = (designEffect.value * (p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2)).squareRoot()
    let d = abs(p1 - p2)
    if s1 == 0 { return d > z * s0 ? 1 : (d == 0 ? alpha : 0) }
    return Normal.standard.cdf((d - z * s0) / s1)
  }

  /// The analytic size of segment 1 for the target power (segment 2 has `ratio` times as many),
  /// before rounding up: `(z₁₋α/₂·√(p̄q̄(1 + 1/r)) + z_power·√(p₁q₁ + p₂q₂/r))² / (p₁ − p₂)²`
  /// times the design effect, with `p̄ = (p₁ + r·p₂)/(1 + r)`.
  ///
  /// - Throws: `InputError` when `p1 == p2` (no size detects no difference) or a parameter is out
  ///   of range.
  /// - Complexity: O(1).
  public static func analyticSize(
    p1: Double, p2: Double, alpha: Double = 0.05, power: Double = 0.8, ratio: Double = 1,
    designEffect: DesignEffect = .none
  ) throws -> Double {
    try validate(p1, p2, alpha)
    guard power > 0, power < 1 else {
      throw InputError.invalidParameter(
        name: "target", value: "\(power)", expected: "a power strictly between 0 and 1")
    }
    guard ratio.isFinite, ratio > 0, ratio <= 1000 else {
      throw InputError.invalidParameter(
        name: "ratio", value: "\(ratio)", expected: "a size ratio in (0, 1000]")
    }
    guard p1 != p2 else {
      throw InputError.invalidParameter(
        name: "p2", value: "\(p2)", expected: "a proportion different from p1 = \(p1)")
    }
    let za = Normal.standard.upperQuantile(alpha / 2)
    let zb = Normal.standard.quantile(power)
    let pbar = (p1 + ratio * p2) / (1 + ratio)
    let a = za * (pbar * (1 - pbar) * (1 + 1 / ratio)).squareRoot()
    let b = zb * (p1 * (1 - p1) + p2 * (1 - p2) / ratio).squareRoot()
    let d = p1 - p2
    return designEffect.value * (a + b) * (a + b) / (d * d)
  }

  /// The outcomes `(k₁, k₂)` the test rejects, row-major `(n₁ + 1) × (n₂ + 1)`.
  ///
  /// For Fisher's test, the outcomes are grouped by their column margin `m = k₁ + k₂`; within a
  /// margin the two-sided p-value of each outcome is the sum of the probabilities not above its
  /// own, found by one sort and a cumulative sum.
  /// - Complexity: O(n₁·n₂·log min(n₁, n₂)).
  static func rejectionRegion(
    n1: Int, n2: Int, alpha: Double, test: PowerTest, designEffect: DesignEffect
  ) -> [Bool] {
    var reject = [Bool](repeating: false, count: (n1 + 1) * (n2 + 1))
    switch test {
    case .pooledZ:
      let z = Normal.standard.upperQuantile(alpha / 2) * designEffect.value.squareRoot()
      let inv = 1 / Double(n1) + 1 / Double(n2)
      for k1 in 0...n1 {
        for k2 in 0...n2 {
          let pool = Double(k1 + k2) / Double(n1 + n2)
          let se = (pool * (1 - pool) * inv).squareRoot()
          if se > 0 {
            let diff = Double(k1) / Double(n1) - Double(k2) / Double(n2)
            reject[k1 * (n2 + 1) + k2] = abs(diff) / se > z
          }
        }
      }
    case .fisherExact:
      let kernel = FisherExact2x2Kernel(capacity: n1 + n2)
      let tol = log(FisherExact2x2Kernel.relativeTolerance)
      var lps: [(lp: Double, k: Int)] = []
      var cumulative: [Double] = []
      for m in 0...(n1 + n2) {
        let lo = max(0, m - n2)
        let hi = min(n1, m)
        if lo == hi { continue }
        lps.removeAll(keepingCapacity: true)
        for k in lo...hi { lps.append((kernel.logProbability(k, n1: n1, n2: n2, m: m), k)) }
        lps.sort { $0.lp < $1.lp }
        cumulative.removeAll(keepingCapacity: true)
        var acc = 0.0
        for e in lps {
          acc += exp(e.lp)
          cumulative.append(acc)
        }
        // For each outcome, the p-value sums every probability ≤ its own·(1 + 1e-7).
        var j = 0
        for i in lps.indices {
          let threshold = lps[i].lp + tol
          if j < i { j = i }
          while j + 1 < lps.count && lps[j + 1].lp <= threshold { j += 1 }
          let p = min(1, cumulative[j])
          let k1 = lps[i].k
          reject[k1 * (n2 + 1) + (m - k1)] = p <= alpha
        }
      }
    }
    return reject
  }

  /// Exact power: the probability of the rejection region, enumerating every outcome.
  ///
  /// - Throws: `InputError` for proportions, sizes (1…100,000) or alpha out of range.
  /// - Complexity: O(n₁·n₂·log n).
  public static func exactPower(
    p1: Double, p2: Double, n1: Int, n2: Int, alpha: Double = 0.05,
    test: PowerTest = .fisherExact, designEffect: DesignEffect = .none
  ) throws -> Double {
    try validate(p1, p2, alpha)
    try validateSizes(n1, n2)
    let reject = rejectionRegion(
      n1: n1, n2: n2, alpha: alpha, test: test,
      designEffect: designEffect)
    let f1 = binomialPMF(n: n1, p: p1)
    let f2 = binomialPMF(n: n2, p: p2)
    var power = 0.0
    for k1 in 0...n1 where f1[k1] > 0 {
      var row = 0.0
      for k2 in 0...n2 where reject[k1 * (n2 + 1) + k2] { row += f2[k2] }
      power += f1[k1] * row
    }
    return min(1, power)
  }

  /// The binomial pmf for k in 0...n (log-space, exact at p ∈ {0, 1}).
  static func binomialPMF(n: Int, p: Double) -> [Double] {
    if p == 0 { return (0...n).map { $0 == 0 ? 1 : 0 } }
    if p == 1 { return (0...n).map { $0 == n ? 1 : 0 } }
    let lf = SpecialFunctions.logFactorialTable(through: n)
    let lp = log(p)
    let lq = log1p(-p)
    return (0...n).map { k in
      exp(lf[n] - lf[k] - lf[n - k] + Double(k) * lp + Double(n - k) * lq)
    }
  }

  /// Seeded simulated power of the test, `studies` studies per size pair.
  ///
  /// - Parameters:
  ///   - studies: simulated studies (1…10⁸); study `s` uses stream `s` of `seed`.
  ///   - threads: worker threads (results do not depend on it).
  /// - Throws: `InputError` for out-of-range parameters.
  /// - Complexity: O(studies) after an O(n₁·n₂·log n) rejection table.
  public static func simulatedPower(
    p1: Double, p2: Double, n1: Int, n2: Int, alpha: Double = 0.05,
    test: PowerTest = .fisherExact, designEffect: DesignEffect = .none,
    studies: Int = 10_000, seed: UInt64, threads: Int = 1
  ) throws -> SimulatedPower {
    SimulatedPower(
      rejections: try simulatedRejections(
        p1: p1, p2: p2, n1: n1, n2: n2, alpha: alpha, test: test, designEffect: designEffect,
        studies: studies, range: 0..<studies, seed: seed, threads: threads),
      studies: studies, seed: seed)
  }

  /// The number of simulated studies s ∈ `range` (a shard's part of `0..<studies`) whose test
  /// rejects; the counts of ranges that tile `0..<studies` add up to the single run's.
  ///
  /// - Parameters:
  ///   - studies: all simulated studies (1…10⁸).
  ///   - range: the studies to simulate, within `0..<studies`.
  ///   - seed: study `s` uses stream `s` of it.
  ///   - threads: worker threads (results do not depend on it).
  /// - Throws: `InputError` for out-of-range parameters.
  /// - Complexity: O(|range|) after an O(n₁·n₂·log n) rejection table.
  public static func simulatedRejections(
    p1: Double, p2: Double, n1: Int, n2: Int, alpha: Double = 0.05,
    test: PowerTest = .fisherExact, designEffect: DesignEffect = .none,
    studies: Int, range: Range<Int>, seed: UInt64, threads: Int = 1
  ) throws -> Int {
    try validate(p1, p2, alpha)
    try validateSizes(n1, n2)
    guard studies >= 1, studies <= 100_000_000 else {
      throw InputError.invalidParameter(
        name: "simulations", value: "\(studies)", expected: "an integer from 1 to 100000000")
    }
    guard range.lowerBound >= 0, range.upperBound <= studies else {
      throw InputError.invalidParameter(
        name: "range", value: "\(range)", expected: "studies within 0..<\(studies)")
    }
    let reject = rejectionRegion(
      n1: n1, n2: n2, alpha: alpha, test: test,
      designEffect: designEffect)
    let s1 = BinomialInversion(n: n1, p: p1)
    let s2 = BinomialInversion(n: n2, p: p2)
    let width = n2 + 1
    if range.isEmpty { return 0 }
    let first = range.lowerBound
    return countRejections(studies: range.count, threads: threads) { lo, hi in
      reject.withUnsafeBufferPointer { region in
        var count = 0
        for s in (first + lo)..<(first + hi) {
          var g = Philox4x32(seed: seed, stream: UInt64(s))
          let k1 = s1.value(for: g.nextUniform())
          let k2 = s2.value(for: g.nextUniform())
          if region[k1 * width + k2] { count += 1 }
        }
        return count
      }
    }
  }

  /// Splits `0..<studies` into contiguous chunks, counts in each (in parallel), sums the counts.
  static func countRejections(
    studies: Int, threads: Int, _ body: @Sendable (Int, Int) -> Int
  ) -> Int {
    let workers = max(1, min(threads, studies / 2_000 + 1))
    let chunkSize = (studies + workers - 1) / workers
    return ParallelFor.sum(count: studies, chunkSize: chunkSize, threads: workers) {
      body($0.lowerBound, $0.upperBound)
    }
  }

  /// The smallest size of segment 1 (segment 2: `ratio` times, rounded up) whose exact power
  /// reaches `target`.
  ///
  /// Exact power of a discrete test is not monotone in n (it saw-tooths); the search brackets the
  /// crossing by doubling, bisects, then scans down for an earlier crossing.
  /// Returns nil when the size would exceed `limit` per segment (also when the analytic size is
  /// infinite or beyond any integer).
  /// - Complexity: O(log(n)·n²·log n) for the bisection, plus the downward scan.
  public static func exactSize(
    p1: Double, p2: Double, alpha: Double = 0.05, target: Double = 0.8, ratio: Double = 1,
    test: PowerTest = .fisherExact, designEffect: DesignEffect = .none, limit: Int = 3_000
  ) throws -> Int? {
    let guess = try analyticSize(
      p1: p1, p2: p2, alpha: alpha, power: target, ratio: ratio,
      designEffect: designEffect)
    func n2(_ n: Int) -> Int { max(1, Int((Double(n) * ratio).rounded(.up))) }
    func power(_ n: Int) throws -> Double {
      try exactPower(
        p1: p1, p2: p2, n1: n, n2: n2(n), alpha: alpha, test: test,
        designEffect: designEffect)
    }
    // The analytic size is +∞ or beyond Int for differences near 0 (|p₁ − p₂| ≈ 1e-10, 1e-300)
    // or huge design effects: more than the limit either way, and never converted to Int.
    guard guess.isFinite, guess <= Double(limit) else { return nil }
    var hi = max(2, Int(guess.rounded(.up)))
    while try power(hi) < target {
      if hi >= limit { return nil }
      hi = min(limit, hi * 2)
    }
    var lo = 1
    if try power(lo) >= target { return lo }
    while hi - lo > 1 {
      let mid = (lo + hi) / 2
      if try power(mid) >= target { hi = mid } else { lo = mid }
    }
    // An earlier crossing within the saw-tooth just below.
    var best = hi
    var n = hi - 1
    while n >= max(1, hi - 12) {
      if try power(n) >= target { best = n }
      n -= 1
    }
    return best
  }
}
