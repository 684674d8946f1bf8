// FisherExact2x2Tests.swift: 2×2 p-values against R and the odds ratio against mpmath.
import Contingency
import ResampleCore
import Testing
import _TestSupport

@Test func twoByTwoMatchesRAndSciPyAndMpmath() throws {
  let rCases = try fixtureCases("contingency/contingency_r.json")
  let pyCases = try fixtureCases("contingency/contingency_py.json")
  var checked = 0
  for (rc, pc) in zip(rCases, pyCases) {
    let rows = fixtureIntMatrix(rc["table"])
    guard rows.count == 2 && rows[0].count == 2 else { continue }
    let t = try ContingencyTable(rows: rows)
    let r95 = try fisherExactTest(t)
    let r90 = try fisherExactTest(t, level: 0.90)
    #expect(r95.method == .exact)
    #expect(isClose(r95.pValue, fixtureNumber(rc["fisher_p"]), relative: 1e-10), "R p \(rows)")
    #expect(
      isClose(r95.pValue, fixtureNumber(pc["scipy_fisher_p"]), relative: 1e-10), "SciPy p \(rows)")
    let or = try #require(r95.oddsRatio)
    #expect(
      isClose(or.estimate, fixtureNumber(pc["odds_ratio_mle"]), relative: 1e-10),
      "MLE \(rows): \(or.estimate) vs \(fixtureNumber(pc["odds_ratio_mle"]))")
    let ci95 = fixtureNumbers(pc["odds_ratio_ci95"])
    let ci90 = fixtureNumbers(pc["odds_ratio_ci90"])
    let or90 = try #require(r90.oddsRatio)
    for (got, want) in [
      (or.lower, ci95[0]), (or.upper, ci95[1]), (or90.lower, ci90[0]),
      (or90.upper, ci90[1]),
    ] {
      #expect(isClose(got, want, relative: 1e-10), "CI \(rows): \(got) vs \(want)")
    }
    // R's uniroot answer agrees only to its tolerance (1.2% off for 30,1;1,30), which is the point.
    let rEstimate = fixtureNumber(rc["fisher_r_estimate"])
    #expect(isClose(or.estimate, rEstimate, relative: 0.05))
    checked += 1
  }
  #expect(checked >= 10)
}

@Test func boundaryTablesGiveZeroAndInfiniteLimits() throws {
  let perfect = try #require(
    try fisherExactTest(ContingencyTable(rows: [[10, 0], [0, 10]])).oddsRatio)
  #expect(perfect.estimate == .infinity && perfect.upper == .infinity && perfect.lower > 1)
  let reverse = try #require(
    try fisherExactTest(ContingencyTable(rows: [[0, 5], [5, 0]])).oddsRatio)
  #expect(reverse.estimate == 0 && reverse.lower == 0 && reverse.upper < 1)
  // A single possible table (empty row): p = 1, estimate 0, interval [0, ∞] as R.
  let single = try fisherExactTest(ContingencyTable(rows: [[0, 0], [3, 4]]))
  #expect(single.pValue == 1)
  #expect(single.oddsRatio?.lower == 0 && single.oddsRatio?.upper == .infinity)
}

@Test func oddsRatioIntervalIsEquivariantUnderSwappingColumns() throws {
  let a = try #require(try fisherExactTest(ContingencyTable(rows: [[12, 5], [7, 14]])).oddsRatio)
  let b = try #require(try fisherExactTest(ContingencyTable(rows: [[5, 12], [14, 7]])).oddsRatio)
  #expect(isClose(a.estimate, 1 / b.estimate, relative: 1e-12))
  #expect(isClose(a.lower, 1 / b.upper, relative: 1e-12))
  #expect(isClose(a.upper, 1 / b.lower, relative: 1e-12))
}

/// The batch kernel (one log-factorial table, used by the survey enumerations and exact power)
/// gives R's and SciPy's two-sided Fisher p-value on every 2×2 fixture, and the single-table test's.
@Test func batchKernelMatchesRAndTheSingleTableTest() throws {
  let rCases = try fixtureCases("contingency/contingency_r.json")
  let kernel = FisherExact2x2Kernel(capacity: 5000)
  var checked = 0
  for rc in rCases {
    let rows = fixtureIntMatrix(rc["table"])
    guard rows.count == 2 && rows[0].count == 2 else { continue }
    let p = kernel.twoSidedP(
      x1: rows[0][0], n1: rows[0][0] + rows[0][1], x2: rows[1][0], n2: rows[1][0] + rows[1][1])
    #expect(isClose(p, fixtureNumber(rc["fisher_p"]), relative: 1e-10), "R p \(rows)")
    let single = try fisherExactTest(try ContingencyTable(rows: rows)).pValue
    #expect(isClose(p, single, relative: 1e-10), "\(rows)")
    checked += 1
  }
  #expect(checked >= 10)
}

/// Totals above 10⁷ (refused before; SciPy gh-9231's table among them): R's `fisher.test`
/// p-values for every alternative, and the conditional MLE and 95% interval solved with R's
/// formulas at uniroot tolerance 10⁻¹³ (`contingency/large_2x2.R`).
@Test func largeTotalsMatchR() throws {
  let cases = try fixtureCases("contingency/large_2x2_r.json")
  #expect(cases.count == 4)
  for c in cases {
    let rows = fixtureIntMatrix(c["table"])
    let t = try ContingencyTable(rows: rows)
    #expect(t.total > 10_000_000)
    let twoSided = try fisherExactTest(t)
    for (key, alternative) in [
      ("p_two_sided", Alternative.twoSided), ("p_less", .less), ("p_greater", .greater),
    ] {
      let r = alternative == .twoSided ? twoSided : try fisherExactTest(t, alternative: alternative)
      let want = fixtureNumber(c[key])
      // A p-value below 10⁻³⁰⁰ is a sum of underflowed terms in both: compare absolutely.
      #expect(
        isClose(r.pValue, want, relative: 1e-9, absolute: 1e-300),
        "\(rows) \(key): \(r.pValue) vs R \(want)")
    }
    let or = try #require(twoSided.oddsRatio)
    let ci = fixtureNumbers(c["ci95"])
    for (got, want) in [
      (or.estimate, fixtureNumber(c["estimate"])), (or.lower, ci[0]), (or.upper, ci[1]),
    ] {
      #expect(isClose(got, want, relative: 1e-9), "\(rows): \(got) vs R \(want)")
    }
  }
}

/// The windowed sums are the whole-support sums: a table whose support is wider than the window
/// gives the p-value of the batch kernel, which sums every term (from log-factorial tables, whose
/// rounding at N = 4·10⁴ is about 10⁻¹⁰ relative: hence 10⁻⁹, R's own tolerance).
@Test func windowedTwoByTwoAgreesWithTheFullSum() throws {
  let kernel = FisherExact2x2Kernel(capacity: 40_000)
  for (x1, n1, x2, n2) in [(9_990, 20_000, 10_150, 20_000), (5_000, 20_000, 5_400, 19_000)] {
    let t = try ContingencyTable(rows: [[x1, n1 - x1], [x2, n2 - x2]])
    let p = try fisherExactTest(t).pValue
    #expect(isClose(p, kernel.twoSidedP(x1: x1, n1: n1, x2: x2, n2: n2), relative: 1e-9))
  }
}

@Test func twoByTwoSupportAboveTheLimitIsRefused() {
  #expect(throws: InputError.self) {
    try fisherExactTest(ContingencyTable(rows: [[60_000_000, 1], [1, 60_000_000]]))
  }
}
