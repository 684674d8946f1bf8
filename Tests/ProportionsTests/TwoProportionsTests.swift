// TwoProportionsTests.swift: two-proportion intervals, tests and effect sizes vs R/statsmodels.
import Proportions
import ResampleCore
import Testing
import _TestSupport

@Test func matchesRPropTestAndStatsmodelsAndMpmath() throws {
  let r = try fixtureCases("proportions/proportions_r.json", key: "two_sample")
  let py = try fixtureCases("proportions/proportions_py.json", key: "two_sample")
  #expect(r.count >= 30 && py.count == r.count)
  for (rc, pc) in zip(r, py) {
    let (x1, n1) = (Int(fixtureNumber(rc["x1"])), Int(fixtureNumber(rc["n1"])))
    let (x2, n2) = (Int(fixtureNumber(rc["x2"])), Int(fixtureNumber(rc["n2"])))
    let level = fixtureNumber(rc["level"])
    let res = try twoProportions(x1: x1, n1: n1, x2: x2, n2: n2, level: level)
    let label = "\(x1)/\(n1) vs \(x2)/\(n2) @\(level)"
    let cc = rc["prop_test"] as? [String: Any] ?? [:]
    let nc = rc["prop_test_uncorrected"] as? [String: Any] ?? [:]
    var pairs: [(String, Double, Double)] = [
      ("prop.test X2", res.propTest.statistic, fixtureNumber(cc["statistic"])),
      ("prop.test p", res.propTest.pValue, fixtureNumber(cc["p_value"])),
      ("uncorrected X2", res.propTestUncorrected.statistic, fixtureNumber(nc["statistic"])),
      ("uncorrected p", res.propTestUncorrected.pValue, fixtureNumber(nc["p_value"])),
      ("z", res.zStatistic, fixtureNumber(pc["z_statistic"])),
      ("z p", res.pValue, fixtureNumber(pc["p_value"])),
      ("h", res.cohensH, fixtureNumber(pc["cohens_h"])),
    ]
    for (name, key) in [
      ("risk_ratio", \TwoProportionResult.riskRatio),
      ("odds_ratio", \TwoProportionResult.oddsRatio),
    ] {
      let ref = pc[name] as? [String: Any] ?? [:]
      let ci = fixtureNumbers(ref["ci"])
      pairs.append((name, res[keyPath: key].estimate, fixtureNumber(ref["estimate"])))
      pairs.append((name + " lower", res[keyPath: key].interval.lower, ci[0]))
      pairs.append((name + " upper", res[keyPath: key].interval.upper, ci[1]))
    }
    let intervalRefs: [(DifferenceIntervalMethod, [Double])] = [
      (.waldCC, fixtureNumbers(rc["wald_cc"])), (.wald, fixtureNumbers(rc["wald"])),
      (.wald, fixtureNumbers(pc["wald"])), (.newcombe, fixtureNumbers(pc["newcombe"])),
      (.agrestiCaffo, fixtureNumbers(pc["agresti_caffo"])),
    ]
    for (m, want) in intervalRefs {
      let got = try #require(res.intervals[m])
      pairs.append(("\(m) lower", got.lower, want[0]))
      pairs.append(("\(m) upper", got.upper, want[1]))
      #expect(got.lower >= -1 && got.upper <= 1 && got.lower <= got.upper)
    }
    for (name, got, want) in pairs {
      #expect(agrees(got, want), "\(label) \(name): \(got) vs \(want)")
    }
  }
}

@Test func identitiesBetweenTheTests() throws {
  let r = try twoProportions(x1: 31, n1: 50, x2: 21, n2: 49)
  // The uncorrected prop.test statistic is z², and both give the same p-value.
  #expect(isClose(r.propTestUncorrected.statistic, r.zStatistic * r.zStatistic, relative: 1e-12))
  #expect(isClose(r.propTestUncorrected.pValue, r.pValue, relative: 1e-10))
  // Swapping the groups negates the difference and the intervals, inverts the ratios.
  let s = try twoProportions(x1: 21, n1: 49, x2: 31, n2: 50)
  #expect(s.difference == -r.difference && s.cohensH == -r.cohensH)
  for m in DifferenceIntervalMethod.allCases {
    let a = try #require(r.intervals[m])
    let b = try #require(s.intervals[m])
    #expect(isClose(a.lower, -b.upper, relative: 1e-12))
    #expect(isClose(a.upper, -b.lower, relative: 1e-12))
  }
  #expect(isClose(r.oddsRatio.estimate, 1 / s.oddsRatio.estimate, relative: 1e-14))
}

@Test func degenerateGroupsGiveValidIntervalsAndWarnings() throws {
  let r = try twoProportions(x1: 0, n1: 10, x2: 0, n2: 12)
  #expect(r.zStatistic.isNaN && r.propTest.statistic.isNaN && r.warnings.count == 2)
  #expect(r.riskRatio.zeroCellCorrection && r.oddsRatio.estimate.isFinite)
  for (_, ci) in r.intervals { #expect(ci.lower >= -1 && ci.upper <= 1) }
  let one = try twoProportions(x1: 1, n1: 1, x2: 0, n2: 1)
  #expect(one.intervals[.newcombe]?.upper == 1)
  #expect(throws: InputError.self) { try twoProportions(x1: 3, n1: 2, x2: 0, n2: 1) }
  #expect(throws: InputError.self) { try twoProportions(x1: 1, n1: 2, x2: 0, n2: 0) }
}
