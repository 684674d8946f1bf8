// HodgesLehmannPseudoMedian.swift: the one-sample Hodges–Lehmann estimate and its Wilcoxon interval.
import Distributions
import ResampleCore
import _Platform

/// The Hodges–Lehmann (pseudo-)median of one sample of differences and the confidence interval
/// obtained by inverting the Wilcoxon signed-rank test, exactly as R's
/// `wilcox.test(x, mu = mu, conf.int = TRUE)` (and with `paired = TRUE` on x − y).
///
/// As R, the differences equal to `mu` are dropped first.
/// - Exact (no ties and no zeros): the estimate is the median of the n(n+1)/2 Walsh averages
///   (xᵢ + xⱼ)/2, i ≤ j; the interval's ends are Walsh averages picked by R's `qsignrank`; when
///   the sample is too small for the level, R's reported level (1 − achieved α, two digits).
/// - Otherwise: the interval ends are roots of the standardised signed-rank statistic of x − d
///   (tie and, if asked, continuity corrections), found by R's `uniroot` with `tol = 1e-4`
///   (``BrentZero``), α doubled while the ends cannot bracket a root, as R; the estimate is the
///   root at z = 0 without continuity correction.
///
/// References:
/// - Hodges, J. L. & Lehmann, E. L. (1963). *Ann. Math. Statist.* 34, 598–611.
/// - Bauer, D. F. (1972). Constructing confidence sets using rank statistics. *JASA* 67, 687–690.
/// - R Core Team, `stats::wilcox.test`.
public enum HodgesLehmannPseudoMedian {
  /// Estimates the location of `differences` and its confidence interval.
  ///
  /// - Parameters:
  ///   - differences: the sample, or the paired differences x − y (finite, at least one).
  ///   - mu: the null location (values equal to it are dropped, as R).
  ///   - alternative: two-sided interval, or [l, +∞) for `.greater`, (−∞, u] for `.less`.
  ///   - level: the confidence level, in (0, 1).
  ///   - exact: use the exact interval (honoured only without ties and zeros, as R).
  ///   - continuityCorrection: R's `correct` in the normal inversion.
  /// - Returns: the estimate and interval; NaN ends (and the mid-range as estimate, level 0)
  ///   when every non-zero difference is equal, as R.
  /// - Throws: `InputError.invalidParameter` for an empty or non-finite sample, a bad level, or a
  ///   value or mu beyond ±2¹⁰²²;
  ///   `InputError.tooLarge` when the exact counts are too large.
  /// - Complexity: exact: O(n² log n) for the sorted Walsh averages; normal: O(n log n) per
  ///   root-finding step.
  public static func estimate(
    _ differences: [Double], mu: Double = 0, alternative: Alternative = .twoSided,
    level: Double = 0.95, exact: Bool, continuityCorrection: Bool = true
  ) throws -> LocationEstimate {
    guard !differences.isEmpty, differences.allSatisfy(\.isFinite), mu.isFinite else {
      throw InputError.invalidParameter(
        name: "x", value: "\(differences.count) values",
        expected: "at least one value, all finite, and a finite mu")
    }
    try InputError.requireLevel(level)
    try LocationEstimate.requireModerate(differences, "x")
    try LocationEstimate.requireModerate([mu], "mu")
    let shifted = differences.map { $0 - mu }
    let nonZero = shifted.filter { $0 != 0 }
    let zeros = nonZero.count != shifted.count
    let x = nonZero.map { $0 + mu }
    guard !x.isEmpty else {
      return LocationEstimate(
        estimate: .nan, lower: alternative == .less ? -.infinity : .nan,
        upper: alternative == .greater ? .infinity : .nan, level: 0, exact: false,
        alternative: alternative)
    }
    let ties = MidRanks(nonZero.map { abs($0) }).hasTies
    if exact && !ties && !zeros {
      return try exactInterval(x, alternative: alternative, level: level)
    }
    return normalInterval(x, alternative: alternative, level: level, correct: continuityCorrection)
  }

  private static func exactInterval(_ x: [Double], alternative: Alternative, level: Double) throws
    -> LocationEstimate
  {
    let n = x.count
    var walsh: [Double] = []
    walsh.reserveCapacity(n * (n + 1) / 2)
    for i in 0..<n { for j in i..<n { walsh.append(x[i] + x[j]) } }
    walsh.sort()
    walsh = walsh.map { $0 / 2 }
    let dist = try RWilcoxDistribution.signedRank(n: n)
    let alpha = 1 - level
    let (lower, upper, achieved) = OrderStatisticInterval.ends(
      sorted: walsh, distribution: dist, alternative: alternative, level: level)
    var reported = level
    if achieved - alpha > alpha / 2 { reported = 1 - significant2(achieved) }
    return LocationEstimate(
      estimate: HodgesLehmannShift.median(sorted: walsh), lower: lower, upper: upper,
      level: reported, exact: true, alternative: alternative)
  }

