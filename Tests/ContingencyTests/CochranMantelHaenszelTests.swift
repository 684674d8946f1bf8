// CochranMantelHaenszelTests.swift: the CMH family against R (Tests/Fixtures/contingency/
// stratified/generate.R): mantelhaen.test (corrected, uncorrected, exact), the MH odds ratio and
// its RBG interval, Breslow–Day/Tarone and the generalized statistics (independent R code whose
// general association is checked there against mantelhaen.test).
import Contingency
import ResampleCore
import Testing
import _TestSupport

@Test func cmhMatchesRMantelhaenTest() throws {
  let cases = try stratifiedCases("cmh")
  #expect(cases.count >= 7)
  var twoByTwo = 0
  for c in cases {
    let name = c["name"] as? String ?? ""
    let t = try StratifiedTable(strata: fixtureStrata(c["tables"]))
    let g = try generalizedCMH(
      t, rowScores: fixtureDoubles(c["row_scores"]),
      columnScores: fixtureDoubles(c["column_scores"]))
    let e = c["generalized"] as? [String: Any] ?? [:]
    for (got, key) in [
      (g.generalAssociation, "general_association"), (g.rowMeanScores, "row_mean_scores"),
      (g.correlation, "correlation"),
    ] {
      let want = e[key] as? [String: Any] ?? [:]
      #expect(agrees(got.statistic, fixtureNumber(want["statistic"])), "\(name) \(key)")
      #expect(agrees(got.pValue, fixtureNumber(want["p_value"])), "\(name) \(key) p")
      #expect(Double(got.degreesOfFreedom) == fixtureNumber(want["df"]), "\(name) \(key) df")
    }
    guard t.rowCount == 2 && t.columnCount == 2 else {
      #expect(agrees(g.generalAssociation.statistic, fixtureNumber(c["statistic"])), "\(name)")
      #expect(agrees(g.generalAssociation.pValue, fixtureNumber(c["p_value"])), "\(name) p")
      continue
    }
    twoByTwo += 1
    let yes = try mantelHaenszelTest(t)
    let no = try mantelHaenszelTest(t, correction: .none)
    #expect(agrees(yes.statistic, fixtureNumber(c["statistic"])), "\(name) corrected")
    #expect(agrees(yes.pValue, fixtureNumber(c["p_value"])), "\(name) corrected p")
    #expect(agrees(no.statistic, fixtureNumber(c["statistic_uncorrected"])), "\(name)")
    #expect(agrees(no.pValue, fixtureNumber(c["p_value_uncorrected"])), "\(name) p")
    let or = try mantelHaenszelOddsRatio(t)
    let ci = fixtureDoubles(c["mh_ci"])
    #expect(agrees(or.estimate, fixtureNumber(c["mh_odds_ratio"])), "\(name) OR")
    #expect(agrees(or.lower, ci[0]) && agrees(or.upper, ci[1]), "\(name) CI")
    let or90 = try mantelHaenszelOddsRatio(t, level: 0.9)
    let ci90 = fixtureDoubles(c["mh_ci90"])
    #expect(agrees(or90.lower, ci90[0]) && agrees(or90.upper, ci90[1]), "\(name) CI 90")
    let bd = try breslowDayTest(t)
    #expect(agrees(bd.statistic, fixtureNumber(c["breslow_day"])), "\(name) BD")
    #expect(agrees(bd.taroneStatistic, fixtureNumber(c["tarone"])), "\(name) Tarone")
    #expect(Double(bd.degreesOfFreedom) == fixtureNumber(c["bd_df"]), "\(name) BD df")
    #expect(agrees(bd.pValue, fixtureNumber(c["breslow_day_p"])), "\(name) BD p")
    #expect(agrees(bd.taronePValue, fixtureNumber(c["tarone_p"])), "\(name) Tarone p")
    let ex = try exactConditionalCMH(t)
    #expect(Double(ex.statistic) == fixtureNumber(c["exact_statistic"]), "\(name) S")
    #expect(agrees(ex.pValue, fixtureNumber(c["exact_p_value"])), "\(name) exact p")
    let eci = fixtureDoubles(c["exact_ci"])
    #expect(agrees(ex.oddsRatio.estimate, fixtureNumber(c["exact_estimate"])), "\(name) cMLE")
    #expect(agrees(ex.oddsRatio.lower, eci[0]), "\(name) exact lower")
    #expect(agrees(ex.oddsRatio.upper, eci[1]), "\(name) exact upper")
    // One-sided, as R's alternative = "less" / "greater".
    for alternative in [Alternative.less, .greater] {
      let want = c[alternative.rawValue] as? [String: Any] ?? [:]
      let m = try mantelHaenszelTest(t, alternative: alternative)
      let o = try mantelHaenszelOddsRatio(t, alternative: alternative)
      let e = try exactConditionalCMH(t, alternative: alternative)
      let ci = fixtureDoubles(want["ci"])
      let eci = fixtureDoubles(want["exact_ci"])
      let label = "\(name) \(alternative)"
      #expect(agrees(m.pValue, fixtureNumber(want["p_value"])), "\(label) MH p")
      #expect(agrees(o.lower, ci[0]) && agrees(o.upper, ci[1]), "\(label) MH CI")
      #expect(agrees(e.pValue, fixtureNumber(want["exact_p_value"])), "\(label) exact p")
      #expect(agrees(e.oddsRatio.lower, eci[0]), "\(label) exact lower")
      #expect(agrees(e.oddsRatio.upper, eci[1]), "\(label) exact upper")
    }
    // R's own (uniroot, ~1e-4) values agree loosely.
    #expect(agrees(ex.oddsRatio.estimate, fixtureNumber(c["exact_estimate_r"]), 1e-3), "\(name)")
  }
  #expect(twoByTwo >= 3)
}

