import Testing
import _TestSupport

@testable import SurveyComparison

@Suite struct BinomialInversionTests {
  /// On a uniform grid of 2²⁰ points, the share mapped to each k equals the pmf to within the grid
  /// spacing (one grid step per boundary).
  @Test(
    .tags(.statistical),
    arguments: [(20, 0.61), (200, 0.43), (7, 0.0), (7, 1.0), (1, 0.5), (1000, 0.001)])
  func gridFrequenciesMatchThePMF(_ n: Int, _ p: Double) {
    let s = BinomialInversion(n: n, p: p)
    let m = 1 << 20
    var counts = [Int](repeating: 0, count: n + 1)
    for i in 0..<m { counts[s.value(for: (Double(i) + 0.5) / Double(m))] += 1 }
    let pmf = TwoProportionPower.binomialPMF(n: n, p: p)
    for k in 0...n {
      #expect(abs(Double(counts[k]) / Double(m) - pmf[k]) <= 1.0 / Double(m) + 1e-12, "k = \(k)")
    }
    #expect(s.value(for: 0) >= 0 && s.value(for: 0.9999999999999999) <= n)
  }
}
