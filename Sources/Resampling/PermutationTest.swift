// PermutationTest.swift: two-sample and paired permutation tests, exact or Monte Carlo.
import RandomStreams
import ResampleCore

/// The outcome of a permutation test.
public struct PermutationTestResult: Sendable, Equatable {
  /// A name for the statistic.
  public var statistic: String
  /// The statistic on the observed arrangement.
  public var observed: Double
  /// The p-value (Monte Carlo: (1 + k)/(B + 1); exact: k/N).
  public var pValue: Double
  /// Whether every arrangement was enumerated.
  public var exact: Bool
  /// B (Monte Carlo) or N, the number of distinct arrangements (exact).
  public var replicates: Int
  /// The alternative tested.
  public var alternative: Alternative
  /// Monte Carlo standard error of the p-value, √(p(1 − p)/B) (0 when exact).
  public var monteCarloError: Double
  /// The seed (unused when exact).
  public var seed: UInt64
  /// The generator's identifier.
  public var rng: String
  /// The statistic under each arrangement (replicate-index order, or enumeration order).
  public var nullDistribution: [Double]

  /// Whether ``pValue`` is only an upper bound (a Monte Carlo p with no exceedance).
  ///
  /// No random arrangement was as extreme as the observed one (k = 0 on the side that gives
  /// p), so p is the smallest value the convention can report, `1/(B + 1)` (two-sided:
  /// `2/(B + 1)`), and the data say only that the p-value is below it. Never true for an exact
  /// test.
  ///
  /// - Complexity: O(1).
  public var isUpperBound: Bool {
    guard !exact, replicates > 0 else { return false }
    // The same expression `summarize` evaluates for k = 0, so equality is exact.
    let smallest = 1 / (Double(replicates) + 1)
    guard alternative == .twoSided else { return pValue <= smallest }
    // Capped at 1, 2/(B + 1) bounds nothing.
    return 2 * smallest < 1 && pValue <= 2 * smallest
  }
}

/// Permutation tests (Fisher 1935; Pitman 1937) with SciPy's conventions: exact enumeration when
/// the number of distinct arrangements N ≤ B (p = k/N, the observed arrangement included);
/// otherwise B random arrangements with p = (1 + k)/(B + 1) (Phipson & Smyth 2010); two-sided
/// p = 2·min(p_less, p_greater) capped at 1; ties within 100·ε·|t_obs| count as extreme.
///
/// Random arrangement b uses only `Philox4x32(seed:stream: b)`: the smaller group is drawn as a
/// uniform subset by Floyd's algorithm (m Lemire bounded draws into a bitset), so the null
/// distribution is identical for any thread count and any split into ranges.
///
/// References: J. Bentley and R. Floyd, "Programming pearls: a sample of brilliance", *CACM* 30
/// (1987) 754–757; B. Phipson and G. K. Smyth, "Permutation p-values should never be zero",
/// *Stat. Appl. Genet. Mol. Biol.* 9 (2010) 39; SciPy `permutation_test`.
public struct PermutationTest: Sendable {
  /// The test statistic.
  public enum Statistic: Sendable, Equatable {
    /// mean(first) − mean(second); for paired data, the mean of the differences.
    case differenceOfMeans
    /// median(first) − median(second); for paired data, the median of the differences.
    case differenceOfMedians
    /// Σ first (any linear statistic of a fixed-size group is equivalent to it).
    case sumOfFirst

    var name: String {
      switch self {
      case .differenceOfMeans: return "difference of means"
      case .differenceOfMedians: return "difference of medians"
      case .sumOfFirst: return "sum of first sample"
      }
    }
  }

  /// Two independent samples (labels permuted) or paired samples (signs of differences flipped).
  public enum Design: Sendable, Equatable {
    case independent
    case paired
  }

  public let statistic: Statistic
  public let design: Design
  let pooled: [Double]
  let na: Int
  let nb: Int
  let total: Double
  /// The statistic on the observed data.
  public let observed: Double

