// FisherExactNetwork.swift: the exact r×c Fisher p-value by a network algorithm over columns.
import SpecialFunctions
import _Platform

/// The exact two-sided Fisher–Freeman–Halton p-value of an r×c table: the total probability,
/// under the multivariate hypergeometric distribution given both margins, of the tables whose
/// probability is at most (1 + 10⁻⁷) times the observed one.
///
/// The tables are built column by column (rows the smaller dimension, columns by increasing
/// total). A node is (columns placed, the multiset of remaining row totals); all tables through
/// a node share its completions, whose total weight is known in closed form
/// (N_rem! / ∏ R_i! ∏ c_j!) and whose least and most probable members are computed exactly
/// (``FisherPathBounds``). Each node keeps the distinct "past" values of the partial tables that
/// reach it (``FisherPastTable``, merged when equal to 10⁻⁹ in log), sorted with cumulative
/// masses: along each edge the pasts all of whose completions count are summed at once, those
/// none of whose count are dropped, and only the others are passed on. Nodes with two columns
/// left are summed in closed form (``FisherTwoColumnCompletion``), or, when many pasts reach
/// them and their completions are few, answered at the parent by a binary search in their
/// sorted completions (``FisherTwoColumnFutures``).
///
/// - Complexity: exponential in the worst case; `workLimit` caps the work (edges, passed pasts,
///   slices and tail terms), returning `nil` beyond it so the caller can fall back to Monte Carlo.
///
/// References: Freeman, G. H. and Halton, J. H. (1951), Note on an exact treatment of
/// contingency, goodness of fit and other problems of significance, *Biometrika* 38, 141–149;
/// Mehta, C. R. and Patel, N. R. (1983), A network algorithm for performing Fisher's exact test
/// in r×c contingency tables, *JASA* 78, 427–434; Mehta, C. R. and Patel, N. R. (1986),
/// Algorithm 643: FEXACT, *ACM TOMS* 12, 154–161.
struct FisherNetwork {
  /// Row totals of the (possibly transposed) table, the smaller dimension.
  let rowSums: [Int]
  /// Column totals in processing order.
  let columnSums: [Int]
  /// The observed table's -Σ log x! (its log-probability up to the constant).
  let observedValue: Double
  let total: Int
  /// log k! for k = 0...N.
  let logFactorial: [Double]

  /// Prepares the network for a table without empty margins (2 ≤ r, c).
  init(_ table: ContingencyTable) {
    let t = table.rowCount <= table.columnCount ? table : table.transposed
    rowSums = t.rowSums.sorted()
    columnSums = t.columnSums.sorted()
    total = t.total
    let lf = SpecialFunctions.logFactorialTable(through: t.total)
    logFactorial = lf
    observedValue = -t.counts.reduce(0.0) { $0 + lf[$1] }
  }

  /// The nodes of one stage: their sorted remaining row totals, the extremes and the log total
  /// weight of their completions, and the pasts reaching them (by index; `index` by key).
  struct Layer {
    var index: [Int: Int] = [:]
    var rows: [[Int]] = []
    var extremes: [FisherPathBounds.Extremes] = []
    var logTotals: [Double] = []
    var pasts: [FisherPastTable] = []
    /// The sorted completions of two-column nodes that many pasts reach (else nil).
    var futures: [FisherTwoColumnFutures?] = []
  }

  /// The most distinct pasts stored for one stage (16 bytes each, in tables at most half full):
  /// beyond it the network gives up like beyond the work limit.
  static let maximumStoredPasts = 1 << 24

