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

@Test func noExceedanceMakesTheConventionalPAnUpperBound() throws {
  // The fisher 3×3 table of issue 13: its exact p is far below 1/(B + 1), so no random table
  // is as extreme (k = 0) and the p-value is the bound 1/(B + 1), kept numerically.
  let extreme = try ContingencyTable(rows: [[207, 0, 198], [82, 49, 154], [215, 151, 335]])
  let bound = try monteCarloChiSquared(
    extreme, options: MonteCarloOptions(replicates: 999, seed: 5))
  #expect(bound.exceedances == 0)
  #expect(bound.isUpperBound)
  #expect(bound.pValue == 1.0 / 1000)
  // A table in the middle of its reference set: k > 0, an estimate.
  let middle = try ContingencyTable(rows: [[12, 5, 9], [7, 14, 3]])
  let estimate = try monteCarloChiSquared(
    middle, options: MonteCarloOptions(replicates: 999, seed: 5))
  #expect(estimate.exceedances > 0)
  #expect(!estimate.isUpperBound)
  #expect(estimate.pValue == Double(1 + estimate.exceedances) / 1000)
}

@Test func exceedancesOfRangesThatTileTheReplicatesAddUpToTheSingleRun() throws {
  // Shards of `chisq --monte-carlo` and `fisher --monte-carlo`: replicate b draws only from
  // stream b, so the counts of 0..<700, 700..<701 and 701..<2000 sum to the count of 0..<2000.
  let t = try ContingencyTable(rows: [[12, 5, 9], [7, 14, 3]])
  let whole = try monteCarloChiSquared(t, options: MonteCarloOptions(replicates: 2000, seed: 8))
  let k = try [0..<700, 700..<701, 701..<2000].map { r in
    try monteCarloChiSquared(
      t, options: MonteCarloOptions(replicates: 2000, seed: 8, threads: 2, range: r)
    ).exceedances
  }.reduce(0, +)
  #expect(MonteCarloPValue(replicates: 2000, seed: 8, exceedances: k) == whole)
  #expect(throws: InputError.self) {
    try monteCarloChiSquared(
      t, options: MonteCarloOptions(replicates: 10, seed: 1, range: 5..<11))
  }
}
