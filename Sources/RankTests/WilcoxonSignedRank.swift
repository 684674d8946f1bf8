// WilcoxonSignedRank.swift: the Wilcoxon signed-rank test (one sample against mu, or paired).
import Distributions
import ResampleCore

/// The Wilcoxon signed-rank test of whether differences (one sample minus `mu`, or paired
/// differences) are symmetric about zero.
///
/// The statistic is R's `V`: the sum of the ranks of |dᵢ| over the positive dᵢ (SciPy's
/// `r_plus`; SciPy's two-sided `statistic` is min(r₊, r₋) instead). `.greater` means the
/// differences tend to be positive.
///
/// Zero differences are handled as SciPy's `zero_method`:
/// - ``ZeroMethod/wilcox`` (R's only rule): zeros are dropped before ranking.
/// - ``ZeroMethod/pratt``: zeros are ranked with the rest, then their ranks are left out of V;
///   the normal approximation's mean and variance are adjusted (Cureton, 1967).
/// - ``ZeroMethod/zsplit``: zeros are ranked with the rest and half their rank sum is added to V.
///
/// P-values (``Method``):
/// - ``Method/automatic``: R's rule: exact when fewer than 50 non-zero differences, no ties and
///   no zeros; otherwise the normal approximation.
/// - ``Method/exact``: without ties or zeros, R's `psignrank` (two-sided: twice the smaller tail,
///   capped at 1). With ties or zeros, the exact conditional distribution of V given the ranks
///   (each non-zero difference's sign ±, equally likely), which R cannot compute; the same
///   two-sided rule (the distribution is symmetric).
/// - ``Method/normal``: z = (V − E V − c)/σ with the tie correction (SciPy's formulas for each
///   zero method; R's for `wilcox`) and, if `continuityCorrection`, c = ±½ (R's default; SciPy's
///   `correction=False` default is `continuityCorrection: false`).
///
/// References:
/// - Wilcoxon, F. (1945). Individual comparisons by ranking methods. *Biometrics Bulletin* 1, 80–83.
/// - Pratt, J. W. (1959). Remarks on zeros and ties in the Wilcoxon signed rank procedures.
///   *JASA* 54, 655–667.
/// - Cureton, E. E. (1967). The normal approximation to the signed-rank sampling distribution
///   when zero differences are present. *JASA* 62, 1068–1069.
public enum WilcoxonSignedRank {
  /// How zero differences are treated (SciPy's `zero_method`).
  public enum ZeroMethod: String, Sendable, CaseIterable, Codable {
    case wilcox, pratt, zsplit
  }

  /// How the p-value is computed.
  public enum Method: String, Sendable, CaseIterable, Codable {
    /// R's rule: exact for fewer than 50 non-zero differences without ties or zeros.
    case automatic = "auto"
    case exact
    case normal
  }

  /// The computation a result used.
  public enum Computation: String, Sendable, Codable {
    case exact
    case normal
  }

