// Tests for RankSumExactDistribution: totals, moments and symmetry of the exact distribution.
import ResampleCore
import Testing
import _TestSupport

@testable import RankTests

private func groups(_ values: [Double]) -> [(r2: Int, t: Int)] {
  var out: [(r2: Int, t: Int)] = []
  var start = 0
  for t in MidRanks(values).tieGroupSizes {
    out.append((2 * start + t + 1, t))
    start += t
  }
  return out
}

private func choose(_ n: Int, _ k: Int) -> Double {
  var c = 1.0
  for i in 0..<k { c = c * Double(n - i) / Double(i + 1) }
  return c
}

/// The mean and variance of the exact distribution equal the closed forms of the permutation
/// moments: E S = m(N + 1)/2 and Var S = m n / 12 · (N + 1 − Σ(t³ − t)/(N(N − 1)))
/// (Hollander, Wolfe & Chicken 2014, §4.1), which do not involve the dynamic programme.
@Test func momentsMatchClosedForms() throws {
  let samples: [([Double], Int)] = [
    ([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 4),
    ([1, 1, 2, 2, 2, 3, 4, 4, 5, 6, 6, 6, 6], 5),
    ([1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3], 11),
    ((0..<60).map { Double($0 % 7) }, 25),
    ((0..<100).map { Double($0) }, 50),
  ]
  for (values, m) in samples {
    let n = values.count - m
    let big = Double(values.count)
    let ranks = MidRanks(values)
    let dist = try RankSumExactDistribution(groups: groups(values), m: m)
    #expect(isClose(dist.total, choose(values.count, m), relative: 1e-13))
    var mean = 0.0
    for (k, c) in dist.counts.enumerated() {
      mean += Double(dist.minimumDoubledSum + k) / 2 * c / dist.total
    }
    var variance = 0.0
    for (k, c) in dist.counts.enumerated() {
      let s = Double(dist.minimumDoubledSum + k) / 2
      variance += (s - mean) * (s - mean) * c / dist.total
    }
    let wantMean = Double(m) * (big + 1) / 2
    let wantVar =
      Double(m * n) / 12 * ((big + 1) - ranks.tieCorrectionSum / (big * (big - 1)))
    #expect(isClose(mean, wantMean, relative: 1e-12), "\(values.count) \(m)")
    #expect(isClose(variance, wantVar, relative: 1e-10), "\(values.count) \(m)")
  }
}

@Test func noTiesDistributionIsSymmetricAndMatchesSmallCounts() throws {
  // m = 2, n = 3: U counts are 1 1 2 2 2 1 1 (coefficients of the Gaussian binomial [5 2]_q).
  let dist = try RankSumExactDistribution(groups: groups([1, 2, 3, 4, 5]), m: 2)
  #expect(dist.counts == [1, 1, 2, 2, 2, 1, 1].flatMap { [$0, 0] }.dropLast())
  #expect(dist.minimumDoubledSum == 6)  // ranks 1 + 2, doubled
  let big = try RankSumExactDistribution(groups: groups((1...40).map(Double.init)), m: 17)
  let nonzero = big.counts.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
  #expect(nonzero == nonzero.reversed())
}

@Test func complementSideGivesTheSameDistribution() throws {
  // Taking the larger side directly or through its complement must agree.
  let values: [Double] = [1, 1, 2, 3, 3, 3, 4, 5, 5, 6, 7]
  let small = try RankSumExactDistribution(groups: groups(values), m: 3)
  let large = try RankSumExactDistribution(groups: groups(values), m: 8)
  let total2 = values.count * (values.count + 1)
  for s2 in small.minimumDoubledSum...small.maximumDoubledSum {
    #expect(small.count(s2) == large.count(total2 - s2))
  }
  #expect(small.probabilityAtMost(small.maximumDoubledSum) == 1)
  #expect(small.probabilityAtLeast(small.minimumDoubledSum) == 1)
  #expect(small.probabilityAtMost(small.minimumDoubledSum - 1) == 0)
  #expect(small.probabilityAtLeast(small.maximumDoubledSum + 1) == 0)
}

@Test func edgeSizes() throws {
  let none = try RankSumExactDistribution(groups: groups([1, 2, 3]), m: 0)
  #expect(none.counts == [1] && none.minimumDoubledSum == 0)
  let all = try RankSumExactDistribution(groups: groups([1, 2, 2]), m: 3)
  #expect(all.counts == [1] && all.minimumDoubledSum == 12)
}
