// MannWhitneyU.swift: the Mann–Whitney U (Wilcoxon rank-sum) test for two independent samples.
import Distributions
import ResampleCore

/// The Mann–Whitney U test (Wilcoxon rank-sum test) for two independent samples.
///
/// It asks whether the two samples come from the same distribution, against a shift of one
/// relative to the other.
///
/// The statistic is R's `W`: the Mann–Whitney U of `x`, `W = R_x − n_x(n_x + 1)/2`, where `R_x`
/// is the sum of the mid-ranks of `x` in the pooled sample. It counts the pairs with `x > y`,
/// a tie counting one half. `alternative: .greater` means `x` tends to be larger than `y`.
///
/// How the p-value is computed is chosen by ``Method``:
/// - ``Method/automatic`` (the default): the exact permutation distribution of the mid-rank sum
///   (ties handled exactly, as `exactRankTests::wilcox.exact` and `coin`) when
///   `n_x · n_y ≤ exactLimit` (default ``defaultExactLimit`` = 2,500, i.e. up to 50 × 50),
///   otherwise the normal approximation with tie and continuity corrections.
/// - ``Method/rCompatible``: exactly R's `wilcox.test(x, y)`: the exact distribution (`pwilcox`)
///   when both samples have fewer than 50 values and there are no ties, otherwise the normal
///   approximation with tie correction and, if `continuityCorrection`, continuity correction.
/// - ``Method/exact``: always the exact permutation distribution (throws `InputError.tooLarge`
///   beyond the limits of ``RankSumExactDistribution``).
/// - ``Method/normal``: always the normal approximation.
///
/// Two-sided p-values: for the exact permutation distribution, P(|W − E W| ≥ |w − E W|)
/// (exactRankTests' and coin's rule; with ties the distribution need not be symmetric); for R's
/// `pwilcox` path, `min(1, 2·min(P(W ≤ w), P(W ≥ w)))` as R; for the normal approximation,
/// `2·min(Φ(z), 1 − Φ(z))`. Without ties the first two agree (the distribution is symmetric).
///
/// References:
/// - Mann, H. B. & Whitney, D. R. (1947). *Ann. Math. Statist.* 18, 50–60.
/// - Wilcoxon, F. (1945). Individual comparisons by ranking methods. *Biometrics Bulletin* 1, 80–83.
/// - Hollander, M., Wolfe, D. A. & Chicken, E. (2014). *Nonparametric Statistical Methods*, 3rd ed.,
///   §4.1 (tie-corrected variance).
/// - Streitberg, B. & Röhmel, J. (1986). *Statistical Software Newsletter* 12, 10–17 (exact
///   distribution with ties).
public enum MannWhitneyU {
  /// How the p-value is computed.
  public enum Method: String, Sendable, CaseIterable, Codable {
    /// Exact permutation distribution (ties handled) when `n_x · n_y ≤ exactLimit`, else normal.
    case automatic = "auto"
    /// R's `wilcox.test` rule: `pwilcox` when n_x < 50, n_y < 50 and no ties, else normal.
    case rCompatible = "r"
    /// Always the exact permutation distribution of the mid-rank sum.
    case exact
    /// Always the normal approximation with tie correction.
    case normal
  }

  /// The computation a result actually used.
  public enum Computation: String, Sendable, Codable {
    /// R's exact distribution of W without ties (`pwilcox`), R's two-sided rule.
    case exactNoTies = "exact"
    /// The exact permutation distribution of the mid-rank sum given the ties.
    case exactPermutation = "exact-permutation"
    /// The normal approximation with tie correction (and continuity correction if asked).
    case normalApproximation = "normal"
  }

  /// The largest `n_x · n_y` for which ``Method/automatic`` uses the exact distribution.
  public static let defaultExactLimit = 2_500

