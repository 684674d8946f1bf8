// RankSumExactDistribution.swift: the exact permutation distribution of a mid-rank sum.
import ResampleCore
import _Platform

/// The exact null distribution of the sum of the mid-ranks of `m` observations drawn, without
/// replacement, from `N` pooled observations: the conditional (permutation) distribution of the
/// Wilcoxon rank-sum statistic given the observed ties.
///
/// Mid-ranks are multiples of 1/2, so the distribution is stored over *doubled* sums, which are
/// exact integers. The counts come from a dynamic programme over the groups of tied values:
/// choosing `c` of the `t` members of a group with doubled rank `r` adds `c·r` to the sum in
/// `C(t, c)` ways (the counting behind the shift algorithm of Streitberg & Röhmel, 1986; without
/// ties it reduces to the recursion behind R's `cwilcox`, Mann & Whitney, 1947).
///
/// Counts are held as `Double`: exact below 2⁵³ and correct to a few ulps beyond, with no
/// subtraction anywhere (so no cancellation). Tail probabilities are summed directly from the
/// counts of the tail, never as `1 − (other tail)`.
///
/// References:
/// - Streitberg, B. & Röhmel, J. (1986). Exact distributions for permutation and rank tests: an
///   introduction to some recently published algorithms. *Statistical Software Newsletter* 12, 10–17.
/// - Mann, H. B. & Whitney, D. R. (1947). On a test of whether one of two random variables is
///   stochastically larger than the other. *Ann. Math. Statist.* 18, 50–60.
struct RankSumExactDistribution: Sendable {
  /// Doubled rank sum of the smallest entry of `counts`.
  let minimumDoubledSum: Int
  /// `counts[k]` = number of size-`m` subsets whose doubled rank sum is `minimumDoubledSum + k`.
  let counts: [Double]
  /// Σ counts = C(N, m).
  let total: Double

  /// Upper limit on the dynamic programme's table (entries) and work (updates).
  static let maximumTableEntries = 40_000_000
  static let maximumWork = 4.0e9