  /// Prepares a test, validating the data.
  ///
  /// - Parameters:
  ///   - first: sample A (or the first of each pair).
  ///   - second: sample B (or the second of each pair).
  ///   - statistic: the test statistic (default difference of means).
  ///   - design: independent (default) or paired.
  /// - Throws: ``InputError`` for empty or non-finite samples, or unequal lengths when paired.
  public init(
    first: [Double], second: [Double], statistic: Statistic = .differenceOfMeans,
    design: Design = .independent
  ) throws {
    for (name, s) in [("first sample", first), ("second sample", second)] {
      guard !s.isEmpty else { throw InputError.invalidData(source: name, reason: "is empty") }
      try DataMagnitude.requireFinite(s, source: name)
      try DataMagnitude.validate(s, source: name)
    }
    if design == .paired {
      guard first.count == second.count else {
        throw InputError.invalidData(
          source: "samples",
          reason: "paired samples need equal lengths (\(first.count) ≠ \(second.count))")
      }
    }
    self.statistic = statistic
    self.design = design
    na = first.count
    nb = second.count
    if design == .paired {
      pooled = zip(first, second).map { $0 - $1 }
    } else {
      pooled = first + second
    }
    var t = 0.0
    for x in pooled { t += x }
    total = t
    var o = 0.0
    if design == .paired && statistic == .differenceOfMedians {
      o = SampleStatistic.median.evaluate(pooled)
    } else if design == .paired {
      var s = 0.0
      for d in pooled { s += d }
      o = statistic == .sumOfFirst ? s : s / Double(na)
    } else {
      switch statistic {
      case .differenceOfMeans, .sumOfFirst:
        var s = 0.0
        for x in first { s += x }
        o = statistic == .sumOfFirst ? s : s / Double(first.count) - (t - s) / Double(second.count)
      case .differenceOfMedians:
        o = SampleStatistic.median.evaluate(first) - SampleStatistic.median.evaluate(second)
      }
    }
    observed = o
  }

  /// The number of distinct arrangements (C(n, n_A), or 2ⁿ when paired), or nil above 2⁶².
  public var arrangementCount: Int? {
    if design == .paired { return pooled.count < 62 ? 1 << pooled.count : nil }
    let n = na + nb
    let k = min(na, nb)
    var c = 1.0
    for i in 0..<k { c = c * Double(n - i) / Double(i + 1) }
    return c < 4e18 ? Int(c.rounded()) : nil
  }

  /// The null distribution of random arrangements b ∈ `range`.
  ///
  /// - Complexity: O(|range| · (min(n_A, n_B) + n/64)) for means and sums, O(|range| · n) for
  ///   medians.
  public func nullDistribution(_ range: Range<Int>, seed: UInt64, threads: Int = 1) throws
    -> [Double]
  {
    try validatePermutationRange(range, threads: threads)
    let count = range.count
    var out = [Double](repeating: 0, count: count)
    out.withUnsafeMutableBufferPointer { op in
      let shared = UnsafeShared(op)
      ParallelFor.run(count: count, chunkSize: 2048, threads: threads) { chunks in
        let values = shared.value
        var marks = [UInt8](repeating: 0, count: self.pooled.count)
        var bufA = [Double](repeating: 0, count: self.pooled.count)
        var bufB = bufA
        // The bounds of Floyd's draws (j + 1 for j in n − m..<n) are the same in every
        // arrangement: their Lemire thresholds are computed once, not once per draw.
        let bounds = self.floydBounds()
        for chunk in chunks {
          for i in chunk.range {
            var d = IndexDrawer(seed: seed, stream: range.lowerBound + i)
            values[i] = self.arrangement(&d, &marks, &bufA, &bufB, bounds)
          }
        }
      }
    }
    return out
  }

  /// The bounds j + 1 of Floyd's draws, j ∈ n − m..<n, m = min(n_A, n_B) (empty when paired).
  func floydBounds() -> [Bound] {
    if design == .paired { return [] }
    let n = pooled.count
    let m = min(na, nb)
    return ((n - m)..<n).map { Bound(UInt32($0 + 1)) }
  }

