// KSamplePermutationTest.swift: permutation tests of k samples (one-way ANOVA F, Kruskal–Wallis H).
import RandomStreams
import ResampleCore

/// A permutation test that k samples come from one distribution: the group labels of the pooled
/// observations are permuted, keeping the group sizes.
///
/// Statistics: the one-way ANOVA F = (SSB/(k − 1)) / (SSW/(n − k)) (R `oneway.test(var.equal =
/// TRUE)`, SciPy `f_oneway`), and the Kruskal–Wallis H on midranks with the tie correction
/// (R `kruskal.test`, SciPy `kruskal`). Both are increasing functions of Σ_g S_g²/n_g (S_g the
/// group's sum of values or ranks) once the pooled data are fixed, so a permutation needs only
/// the group sums. Large values are extreme: p = (1 + #{T* ≥ T − γ})/(B + 1) with SciPy's tie
/// tolerance γ = 100·ε·|T| (always Monte Carlo; the alternative is `.greater`).
///
/// Permutation b uses only `Philox4x32(seed:stream: b)`: a Fisher–Yates shuffle of the first
/// n − n_k positions (the last group takes what is left), so the null distribution does not
/// depend on the thread count or on splitting the replicates into ranges.
///
/// Reference: E. J. G. Pitman, "Significance tests which may be applied to samples from any
/// populations. III. The analysis of variance test", *Biometrika* 29 (1938) 322–335.
public struct KSamplePermutationTest: Sendable {
  /// The test statistic.
  public enum Statistic: String, Sendable, CaseIterable {
    /// One-way ANOVA F (equal variances).
    case anovaF = "anova-f"
    /// Kruskal–Wallis H, tie-corrected.
    case kruskalWallis = "kruskal"

    var name: String { self == .anovaF ? "ANOVA F" : "Kruskal–Wallis H" }
  }

  /// The statistic.
  public let statistic: Statistic
  /// Group sizes, in the order given.
  public let sizes: [Int]
  /// The statistic on the observed grouping.
  public let observed: Double
  /// Values (F) or midranks (H) of the pooled observations, groups one after another.
  let pooled: [Double]
  /// Σ (v − v̄)² of the pooled values (F), or H's scale 12/(n(n + 1))/C (H).
  let totalSquares: Double
  let scale: Double

  /// Prepares the test.
  ///
  /// - Parameters:
  ///   - groups: k ≥ 2 samples, each non-empty, n > k observations in all.
  ///   - statistic: F or H.
  /// - Throws: ``InputError`` for fewer than 2 groups, an empty group, non-finite values, n ≤ k,
  ///   or all observations equal (the statistic is undefined).
  /// - Complexity: O(n log n).
  public init(groups: [[Double]], statistic: Statistic) throws {
    guard groups.count >= 2 else {
      throw InputError.invalidData(
        source: "groups", reason: "\(groups.count) group: a k-sample test needs at least 2")
    }
    for (g, s) in groups.enumerated() {
      guard !s.isEmpty else {
        throw InputError.invalidData(source: "group \(g + 1)", reason: "is empty")
      }
      try DataMagnitude.requireFinite(s, source: "group \(g + 1)")
      try DataMagnitude.validate(s, source: "group \(g + 1)")
    }
    let values = groups.flatMap { $0 }
    let n = values.count
    guard n > groups.count else {
      throw InputError.invalidData(
        source: "groups", reason: "\(n) observations in \(groups.count) groups: need n > k")
    }
    guard values.contains(where: { $0 != values[0] }) else {
      throw InputError.invalidData(
        source: "groups", reason: "every observation is equal, so the statistic is undefined")
    }
    self.statistic = statistic
    sizes = groups.map(\.count)
    switch statistic {
    case .anovaF:
      let mean = values.reduce(0, +) / Double(n)
      pooled = values.map { $0 - mean }
      totalSquares = pooled.reduce(0) { $0 + $1 * $1 }
      scale = 1
    case .kruskalWallis:
      let (ranks, ties) = Self.midranks(values)
      let shift = Double(n + 1) / 2
      pooled = ranks.map { $0 - shift }
      totalSquares = 0
      let nn = Double(n)
      scale = 12 / (nn * (nn + 1)) / (1 - ties / (nn * nn * nn - nn))
    }
    var sums = [Double](repeating: 0, count: sizes.count)
    var start = 0
    for (g, m) in sizes.enumerated() {
      for i in start..<(start + m) { sums[g] += pooled[i] }
      start += m
    }
    observed = Self.value(
      statistic, sizes: sizes, n: n, totalSquares: totalSquares, scale: scale, groupSums: sums)
  }

