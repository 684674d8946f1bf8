// PairwiseMethods.swift: the interval, effect-size, bootstrap and omnibus methods of a pairwise
// comparison, taken from Proportions, Contingency and Resampling.
import Contingency
import Proportions
import ResampleCore
import Resampling

/// Newcombe's hybrid score interval for p₁ − p₂ (Proportions' `newcombeInterval`, the one used
/// by `twoProportions`), with counts that may be fractional (effective counts under a design
/// effect or weights).
func newcombe(x1: Double, n1: Double, x2: Double, n2: Double, level: Double) throws -> PairInterval
{
  let i = try newcombeInterval(x1: x1, n1: n1, x2: x2, n2: n2, level: level)
  return PairInterval(lower: i.lower, upper: i.upper)
}

/// The bootstrap BCa interval of p₁ − p₂ for two independent 0/1 samples given as counts
/// (Resampling; the engine collapses 0/1 samples to one binomial draw per segment).
func bootstrapBCa(
  x1: Int, n1: Int, x2: Int, n2: Int, replicates: Int, seed: UInt64, level: Double,
  threads: Int
) throws -> (interval: PairInterval?, notes: [String]) {
  func sample(_ x: Int, _ n: Int) -> [Double] {
    [Double](repeating: 1, count: x) + [Double](repeating: 0, count: n - x)
  }
  let boot = try Bootstrap(
    samples: [sample(x1, n1), sample(x2, n2)], statistic: .difference(.proportion))
  let r = try boot.run(
    replicates: replicates, seed: seed, methods: [.bca], level: level,
    threads: threads)
  let notes = (r.interval(.bca)?.diagnostics ?? []).map { "bootstrap: \($0)" }
  guard let ci = r.interval(.bca), ci.lower.isFinite, ci.upper.isFinite else {
    return (nil, notes + ["bootstrap: no BCa interval (degenerate replicates)"])
  }
  return (PairInterval(lower: ci.lower, upper: ci.upper), notes)
}

/// The omnibus test for integer counts in more than two segments: Pearson's χ² when every
/// expected count is at least 5, otherwise Fisher's exact r×2 test (Contingency's network
/// algorithm, or its seeded Monte Carlo estimate when the enumeration is too large).
func omnibusForCounts(
  yes: [Int], sizes: [Int], seed: UInt64, monteCarloReplicates: Int
) throws -> OmnibusTest {
  try omnibusForTable(
    zip(yes, sizes).map { [$0, $1 - $0] }, seed: seed, monteCarloReplicates: monteCarloReplicates)
}

/// The test of "all rows answer alike" on an r×c table of counts (segments × answers), with
/// compare's rule: Pearson's χ² when every expected count is at least 5, otherwise Fisher's exact
/// r×c test (network algorithm, or a seeded Monte Carlo estimate over `monteCarloReplicates`
/// random tables with the observed margins when the enumeration is too large).
///
/// - Parameters:
///   - rows: the counts, by row; no empty row or column (callers drop them).
///   - seed: the seed of the Monte Carlo fallback.
///   - monteCarloReplicates: its random tables.
/// - Throws: `InputError` for a table with fewer than two rows or columns.
/// - Complexity: O(r·c) for χ²; Fisher: the network size, capped, or O(B·r·c).
func omnibusForTable(
  _ rows: [[Int]], seed: UInt64, monteCarloReplicates: Int
) throws -> OmnibusTest {
  let table = try ContingencyTable(rows: rows)
  let chi = try chiSquaredTest(table, correction: .none)
  let minExpected = chi.expected.flatMap { $0 }.min() ?? 0
  if minExpected >= 5 {
    return OmnibusTest(
      test: "pearson-chi-squared", statistic: chi.statistic,
      degreesOfFreedom: chi.degreesOfFreedom, pValue: chi.pValue, monteCarloError: nil,
      reason: "every expected count is at least 5")
  }
  let fisher = try fisherExactTest(
    table, fallback: MonteCarloOptions(replicates: monteCarloReplicates, seed: seed))
  let reason =
    "an expected count is below 5 (smallest \(formatPercent(minExpected, decimals: 2)))"
  if fisher.method == .monteCarlo {
    return OmnibusTest(
      test: "fisher-exact-monte-carlo", statistic: chi.statistic,
      degreesOfFreedom: chi.degreesOfFreedom, pValue: fisher.pValue,
      monteCarloError: fisher.monteCarlo?.standardError,
      isUpperBound: fisher.monteCarlo?.isUpperBound ?? false,
      reason: reason + "; the exact enumeration is too large, so the Fisher p-value is a "
        + "seeded Monte Carlo estimate over \(monteCarloReplicates) random tables")
  }
  return OmnibusTest(
    test: "fisher-exact-rxc", statistic: chi.statistic, degreesOfFreedom: chi.degreesOfFreedom,
    pValue: fisher.pValue, monteCarloError: nil, reason: reason + ": Fisher's exact test")
}
