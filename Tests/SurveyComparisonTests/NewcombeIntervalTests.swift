import ResampleCore
import Testing
import _TestSupport

@testable import SurveyComparison

@Suite struct NewcombeIntervalTests {
  struct Case: Decodable {
    var x: [Double]
    var n: [Double]
    var level: Double
    var interval: [Double]
    var cohensH: Double
  }
  struct File: Decodable { var newcombe: [Case] }

  @Test func matchesStatsmodels() throws {
    let f = try decodeSurveyFixture(File.self)
    #expect(f.newcombe.count == 5)
    for c in f.newcombe {
      let i = try NewcombeInterval.difference(
        x1: c.x[0], n1: c.n[0], x2: c.x[1], n2: c.n[1], level: c.level)
      #expect(isClose(i.lower, c.interval[0], relative: 1e-9, absolute: 1e-12), "\(c.x)")
      #expect(isClose(i.upper, c.interval[1], relative: 1e-9, absolute: 1e-12), "\(c.x)")
      let h = NewcombeInterval.cohensH(c.x[0] / c.n[0], c.x[1] / c.n[1])
      #expect(isClose(h, c.cohensH, relative: 1e-12))
    }
  }

  /// Coverage: over every outcome of two binomials (exact enumeration, no simulation), the 95 %
  /// interval covers the true difference with probability near 95 % — a little above it for small
  /// samples, where method 10 is conservative (Newcombe 1998, table II: mean coverage 0.956).
  @Test(arguments: [(30, 40, 0.3, 0.5), (50, 50, 0.61, 0.43), (12, 20, 0.1, 0.2)])
  func exactCoverageIsNearNominal(_ n1: Int, _ n2: Int, _ p1: Double, _ p2: Double) throws {
    let f1 = TwoProportionPower.binomialPMF(n: n1, p: p1)
    let f2 = TwoProportionPower.binomialPMF(n: n2, p: p2)
    var coverage = 0.0
    for k1 in 0...n1 {
      for k2 in 0...n2 {
        let i = try NewcombeInterval.difference(
          x1: Double(k1), n1: Double(n1), x2: Double(k2), n2: Double(n2), level: 0.95)
        if i.lower <= p1 - p2 && p1 - p2 <= i.upper { coverage += f1[k1] * f2[k2] }
      }
    }
    #expect(coverage > 0.93 && coverage < 0.99, "coverage \(coverage)")
  }

  @Test func badInput() {
    #expect(throws: InputError.self) {
      try NewcombeInterval.difference(x1: 5, n1: 4, x2: 1, n2: 2, level: 0.95)
    }
    #expect(throws: InputError.self) {
      try NewcombeInterval.difference(x1: 1, n1: 4, x2: 1, n2: 2, level: 1)
    }
  }
}
