// MonteCarloChiSquared.swift: Monte Carlo p-value of Pearson's χ² over tables with fixed margins.
import RandomStreams
import ResampleCore

/// The Monte Carlo p-value of the (uncorrected) Pearson statistic, conditional on both margins,
/// as R's `chisq.test(simulate.p.value = TRUE)`.
///
/// Replicate b draws one random table with the observed margins by Patefield's algorithm from
/// stream b of `Philox4x32(seed:stream:)`, so the result depends only on the table, the seed and
/// B, never on the thread count. A replicate counts when its statistic is
/// ≥ (1 − 64 ε) × the observed one (R's tie tolerance); p = (1 + k) / (B + 1).
///
/// - Parameters:
///   - table: the observed table; it must have no empty row or column.
///   - options: replicates B, seed, threads.
/// - Returns: the p-value, k, and its Monte Carlo standard error.
/// - Throws: `InputError` for invalid options or a table with an empty margin.
/// - Complexity: O(B · (r·c + cost of one Patefield table)), spread over the threads.
///
/// References: Patefield, W. M. (1981), Algorithm AS 159: an efficient method of generating
/// random r×c tables with given row and column totals, *Applied Statistics* 30, 91–97;
/// Hope, A. C. A. (1968), A simplified Monte Carlo significance test procedure, *JRSS B* 30,
/// 582–598.
public func monteCarloChiSquared(_ table: ContingencyTable, options: MonteCarloOptions) throws
  -> MonteCarloPValue
{
  try options.validate()
  guard !table.hasEmptyMargins else {
    throw InputError.invalidData(
      source: "table", reason: "cannot compute a Monte Carlo p-value with zero margins")
  }
  let result = try chiSquaredTest(table, correction: .none)
  return try monteCarloChiSquared(table, observed: result.pearsonStatistic, options: options)
}

/// The Monte Carlo kernel, given the observed uncorrected statistic.
func monteCarloChiSquared(
  _ t: ContingencyTable, observed: Double, options: MonteCarloOptions
) throws -> MonteCarloPValue {
  let sampler = try RandomTableSampler(rowSums: t.rowSums, columnSums: t.columnSums)
  let r = t.rowCount
  let c = t.columnCount
  let n = Double(t.total)
  let threshold = (1 - 64 * Double.ulpOfOne) * observed
  // Per-cell lookup of (x − e)² / e for every possible count x (at most min(r_i, c_j)), so a
  // replicate costs one load per cell. Cells are visited column by column, as R's chisq_sim.
  var offsets = [Int](repeating: 0, count: r * c)
  var size = 0
  for j in 0..<c {
    for i in 0..<r {
      offsets[i * c + j] = size
      size += min(t.rowSums[i], t.columnSums[j]) + 1
    }
  }
  let expected = (0..<(r * c)).map { cell in
    Double(t.rowSums[cell / c]) * Double(t.columnSums[cell % c]) / n
  }
  let order = (0..<c).flatMap { j in (0..<r).map { i in i * c + j } }
  if size <= 1 << 22 {
    var lut = [Double](repeating: 0, count: size)
    for cell in 0..<(r * c) {
      let e = expected[cell]
      let top = min(t.rowSums[cell / c], t.columnSums[cell % c])
      for x in 0...top {
        let d = Double(x) - e
        lut[offsets[cell] + x] = d * d / e
      }
    }
    let table = lut
    let base = order.map { offsets[$0] }
    return monteCarloPValue(options, sampler: sampler) { cells in
      var s = 0.0
      table.withUnsafeBufferPointer { l in
        for (v, cell) in order.enumerated() { s += l[base[v] + cells[cell]] }
      }
      return s >= threshold
    }
  }
  return monteCarloPValue(options, sampler: sampler) { cells in
    pearsonStatistic(cells, expected: expected, cells: order) >= threshold
  }
}

/// Pearson's Σ (x − e)²/e of a drawn count vector over `cells`, summed in their order (the
/// order fixes the sum's last bits).
///
/// - Parameters:
///   - counts: the drawn counts, one per cell.
///   - expected: every cell's expected count.
///   - cells: the cells to sum, each with an expected count > 0.
/// - Complexity: O(cells.count).
@inline(__always)
func pearsonStatistic(
  _ counts: UnsafeMutableBufferPointer<Int>, expected: [Double], cells: [Int]
) -> Double {
  var s = 0.0
  for cell in cells {
    let d = Double(counts[cell]) - expected[cell]
    s += d * d / expected[cell]
  }
  return s
}
