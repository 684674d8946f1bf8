// SignedRankExactDistribution.swift: the exact null distribution of a signed (mid-)rank sum.

import ResampleCore

/// The exact null distribution of the Wilcoxon signed-rank statistic given the ranks.
///
/// Under the null hypothesis each non-zero difference is positive or negative with probability ½,
/// independently, so V = Σ rᵢ·Bᵢ with Bᵢ ~ Bernoulli(½). This is the conditional (permutation)
/// distribution of V given the observed ties; without ties it is R's `csignrank` / 2ⁿ.
///
/// Mid-ranks are multiples of ½, so the sums are held *doubled*, as exact integers. Counts are
/// `Double`s (exact below 2⁵³); the total is 2ⁿ.
///
/// References:
/// - Wilcoxon, F. (1945). Individual comparisons by ranking methods. *Biometrics Bulletin* 1, 80–83.
/// - Hollander, M., Wolfe, D. A. & Chicken, E. (2014). *Nonparametric Statistical Methods*, 3rd ed.,
///   §3.1 (the conditional distribution with ties).
struct SignedRankExactDistribution: Sendable {
  /// `counts[s]` = number of sign assignments whose doubled positive-rank sum is `s`.
  let counts: [Double]
  /// 2ⁿ.
  let total: Double

  /// The largest table this will build (doubled sums).
  static let maximumTableEntries = 50_000_000
  static let maximumWork = 4.0e9

  /// Builds the distribution of Σ rᵢ·Bᵢ over the doubled ranks `doubledRanks` (each ≥ 1).
  ///
  /// - Parameters:
  ///   - doubledRanks: twice the mid-ranks of the non-zero |differences| that carry a sign.
  /// - Throws: `InputError.tooLarge` when the table or the work exceeds the limits above.
  /// - Complexity: O(n · S) time and O(S) memory, S = Σ doubled ranks.
  init(doubledRanks: [Int]) throws {
    let sum = doubledRanks.reduce(0, +)
    let work = Double(sum + 1) * Double(doubledRanks.count)
    guard sum + 1 <= SignedRankExactDistribution.maximumTableEntries,
      work <= SignedRankExactDistribution.maximumWork, doubledRanks.count < 1024
    else {
      throw InputError.tooLarge(
        what: "the exact signed-rank distribution for \(doubledRanks.count) differences",
        limit:
          "\(SignedRankExactDistribution.maximumTableEntries) sums; use the normal approximation")
    }
    var counts = [Double](repeating: 0, count: sum + 1)
    counts[0] = 1
    var reach = 0
    for r in doubledRanks {
      // Each count either keeps its sum (negative sign) or moves up by r (positive sign).
      if reach >= 0 {
        for s in stride(from: reach, through: 0, by: -1) where counts[s] != 0 {
          counts[s + r] += counts[s]
        }
      }
      reach += r
    }
    self.counts = counts
    var total = 1.0
    for _ in doubledRanks { total *= 2 }
    self.total = total
  }

  /// Number of sign assignments with doubled sum exactly `s2`.
  func count(_ s2: Int) -> Double { s2 >= 0 && s2 < counts.count ? counts[s2] : 0 }

  /// P(S2 ≤ s2), summed over the lower tail.
  func probabilityAtMost(_ s2: Int) -> Double {
    let last = Swift.min(s2, counts.count - 1)
    guard last >= 0 else { return 0 }
    var sum = 0.0
    for k in 0...last { sum += counts[k] }
    return sum / total
  }

  /// P(S2 ≥ s2), summed over the upper tail.
  func probabilityAtLeast(_ s2: Int) -> Double {
    let first = Swift.max(s2, 0)
    guard first < counts.count else { return 0 }
    var sum = 0.0
    for k in first..<counts.count { sum += counts[k] }
    return sum / total
  }
}
