// ProportionScoreTestTests.swift: the score test against R's prop.test(x, n, p) and statsmodels'
// proportions_ztest, and the one-sided intervals of every method against R and statsmodels.
import Proportions
import ResampleCore
import Testing
import _TestSupport

@Test func scoreTestsMatchRPropTest() throws {
  let cases = try fixtureCases("proportions/alternatives_r.json", key: "one_sample")
  var checked = 0
  for c in cases {
    let (x, n, p0) = (
      Int(fixtureNumber(c["x"])), Int(fixtureNumber(c["n"])), fixtureNumber(c["p0"])
    )
    let alt = fixtureValue(c["alternative"], else: Alternative.twoSided)
    let level = fixtureNumber(c["level"])
    let t = try nullProportionTests(successes: x, trials: n, nullProportion: p0, alternative: alt)
    #expect(agrees(t.score.statistic, fixtureNumber(c["score_statistic"])), "X² \(x)/\(n) \(p0)")
    #expect(agrees(t.score.pValue, fixtureNumber(c["score_p"])), "p \(x)/\(n) \(p0) \(alt)")
    #expect(agrees(t.scoreCorrected.statistic, fixtureNumber(c["score_cc_statistic"])))
    #expect(agrees(t.scoreCorrected.pValue, fixtureNumber(c["score_cc_p"])), "cc \(x)/\(n) \(alt)")
    #expect(agrees(t.binomialExact, fixtureNumber(c["binom_p"])))
    // prop.test's interval: Wilson (correct = FALSE); with the correction, R's min(½, |x − n·p0|)
    // is our wilson_cc's min(½, |x − n/2|) when both are ½ or p0 = ½.
    let r = try oneProportion(successes: x, trials: n, level: level, alternative: alt)
    let w = try #require(r.intervals[.wilson])
    let want = fixtureNumbers(c["score_ci"])
    #expect(agrees(w.lower, want[0]) && agrees(w.upper, want[1]), "Wilson \(x)/\(n) \(alt)")
    let dev0 = abs(Double(x) - Double(n) * p0)
    let devHalf = abs(Double(x) - Double(n) * 0.5)
    if p0 == 0.5 || (dev0 >= 0.5 && devHalf >= 0.5) {
      let wc = try #require(r.intervals[.wilsonCC])
      let wantCC = fixtureNumbers(c["score_cc_ci"])
      #expect(agrees(wc.lower, wantCC[0]) && agrees(wc.upper, wantCC[1]), "Wilson cc \(x)/\(n)")
      checked += 1
    }
  }
  #expect(checked >= 60)
}

@Test func scoreTestAndOneSidedLimitsMatchStatsmodels() throws {
  let cases = try fixtureCases("proportions/alternatives_py.json", key: "one_sample")
  let methods: [(String, ProportionIntervalMethod)] = [
    ("wilson", .wilson), ("clopper_pearson", .clopperPearson), ("agresti_coull", .agrestiCoull),
    ("jeffreys", .jeffreys), ("wald", .wald),
  ]
  var limits = 0
  for c in cases {
    let (x, n, p0) = (
      Int(fixtureNumber(c["x"])), Int(fixtureNumber(c["n"])), fixtureNumber(c["p0"])
    )
    let alt = fixtureValue(c["alternative"], else: Alternative.twoSided)
    let t = try proportionScoreTest(
      successes: x, trials: n, probability: p0, alternative: alt, corrected: false)
    let z = fixtureNumber(c["score_z"])
    #expect(agrees(t.statistic, z * z), "z² \(x)/\(n)")
    #expect(agrees(t.pValue, fixtureNumber(c["score_p"])), "z p \(x)/\(n) \(alt)")
    for (levelKey, byMethod) in c["one_sided_limits"] as? [String: [String: Any]] ?? [:] {
      let level = try #require(Double(levelKey))
      for (key, m) in methods {
        let ci = try proportionInterval(
          successes: x, trials: n, level: level, method: m, alternative: alt)
        let got = alt == .less ? ci.upper : ci.lower
        #expect(alt == .less ? ci.lower == 0 : ci.upper == 1)
        #expect(agrees(got, fixtureNumber(byMethod[key])), "\(key) \(x)/\(n) \(alt) \(level)")
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