  /// R's `signif(v, 2)` for 0 < v.
  static func significant2(_ v: Double) -> Double {
    guard v > 0 && v.isFinite else { return v }
    let e = floor(log10(v))
    let scale = pow(10, 1 - e)
    return (v * scale).rounded() / scale
  }

  /// R's standardised signed-rank statistic of x − d.
  private static func standardized(
    _ x: [Double], _ d: Double, alternative: Alternative, correct: Bool
  ) -> Double {
    let xd = x.map { $0 - d }.filter { $0 != 0 }
    let n = Double(xd.count)
    let ranks = MidRanks(xd.map { abs($0) })
    var sum = 0.0
    for (v, r) in zip(xd, ranks.ranks) where v > 0 { sum += r }
    let zd = sum - n * (n + 1) / 4
    let sigma = (n * (n + 1) * (2 * n + 1) / 24 - ranks.tieCorrectionSum / 48).squareRoot()
    let correction = WilcoxonContinuityCorrection.offset(
      zd, alternative: alternative, enabled: correct)
    return (zd - correction) / sigma
  }

  private static func normalInterval(
    _ x: [Double], alternative: Alternative, level: Double, correct: Bool
  ) -> LocationEstimate {
    let sorted = x.sorted()
    let muMin = sorted[0]
    let muMax = sorted[sorted.count - 1]
    func w(_ d: Double) -> Double { standardized(x, d, alternative: alternative, correct: correct) }
    let wMin = w(muMin)
    let wMax = wMin.isFinite ? w(muMax) : .nan
    guard wMax.isFinite else {
      return LocationEstimate(
        estimate: (muMin + muMax) / 2, lower: alternative == .less ? -.infinity : .nan,
        upper: alternative == .greater ? .infinity : .nan, level: 0, exact: false,
        alternative: alternative)
    }
    func root(_ zq: Double) -> Double {
      BrentZero.root(
        lower: muMin, upper: muMax, fLower: wMin - zq, fUpper: wMax - zq,
        tolerance: HodgesLehmannShift.rootTolerance
      ) { w($0) - zq }
    }
    let normal = Normal.standard
    let median = HodgesLehmannShift.median(sorted: sorted)
    var alpha = 1 - level
    var reported = level
    var lower = -Double.infinity
    var upper = Double.infinity
    switch alternative {
    case .twoSided:
      while alpha < 2,
        wMin - normal.upperQuantile(alpha / 2) < 0 || wMax - normal.quantile(alpha / 2) > 0
      {
        alpha *= 2
      }
      if alpha >= 1 || 1 - level < alpha * 0.75 { reported = 1 - min(1, alpha) }
      if alpha < 1 {
        lower = root(normal.upperQuantile(alpha / 2))
        upper = root(normal.quantile(alpha / 2))
      } else {
        lower = median
        upper = median
      }
    case .greater:
      while alpha < 2, wMin - normal.upperQuantile(alpha) < 0 { alpha *= 2 }
      if alpha >= 1 || 1 - level < alpha * 0.75 { reported = 1 - min(1, alpha) }
      lower = alpha < 1 ? root(normal.upperQuantile(alpha)) : median
    case .less:
      // R tests the upper end against qnorm(alpha/2) here, and roots at qnorm(alpha).
      while alpha < 2, wMax - normal.quantile(alpha / 2) > 0 { alpha *= 2 }
      if alpha >= 1 || 1 - level < alpha * 0.75 { reported = 1 - min(1, alpha) }
      upper = alpha < 1 ? root(normal.quantile(alpha)) : median
    }
    func w0(_ d: Double) -> Double { standardized(x, d, alternative: alternative, correct: false) }
    let estimate = BrentZero.root(
      lower: muMin, upper: muMax, fLower: w0(muMin), fUpper: w0(muMax),
      tolerance: HodgesLehmannShift.rootTolerance, w0)
    return LocationEstimate(
      estimate: estimate, lower: lower, upper: upper, level: reported, exact: false,
      alternative: alternative)
  }
}
