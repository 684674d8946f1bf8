// FisherExactNetwork.swift: the exact r×c Fisher p-value by a network algorithm over columns.
import SpecialFunctions
import _Platform

/// The exact two-sided Fisher–Freeman–Halton p-value of an r×c table: the total probability,
/// under the multivariate hypergeometric distribution given both margins, of the tables whose
/// probability is at most (1 + 10⁻⁷) times the observed one.
///
/// The tables are built column by column. A node is (columns placed, the multiset of remaining
/// row totals); all tables through a node share the same set of completions, whose total weight
/// is known in closed form (N_rem! / ∏ R_i! ∏ c_j!). Each node keeps the distinct "past"
/// probabilities of the partial tables that reach it (merged when equal to 10⁻⁹ in log). A past
/// is settled without expanding it when bounds on the most and least probable completion show
/// that all, or none, of its completions count (Mehta & Patel's network algorithm with simple
/// relaxation bounds).
///
/// - Complexity: exponential in the worst case; `workLimit` caps the number of (column vector,
///   past) expansions, returning `nil` beyond it so the caller can fall back to Monte Carlo.
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

  /// A partial table's value and its weight relative to exp(value).
  struct Past {
    var value: Double
    var weight: Double
  }

  /// A node of the network: the sorted remaining row totals and the pasts reaching it.
  final class Node {
    let remaining: [Int]
    var pasts: [Int64: Past] = [:]
    init(_ remaining: [Int]) { self.remaining = remaining }
  }

  /// Runs the network; `nil` when more than `workLimit` units of work would be needed.
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
    func key(_ v: [Int]) -> Int { v.reduce(0) { $0 * base + $1 } }
    var suffixColumnTotals = [Int](repeating: 0, count: c + 1)
    var suffixColumnLogFactorials = [Double](repeating: 0, count: c + 1)
    for j in stride(from: c - 1, through: 0, by: -1) {
      suffixColumnTotals[j] = suffixColumnTotals[j + 1] + columnSums[j]
      suffixColumnLogFactorials[j] = suffixColumnLogFactorials[j + 1] + lf[columnSums[j]]
    }

    var p = 0.0
    var work = 0
    let root = Node(rowSums)
    root.pasts[0] = Past(value: 0, weight: 1)
    var nodes: [Int: Node] = [key(rowSums): root]
    var x = [Int](repeating: 0, count: r)
    var futures: [Double] = []
    var scratch = [Int](repeating: 0, count: r)
    for stage in 0..<(c - 1) {
      var next: [Int: Node] = [:]
      let columns = Array(columnSums[stage...])
      let penultimate = stage == c - 2
      for (_, node) in nodes {
        let remaining = node.remaining
        work += r
        if work > workLimit { return nil }
        let logTotal =
          lf[suffixColumnTotals[stage]] - remaining.reduce(0.0) { $0 + lf[$1] }
          - suffixColumnLogFactorials[stage]
        let (lowest, highest) = bounds(remaining, columns)
        var open: [Past] = []
        for (_, past) in node.pasts {
          if past.value + highest <= threshold {
            p += exp(constant + past.value + logTotal) * past.weight
          } else if past.value + lowest > threshold {
            continue
          } else {
            open.append(past)
          }
        }
        if open.isEmpty { continue }
        let cj = columnSums[stage]
        var suffix = [Int](repeating: 0, count: r + 1)
        for i in stride(from: r - 1, through: 0, by: -1) {
          suffix[i] = suffix[i + 1] + remaining[i]
        }
        if penultimate {
          // Every completion is this column's vector x plus the forced last column R − x:
          // sort the completions' values once and answer each past by binary search.
          futures.removeAll(keepingCapacity: true)
          func complete(_ i: Int, _ left: Int, _ f: Double) {
            if i == r - 1 {
              futures.append(f - lf[left] - lf[remaining[i] - left])
              return
            }
            let lowX = max(0, left - suffix[i + 1])
            let highX = min(left, remaining[i])
            if lowX > highX { return }
            for v in lowX...highX { complete(i + 1, left - v, f - lf[v] - lf[remaining[i] - v]) }
          }
          complete(0, cj, 0)
          futures.sort()
          let top = futures.last ?? 0
          var prefix = [Double](repeating: 0, count: futures.count + 1)
          for (i, f) in futures.enumerated() { prefix[i + 1] = prefix[i] + exp(f - top) }
          work += futures.count + open.count * 8
          if work > workLimit { return nil }
          for past in open {
            // Number of futures with past.value + f ≤ threshold.
            let limit = threshold - past.value
            var lo = 0
            var hi = futures.count
            while lo < hi {
              let mid = (lo + hi) / 2
              if futures[mid] <= limit { lo = mid + 1 } else { hi = mid }
            }
            if lo > 0 { p += exp(constant + past.value + top) * past.weight * prefix[lo] }
          }
          continue
        }
        var aborted = false
        func place(_ i: Int, _ left: Int, _ dv: Double) {
          if aborted { return }
          if i == r - 1 {
            x[i] = left
            let value = dv - lf[left]
            // The child's sorted remaining totals, by insertion sort in a scratch buffer.
            for t in 0..<r {
              let v = remaining[t] - x[t]
              var u = t
              while u > 0 && scratch[u - 1] > v {
                scratch[u] = scratch[u - 1]
                u -= 1
              }
              scratch[u] = v
            }
            var k = 0
            for t in 0..<r { k = k * base + scratch[t] }
            work += open.count + 1
            if work > workLimit {
              aborted = true
              return
            }
            let entry: Node
            if let existing = next[k] {
              entry = existing
            } else {
              entry = Node(Array(scratch))
              next[k] = entry
            }
            for past in open {
              let v = past.value + value
              let q = Int64((v * 1e9).rounded())
              if let existing = entry.pasts[q] {
                entry.pasts[q] = Past(
                  value: existing.value,
                  weight: existing.weight + past.weight * exp(v - existing.value))
              } else {
                entry.pasts[q] = Past(value: v, weight: past.weight)
              }
            }
            return
          }
          let lowX = max(0, left - suffix[i + 1])
          let highX = min(left, remaining[i])
          if lowX > highX { return }
          for v in lowX...highX {
            x[i] = v
            place(i + 1, left - v, dv - lf[v])
          }
        }
        place(0, cj, 0)
        if aborted { return nil }
      }
      nodes = next
      if nodes.isEmpty { break }
    }
    return min(1, max(0, p))
  }

  /// Bounds (lowest, highest) on -Σ log x! over the completions of a node: relaxations that
  /// keep only the row totals (or only the column totals) with the cell caps min(R_i, c_j).
  func bounds(_ rows: [Int], _ columns: [Int]) -> (Double, Double) {
    let lf = logFactorial
    if columns.count == 1 {
      let v = -rows.reduce(0.0) { $0 + lf[$1] }
      return (v, v)
    }
    if rows.reduce(0, { $0 + ($1 > 0 ? 1 : 0) }) <= 1 {
      let v = -columns.reduce(0.0) { $0 + lf[$1] }
      return (v, v)
    }
    // Highest: spread each line evenly (Σ log x! is Schur-convex), bound by the tighter one.
    func spread(_ lines: [Int], _ parts: Int) -> Double {
      var s = 0.0
      for total in lines {
        let q = total / parts
        let rem = total % parts
        s -= Double(rem) * lf[q + 1] + Double(parts - rem) * lf[q]
      }
      return s
    }
    let highest = min(spread(rows, columns.count), spread(columns, rows.count))
    // Lowest: concentrate each line greedily into its largest caps (a vertex of the relaxed
    // polytope maximises the convex Σ log x!).
    // Both `rows` and `columns` are sorted ascending, so the largest caps come last.
    func concentrate(_ lines: [Int], _ caps: [Int]) -> Double {
      var s = 0.0
      for total in lines {
        var left = total
        for cap in caps.reversed() where left > 0 {
          let take = min(cap, left)
          s -= lf[take]
          left -= take
        }
      }
      return s
    }
    let lowest = max(concentrate(rows, columns), concentrate(columns, rows))
    return (lowest, highest)
  }
}