  /// One random arrangement's statistic (`bounds` from ``floydBounds()``).
  @inline(__always)
  func arrangement(
    _ d: inout IndexDrawer, _ marks: inout [UInt8],
    _ bufA: inout [Double], _ bufB: inout [Double], _ bounds: [Bound]
  ) -> Double {
    let n = pooled.count
    if design == .paired {
      var s = 0.0
      let median = statistic == .differenceOfMedians
      pooled.withUnsafeBufferPointer { x in
        var i = 0
        while i < n {
          let bits = d.next()
          let m = min(64, n - i)
          for j in 0..<m {
            let v = (bits >> UInt64(j)) & 1 == 1 ? -x[i + j] : x[i + j]
            if median { bufA[i + j] = v } else { s += v }
          }
          i += m
        }
      }
      if median { return Quickselect.median(&bufA, count: n) }
      return statistic == .sumOfFirst ? s : s / Double(n)
    }
    let firstIsSmall = na <= nb
    let m = firstIsSmall ? na : nb
    // Floyd's algorithm: a uniform m-subset of 0..<n from m bounded draws, marked one byte per
    // element (Bentley & Floyd 1987); no permutation array to restore between arrangements.
    // Bytes rather than bits: marking is a plain store, not a read-modify-write of a word that
    // the next draws are likely to read too.
    return marks.withUnsafeMutableBufferPointer { mark in
      pooled.withUnsafeBufferPointer { x in
        bounds.withUnsafeBufferPointer { bd in
          for i in 0..<n { mark[i] = 0 }
          var small = 0.0
          let first = n - m
          for j in first..<n {
            var t = d.index(bd[j - first])
            if mark[t] != 0 { t = j }
            mark[t] = 1
            small += x[t]
          }
          switch statistic {
          case .differenceOfMeans, .sumOfFirst:
            let sa = firstIsSmall ? small : total - small
            return statistic == .sumOfFirst ? sa : sa / Double(na) - (total - sa) / Double(nb)
          case .differenceOfMedians:
            var ia = 0
            var ib = 0
            for i in 0..<n {
              let inSmall = mark[i] != 0
              if inSmall == firstIsSmall {
                bufA[ia] = x[i]
                ia += 1
              } else {
                bufB[ib] = x[i]
                ib += 1
              }
            }
            return Quickselect.median(&bufA, count: na) - Quickselect.median(&bufB, count: nb)
          }
        }
      }
    }
  }

  /// Every arrangement's statistic (exact enumeration), in a fixed order.
  func enumerate() -> [Double] {
    let n = pooled.count
    var out: [Double] = []
    if design == .paired {
      let count = 1 << n
      out.reserveCapacity(count)
      var flipped = pooled
      for mask in 0..<count {
        var s = 0.0
        for i in 0..<n {
          flipped[i] = (mask >> i) & 1 == 1 ? -pooled[i] : pooled[i]
          s += flipped[i]
        }
        switch statistic {
        case .differenceOfMedians: out.append(Quickselect.median(&flipped, count: n))
        case .sumOfFirst: out.append(s)
        case .differenceOfMeans: out.append(s / Double(n))
        }
      }
      return out
    }
    // Combinations of na positions out of n (lexicographic).
    var idx = Array(0..<na)
    var inA = [Bool](repeating: false, count: n)
    var a = [Double](repeating: 0, count: na)
    var b = [Double](repeating: 0, count: nb)
    while true {
      for i in 0..<n { inA[i] = false }
      for i in idx { inA[i] = true }
      switch statistic {
      case .differenceOfMeans, .sumOfFirst:
        var s = 0.0
        for i in idx { s += pooled[i] }
        out.append(statistic == .sumOfFirst ? s : s / Double(na) - (total - s) / Double(nb))
      case .differenceOfMedians:
        var ia = 0
        var ib = 0
        for i in 0..<n {
          if inA[i] {
            a[ia] = pooled[i]
            ia += 1
          } else {
            b[ib] = pooled[i]
            ib += 1
          }
        }
        out.append(Quickselect.median(&a, count: na) - Quickselect.median(&b, count: nb))
      }
      var i = na - 1
      while i >= 0 && idx[i] == n - na + i { i -= 1 }
      if i < 0 { break }
      idx[i] += 1
      for j in (i + 1)..<na { idx[j] = idx[j - 1] + 1 }
    }
    return out
  }

