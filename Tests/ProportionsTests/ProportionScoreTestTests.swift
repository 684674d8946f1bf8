// ProportionScoreTestTests.swift: the score test against R's prop.test(x, n, p) and statsmodels'
// proportions_ztest, and the one-sided intervals of every method against R and statsmodels.
import Proportions
import ResampleCore
import Testing
import _TestSupport

@Test func scoreTestsMatchRPropTest() throws {
  let cases = try oneSampleCases("proportions/alternatives_r.json")
  var checked = 0
  for c in cases {
    let t = try nullProportionTests(
      successes: c.x, trials: c.n, nullProportion: c.p0, alternative: c.alternative)
    #expect(agrees(t.score.statistic, c["score_statistic"]), "X² \(c.x)/\(c.n) \(c.p0)")
    #expect(agrees(t.score.pValue, c["score_p"]), "p \(c.x)/\(c.n) \(c.p0) \(c.alternative)")
    #expect(agrees(t.scoreCorrected.statistic, c["score_cc_statistic"]))
    #expect(agrees(t.scoreCorrected.pValue, c["score_cc_p"]), "cc \(c.x)/\(c.n) \(c.alternative)")
    #expect(agrees(t.binomialExact, c["binom_p"]))
    // prop.test's interval: Wilson (correct = FALSE); with the correction, R's min(½, |x − n·p0|)
    // is our wilson_cc's min(½, |x − n/2|) when both are ½ or p0 = ½.
    let r = try oneProportion(
      successes: c.x, trials: c.n, level: c.level, alternative: c.alternative)
    let w = try #require(r.intervals[.wilson])
    let want = fixtureNumbers(c.record["score_ci"])
    #expect(
      agrees(w.lower, want[0]) && agrees(w.upper, want[1]), "Wilson \(c.x)/\(c.n) \(c.alternative)")
    let dev0 = abs(Double(c.x) - Double(c.n) * c.p0)
    let devHalf = abs(Double(c.x) - Double(c.n) * 0.5)
    if c.p0 == 0.5 || (dev0 >= 0.5 && devHalf >= 0.5) {
      let wc = try #require(r.intervals[.wilsonCC])
      let wantCC = fixtureNumbers(c.record["score_cc_ci"])
      #expect(agrees(wc.lower, wantCC[0]) && agrees(wc.upper, wantCC[1]), "Wilson cc \(c.x)/\(c.n)")
      checked += 1
    }
  }
  #expect(checked >= 60)
}

@Test func scoreTestAndOneSidedLimitsMatchStatsmodels() throws {
  let cases = try oneSampleCases("proportions/alternatives_py.json")
  let methods: [(String, ProportionIntervalMethod)] = [
    ("wilson", .wilson), ("clopper_pearson", .clopperPearson), ("agresti_coull", .agrestiCoull),
    ("jeffreys", .jeffreys), ("wald", .wald),
  ]
  var limits = 0
  for c in cases {
    let t = try proportionScoreTest(
      successes: c.x, trials: c.n, probability: c.p0, alternative: c.alternative, corrected: false)
    let z = c["score_z"]
    #expect(agrees(t.statistic, z * z), "z² \(c.x)/\(c.n)")
    #expect(agrees(t.pValue, c["score_p"]), "z p \(c.x)/\(c.n) \(c.alternative)")
    for (levelKey, byMethod) in c.record["one_sided_limits"] as? [String: [String: Any]] ?? [:] {
      let level = try #require(Double(levelKey))
      for (key, m) in methods {
        let ci = try proportionInterval(
          successes: c.x, trials: c.n, level: level, method: m, alternative: c.alternative)
        let got = c.alternative == .less ? ci.upper : ci.lower
        #expect(c.alternative == .less ? ci.lower == 0 : ci.upper == 1)
        #expect(
          agrees(got, fixtureNumber(byMethod[key])),
          "\(key) \(c.x)/\(c.n) \(c.alternative) \(level)")
        limits += 1
      }
    }
  }
  #expect(limits >= 100)
}

@Test func nullProportionIsChecked() {
  #expect(throws: InputError.self) {
    try nullProportionTests(successes: 3, trials: 10, nullProportion: 0)
  }
  #expect(throws: InputError.self) {
    try nullProportionTests(successes: 3, trials: 10, nullProportion: 1)
  }
}