  /// Midranks (1-based) and Σ(t³ − t) over tie groups.
  static func midranks(_ v: [Double]) -> ([Double], Double) {
    let order = v.indices.sorted { v[$0] < v[$1] }
    var ranks = [Double](repeating: 0, count: v.count)
    var ties = 0.0
    var i = 0
    while i < order.count {
      var j = i
      while j + 1 < order.count && v[order[j + 1]] == v[order[i]] { j += 1 }
      let r = Double(i + j + 2) / 2
      for k in i...j { ranks[order[k]] = r }
      let t = Double(j - i + 1)
      ties += t * t * t - t
      i = j + 1
    }
    return (ranks, ties)
  }

  /// F or H from the groups' sums of centred values (ranks).
  @inline(__always)
  func value(groupSums s: [Double]) -> Double {
    Self.value(
      statistic, sizes: sizes, n: pooled.count, totalSquares: totalSquares, scale: scale,
      groupSums: s)
  }

  @inline(__always)
  static func value(
    _ statistic: Statistic, sizes: [Int], n: Int, totalSquares: Double, scale: Double,
    groupSums s: [Double]
  ) -> Double {
    var between = 0.0
    for (g, m) in sizes.enumerated() { between += s[g] * s[g] / Double(m) }
    switch statistic {
    case .anovaF:
      let k = Double(sizes.count)
      let within = max(totalSquares - between, 0)
      return (between / (k - 1)) / (within / (Double(n) - k))
    case .kruskalWallis:
      return scale * between
    }
  }

  /// The statistic under random permutations b ∈ `range`.
  ///
  /// - Throws: ``InputError`` for a negative range, threads < 1 or too many replicates.
  /// - Complexity: O(|range| · n).
  public func nullDistribution(_ range: Range<Int>, seed: UInt64, threads: Int = 1) throws
    -> [Double]
  {
    try validatePermutationRange(range, threads: threads)
    let n = pooled.count
    let shuffled = n - (sizes.last ?? 0)
    let bounds = (0..<shuffled).map { Bound(UInt32(n - $0)) }
    var out = [Double](repeating: 0, count: range.count)
    out.withUnsafeMutableBufferPointer { op in
      let shared = UnsafeShared(op)
      ParallelFor.run(count: range.count, chunkSize: 1024, threads: threads) { chunks in
        var work = self.pooled
        var sums = [Double](repeating: 0, count: self.sizes.count)
        for chunk in chunks {
          for i in chunk.range {
            var d = IndexDrawer(seed: seed, stream: range.lowerBound + i)
            // Restarting from the pooled order keeps permutation b a function of b alone.
            for j in 0..<n { work[j] = self.pooled[j] }
            var g = 0
            var end = self.sizes[0]
            var s = 0.0
            for j in 0..<shuffled {
              let t = j + d.index(bounds[j])
              work.swapAt(j, t)
              s += work[j]
              if j + 1 == end {
                sums[g] = s
                s = 0
                g += 1
                end += self.sizes[g]
              }
            }
            // The last group: what is left (its sum from the total, which is 0 after centring,
            // would lose the bits the others' sums round away: add it up).
            var last = 0.0
            for j in shuffled..<n { last += work[j] }
            sums[self.sizes.count - 1] = last
            shared.value[i] = self.value(groupSums: sums)
          }
        }
      }
    }
    return out
  }

  /// Runs B random permutations.
  ///
  /// - Throws: ``InputError`` for B < 1 or threads < 1.
  public func run(replicates: Int = 9_999, seed: UInt64, threads: Int = 1) throws
    -> PermutationTestResult
  {
    guard replicates >= 1 else {
      throw InputError.invalidParameter(
        name: "replicates", value: "\(replicates)", expected: "an integer ≥ 1")
    }
    let null = try nullDistribution(0..<replicates, seed: seed, threads: threads)
    return PermutationTest.summarize(
      null, name: statistic.name, observed: observed, exact: false, alternative: .greater,
      seed: seed)
  }
}