  /// Tests whether `x` and `y` come from the same distribution.
  ///
  /// - Parameters:
  ///   - x: the first sample (finite values, at least one).
  ///   - y: the second sample (finite values, at least one).
  ///   - alternative: `.greater` when `x` is expected to be stochastically larger than `y`.
  ///   - method: how to compute the p-value (see the type's documentation).
  ///   - continuityCorrection: apply the ±½ continuity correction in the normal approximation
  ///     (R's `correct = TRUE`, the default).
  ///   - exactLimit: the largest `n_x · n_y` for which `.automatic` is exact (≥ 0).
  /// - Returns: W, the p-value and what was computed.
  /// - Throws: `InputError.invalidParameter` for an empty sample, a non-finite value or a
  ///   negative `exactLimit`; `InputError.tooLarge` when `.exact` is asked for samples too large.
  /// - Complexity: O(N log N) for the ranks; the exact distribution costs
  ///   O(N · min(n_x, n_y)² · max(n_x, n_y)) time in the worst case.
  public static func test(
    _ x: [Double], _ y: [Double], alternative: Alternative = .twoSided,
    method: Method = .automatic, continuityCorrection: Bool = true,
    exactLimit: Int = defaultExactLimit
  ) throws -> MannWhitneyResult {
    try validate(x, "x")
    try validate(y, "y")
    guard exactLimit >= 0 else {
      throw InputError.invalidParameter(
        name: "exactLimit", value: "\(exactLimit)", expected: "a non-negative integer")
    }
    let nx = x.count
    let ny = y.count
    let ranks = MidRanks(x + y)
    var rankSum2 = 0  // doubled rank sum of x, exact
    for r in ranks.ranks[0..<nx] { rankSum2 += Int(2 * r) }
    let w = Double(rankSum2 - nx * (nx + 1)) / 2

    var diagnostics: [MannWhitneyDiagnostic] = []
    let allTied = ranks.tieGroupSizes.count == 1
    if allTied { diagnostics.append(.allValuesTied) }

    let computation: Computation
    switch method {
    case .automatic:
      computation = nx * ny <= exactLimit ? .exactPermutation : .normalApproximation
    case .rCompatible:
      if nx < 50 && ny < 50 && !ranks.hasTies {
        computation = .exactNoTies
      } else {
        computation = .normalApproximation
        if nx < 50 && ny < 50 { diagnostics.append(.tiesPreventExactInR) }
      }
    case .exact:
      computation = .exactPermutation
    case .normal:
      computation = .normalApproximation
    }

    var z: Double? = nil
    let p: Double
    switch computation {
    case .exactNoTies:
      let dist = try exactDistribution(ranks: ranks, nx: nx)
      p = rExactPValue(w: w, nx: nx, ny: ny, distribution: dist, alternative: alternative)
    case .exactPermutation:
      let dist = try exactDistribution(ranks: ranks, nx: nx)
      switch alternative {
      case .less: p = dist.probabilityAtMost(rankSum2)
      case .greater: p = dist.probabilityAtLeast(rankSum2)
      case .twoSided: p = dist.probabilityAtLeastAsFar(from: nx * (nx + ny + 1), as: rankSum2)
      }
    case .normalApproximation:
      if allTied {
        p = 1  // the rank sum is constant: no evidence either way (R returns NaN here)
      } else {
        let (pn, zn) = normalPValue(
          w: w, nx: nx, ny: ny, tieSum: ranks.tieCorrectionSum, alternative: alternative,
          correct: continuityCorrection)
        p = pn
        z = zn
      }
    }
    return MannWhitneyResult(
      statistic: w, pValue: min(1, max(0, p)), alternative: alternative, computation: computation,
      continuityCorrection: computation == .normalApproximation && continuityCorrection,
      z: z, xCount: nx, yCount: ny, hasTies: ranks.hasTies, diagnostics: diagnostics)
  }

  private static func validate(_ sample: [Double], _ name: String) throws {
    guard !sample.isEmpty else {
      throw InputError.invalidParameter(
        name: name, value: "[]", expected: "a sample with at least one value")
    }
    if let bad = sample.first(where: { !$0.isFinite }) {
      throw InputError.invalidParameter(
        name: name, value: "\(bad)", expected: "finite values only")
    }
  }

  private static func exactDistribution(ranks: MidRanks, nx: Int) throws
    -> RankSumExactDistribution
  {
    var groups: [(r2: Int, t: Int)] = []
    groups.reserveCapacity(ranks.tieGroupSizes.count)
    var start = 0
    for t in ranks.tieGroupSizes {
      // Positions start+1 ... start+t share the doubled mid-rank (2·start + t + 1).
      groups.append((r2: 2 * start + t + 1, t: t))
      start += t
    }
    return try RankSumExactDistribution(groups: groups, m: nx)
  }