  /// Runs the test: exact when N ≤ B, otherwise Monte Carlo with B arrangements.
  ///
  /// - Parameters:
  ///   - alternative: two-sided (default), `.less` (statistic smaller than under H0) or `.greater`.
  ///   - replicates: B (default 9,999).
  ///   - seed: the seed.
  ///   - threads: workers; the result does not depend on it.
  /// - Throws: ``InputError`` for B < 1 or threads < 1.
  public func run(
    alternative: Alternative = .twoSided, replicates: Int = 9_999, seed: UInt64,
    threads: Int = 1
  ) throws -> PermutationTestResult {
    guard replicates >= 1 else {
      throw InputError.invalidParameter(
        name: "replicates", value: "\(replicates)", expected: "an integer ≥ 1")
    }
    if let n = arrangementCount, n <= replicates {
      return summarize(enumerate(), exact: true, alternative: alternative, seed: seed)
    }
    let null = try nullDistribution(0..<replicates, seed: seed, threads: threads)
    return summarize(null, exact: false, alternative: alternative, seed: seed)
  }

  /// The p-value from a null distribution (SciPy's tie tolerance γ = 100·ε·|t_obs|).
  public func summarize(
    _ null: [Double], exact: Bool, alternative: Alternative, seed: UInt64
  ) -> PermutationTestResult {
    Self.summarize(
      null, name: statisticName, observed: observed, exact: exact, alternative: alternative,
      seed: seed)
  }

  /// The p-value of `observed` against a null distribution, with the conventions above (shared
  /// by the k-sample and correlation permutation tests).
  static func summarize(
    _ null: [Double], name: String, observed: Double, exact: Bool, alternative: Alternative,
    seed: UInt64
  ) -> PermutationTestResult {
    var r = summarize(
      PermutationTally(null, observed: observed), name: name, observed: observed, exact: exact,
      alternative: alternative, seed: seed)
    r.nullDistribution = null
    return r
  }
}

/// Hoare's selection (Hoare 1961, "Algorithm 65: find") for medians of scratch buffers.
enum Quickselect {
  /// The k-th smallest (0-based) of buf[0..<count]; reorders the buffer.
  static func select(_ buf: inout [Double], count: Int, k: Int) -> Double {
    buf.withUnsafeMutableBufferPointer { a in
      var lo = 0
      var hi = count - 1
      while lo < hi {
        let pivot = a[(lo + hi) / 2]
        var i = lo
        var j = hi
        while i <= j {
          while a[i] < pivot { i += 1 }
          while a[j] > pivot { j -= 1 }
          if i <= j {
            a.swapAt(i, j)
            i += 1
            j -= 1
          }
        }
        if k <= j { hi = j } else if k >= i { lo = i } else { return a[k] }
      }
      return a[k]
    }
  }

  /// numpy's median of buf[0..<count] (mean of the two middle values when even).
  static func median(_ buf: inout [Double], count: Int) -> Double {
    let hi = select(&buf, count: count, k: count / 2)
    if count % 2 == 1 { return hi }
    // The largest of the lower half.
    var lo = -Double.infinity
    for i in 0..<(count / 2) where buf[i] > lo { lo = buf[i] }
    return midpoint(lo, hi)
  }
}

/// The checks every permutation test's `nullDistribution(_:seed:threads:)` makes.
///
/// - Throws: ``InputError`` for a negative range, threads < 1 or more than
///   ``Bootstrap/maximumReplicates`` replicates.
func validatePermutationRange(_ range: Range<Int>, threads: Int) throws {
  guard range.lowerBound >= 0, threads >= 1 else {
    throw InputError.invalidParameter(
      name: "range/threads", value: "\(range), \(threads)",
      expected: "replicate indices ≥ 0 and threads ≥ 1")
  }
  try Bootstrap.requireCapacity(range.count)
}