  /// Tests one sample of `differences` (or x − y) against location `mu`.
  ///
  /// - Parameters:
  ///   - differences: the differences (finite values, at least one).
  ///   - mu: the hypothesised location; `differences − mu` are ranked.
  ///   - alternative: `.greater` when the differences are expected to exceed `mu`.
  ///   - method: how to compute the p-value.
  ///   - zeroMethod: how zero differences are treated.
  ///   - continuityCorrection: the ±½ correction of the normal approximation (R's default).
  /// - Returns: V, the p-value and what was computed.
  /// - Throws: `InputError.invalidParameter` for an empty sample, a non-finite value or `mu`;
  ///   `InputError.tooLarge` when `.exact` is asked for too many differences.
  /// - Complexity: O(n log n) for the ranks; the exact distribution O(n · n²) time and O(n²)
  ///   memory.
  public static func test(
    _ differences: [Double], mu: Double = 0, alternative: Alternative = .twoSided,
    method: Method = .automatic, zeroMethod: ZeroMethod = .wilcox,
    continuityCorrection: Bool = true
  ) throws -> SignedRankResult {
    guard !differences.isEmpty else {
      throw InputError.invalidParameter(
        name: "x", value: "[]", expected: "a sample with at least one value")
    }
    if let bad = differences.first(where: { !$0.isFinite }) {
      throw InputError.invalidParameter(name: "x", value: "\(bad)", expected: "finite values")
    }
    guard mu.isFinite else {
      throw InputError.invalidParameter(name: "mu", value: "\(mu)", expected: "a finite number")
    }
    let d = differences.map { $0 - mu }
    let zeros = d.filter { $0 == 0 }.count
    let ranked = zeroMethod == .wilcox ? d.filter { $0 != 0 } : d
    let ranks = MidRanks(ranked.map { abs($0) })
    var v2 = 0  // doubled V
    var rMinus2 = 0
    var zero2 = 0
    var signedRanks2: [Int] = []  // doubled ranks that carry a sign
    for (value, r) in zip(ranked, ranks.ranks) {
      let r2 = Int(2 * r)
      if value > 0 {
        v2 += r2
        signedRanks2.append(r2)
      } else if value < 0 {
        rMinus2 += r2
        signedRanks2.append(r2)
      } else {
        zero2 += r2
      }
    }
    if zeroMethod == .zsplit {
      v2 += zero2 / 2
      rMinus2 += zero2 / 2
    }
    let nonZero = signedRanks2.count
    // Ties among the non-zero |differences| (R's TIES: ranks of the non-zero values).
    let tiesAmongNonZero = MidRanks(d.filter { $0 != 0 }.map { abs($0) }).hasTies
    var diagnostics: [SignedRankDiagnostic] = []
    if nonZero == 0 { diagnostics.append(.allDifferencesZero) }

    let computation: Computation
    switch method {
    case .automatic:
      computation = nonZero < 50 && !tiesAmongNonZero && zeros == 0 ? .exact : .normal
    case .exact: computation = .exact
    case .normal: computation = .normal
    }

    var z: Double? = nil
    var p: Double
    if nonZero == 0 {
      p = 1  // no signs to test (R returns NaN)
    } else if computation == .exact {
      if !tiesAmongNonZero && zeros == 0 {
        let dist = try RWilcoxDistribution.signedRank(n: nonZero)
        let v = Double(v2) / 2
        let n = Double(nonZero)
        switch alternative {
        case .twoSided:
          let tail =
            v > n * (n + 1) / 4 ? dist.cdf(v - 1, lowerTail: false) : dist.cdf(v)
          p = min(2 * tail, 1)
        case .greater: p = dist.cdf(v - 1, lowerTail: false)
        case .less: p = dist.cdf(v)
        }
      } else {
        let dist = try SignedRankExactDistribution(doubledRanks: signedRanks2)
        let s2 = zeroMethod == .zsplit ? v2 - zero2 / 2 : v2
        switch alternative {
        case .less: p = dist.probabilityAtMost(s2)
        case .greater: p = dist.probabilityAtLeast(s2)
        case .twoSided:
          p = min(1, 2 * min(dist.probabilityAtMost(s2), dist.probabilityAtLeast(s2)))
        }
      }
    } else {
      let count = Double(ranked.count)
      var mean = count * (count + 1) / 4
      var variance = count * (count + 1) * (2 * count + 1)
      var tieSum = ranks.tieCorrectionSum
      if zeroMethod == .pratt && zeros > 0 {
        let z0 = Double(zeros)
        mean -= z0 * (z0 + 1) / 4
        variance -= z0 * (z0 + 1) * (2 * z0 + 1)
        tieSum -= z0 * z0 * z0 - z0  // zeros are not a tie among the signed ranks
      }
      let sigma = ((variance - tieSum / 2) / 24).squareRoot()
      let v = Double(v2) / 2
      let centred = v - mean
      let correction = WilcoxonContinuityCorrection.offset(
        centred, alternative: alternative, enabled: continuityCorrection)
      if sigma > 0 {
        let zz = (centred - correction) / sigma
        z = zz
        let normal = Normal.standard
        switch alternative {
        case .less: p = normal.cdf(zz)
        case .greater: p = normal.sf(zz)
        case .twoSided: p = 2 * min(normal.cdf(zz), normal.sf(zz))
        }
      } else {
        p = 1
      }
    }
    return SignedRankResult(
      statistic: Double(v2) / 2, rMinus: Double(rMinus2) / 2, pValue: min(1, max(0, p)),
      alternative: alternative, computation: computation,
      continuityCorrection: computation == .normal && continuityCorrection, z: z,
      count: differences.count, nonZeroCount: nonZero, zeroCount: zeros,
      hasTies: tiesAmongNonZero, zeroMethod: zeroMethod, diagnostics: diagnostics)
  }

  /// Tests paired samples: the differences x − y against `mu` (R's `paired = TRUE`).
  ///
  /// - Parameters:
  ///   - x: the first sample.
  ///   - y: the second sample, paired with `x` in order (same length).
  ///   - mu: the hypothesised location of x − y.
  ///   - alternative, method, zeroMethod, continuityCorrection: as
  ///     ``test(_:mu:alternative:method:zeroMethod:continuityCorrection:)``.
  /// - Throws: `InputError.invalidParameter` when the lengths differ, and as the one-sample test.
  /// - Complexity: as the one-sample test.
  public static func test(
    paired x: [Double], _ y: [Double], mu: Double = 0, alternative: Alternative = .twoSided,
    method: Method = .automatic, zeroMethod: ZeroMethod = .wilcox,
    continuityCorrection: Bool = true
  ) throws -> SignedRankResult {
    guard x.count == y.count else {
      throw InputError.invalidParameter(
        name: "y", value: "\(y.count) values", expected: "as many values as x (\(x.count))")
    }
    return try test(
      zip(x, y).map { $0 - $1 }, mu: mu, alternative: alternative, method: method,
      zeroMethod: zeroMethod, continuityCorrection: continuityCorrection)
  }
}

/// A condition worth reporting about a signed-rank result.
public enum SignedRankDiagnostic: String, Sendable, Equatable, Codable, CustomStringConvertible {
  /// Every difference equals mu: there are no signs to test and p = 1.
  case allDifferencesZero = "all-differences-zero"

  public var description: String {
    switch self {
    case .allDifferencesZero:
      return "every difference equals mu: no signs to test, so the p-value is 1"
    }
  }
}

/// The result of a Wilcoxon signed-rank test.
public struct SignedRankResult: Sendable, Equatable {
  /// R's `V`: the rank sum of the positive differences (plus half the zeros' ranks for zsplit).
  public var statistic: Double
  /// The rank sum of the negative differences (SciPy's `r_minus`).
  public var rMinus: Double
  /// The p-value for ``alternative``.
  public var pValue: Double
  public var alternative: Alternative
  /// What computed the p-value.
  public var computation: WilcoxonSignedRank.Computation
  /// Whether the continuity correction was applied (normal approximation only).
  public var continuityCorrection: Bool
  /// The standardised statistic of the normal approximation (nil when exact).
  public var z: Double?
  /// Number of differences given, non-zero ones, and zeros.
  public var count: Int
  public var nonZeroCount: Int
  public var zeroCount: Int
  /// Whether the non-zero |differences| have ties.
  public var hasTies: Bool
  public var zeroMethod: WilcoxonSignedRank.ZeroMethod
  public var diagnostics: [SignedRankDiagnostic]
}
