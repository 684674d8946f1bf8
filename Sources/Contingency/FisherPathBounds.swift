// FisherPathBounds.swift: the exact longest and shortest paths of the r×c Fisher network.
import _Platform

/// The least and the most probable completion of every node of a Fisher network, exactly, by a
/// memoised recursion over the nodes below it.
///
/// A node is (the number of columns placed, the sorted remaining row totals); a completion's
/// value is −Σ log x! over its cells. With one column left the completion is forced; with two
/// left the completions are hypergeometric slices (all cells of the penultimate column but the
/// two largest rows' fixed), whose maximum is at the slice's mode and minimum at an end of its
/// range; with more, the bounds are the extremes over the next column's vectors x of
/// −Σ log x_i! plus the child's bounds (Mehta and Patel's longest and shortest path lengths).
///
/// - Complexity: the number of edges of the network below the queried nodes (each node once),
///   plus the slices of its two-column nodes.
///
/// References: Mehta, C. R. and Patel, N. R. (1983), A network algorithm for performing Fisher's
/// exact test in r×c contingency tables, *JASA* 78, 427–434; Joe, H. (1988), Extreme
/// probabilities for contingency tables under row and column independence with application to
/// Fisher's exact test, *Communications in Statistics – Theory and Methods* 17, 3677–3685.
final class FisherPathBounds {
  /// The least and greatest completion value of a node.
  struct Extremes {
    var lowest: Double
    var highest: Double
  }

  let logFactorial: [Double]
  /// Column totals in processing order.
  let columnSums: [Int]
  /// The radix of the node keys (the largest row total + 1).
  let base: Int
  /// Per stage, the extremes of the nodes met so far by key.
  private var memo: [[Int: Extremes]]
  /// Units of work spent (2 per edge or slice: a memo lookup and a sort, some 100 ns).
  var work = 0

  init(logFactorial: [Double], columnSums: [Int], base: Int) {
    self.logFactorial = logFactorial
    self.columnSums = columnSums
    self.base = base
    memo = Array(repeating: [:], count: columnSums.count + 1)
  }

  /// The key of sorted remaining row totals (mixed radix `base`).
  func key(_ rows: [Int]) -> Int { rows.reduce(0) { $0 * base + $1 } }

  /// The extremes of the completions of the node after `stage` columns with remaining row
  /// totals `rows` (ascending); `nil` once `work` passes `workLimit`.
  func extremes(stage: Int, rows: [Int], workLimit: Int) -> Extremes? {
    let k = key(rows)
    if let known = memo[stage][k] { return known }
    let c = columnSums.count
    let found: Extremes?
    if stage == c - 1 {
      let v = -rows.reduce(0.0) { $0 + logFactorial[$1] }
      found = Extremes(lowest: v, highest: v)
    } else if stage == c - 2 {
      found = twoColumnExtremes(rows, column: columnSums[stage], workLimit: workLimit)
    } else {
      found = expand(stage: stage, rows: rows, workLimit: workLimit)
    }
    if let found { memo[stage][k] = found }
    return found
  }

  /// Extremes over the next column's vectors plus the children's extremes.
  private func expand(stage: Int, rows: [Int], workLimit: Int) -> Extremes? {
    var best = Extremes(lowest: .infinity, highest: -.infinity)
    let finished = FisherColumnVectors.forEach(
      rows: rows, total: columnSums[stage], logFactorial: logFactorial
    ) { v, child in
      work += 2
      guard work <= workLimit,
        let e = extremes(stage: stage + 1, rows: child, workLimit: workLimit)
      else { return false }
      best.lowest = min(best.lowest, v + e.lowest)
      best.highest = max(best.highest, v + e.highest)
      return true
    }
    return finished ? best : nil
  }

  /// Extremes over the hypergeometric slices of a two-column node: each slice's maximum is at
  /// its mode, its minimum at an end of its range.
  private func twoColumnExtremes(_ rows: [Int], column: Int, workLimit: Int) -> Extremes? {
    let lf = logFactorial
    var best = Extremes(lowest: .infinity, highest: -.infinity)
    let finished = FisherColumnVectors.forEachSlice(rows: rows, column: column, logFactorial: lf) {
      base, s, r1, r2 in
      let lo = max(0, s - r2)
      let hi = min(s, r1)
      func g(_ t: Int) -> Double { base - lf[t] - lf[r1 - t] - lf[s - t] - lf[r2 - s + t] }
      let mode = min(hi, max(lo, (s + 1) * (r1 + 1) / (r1 + r2 + 2)))
      best.highest = max(best.highest, g(mode))
      best.lowest = min(best.lowest, g(lo), g(hi))
      work += 2
      return work <= workLimit
    }
    return finished ? best : nil
  }
}
