// OrderStatisticInterval.swift: the exact Hodges–Lehmann interval ends as order statistics.
import ResampleCore

/// The exact confidence interval of R's `wilcox.test(conf.int = TRUE)` without ties: its ends are
/// order statistics of the sorted candidates (the m·n differences xᵢ − yⱼ for the shift, the
/// n(n+1)/2 Walsh averages for the pseudo-median), picked by R's `qwilcox` or `qsignrank`.
///
/// Reference: Bauer, D. F. (1972). Constructing confidence sets using rank statistics.
/// *JASA* 67, 687–690; R Core Team, `stats::wilcox.test`.
enum OrderStatisticInterval {
  /// The interval's ends and the achieved significance of the rank statistic's quantile.
  ///
  /// - Parameters:
  ///   - sorted: the candidates in ascending order; as many as `distribution.maximum`.
  ///   - distribution: the statistic's exact null distribution (R's `qwilcox`/`qsignrank`).
  ///   - alternative: two-sided, or [l, +∞) for `.greater`, (−∞, u] for `.less`.
  ///   - level: the confidence level, in (0, 1).
  /// - Returns: the ends (±∞ on the open side) and R's `achieved.alpha`, which is larger than
  ///   1 − `level` when the sample is too small for the level.
  /// - Complexity: O(1) after the distribution's counts.
  static func ends(
    sorted: [Double], distribution dist: RWilcoxDistribution, alternative: Alternative,
    level: Double
  ) -> (lower: Double, upper: Double, achievedAlpha: Double) {
    let alpha = 1 - level
    // R: qu <- qwilcox(alpha, ...); if (qu == 0) qu <- 1; ql <- n.x * n.y - qu.
    var qu = dist.quantile(alternative == .twoSided ? alpha / 2 : alpha)
    if qu == 0 { qu = 1 }
    let ql = sorted.count - qu
    let tail = dist.cdf(Double(qu) - 1)
    switch alternative {
    case .twoSided: return (sorted[qu - 1], sorted[ql], 2 * tail)
    case .greater: return (sorted[qu - 1], .infinity, tail)
    case .less: return (-.infinity, sorted[ql], tail)
    }
  }
}
