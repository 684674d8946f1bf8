// Tests for MedianOrderStatisticInterval against binomial tail sums computed exactly here.
import Testing

@testable import BenchmarkComparison

@Test func orderStatisticRanksMatchTheBinomialRule() {
  // 95 %: k = 1 for n = 6..8 (P(X = 0) = 1/64 ≤ 0.025), k = 2 for n = 9..11, k = 3 for n = 12.
  // (Tables: Hollander, Wolfe & Chicken 2014, Table A.2 via P(Binomial(n, ½) ≤ k − 1).)
  let expectK: [Int: Int?] = [5: nil, 6: 1, 8: 1, 9: 2, 11: 2, 12: 3, 20: 6]
  for (n, k) in expectK {
    let values = (1...n).map(Double.init)
    let ci = MedianOrderStatisticInterval.interval(values, level: 0.95)
    if let k {
      #expect(ci?.lower == Double(k) && ci?.upper == Double(n + 1 - k), "n = \(n)")
    } else {
      #expect(ci == nil, "n = \(n)")
    }
  }
  // Unsorted input and a lower level.
  let ci = MedianOrderStatisticInterval.interval([5, 1, 4, 2, 3], level: 0.5)
  #expect(ci?.lower == 2 && ci?.upper == 4)
  #expect(MedianOrderStatisticInterval.interval([], level: 0.95) == nil)
}
