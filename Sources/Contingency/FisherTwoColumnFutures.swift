// FisherTwoColumnFutures.swift: the completions of a two-column node of the exact r×c Fisher
// network, listed and sorted, for nodes that many pasts reach.
import _Platform

/// The values f of all completions of a node with two columns left, sorted, with cumulative
/// masses, so that Σ_{f ≤ L} e^f is a binary search away for any L.
///
/// Where many pasts reach a node with few completions this replaces passing each past on to the
/// node (a hash insertion) by a binary search at the parent.
///
/// - Complexity: O(F log F) to build for F completions (nil beyond `limit`); O(log F) per query.
struct FisherTwoColumnFutures {
  /// The completions as pasts of weight 1 (values ascending, cumulative masses).
  let completions: FisherSortedPasts

  /// Lists the completions of remaining totals `rows` with penultimate column total `column`;
  /// `nil` when there are more than `limit`.
  init?(rows: [Int], column: Int, logFactorial lf: [Double], limit: Int) {
    var values: [Double] = []
    let finished = FisherColumnVectors.forEachSlice(rows: rows, column: column, logFactorial: lf) {
      base, s, r1, r2 in
      let lo = max(0, s - r2)
      let hi = min(s, r1)
      if values.count + hi - lo >= limit { return false }
      for t in lo...hi { values.append(base - lf[t] - lf[r1 - t] - lf[s - t] - lf[r2 - s + t]) }
      return true
    }
    guard finished else { return nil }
    values.sort()
    completions = FisherSortedPasts(
      values: values, weights: [Double](repeating: 1, count: values.count))
  }

  /// The number of completions.
  var count: Int { completions.values.count }

  /// Σ e^(f + shift) over the completions with f ≤ `limit`.
  func mass(atMost limit: Double, shift: Double) -> Double {
    completions.mass(first: completions.count(atMost: limit), shift: shift)
  }
}