  /// Runs the network; `nil` when more than `workLimit` units of work would be needed or a
  /// stage would store more than ``maximumStoredPasts`` pasts.
  func pValue(workLimit: Int) -> Double? {
    let r = rowSums.count
    let c = columnSums.count
    let lf = logFactorial
    let constant =
      rowSums.reduce(0.0) { $0 + lf[$1] } + columnSums.reduce(0.0) { $0 + lf[$1] } - lf[total]
    let threshold = observedValue + log1p(1e-7)
    // The key of a sorted remaining-row vector, mixed radix with base max(row total) + 1.
    let base = (rowSums.max() ?? 0) + 1
    var capacity = 1.0
    for _ in 0..<r { capacity *= Double(base) }
    guard capacity < 9.0e18 else { return nil }
    var suffixColumnTotals = [Int](repeating: 0, count: c + 1)
    var suffixColumnLogFactorials = [Double](repeating: 0, count: c + 1)
    for j in stride(from: c - 1, through: 0, by: -1) {
      suffixColumnTotals[j] = suffixColumnTotals[j + 1] + columnSums[j]
      suffixColumnLogFactorials[j] = suffixColumnLogFactorials[j + 1] + lf[columnSums[j]]
    }
    let paths = FisherPathBounds(logFactorial: lf, columnSums: columnSums, base: base)
    var work = 0
    // Adds the node after `stage` columns with remaining totals `rows` (key `key`) to `layer`;
    // false beyond the work limit.
    func addNode(
      _ layer: inout Layer, _ stage: Int, _ rows: [Int], key: Int, futuresLimit: Int = 0
    ) -> Bool {
      guard let e = paths.extremes(stage: stage, rows: rows, workLimit: workLimit - work)
      else { return false }
      let futures =
        futuresLimit > 0
        ? FisherTwoColumnFutures(
          rows: rows, column: columnSums[stage], logFactorial: lf, limit: futuresLimit) : nil
      work += (futures?.count ?? 0) >> 2
      layer.futures.append(futures)
      layer.index[key] = layer.rows.count
      layer.rows.append(rows)
      layer.extremes.append(e)
      layer.logTotals.append(
        lf[suffixColumnTotals[stage]] - rows.reduce(0.0) { $0 + lf[$1] }
          - suffixColumnLogFactorials[stage])
      layer.pasts.append(FisherPastTable())
      return true
    }

    // p in units of e^(constant + threshold), about the observed table's probability.
    var p = 0.0
    // Offers the pasts, shifted by `shift`, to node `n` of `layer`: those all of whose
    // completions count are summed at once, those none of whose count are dropped, the others
    // are stored.
    func offer(_ pasts: FisherSortedPasts, shift: Double, to layer: inout Layer, _ n: Int) {
      let e = layer.extremes[n]
      let full = pasts.count(atMost: threshold - shift - e.highest)
      let some = pasts.count(atMost: threshold - shift - e.lowest)
      p += pasts.mass(first: full, shift: shift + layer.logTotals[n] - threshold)
      if some > full, let futures = layer.futures[n] {
        work += (some - full) >> 1
        for j in full..<some {
          let v = pasts.values[j] + shift
          p += pasts.weights[j] * futures.mass(atMost: threshold - v, shift: v - threshold)
        }
      } else if some > full {
        work += some - full
        let before = layer.pasts[n].count
        for j in full..<some {
          layer.pasts[n].insert(value: pasts.values[j] + shift, weight: pasts.weights[j])
        }
        stored += layer.pasts[n].count - before
      }
    }
    // Distinct pasts stored in the next layer, capped at `maximumStoredPasts` (memory).
    var stored = 0
    var layer = Layer()
    guard addNode(&layer, 0, rowSums, key: 0) else { return nil }
    offer(FisherSortedPasts(values: [0], weights: [1]), shift: 0, to: &layer, 0)
    for stage in 0..<(c - 1) {
      var next = Layer()
      stored = 0
      // Children with two columns left get their completions listed when the pasts are many
      // (on average 32 or more a node) and the completions few (under 8192).
      var pastCount = 0
      for t in layer.pasts { pastCount += t.count }
      let futuresLimit = stage + 1 == c - 2 && pastCount >= 32 * layer.rows.count ? 8192 : 0
      for n in layer.rows.indices {
        guard layer.pasts[n].count > 0 else { continue }
        let pasts = layer.pasts[n].sorted()
        layer.pasts[n] = FisherPastTable()
        let remaining = layer.rows[n]
        work += r + pasts.values.count
        if work + paths.work > workLimit { return nil }
        if stage == c - 2 {
          let completion = FisherTwoColumnCompletion(
            logFactorial: lf, pasts: pasts, threshold: threshold)
          guard
            let s = completion.sum(
              rows: remaining, column: columnSums[stage], work: &work,
              workLimit: workLimit - paths.work)
          else { return nil }
          p += s
          continue
        }
        let finished = FisherColumnVectors.forEach(
          rows: remaining, total: columnSums[stage], logFactorial: lf
        ) { value, childRows in
          var k = 0
          for t in 0..<r { k = k * base + childRows[t] }
          work += 1
          let child: Int
          if let existing = next.index[k] {
            child = existing
          } else if addNode(&next, stage + 1, childRows, key: k, futuresLimit: futuresLimit) {
            child = next.rows.count - 1
          } else {
            return false
          }
          offer(pasts, shift: value, to: &next, child)
          return work + paths.work <= workLimit && stored <= Self.maximumStoredPasts
        }
        if !finished { return nil }
      }
      layer = next
      if layer.rows.isEmpty { break }
    }
    return min(1, max(0, exp(constant + threshold) * p))
  }
}