@Test func stratifiedTableRefusesWhatRRefuses() throws {
  // One stratum, a stratum with fewer than 2 observations, strata of different shapes.
  #expect(throws: InputError.self) { try StratifiedTable(strata: [[[1, 2], [3, 4]]]) }
  #expect(throws: InputError.self) {
    try StratifiedTable(strata: [[[1, 2], [3, 4]], [[1, 0], [0, 0]]])
  }
  #expect(throws: InputError.self) {
    try StratifiedTable(strata: [[[1, 2], [3, 4]], [[1, 2, 3], [4, 5, 6]]])
  }
  // A row empty in every stratum: R's qr.solve stops ("singular matrix").
  let empty = try StratifiedTable(strata: [
    [[1, 2, 3], [4, 5, 6], [0, 0, 0]], [[2, 2, 1], [3, 1, 6], [0, 0, 0]],
  ])
  #expect(throws: InputError.self) { try generalizedCMH(empty) }
  // Every stratum with a zero margin: R's statistic is NaN (0/0).
  let flat = try StratifiedTable(strata: [[[3, 0], [2, 0]], [[0, 4], [0, 1]]])
  #expect(try mantelHaenszelTest(flat).statistic.isNaN)
  #expect(throws: InputError.self) {
    try mantelHaenszelTest(
      StratifiedTable(strata: [[[1, 2, 3], [4, 5, 6]], [[1, 2, 3], [4, 5, 6]]]))
  }
}

@Test func breslowDayMatchesStatsmodels() throws {
  let root = try loadJSONFixture("contingency/stratified/stratified_py.json") as? [String: Any]
  let py = root?["cmh"] as? [[String: Any]] ?? []
  let tables = Dictionary(
    try stratifiedCases("cmh").map { ($0["name"] as? String ?? "", $0["tables"]) },
    uniquingKeysWith: { a, _ in a })
  #expect(py.count >= 3)
  for c in py {
    let name = c["name"] as? String ?? ""
    let t = try StratifiedTable(strata: fixtureStrata(tables[name] ?? nil))
    let bd = try breslowDayTest(t)
    #expect(agrees(bd.statistic, fixtureNumber(c["breslow_day"])), "\(name)")
    #expect(agrees(bd.taroneStatistic, fixtureNumber(c["tarone"])), "\(name) Tarone")
    let or = try mantelHaenszelOddsRatio(t)
    let ci = fixtureDoubles(c["mh_ci"])
    #expect(agrees(or.lower, ci[0]) && agrees(or.upper, ci[1]), "\(name) RBG interval")
  }
}
