// FisherTwoColumnCompletion.swift: the exact r×c Fisher network's last two columns in closed
// form (hypergeometric slices and their tails).
import _Platform

/// The completions of a Fisher network node with two columns left, summed for every past at
/// once by hypergeometric slices.
///
/// With two columns left a completion is fixed by the penultimate column's cells x_i (the last
/// column holds R_i − x_i). Fixing all of them but the two largest rows' leaves one free cell t,
/// whose values g(t) = base − log t! − log(R₁−t)! − log(s−t)! − log(R₂−s+t)! form a
/// hypergeometric, log-concave sequence. For a past of value v the completions with
/// v + g(t) ≤ threshold are the sequence's two tails: found by binary search and summed from
/// the boundary outward with the hypergeometric term ratio until the terms are below e⁻⁸⁰ of
/// the threshold. The pasts, sorted by value, whose whole slice counts are a prefix (one binary
/// search and a log-cumulative weight), and those for which none of it counts are a suffix.
///
/// - Complexity: O(S · (log P + T)) for S slices (the product of the ranges of all but the last
///   two rows' cells), P pasts and T the tail work of the pasts a slice splits (a binary search
///   and the tail terms above e⁻⁸⁰).
///
/// Reference: Mehta, C. R. and Patel, N. R. (1983), A network algorithm for performing Fisher's
/// exact test in r×c contingency tables, *JASA* 78, 427–434 (the network; the two-column closed
/// form is this module's).
struct FisherTwoColumnCompletion {
  /// log k! for k = 0...N.
  let logFactorial: [Double]
  /// The node's pasts, sorted by value.
  let pasts: FisherSortedPasts
  let threshold: Double
  /// Tail terms below this (≈ e⁻⁸⁰) times the threshold's probability end a tail's sum.
  static let negligible = 1e-35

  /// Σ over the pasts of w·Σ e^(v + f − threshold) over the completions f with
  /// v + f ≤ threshold, for remaining row totals `rows` (ascending) and penultimate column
  /// total `column`; `nil` once `work` passes `workLimit`.
  func sum(rows: [Int], column: Int, work: inout Int, workLimit: Int) -> Double? {
    var total = 0.0
    let finished = FisherColumnVectors.forEachSlice(
      rows: rows, column: column, logFactorial: logFactorial
    ) { base, s, r1, r2 in
      total += slice(base: base, s: s, r1: r1, r2: r2, work: &work)
      work += 1
      return work <= workLimit
    }
    return finished ? total : nil
  }

  /// One slice: t ranges over [max(0, s − r2), min(s, r1)] with value g(t) as above.
  func slice(base: Double, s: Int, r1: Int, r2: Int, work: inout Int) -> Double {
    let lf = logFactorial
    let lo = max(0, s - r2)
    let hi = min(s, r1)
    func g(_ t: Int) -> Double { base - lf[t] - lf[r1 - t] - lf[s - t] - lf[r2 - s + t] }
    let mode = min(hi, max(lo, (s + 1) * (r1 + 1) / (r1 + r2 + 2)))
    let gMax = g(mode)
    let gMin = min(g(lo), g(hi))
    let full = pasts.count(atMost: threshold - gMax)
    let some = pasts.count(atMost: threshold - gMin)
    var total = 0.0
    if full > 0 {
      let logSlice = base + lf[r1 + r2] - lf[s] - lf[r1 + r2 - s] - lf[r1] - lf[r2]
      total += pasts.mass(first: full, shift: logSlice - threshold)
    }
    if some <= full { return total }
    let n1 = Double(r1)
    let n2 = Double(r2)
    let sd = Double(s)
    // A split past (two binary searches) is counted as 1/4 of a unit of work, a tail term (a
    // multiply-add) as 1/16.
    var terms = 0
    defer { work += (some - full) >> 2 + terms >> 4 }
    for j in full..<some {
      let limit = threshold - pasts.values[j]
      var tails = 0.0
      // Left tail [lo, a): g is non-decreasing on [lo, mode].
      if g(lo) <= limit {
        var a = lo
        var b = mode  // g(a) ≤ limit < g(b)
        while b - a > 1 {
          let mid = (a + b) >> 1
          if g(mid) <= limit { a = mid } else { b = mid }
        }
        var t = a
        var term = exp(g(a) - limit)
        while true {
          tails += term
          terms += 1
          if t == lo || term < Self.negligible { break }
          // h(t−1)/h(t) = t·(r2−s+t) / ((r1−t+1)·(s−t+1)).
          let td = Double(t)
          term *= td * (n2 - sd + td) / ((n1 - td + 1) * (sd - td + 1))
          t -= 1
        }
      }
      // Right tail (b, hi]: g is non-increasing on [mode, hi].
      if g(hi) <= limit {
        var a = mode  // g(a) > limit ≥ g(b)
        var b = hi
        while b - a > 1 {
          let mid = (a + b) >> 1
          if g(mid) <= limit { b = mid } else { a = mid }
        }
        var t = b
        var term = exp(g(b) - limit)
        while true {
          tails += term
          terms += 1
          if t == hi || term < Self.negligible { break }
          // h(t+1)/h(t) = (r1−t)·(s−t) / ((t+1)·(r2−s+t+1)).
          let td = Double(t)
          term *= (n1 - td) * (sd - td) / ((td + 1) * (n2 - sd + td + 1))
          t += 1
        }
      }
      total += pasts.weights[j] * tails
    }
    return total
  }
}
