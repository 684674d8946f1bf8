// MonteCarloPValueTests.swift: the Monte Carlo p-value convention and option validation.
import Contingency
import ResampleCore
import Testing

@Test func pValueIsNeverZeroAndRecordsItsGenerator() throws {
  // A table at the extreme of its reference set: no random table is more extreme.
  let t = try ContingencyTable(rows: [[10, 0], [0, 10]])
  let mc = try monteCarloChiSquared(t, options: MonteCarloOptions(replicates: 999, seed: 5))
  #expect(mc.pValue >= 1.0 / 1000)
  #expect(mc.rng == "philox4x32-10/1")
  #expect(throws: InputError.self) {
    try monteCarloChiSquared(t, options: MonteCarloOptions(replicates: 10, seed: 1, threads: 0))
  }
}
