// NewcombeIntervalTests.swift: Newcombe's hybrid score interval with fractional (effective)
// counts, and Cohen's h, vs statsmodels (Tests/Fixtures/survey/make_fixtures.py).
import Distributions
import Foundation
import Proportions
import ResampleCore
import Testing
import _TestSupport

@Suite struct NewcombeIntervalTests {
  struct Case: Decodable {
    var x, n, interval: [Double]
    var level, cohensH: Double
  }
  struct File: Decodable { var newcombe: [Case] }

  @Test func matchesStatsmodels() throws {
    let f = try decodeFixture(File.self, "survey/survey.json", keys: .snakeCase)
    #expect(f.newcombe.count == 5)
    for c in f.newcombe {
      let i = try newcombeInterval(
        x1: c.x[0], n1: c.n[0], x2: c.x[1], n2: c.n[1], level: c.level)
      #expect(isClose(i.lower, c.interval[0], relative: 1e-9, absolute: 1e-12), "\(c.x)")
      #expect(isClose(i.upper, c.interval[1], relative: 1e-9, absolute: 1e-12), "\(c.x)")
      let h = cohensH(c.x[0] / c.n[0], c.x[1] / c.n[1])
      #expect(isClose(h, c.cohensH, relative: 1e-12))
    }
  }

  /// Integer counts through the fractional entry point give exactly `twoProportions`' interval
  /// (one implementation).
  @Test func fractionalEntryEqualsTwoProportions() throws {
    for (x1, n1, x2, n2) in [(50, 82, 32, 74), (0, 10, 3, 12), (15, 15, 2, 30), (7, 9, 1, 40)] {
      let mine = try newcombeInterval(
        x1: Double(x1), n1: Double(n1), x2: Double(x2), n2: Double(n2), level: 0.95)
      let theirs = try #require(
        try twoProportions(x1: x1, n1: n1, x2: x2, n2: n2, level: 0.95).intervals[.newcombe])
      #expect(mine == theirs)
    }
  }

  /// Coverage: over every outcome of two binomials (exact enumeration, no simulation), the 95 %
  /// interval covers the true difference with probability near 95 % — a little above it for small
  /// samples, where method 10 is conservative (Newcombe 1998, table II: mean coverage 0.956).
  @Test(arguments: [(30, 40, 0.3, 0.5), (50, 50, 0.61, 0.43), (12, 20, 0.1, 0.2)])
  func exactCoverageIsNearNominal(_ n1: Int, _ n2: Int, _ p1: Double, _ p2: Double) throws {
    let b1 = try Binomial(trials: n1, probability: p1)
    let b2 = try Binomial(trials: n2, probability: p2)
    var coverage = 0.0
    for k1 in 0...n1 {
      for k2 in 0...n2 {
        let i = try newcombeInterval(
          x1: Double(k1), n1: Double(n1), x2: Double(k2), n2: Double(n2), level: 0.95)
        if i.lower <= p1 - p2 && p1 - p2 <= i.upper { coverage += b1.pmf(k1) * b2.pmf(k2) }
      }
    }
    #expect(coverage > 0.93 && coverage < 0.99, "coverage \(coverage)")
  }

  @Test func badInput() {
    #expect(throws: InputError.self) {
      try newcombeInterval(x1: 5, n1: 4, x2: 1, n2: 2, level: 0.95)
    }
    #expect(throws: InputError.self) {
      try newcombeInterval(x1: 1, n1: 4, x2: 1, n2: 2, level: 1)
    }
    #expect(throws: InputError.self) {
      try newcombeInterval(x1: 1, n1: .infinity, x2: 1, n2: 2, level: 0.95)
    }
  }
}
