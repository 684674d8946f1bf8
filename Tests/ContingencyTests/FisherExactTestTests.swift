// FisherExactTestTests.swift: method selection, Monte Carlo fallback and forced Monte Carlo.
import Contingency
import ResampleCore
import Testing
import _TestSupport

@Test func fallsBackToSeededMonteCarloBeyondTheWorkLimit() throws {
  let t = try ContingencyTable(rows: [[12, 5, 9, 14], [7, 14, 3, 10], [20, 25, 17, 20]])
  let options = MonteCarloOptions(replicates: 20_000, seed: 7)
  let r = try fisherExactTest(t, fallback: options, workLimit: 10)
  #expect(r.method == .monteCarlo)
  #expect(r.warnings == [.exactTooLarge(limit: 10)])
  let mc = try #require(r.monteCarlo)
  #expect(mc.replicates == 20_000 && mc.seed == 7 && r.pValue == mc.pValue)
  // Within 4 Monte Carlo standard errors of the exact 0.11195807755280184 (R).
  #expect(abs(r.pValue - 0.11195807755280184) <= 4 * mc.standardError)
  // Deterministic for the seed.
  #expect(try fisherExactTest(t, fallback: options, workLimit: 10) == r)
}

@Test func forcedMonteCarloAgreesWithExactWithinFourStandardErrors() throws {
  let cases = try fixtureCases("contingency/contingency_py.json")
  var checked = 0
  for c in cases {
    guard let exact = c["exact"] as? [String: Any] else { continue }
    let rows = fixtureIntMatrix(c["table"])
    guard !(rows.count == 2 && rows[0].count == 2) else { continue }
    let t = try ContingencyTable(rows: rows)
    let r = try fisherExactTest(
      t, monteCarlo: MonteCarloOptions(replicates: 10_000, seed: UInt64(checked)))
    let mc = try #require(r.monteCarlo)
    let want = fixtureNumber(exact["fisher_p"])
    #expect(r.method == .monteCarlo)
    #expect(abs(mc.pValue - want) <= 4 * mc.standardError + 1 / 10_001, "\(rows)")
    checked += 1
  }
  #expect(checked >= 8)
}

@Test func twoByTwoIsAlwaysExactAndLevelIsValidated() throws {
  let t = try ContingencyTable(rows: [[3, 1], [1, 3]])
  let r = try fisherExactTest(t, monteCarlo: MonteCarloOptions(replicates: 100, seed: 1))
  #expect(r.method == .exact && r.monteCarlo == nil)
  #expect(throws: InputError.self) { try fisherExactTest(t, level: 1) }
  // 2×2 tables are limited by their support (FisherExact2x2Tests), larger ones by the total.
  let huge = try ContingencyTable(rows: [[6_000_000, 1, 5], [1, 6_000_000, 5]])
  #expect(throws: InputError.self) { try fisherExactTest(huge) }
  #expect(throws: InputError.self) {
    try fisherExactTest(t, monteCarlo: MonteCarloOptions(replicates: 0, seed: 1))
  }
}