  /// R's exact p-value (`pwilcox`, no ties), reproducing its summation order.
  private static func rExactPValue(
    w: Double, nx: Int, ny: Int, distribution: RankSumExactDistribution,
    alternative: Alternative
  ) -> Double {
    let offset2 = nx * (nx + 1)
    // cwilcox(u) = count of doubled rank sum 2u + nx(nx+1).
    let c = distribution.total
    func cw(_ u: Int) -> Double { distribution.count(2 * u + offset2) }
    // R's pwilcox(q, m, n, lower.tail).
    func pwilcox(_ q0: Double, lowerTail: Bool) -> Double {
      let q = (q0 + 1e-7).rounded(.down)
      let mn = Double(nx * ny)
      if q < 0 { return lowerTail ? 0 : 1 }
      if q >= mn { return lowerTail ? 1 : 0 }
      var p = 0.0
      var lower = lowerTail
      if q <= mn / 2 {
        for i in 0...Int(q) { p += cw(i) / c }
      } else {
        let qq = Int(mn - q)
        for i in 0..<qq { p += cw(i) / c }
        lower.toggle()
      }
      return lower ? p : 0.5 - p + 0.5
    }
    switch alternative {
    case .twoSided:
      let p =
        w > Double(nx * ny) / 2
        ? pwilcox(w - 1, lowerTail: false) : pwilcox(w, lowerTail: true)
      return min(2 * p, 1)
    case .greater:
      return pwilcox(w - 1, lowerTail: false)
    case .less:
      return pwilcox(w, lowerTail: true)
    }
  }

  /// R's normal approximation with tie correction and optional continuity correction.
  private static func normalPValue(
    w: Double, nx: Int, ny: Int, tieSum: Double, alternative: Alternative, correct: Bool
  ) -> (p: Double, z: Double) {
    let m = Double(nx)
    let n = Double(ny)
    let big = m + n
    var z = w - m * n / 2
    let sigma = ((m * n / 12) * ((big + 1) - tieSum / (big * (big - 1)))).squareRoot()
    let correction = WilcoxonContinuityCorrection.offset(
      z, alternative: alternative, enabled: correct)
    z = (z - correction) / sigma
    let normal = Normal.standard
    switch alternative {
    case .less: return (normal.cdf(z), z)
    case .greater: return (normal.sf(z), z)
    case .twoSided: return (2 * min(normal.cdf(z), normal.sf(z)), z)
    }
  }
}

/// A condition worth reporting about a Mann–Whitney result.
public enum MannWhitneyDiagnostic: String, Sendable, Equatable, Codable, CustomStringConvertible {
  /// Every value in both samples is equal: the rank sum is constant and p = 1.
  case allValuesTied = "all-values-tied"
  /// R's rule fell back to the normal approximation because of ties (R warns "cannot compute
  /// exact p-value with ties"); `.automatic` or `.exact` handle ties exactly.
  case tiesPreventExactInR = "ties-prevent-exact-in-r"

  public var description: String {
    switch self {
    case .allValuesTied:
      return "all values are tied: the rank sum is constant, so the p-value is 1"
    case .tiesPreventExactInR:
      return "ties present: R's rule uses the normal approximation (cannot compute exact "
        + "p-value with ties); the exact permutation method handles ties"
    }
  }
}

/// The result of ``MannWhitneyU/test(_:_:alternative:method:continuityCorrection:exactLimit:)``.
public struct MannWhitneyResult: Sendable, Equatable {
  /// R's `W`: the Mann–Whitney U of `x` (pairs with x > y, ties counting ½).
  public var statistic: Double
  /// The p-value for ``alternative``.
  public var pValue: Double
  /// The alternative hypothesis tested.
  public var alternative: Alternative
  /// What computed the p-value.
  public var computation: MannWhitneyU.Computation
  /// Whether the continuity correction was applied (normal approximation only).
  public var continuityCorrection: Bool
  /// The standardised statistic of the normal approximation (nil for exact p-values).
  public var z: Double?
  /// The sample sizes.
  public var xCount: Int
  public var yCount: Int
  /// Whether the pooled sample has tied values.
  public var hasTies: Bool
  /// Conditions worth reporting.
  public var diagnostics: [MannWhitneyDiagnostic]

  /// W / (n_x · n_y): the probability that a random x exceeds a random y, ties counting ½
  /// (the common-language effect size, McGraw & Wong, 1992).
  public var probabilityOfSuperiority: Double { statistic / (Double(xCount) * Double(yCount)) }
}
