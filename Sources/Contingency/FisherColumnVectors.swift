// FisherColumnVectors.swift: the edges of the exact r×c Fisher network (a column's vectors)
// and the slices of its two-column nodes.

/// Enumerations shared by the Fisher network and its path bounds.
enum FisherColumnVectors {
  /// Calls `body` with −Σ log x_i! and the sorted remaining totals `rows` − x (ascending) for
  /// every vector x with 0 ≤ x_i ≤ rows[i] and Σ x_i = `total`, until `body` returns false.
  ///
  /// - Parameters:
  ///   - rows: the remaining row totals, ascending.
  ///   - total: the column total.
  ///   - logFactorial: log k! for k = 0...N.
  ///   - body: the value of x and the child's sorted totals (a reused buffer); false stops.
  /// - Returns: false when `body` stopped the enumeration.
  /// - Complexity: O(r) per vector; the vectors number at most C(total + r − 1, r − 1).
  static func forEach(
    rows: [Int], total: Int, logFactorial lf: [Double], _ body: (Double, [Int]) -> Bool
  ) -> Bool {
    let r = rows.count
    var suffix = [Int](repeating: 0, count: r + 1)
    for i in stride(from: r - 1, through: 0, by: -1) { suffix[i] = suffix[i + 1] + rows[i] }
    var x = [Int](repeating: 0, count: r)
    var child = [Int](repeating: 0, count: r)
    var stopped = false
    func place(_ i: Int, _ left: Int, _ value: Double) {
      if stopped { return }
      if i == r - 1 {
        x[i] = left
        // The child's sorted remaining totals, by insertion sort.
        for t in 0..<r {
          let y = rows[t] - x[t]
          var u = t
          while u > 0 && child[u - 1] > y {
            child[u] = child[u - 1]
            u -= 1
          }
          child[u] = y
        }
        if !body(value - lf[left], child) { stopped = true }
        return
      }
      let low = max(0, left - suffix[i + 1])
      let high = min(left, rows[i])
      if low > high { return }
      for y in low...high {
        x[i] = y
        place(i + 1, left - y, value - lf[y])
      }
    }
    place(0, total, 0)
    return !stopped
  }

  /// Calls `body(base, s, r1, r2)` for every slice of a node with two columns left, until it
  /// returns false: the penultimate column's cells of all positive rows but the two largest
  /// (r1 ≤ r2) fixed, base = −Σ log x_i! − Σ log(R_i − x_i)! over them and s the column's
  /// remainder, so that the last free cell t ranges over [max(0, s − r2), min(s, r1)].
  ///
  /// A single positive row gives the one slice (−log column! − log(R − column)!, 0, 0, 0).
  ///
  /// - Returns: false when `body` stopped the enumeration.
  /// - Complexity: the product of the ranges of all but the two largest rows' cells.
  static func forEachSlice(
    rows: [Int], column: Int, logFactorial lf: [Double],
    _ body: (Double, Int, Int, Int) -> Bool
  ) -> Bool {
    let nz = rows.filter { $0 > 0 }
    let m = nz.count
    if m == 1 { return body(-lf[column] - lf[nz[0] - column], 0, 0, 0) }
    let r1 = nz[m - 2]
    let r2 = nz[m - 1]
    var suffix = [Int](repeating: 0, count: m + 1)
    for i in stride(from: m - 1, through: 0, by: -1) { suffix[i] = suffix[i + 1] + nz[i] }
    var stopped = false
    func fix(_ i: Int, _ left: Int, _ base: Double) {
      if stopped { return }
      if i == m - 2 {
        if !body(base, left, r1, r2) { stopped = true }
        return
      }
      let ri = nz[i]
      let low = max(0, left - suffix[i + 1])
      let high = min(left, ri)
      if low > high { return }
      for x in low...high { fix(i + 1, left - x, base - lf[x] - lf[ri - x]) }
    }
    fix(0, column, 0)
    return !stopped
  }
}
