// KruskalWallis.swift: the Kruskal–Wallis rank test of k independent samples.
import Distributions
import ResampleCore

/// The Kruskal–Wallis H test of whether k independent samples come from the same distribution.
///
/// As R's `kruskal.test` and SciPy's `kruskal`:
///
///     H = [12 / (N(N+1)) · Σ Rᵢ²/nᵢ − 3(N+1)] / [1 − Σ(t³ − t)/(N³ − N)]
///
/// with Rᵢ the mid-rank sum of sample i and t the sizes of the groups of tied values; the
/// p-value is P(χ²_{k−1} ≥ H) (the large-sample approximation both peers use).
///
/// References:
/// - Kruskal, W. H. & Wallis, W. A. (1952). Use of ranks in one-criterion variance analysis.
///   *JASA* 47, 583–621.
/// - Hollander, M., Wolfe, D. A. & Chicken, E. (2014). *Nonparametric Statistical Methods*, 3rd ed.,
///   §6.1.
public enum KruskalWallis {
  /// Tests whether `samples` come from the same distribution.
  ///
  /// - Parameters:
  ///   - samples: two or more samples, each with at least one finite value.
  /// - Returns: H, its degrees of freedom, the p-value and each sample's mean rank.
  /// - Throws: `InputError.invalidParameter` for fewer than two samples, an empty sample or a
  ///   non-finite value; `InputError.invalidData` when every value is tied (H is 0/0).
  /// - Complexity: O(N log N).
  public static func test(_ samples: [[Double]]) throws -> KruskalWallisResult {
    guard samples.count >= 2 else {
      throw InputError.invalidParameter(
        name: "samples", value: "\(samples.count) group(s)", expected: "at least two groups")
    }
    for (i, s) in samples.enumerated() {
      guard !s.isEmpty else {
        throw InputError.invalidParameter(
          name: "samples[\(i)]", value: "[]", expected: "a sample with at least one value")
      }
      if let bad = s.first(where: { !$0.isFinite }) {
        throw InputError.invalidParameter(
          name: "samples[\(i)]", value: "\(bad)", expected: "finite values")
      }
    }
    let pooled = samples.flatMap { $0 }
    let ranks = MidRanks(pooled)
    let n = Double(pooled.count)
    guard ranks.tieGroupSizes.count > 1 else {
      throw InputError.invalidData(
        source: "samples", reason: "all \(pooled.count) values are equal: H is undefined")
    }
    var sum = 0.0
    var meanRanks: [Double] = []
    var start = 0
    for s in samples {
      var r = 0.0
      for k in start..<(start + s.count) { r += ranks.ranks[k] }
      start += s.count
      sum += r * r / Double(s.count)
      meanRanks.append(r / Double(s.count))
    }
    let h =
      (12 * sum / (n * (n + 1)) - 3 * (n + 1)) / (1 - ranks.tieCorrectionSum / (n * n * n - n))
    let df = samples.count - 1
    let chi = try ChiSquared(degreesOfFreedom: Double(df))
    return KruskalWallisResult(
      statistic: h, degreesOfFreedom: df, pValue: chi.sf(h), sizes: samples.map(\.count),
      meanRanks: meanRanks, hasTies: ranks.hasTies)
  }
}

/// The result of ``KruskalWallis/test(_:)``.
public struct KruskalWallisResult: Sendable, Equatable {
  /// H, tie-corrected (R's `Kruskal-Wallis chi-squared`, SciPy's `statistic`).
  public var statistic: Double
  /// k − 1.
  public var degreesOfFreedom: Int
  /// P(χ²_{k−1} ≥ H).
  public var pValue: Double
  /// Each sample's size and mean rank, in the order given.
  public var sizes: [Int]
  public var meanRanks: [Double]
  /// Whether the pooled sample has ties.
  public var hasTies: Bool
}
