// FisherAlternativeTests.swift: one-sided Fisher tests against R's fisher.test and SciPy's
// fisher_exact, the one-sided odds-ratio limits against mpmath (the two-sided 90% limits of
// contingency_py.json), and the single-table edges SciPy answers with p = 1.
import Contingency
import ResampleCore
import Testing
import _TestSupport

@Test func oneSidedFisherMatchesRAndSciPy() throws {
  let rCases = try fixtureCases("contingency/alternatives_r.json", key: "fisher")
  let pyCases = try fixtureCases("contingency/alternatives_py.json", key: "fisher")
  #expect(rCases.count == pyCases.count && rCases.count >= 30)
  for (rc, pc) in zip(rCases, pyCases) {
    let rows = fixtureIntMatrix(rc["table"])
    #expect(rows == fixtureIntMatrix(pc["table"]))
    let alt = fixtureValue(rc["alternative"], else: Alternative.twoSided)
    let r = try fisherExactTest(ContingencyTable(rows: rows), alternative: alt)
    #expect(r.alternative == alt)
    #expect(isClose(r.pValue, fixtureNumber(rc["p_value"]), relative: 1e-10), "R \(rows) \(alt)")
    #expect(
      isClose(r.pValue, fixtureNumber(pc["p_value"]), relative: 1e-10), "SciPy \(rows) \(alt)")
    guard alt != .twoSided else { continue }
    let or = try #require(r.oddsRatio)
    let rCI = fixtureNumbers(rc["ci95"])
    let pyCI = fixtureNumbers(pc["ci95"])
    // R's uniroot and SciPy's brentq stop early; the full-precision check is against mpmath
    // below. R solves for θ in (0, 1) and 1/θ in (0, 1) to uniroot's absolute tolerance
    // ε^¼ ≈ 1.2e-4, so it is compared on that scale. The open end is exact.
    func agreesWithUniroot(_ a: Double, _ b: Double) -> Bool {
      a > 1 ? abs(1 / a - 1 / b) <= 1e-3 : abs(a - b) <= 1e-3
    }
    if alt == .less {
      #expect(or.lower == 0 && rCI[0] == 0 && pyCI[0] == 0)
      #expect(agreesWithUniroot(or.upper, rCI[1]), "R \(rows): \(or.upper) vs \(rCI[1])")
      #expect(
        isClose(or.upper, pyCI[1], relative: 1e-4), "SciPy \(rows): \(or.upper) vs \(pyCI[1])")
    } else {
      #expect(or.upper == .infinity && rCI[1] == .infinity)
      #expect(agreesWithUniroot(or.lower, rCI[0]), "R \(rows): \(or.lower) vs \(rCI[0])")
      #expect(
        isClose(or.lower, pyCI[0], relative: 1e-4), "SciPy \(rows): \(or.lower) vs \(pyCI[0])")
    }
  }
}

@Test func oneSidedOddsRatioLimitsMatchMpmath() throws {
  // The one-sided 95% limit is the two-sided 90% one (1 − level in one tail).
  var checked = 0
  for pc in try fixtureCases("contingency/contingency_py.json") {
    let rows = fixtureIntMatrix(pc["table"])
    guard rows.count == 2 && rows[0].count == 2 else { continue }
    let t = try ContingencyTable(rows: rows)
    let ci90 = fixtureNumbers(pc["odds_ratio_ci90"])
    let less = try #require(try fisherExactTest(t, alternative: .less).oddsRatio)
    let greater = try #require(try fisherExactTest(t, alternative: .greater).oddsRatio)
    #expect(isClose(less.upper, ci90[1], relative: 1e-10), "\(rows): \(less.upper) vs \(ci90[1])")
    #expect(isClose(greater.lower, ci90[0], relative: 1e-10), "\(rows)")
    #expect(less.lower == 0 && greater.upper == .infinity)
    checked += 1
  }
  #expect(checked >= 10)
}

@Test func singleTablesGivePOneAsSciPy() throws {
  for c in try fixtureCases("contingency/alternatives_py.json", key: "single_table") {
    let rows = fixtureIntMatrix(c["table"])
    // An all-zero table is refused by ContingencyTable and answered here; a 2×2 table with an
    // empty row or column is a valid table whose only arrangement also has p = 1.
    if let r = try fisherSingleTable(rows: rows) {
      #expect(r.pValue == fixtureNumber(c["p_value"]) && r.oddsRatio == nil)
      #expect(r.warnings.count == 1)
    } else {
      #expect(
        try fisherExactTest(ContingencyTable(rows: rows)).pValue == fixtureNumber(c["p_value"]))
    }
  }
  for rows in [[[3, 4, 5]], [[3], [4]], [[0, 0, 0], [0, 0, 0]]] {
    let r = try #require(try fisherSingleTable(rows: rows))
    #expect(r.pValue == 1)
    #expect(!r.warnings[0].description.isEmpty)
  }
  #expect(try fisherSingleTable(rows: [[1, 2], [3, 4]]) == nil)
  #expect(throws: InputError.self) { try fisherSingleTable(rows: [[1, 2], [3]]) }
  #expect(throws: InputError.self) { try fisherSingleTable(rows: [[-1, 2]]) }
}

@Test func oneSidedIsRefusedForLargerTables() throws {
  let t = try ContingencyTable(rows: [[12, 5, 9], [7, 14, 3]])
  #expect(throws: InputError.self) { try fisherExactTest(t, alternative: .less) }
}
