// CorrelationPermutationTest.swift: permutation test of no association between paired columns.
import RandomStreams
import ResampleCore

/// A permutation test of independence of x and y: y is permuted against x and Pearson's r
/// (or Spearman's ρ, Pearson's r of the midranks) recomputed.
///
/// Under a permutation only Σ xᵢ·y_π(i) changes, so r* = (Σ x̃ᵢ ỹ_π(i)) / √(Σx̃² Σỹ²) with the
/// columns centred once. Conventions as ``PermutationTest``: p = (1 + k)/(B + 1), two-sided
/// p = 2·min(p_less, p_greater) capped at 1, ties within 100·ε·|r| count as extreme (SciPy
/// `permutation_test(..., permutation_type='pairings')`). Always Monte Carlo.
///
/// Permutation b uses only `Philox4x32(seed:stream: b)` (a Fisher–Yates shuffle of y's
/// positions), so the null distribution does not depend on the thread count.
public struct CorrelationPermutationTest: Sendable {
  /// The correlation.
  public enum Statistic: String, Sendable, CaseIterable {
    case pearson
    case spearman
  }

  /// The statistic.
  public let statistic: Statistic
  /// r (or ρ) of the observed pairing.
  public let observed: Double
  let x: [Double]
  let y: [Double]
  let denominator: Double

  /// Prepares the test.
  ///
  /// - Parameters:
  ///   - x: the first column.
  ///   - y: the second column, paired with x.
  ///   - statistic: Pearson (default) or Spearman.
  /// - Throws: ``InputError`` for unequal lengths, fewer than 3 pairs, non-finite values, or a
  ///   constant column.
  /// - Complexity: O(n log n).
  public init(x: [Double], y: [Double], statistic: Statistic = .pearson) throws {
    guard x.count == y.count, x.count >= 3 else {
      throw InputError.invalidData(
        source: "columns",
        reason: "a correlation needs two columns of equal length ≥ 3 (\(x.count), \(y.count))")
    }
    for (name, c) in [("x", x), ("y", y)] {
      try DataMagnitude.requireFinite(c, source: "column \(name)", item: "row")
      try DataMagnitude.validate(c, source: "column \(name)")
      guard c.contains(where: { $0 != c[0] }) else {
        throw InputError.invalidData(
          source: "column \(name)", reason: "is constant, so the correlation is undefined")
      }
    }
    self.statistic = statistic
    var a = x
    var b = y
    if statistic == .spearman {
      a = KSamplePermutationTest.midranks(x).0
      b = KSamplePermutationTest.midranks(y).0
    }
    let n = Double(a.count)
    let ma = a.reduce(0, +) / n
    let mb = b.reduce(0, +) / n
    a = a.map { $0 - ma }
    b = b.map { $0 - mb }
    let saa = a.reduce(0) { $0 + $1 * $1 }
    let sbb = b.reduce(0) { $0 + $1 * $1 }
    self.x = a
    self.y = b
    denominator = (saa * sbb).squareRoot()
    var sab = 0.0
    for i in a.indices { sab += a[i] * b[i] }
    observed = sab / denominator
  }

  /// r under random permutations b ∈ `range`.
  ///
  /// - Throws: ``InputError`` for a negative range, threads < 1 or too many replicates.
  /// - Complexity: O(|range| · n).
  public func nullDistribution(_ range: Range<Int>, seed: UInt64, threads: Int = 1) throws
    -> [Double]
  {
    try validatePermutationRange(range, threads: threads)
    let n = x.count
    let bounds = (0..<(n - 1)).map { Bound(UInt32(n - $0)) }
    var out = [Double](repeating: 0, count: range.count)
    out.withUnsafeMutableBufferPointer { op in
      let shared = UnsafeShared(op)
      ParallelFor.run(count: range.count, chunkSize: 1024, threads: threads) { chunks in
        var work = self.y
        for chunk in chunks {
          for i in chunk.range {
            var d = IndexDrawer(seed: seed, stream: range.lowerBound + i)
            for j in 0..<n { work[j] = self.y[j] }
            var s = 0.0
            for j in 0..<(n - 1) {
              work.swapAt(j, j + d.index(bounds[j]))
              s += self.x[j] * work[j]
            }
            s += self.x[n - 1] * work[n - 1]
            shared.value[i] = s / self.denominator
          }
        }
      }
    }
    return out
  }

  /// Runs B random permutations.
  ///
  /// - Throws: ``InputError`` for B < 1 or threads < 1.
  public func run(
    alternative: Alternative = .twoSided, replicates: Int = 9_999, seed: UInt64, threads: Int = 1
  ) throws -> PermutationTestResult {
    guard replicates >= 1 else {
      throw InputError.invalidParameter(
        name: "replicates", value: "\(replicates)", expected: "an integer ≥ 1")
    }
    let null = try nullDistribution(0..<replicates, seed: seed, threads: threads)
    return PermutationTest.summarize(
      null, name: statistic == .pearson ? "correlation" : "spearman correlation",
      observed: observed, exact: false, alternative: alternative, seed: seed)
  }
}
