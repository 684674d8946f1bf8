// MonteCarloChiSquaredTests.swift: Monte Carlo χ² against the exact conditional p-value.
import Contingency
import ResampleCore
import Testing
import _TestSupport

@Test(.tags(.statistical))
func agreesWithTheExactConditionalPValueWithinFourStandardErrors() throws {
  let cases = try fixtureCases("contingency/contingency_py.json")
  var checked = 0
  for c in cases {
    guard let exact = c["exact"] as? [String: Any] else { continue }
    let t = try ContingencyTable(rows: fixtureIntMatrix(c["table"]))
    let mc = try monteCarloChiSquared(
      t, options: MonteCarloOptions(replicates: 20_000, seed: 11 + UInt64(checked)))
    let want = fixtureNumber(exact["chisq_p"])
    // The +1 in (1 + k)/(B + 1) biases by at most 1/(B + 1).
    #expect(
      abs(mc.pValue - want) <= 4 * mc.standardError + 1 / 20_001,
      "\(t.rows): \(mc.pValue) ± \(mc.standardError) vs exact \(want)")
    checked += 1
  }
  #expect(checked >= 15)
}

@Test func resultDependsOnlyOnSeedAndReplicatesNotThreads() throws {
  let t = try ContingencyTable(rows: [[12, 5, 9, 14], [7, 14, 3, 10], [20, 25, 17, 20]])
  let one = try monteCarloChiSquared(
    t, options: MonteCarloOptions(replicates: 9_999, seed: 42, threads: 1))
  for threads in [2, 3, 8] {
    let other = try monteCarloChiSquared(
      t, options: MonteCarloOptions(replicates: 9_999, seed: 42, threads: threads))
    #expect(other == one)
  }
  let different = try monteCarloChiSquared(
    t, options: MonteCarloOptions(replicates: 9_999, seed: 43))
  #expect(different.exceedances != one.exceedances)
  #expect(one.pValue == Double(one.exceedances + 1) / 10_000)
  #expect(
    isClose(
      one.standardError, (one.pValue * (1 - one.pValue) / 9_999).squareRoot(),
      relative: 1e-15))
  // W4: R reports p = 0.1378 with B = 1e5; the exact conditional p is near 0.137.
  #expect(abs(one.pValue - 0.1378) < 4 * one.standardError + 0.002)
}

@Test func neverAppliesYatesAndValidatesOptions() throws {
  let t = try ContingencyTable(rows: [[7, 0], [3, 5]])
  let r = try chiSquaredTest(t, monteCarlo: MonteCarloOptions(replicates: 5_000, seed: 3))
  #expect(r.correction == .yates)
  let mc = try #require(r.monteCarlo)
  // Exact conditional P(X² ≥ observed) = Fisher's 0.02564 for this 2×2 table.
  #expect(abs(mc.pValue - 0.02564102564102564) <= 4 * mc.standardError + 1 / 5_001)
  #expect(throws: InputError.self) {
    try monteCarloChiSquared(t, options: MonteCarloOptions(replicates: 0, seed: 1))
  }
  #expect(throws: InputError.self) {
    try monteCarloChiSquared(
      ContingencyTable(rows: [[0, 3], [0, 4]]),
      options: MonteCarloOptions(replicates: 10, seed: 1))
  }
}
