// TwoProportionsAlternativeTests.swift: one-sided two-sample tests and intervals against R's
// prop.test(alternative =) and statsmodels' proportions_ztest.
import Proportions
import ResampleCore
import Testing
import _TestSupport

@Test func twoSampleAlternativesMatchRPropTest() throws {
  let cases = try fixtureCases("proportions/alternatives_r.json", key: "two_samples")
  #expect(cases.count >= 48)
  for c in cases {
    let (x1, n1) = (Int(fixtureNumber(c["x1"])), Int(fixtureNumber(c["n1"])))
    let (x2, n2) = (Int(fixtureNumber(c["x2"])), Int(fixtureNumber(c["n2"])))
    let alt = fixtureValue(c["alternative"], else: Alternative.twoSided)
    let level = fixtureNumber(c["level"])
    let r = try twoProportions(x1: x1, n1: n1, x2: x2, n2: n2, level: level, alternative: alt)
    let what = "\(x1)/\(n1) vs \(x2)/\(n2) \(alt) \(level)"
    #expect(r.alternative == alt)
    #expect(agrees(r.propTestUncorrected.statistic, fixtureNumber(c["z_statistic"])), "\(what)")
    #expect(agrees(r.propTestUncorrected.pValue, fixtureNumber(c["z_p"])), "\(what)")
    if !r.pValue.isNaN {
      #expect(agrees(r.pValue, fixtureNumber(c["z_p"])), "z p \(what)")
    }
    #expect(agrees(r.propTest.statistic, fixtureNumber(c["cc_statistic"])), "cc \(what)")
    #expect(agrees(r.propTest.pValue, fixtureNumber(c["cc_p"])), "cc p \(what)")
    let wald = try #require(r.intervals[.wald])
    let wantW = fixtureNumbers(c["wald_ci"])
    #expect(agrees(wald.lower, wantW[0]) && agrees(wald.upper, wantW[1]), "Wald \(what)")
    let cc = try #require(r.intervals[.waldCC])
    let wantCC = fixtureNumbers(c["wald_cc_ci"])
    #expect(agrees(cc.lower, wantCC[0]) && agrees(cc.upper, wantCC[1]), "Wald cc \(what)")
  }
}

@Test func twoSampleZMatchesStatsmodels() throws {
  for c in try fixtureCases("proportions/alternatives_py.json", key: "two_samples") {
    let r = try twoProportions(
      x1: Int(fixtureNumber(c["x1"])), n1: Int(fixtureNumber(c["n1"])),
      x2: Int(fixtureNumber(c["x2"])), n2: Int(fixtureNumber(c["n2"])),
      alternative: fixtureValue(c["alternative"], else: Alternative.twoSided))
    #expect(agrees(r.zStatistic, fixtureNumber(c["z"])))
    #expect(agrees(r.pValue, fixtureNumber(c["p"])))
  }
}

@Test func oneSidedIntervalsKeepTheirLimitAndOpenTheOtherEnd() throws {
  let two = try twoProportions(x1: 15, n1: 40, x2: 25, n2: 45, level: 0.9)
  let less = try twoProportions(x1: 15, n1: 40, x2: 25, n2: 45, alternative: .less)
  let greater = try twoProportions(x1: 15, n1: 40, x2: 25, n2: 45, alternative: .greater)
  // The one-sided 95% limit is the two-sided 90% one; the far end is the parameter's bound.
  for m in DifferenceIntervalMethod.allCases {
    let t = try #require(two.intervals[m])
    let l = try #require(less.intervals[m])
    let g = try #require(greater.intervals[m])
    #expect(l.lower == -1 && isClose(l.upper, t.upper, relative: 1e-12), "\(m)")
    #expect(g.upper == 1 && isClose(g.lower, t.lower, relative: 1e-12), "\(m)")
  }
  #expect(less.riskRatio.interval.lower == 0 && greater.riskRatio.interval.upper == .infinity)
  #expect(isClose(less.oddsRatio.interval.upper, two.oddsRatio.interval.upper, relative: 1e-12))
}
