// FisherExactReachTests.swift: issue 13's hard r×c tables and seeded random tables, exact,
// against R's FEXACT (fisher_rxc_r.json) and a complete enumeration (fisher_rxc_enumerated.json).
import Contingency
import Testing
import _TestSupport

/// The complete-enumeration p-values by table.
private func enumerated() throws -> [[[Int]]: Double] {
  var out: [[[Int]]: Double] = [:]
  for c in try fixtureCases("contingency/fisher_rxc_enumerated.json") {
    out[fixtureIntMatrix(c["table"])] = fixtureNumber(c["fisher_p"])
  }
  return out
}

@Test func rByCMatchesFEXACTAndEnumerationToOneInABillion() throws {
  let reference = try enumerated()
  var worst = 0.0
  var checked = 0
  for c in try fixtureCases("contingency/fisher_rxc_r.json") {
    let rows = fixtureIntMatrix(c["table"])
    let r = fixtureNumber(c["fisher_p"])
    let got = try fisherExactTest(ContingencyTable(rows: rows))
    #expect(got.method == .exact, "\(rows)")
    if let want = reference[rows] {
      // FEXACT merges past paths within 3.45e-7 in log, so it can be that far off relative.
      worst = max(worst, relativeError(got.pValue, want))
      #expect(isClose(got.pValue, want, relative: 1e-9), "\(rows): \(got.pValue) vs \(want)")
      #expect(isClose(got.pValue, r, relative: 5e-7), "\(rows): \(got.pValue) vs R \(r)")
    } else {
      worst = max(worst, relativeError(got.pValue, r))
      #expect(isClose(got.pValue, r, relative: 1e-9), "\(rows): \(got.pValue) vs R \(r)")
    }
    checked += 1
  }
  #expect(checked >= 12)
  #expect(worst <= 1e-9)
}

@Test func enumerationAgreesWithFEXACTWhereFEXACTIsExact() throws {
  // The generators cross-check: the complete enumeration matches R to 1e-9 on the tables
  // without FEXACT's merging error (all but issue 13's 3×3).
  let r = try fixtureCases("contingency/fisher_rxc_r.json")
  var byTable: [[[Int]]: Double] = [:]
  for c in r { byTable[fixtureIntMatrix(c["table"])] = fixtureNumber(c["fisher_p"]) }
  var agreeing = 0
  for (table, p) in try enumerated() {
    guard let fexact = byTable[table] else { continue }
    if isClose(p, fexact, relative: 1e-9) { agreeing += 1 }
  }
  #expect(agreeing >= 3)
}

@Test(arguments: [
  "3,2,2,1,2,2;6,6,7,11,16,9;1,0,0,3,1,4;4,0,6,2,2,9", "207,0,198;82,49,154;215,151,335",
])
func issue13TablesTakeTheExactPath(table: String) throws {
  // As given they are checked (exact, to 1e-9) by the fixture test above; here transposed, with
  // the default work limit: exact, no Monte Carlo, no warning.
  let rows = table.split(separator: ";").map { $0.split(separator: ",").compactMap { Int($0) } }
  let got = try fisherExactTest(ContingencyTable(rows: rows).transposed)
  #expect(got.method == .exact)
  #expect(got.monteCarlo == nil && got.warnings.isEmpty)
  let want = try #require(
    try fixtureCases("contingency/fisher_rxc_r.json").first {
      fixtureIntMatrix($0["table"]) == rows
    })
  #expect(isClose(got.pValue, fixtureNumber(want["fisher_p"]), relative: 5e-7))
}