  /// Builds the distribution of the doubled rank sum of `m` of the pooled observations.
  ///
  /// - Parameters:
  ///   - groups: the tie groups in increasing order of value: the doubled mid-rank `r2` shared
  ///     by the group and its size `t`. Sizes add up to `N`.
  ///   - m: the size of the sample whose rank sum is taken, `0 ≤ m ≤ N`.
  /// - Throws: `InputError.tooLarge` when the table or the work would exceed the limits above,
  ///   or when C(N, m) overflows `Double`.
  /// - Complexity: O(N · min(m, N − m) · W) time and O(min(m, N − m) · W) memory, where
  ///   W ≤ 2·m·(N − m) + 1 is the number of attainable doubled sums.
  init(groups: [(r2: Int, t: Int)], m: Int) throws {
    let n = groups.reduce(0) { $0 + $1.t }
    precondition(m >= 0 && m <= n, "RankSumExactDistribution: 0 ≤ m ≤ N")
    let totalDoubled = n * (n + 1)  // Σ of all doubled ranks
    // Work with the smaller side: the sum of the complement is totalDoubled − sum.
    let k = Swift.min(m, n - m)
    let useComplement = k != m

    let logTotal = RankSumExactDistribution.logChoose(n, k)
    guard logTotal < 700 else {
      throw InputError.tooLarge(
        what: "the exact rank-sum distribution for samples of \(m) and \(n - m)",
        limit: "C(N, m) below 1e300")
    }
    // Largest doubled sum of k items.
    var maxSum = 0
    do {
      var remaining = k
      for g in groups.reversed() where remaining > 0 {
        let c = Swift.min(remaining, g.t)
        maxSum += c * g.r2
        remaining -= c
      }
    }
    let width = maxSum + 1
    let entries = Double(k + 1) * Double(width)
    let work = entries * Double(n)
    guard entries <= Double(RankSumExactDistribution.maximumTableEntries),
      work <= RankSumExactDistribution.maximumWork
    else {
      throw InputError.tooLarge(
        what: "the exact rank-sum distribution for samples of \(m) and \(n - m)",
        limit: "\(RankSumExactDistribution.maximumTableEntries) table entries and "
          + "\(Int(RankSumExactDistribution.maximumWork)) updates; use the normal approximation")
    }

    var table = [Double](repeating: 0, count: (k + 1) * width)
    var lo = [Int](repeating: Int.max, count: k + 1)
    var hi = [Int](repeating: Int.min, count: k + 1)
    table[0] = 1
    lo[0] = 0
    hi[0] = 0
    var processed = 0
    table.withUnsafeMutableBufferPointer { cells in
      for g in groups {
        // C(t, c) for c = 0 ... min(t, k).
        let cMax = Swift.min(g.t, k)
        var binom = [Double](repeating: 1, count: cMax + 1)
        if cMax >= 1 {
          for c in 1...cMax { binom[c] = binom[c - 1] * Double(g.t - c + 1) / Double(c) }
        }
        let top = Swift.min(k, processed + g.t)
        if top >= 1 {
          for jNew in stride(from: top, through: 1, by: -1) {
            for c in 1...Swift.min(cMax, jNew) {
              let j = jNew - c
              guard j <= processed, lo[j] <= hi[j] else { continue }
              let shift = c * g.r2
              let weight = binom[c]
              let src = j * width
              let dst = jNew * width + shift
              for s in lo[j]...hi[j] {
                let v = cells[src + s]
                if v != 0 { cells[dst + s] += v * weight }
              }
              lo[jNew] = Swift.min(lo[jNew], lo[j] + shift)
              hi[jNew] = Swift.max(hi[jNew], hi[j] + shift)
            }
          }
        }
        processed += g.t
      }
    }
    let row = Array(table[(k * width + lo[k])...(k * width + hi[k])])
    var total = 0.0
    for v in row { total += v }
    if useComplement {
      // Sum of the m-sample = totalDoubled − sum of its complement (size k).
      self.counts = row.reversed()
      self.minimumDoubledSum = totalDoubled - hi[k]
    } else {
      self.counts = row
      self.minimumDoubledSum = lo[k]
    }
    self.total = total
  }

  /// The largest attainable doubled sum.
  var maximumDoubledSum: Int { minimumDoubledSum + counts.count - 1 }

  /// Number of subsets with doubled sum exactly `s2` (0 outside the support).
  func count(_ s2: Int) -> Double {
    let k = s2 - minimumDoubledSum
    return k >= 0 && k < counts.count ? counts[k] : 0
  }

  /// P(S2 ≤ s2), summed over the lower tail.
  func probabilityAtMost(_ s2: Int) -> Double {
    let last = Swift.min(s2 - minimumDoubledSum, counts.count - 1)
    guard last >= 0 else { return 0 }
    var sum = 0.0
    for k in 0...last { sum += counts[k] }
    return sum / total
  }

  /// P(S2 ≥ s2), summed over the upper tail.
  func probabilityAtLeast(_ s2: Int) -> Double {
    let first = Swift.max(s2 - minimumDoubledSum, 0)
    guard first < counts.count else { return 0 }
    var sum = 0.0
    for k in first..<counts.count { sum += counts[k] }
    return sum / total
  }

  /// P(|S2 − e2| ≥ |s2 − e2|), the two-sided p-value of exactRankTests and coin; 1 when s2 = e2.
  func probabilityAtLeastAsFar(from e2: Int, as s2: Int) -> Double {
    let d = abs(s2 - e2)
    if d == 0 { return 1 }
    var sum = 0.0
    for k in counts.indices where abs(minimumDoubledSum + k - e2) >= d { sum += counts[k] }
    return Swift.min(1, sum / total)
  }

  /// log C(n, k) by summing logs (n is small enough here for this to be accurate to ~1e-13).
  static func logChoose(_ n: Int, _ k: Int) -> Double {
    var s = 0.0
    let k = Swift.min(k, n - k)
    if k <= 0 { return 0 }
    for i in 1...k { s += log(Double(n - k + i)) - log(Double(i)) }
    return s
  }
}
