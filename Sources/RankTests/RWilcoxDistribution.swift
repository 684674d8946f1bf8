// RWilcoxDistribution.swift: R's pwilcox/qwilcox and psignrank/qsignrank over exact counts.
import _Platform

/// R's distribution functions of the Wilcoxon statistics without ties, reproducing R's
/// summation order and fuzz (`pwilcox`, `qwilcox`, `psignrank`, `qsignrank` in R's nmath), so the
/// quantiles that pick R's exact Hodges–Lehmann interval endpoints are R's.
///
/// `count(u)` is the number of arrangements with statistic `u` (R's `cwilcox` or `csignrank`),
/// `total` their sum, `maximum` the largest value of the statistic (m·n or n(n+1)/2).
struct RWilcoxDistribution {
  /// The number of arrangements with statistic `u` (0 ≤ u ≤ maximum).
  let count: (Int) -> Double
  /// The number of arrangements: C(m + n, n) or 2ⁿ.
  let total: Double
  /// The largest value of the statistic.
  let maximum: Int
  /// The multiplier of each count: R's `1 / choose(m + n, n)` for the rank sum, `exp(−n log 2)`
  /// for the signed rank (R multiplies by the latter and divides by the former).
  let signedRank: Bool
  let scale: Double

  /// The Mann–Whitney U (R's W) for samples of `m` and `n` without ties.
  /// - Complexity: O((m + n) · min(m, n)² · max(m, n)) for the counts.
  static func rankSum(m: Int, n: Int) throws -> RWilcoxDistribution {
    let groups = (1...(m + n)).map { (r2: 2 * $0, t: 1) }
    let d = try RankSumExactDistribution(groups: groups, m: m)
    let offset2 = m * (m + 1)
    return RWilcoxDistribution(
      count: { d.count(2 * $0 + offset2) }, total: d.total, maximum: m * n, signedRank: false,
      scale: d.total)
  }

  /// The Wilcoxon signed-rank statistic (R's V) for `n` non-zero differences without ties.
  /// - Complexity: O(n³) for the counts.
  static func signedRank(n: Int) throws -> RWilcoxDistribution {
    let d = try SignedRankExactDistribution(
      doubledRanks: Array(stride(from: 2, through: 2 * n, by: 2)))
    return RWilcoxDistribution(
      count: { d.count(2 * $0) }, total: d.total, maximum: n * (n + 1) / 2, signedRank: true,
      scale: exp(-Double(n) * 0.693_147_180_559_945_309_417_232_121_458))
  }

  private func term(_ u: Int) -> Double { signedRank ? count(u) * scale : count(u) / scale }

  /// R's `pwilcox(q, m, n, lower.tail)` or `psignrank(q, n, lower.tail)`.
  func cdf(_ q0: Double, lowerTail: Bool = true) -> Double {
    let q = signedRank ? (q0 + 1e-7).rounded(.toNearestOrEven) : (q0 + 1e-7).rounded(.down)
    let mx = Double(maximum)
    if q < 0 { return lowerTail ? 0 : 1 }
    if q >= mx { return lowerTail ? 1 : 0 }
    var p = 0.0
    var lower = lowerTail
    if q <= mx / 2 {
      for i in 0...Int(q) { p += term(i) }
    } else {
      let qq = Int(mx - q)
      for i in 0..<qq { p += term(i) }
      lower.toggle()
    }
    return lower ? p : 0.5 - p + 0.5
  }

  /// R's `qwilcox(x, m, n)` or `qsignrank(x, n)` (lower tail): the smallest q with
  /// P(statistic ≤ q) ≥ x, with R's 10·ε fuzz.
  func quantile(_ x0: Double) -> Int {
    if x0 <= 0 { return 0 }
    if x0 >= 1 { return maximum }
    var p = 0.0
    var q = 0
    if x0 <= 0.5 {
      let x = x0 - 10 * Double.ulpOfOne
      while true {
        p += term(q)
        if p >= x || q >= maximum { break }
        q += 1
      }
    } else {
      let x = 1 - x0 + 10 * Double.ulpOfOne
      while true {
        p += term(q)
        if p > x || q >= maximum {
          q = maximum - q
          break
        }
        q += 1
      }
    }
    return q
  }
}
