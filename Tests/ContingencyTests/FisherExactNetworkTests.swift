// FisherExactNetworkTests.swift: the exact r×c p-value against R's FEXACT and full enumeration.
import Contingency
import Testing
import _TestSupport

@Test func rByCMatchesRFisherTest() throws {
  let rCases = try fixtureCases("contingency/contingency_r.json")
  let pyCases = try fixtureCases("contingency/contingency_py.json")
  var checked = 0
  var worst = 0.0
  for (rc, pc) in zip(rCases, pyCases) {
    let rows = fixtureIntMatrix(rc["table"])
    let want = fixtureNumber(rc["fisher_p"])
    guard !(rows.count == 2 && rows[0].count == 2), !want.isNaN else { continue }
    let t = try ContingencyTable(rows: rows)
    let got = try fisherExactTest(t)
    if got.method == .monteCarlo {
      // Too large for the default work limit: the estimate must be within 4 standard errors.
      let mc = try #require(got.monteCarlo)
      #expect(abs(got.pValue - want) <= 4 * mc.standardError + 1 / Double(mc.replicates + 1))
      continue
    }
    // R's FEXACT sums in its own order; p-values below 1e-100 agree to 1e-9 relative.
    let tol = want < 1e-100 ? 1e-9 : 1e-10
    worst = max(worst, want == 0 ? got.pValue : relativeError(got.pValue, want))
    #expect(
      isClose(got.pValue, want, relative: tol, absolute: 1e-300),
      "\(rows): \(got.pValue) vs R \(want)")
    if let exact = pc["exact"] as? [String: Any] {
      #expect(
        isClose(got.pValue, fixtureNumber(exact["fisher_p"]), relative: 1e-10), "enum \(rows)")
    }
    checked += 1
  }
  #expect(checked >= 15)
  #expect(worst <= 1e-9)
}

@Test func invariantUnderTranspositionAndPermutations() throws {
  let t = try ContingencyTable(rows: [[2, 7, 2, 13, 0], [4, 17, 2, 8, 5]])
  let a = try fisherExactTest(t).pValue
  let b = try fisherExactTest(t.transposed).pValue
  let c = try fisherExactTest(ContingencyTable(rows: [[0, 13, 2, 7, 2], [5, 8, 2, 17, 4]])).pValue
  #expect(isClose(a, b, relative: 1e-12) && isClose(a, c, relative: 1e-12))
  // W4 (Benchmarks/peers/README.md): R fisher.test's exact p = 0.1119581.
  let w4 = try fisherExactTest(
    ContingencyTable(rows: [[12, 5, 9, 14], [7, 14, 3, 10], [20, 25, 17, 20]]))
  #expect(w4.method == .exact && abs(w4.pValue - 0.1119581) < 5e-8)
}

@Test func emptyRowsAndColumnsAreIgnored() throws {
  let a = try fisherExactTest(
    ContingencyTable(rows: [[1, 0, 2], [3, 0, 4], [0, 0, 0], [2, 0, 5]])
  ).pValue
  let b = try fisherExactTest(ContingencyTable(rows: [[1, 2], [3, 4], [2, 5]])).pValue
  #expect(isClose(a, b, relative: 1e-13))
  #expect(
    try fisherExactTest(ContingencyTable(rows: [[1, 0, 2], [0, 0, 0], [0, 0, 0]])).pValue == 1)
}
