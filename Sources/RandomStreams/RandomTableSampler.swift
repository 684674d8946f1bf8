// RandomTableSampler.swift: random r×c tables with fixed row and column sums (Patefield 1981,
// algorithm AS 159, the method of R's r2dtable).
import ResampleCore
import _Platform

/// A sampler of r×c tables of counts with given row and column sums, uniformly over
/// permutations: each table appears with its multivariate hypergeometric (Fisher–Yates)
/// probability ∏ r_i! ∏ c_j! / (n! ∏ n_ij!).
///
/// Patefield's algorithm fills the table cell by cell, row by row: given the counts already
/// placed, cell (l, m) is hypergeometric with the row's remaining total, the column's remaining
/// total and the remaining grand total of the unfilled block. Each cell is drawn by inversion
/// that starts at the rounded conditional mean and steps alternately up and down (so the
/// expected work is O(standard deviation)), re-drawing the uniform on the total actually
/// enumerated if rounding leaves it uncovered, as R's `rcont2` does. Cells whose range is a
/// single value draw nothing; the last column and the last row are what remains. Log-factorials
/// (`SpecialFunctions.logFactorial`) and reciprocals come from tables built at initialisation for
/// totals up to 2²⁰.
///
/// - Complexity: O(r·c·(1 + σ)) per table, σ the typical conditional standard deviation of a
///   cell; O(min(n, 2²⁰)) setup.
///
/// References: W. M. Patefield (1981), "Algorithm AS 159: An efficient method of generating
/// random R × C tables with given row and column totals", Applied Statistics 30(1), 91–97;
/// R's `r2dtable` (src/library/stats/src/rcont.c).
public struct RandomTableSampler: Sendable {
  /// The row sums r_i.
  public let rowSums: [Int]
  /// The column sums c_j.
  public let columnSums: [Int]
  /// The grand total n.
  public let total: Int
  /// log k! for k in 0...min(n, 2²⁰).
  @usableFromInline internal let logFactorials: [Double]
  /// 1/k for k in 0...min(n, 2²⁰) + 1 (entry 0 unused), replacing divisions in the search.
  @usableFromInline internal let reciprocals: [Double]
  /// For the cells of the first row, whose column and block totals never vary: the search's
  /// start and its probability for each value of the row's remaining total, at index
  /// `m · (r₀ + 1) + remaining` (empty when that would exceed 2¹⁶ entries).
  @usableFromInline internal let firstRowStarts: [Int]
  @usableFromInline internal let firstRowProbabilities: [Double]

  /// The largest grand total accepted (2³¹ − 1, as R's `r2dtable`).
  public static let maximumTotal = Int(Int32.max)

  /// Refuses a negative entry of the margin `name`.
  private static func requireCounts(_ margin: [Int], name: String) throws {
    for (i, v) in margin.enumerated() where v < 0 {
      throw InputError.invalidParameter(
        name: "\(name)[\(i)]", value: "\(v)", expected: "a count ≥ 0")
    }
  }

  /// The sum of a margin of counts ≥ 0, refused above ``maximumTotal`` (or on overflow).
  private static func checkedTotal(_ margin: [Int]) throws -> Int {
    var total = 0
    for v in margin {
      let (s, overflow) = total.addingReportingOverflow(v)
      guard !overflow, s <= maximumTotal else {
        throw InputError.tooLarge(what: "the table's total", limit: "2^31 - 1")
      }
      total = s
    }
    return total
  }

  /// Creates a sampler for tables with the given margins.
  ///
  /// - Parameters:
  ///   - rowSums: one or more non-negative row totals.
  ///   - columnSums: one or more non-negative column totals with the same sum as `rowSums`.
  /// - Throws: `InputError.invalidParameter` naming `rowSums` or `columnSums`;
  ///   `InputError.tooLarge` if the total exceeds 2³¹ − 1.
  /// - Complexity: O(r + c + min(n, 2²⁰)).
  public init(rowSums: [Int], columnSums: [Int]) throws {
    guard !rowSums.isEmpty else {
      throw InputError.invalidParameter(name: "rowSums", value: "[]", expected: "at least one row")
    }
    guard !columnSums.isEmpty else {
      throw InputError.invalidParameter(
        name: "columnSums", value: "[]", expected: "at least one column")
    }
    try RandomTableSampler.requireCounts(rowSums, name: "rowSums")
    try RandomTableSampler.requireCounts(columnSums, name: "columnSums")
    let rowTotal = try RandomTableSampler.checkedTotal(rowSums)
    let columnTotal = try RandomTableSampler.checkedTotal(columnSums)
    guard rowTotal == columnTotal else {
      throw InputError.invalidParameter(
        name: "columnSums", value: "sum \(columnTotal)",
        expected: "the same total as rowSums (\(rowTotal))")
    }
    self.rowSums = rowSums
    self.columnSums = columnSums
    self.total = rowTotal
    let size = min(rowTotal, 1 << 20) + 1
    var table = [Double](repeating: 0, count: size)
    for k in 0..<size { table[k] = _LogFactorial.value(k) }
    self.logFactorials = table
    let reciprocals = (0...size).map { k in k == 0 ? 0 : 1 / Double(k) }
    self.reciprocals = reciprocals
    var starts: [Int] = []
    var probabilities: [Double] = []
    let stride = rowSums[0] + 1
    if rowSums.count > 1, columnSums.count > 1, (columnSums.count - 1) * stride <= 1 << 16 {
      starts.reserveCapacity((columnSums.count - 1) * stride)
      probabilities.reserveCapacity((columnSums.count - 1) * stride)
      table.withUnsafeBufferPointer { lf in
        reciprocals.withUnsafeBufferPointer { inv in
          var ie = rowTotal
          for m in 0..<(columnSums.count - 1) {
            let id = columnSums[m]
            for ia in 0..<stride {
              // Unreachable states (the row needing more than the block holds) and
              // single-valued cells are never looked up.
              let reachable = ia <= ie && max(0, ia + id - ie) < min(ia, id)
              let (start, p0) =
                reachable
                ? _patefieldStart(ia: ia, id: id, ie: ie, logFactorials: lf, reciprocals: inv)
                : (0, 1.0)
              starts.append(start)
              probabilities.append(p0)
            }
            ie -= id
          }
        }
      }
    }
    firstRowStarts = starts
    firstRowProbabilities = probabilities
  }

  /// The number of rows r.
  public var rowCount: Int { rowSums.count }
  /// The number of columns c.
  public var columnCount: Int { columnSums.count }

  /// Draws one table into `table`, row-major (`table[i * c + j]` is row i, column j).
  ///
  /// - Parameters:
  ///   - table: a buffer of exactly r·c entries (a programmer error otherwise).
  ///   - generator: the random stream to draw from.
  /// - Complexity: O(r·c·(1 + σ)) expected.
  @inlinable
  public func sample<G: RandomNumberGenerator>(
    into table: UnsafeMutableBufferPointer<Int>, using generator: inout G
  ) {
    precondition(table.count == rowSums.count * columnSums.count, "table must have r·c entries")
    logFactorials.withUnsafeBufferPointer { lf in
      reciprocals.withUnsafeBufferPointer { inv in
        rowSums.withUnsafeBufferPointer { rows in
          columnSums.withUnsafeBufferPointer { cols in
            firstRowStarts.withUnsafeBufferPointer { starts in
              firstRowProbabilities.withUnsafeBufferPointer { p0s in
                _patefield(
                  rows: rows, columns: cols, total: total, logFactorials: lf, reciprocals: inv,
                  firstRowStarts: starts, firstRowProbabilities: p0s, into: table,
                  using: &generator)
              }
            }
          }
        }
      }
    }
  }

  /// Draws one table, row-major.
  ///
  /// - Parameters:
  ///   - generator: the random stream to draw from.
  /// - Returns: r·c counts, row-major.
  /// - Complexity: O(r·c·(1 + σ)) expected.
  @inlinable
  public func sample<G: RandomNumberGenerator>(using generator: inout G) -> [Int] {
    var out = [Int](repeating: 0, count: rowSums.count * columnSums.count)
    out.withUnsafeMutableBufferPointer { sample(into: $0, using: &generator) }
    return out
  }
}

/// The Patefield kernel over raw buffers (not public API).
///
/// The last row of `out` holds the
/// columns' remaining totals while the rows above are filled. All counts are at most the total
/// (< 2³¹), so products of two counts cannot overflow and wrapping arithmetic is safe.
@inlinable
internal func _patefield<G: RandomNumberGenerator>(
  rows: UnsafeBufferPointer<Int>, columns: UnsafeBufferPointer<Int>, total: Int,
  logFactorials lf: UnsafeBufferPointer<Double>, reciprocals inv: UnsafeBufferPointer<Double>,
  firstRowStarts: UnsafeBufferPointer<Int>, firstRowProbabilities: UnsafeBufferPointer<Double>,
  into out: UnsafeMutableBufferPointer<Int>, using generator: inout G
) {
  let memoStride = rows[0] &+ 1
  let memo = !firstRowStarts.isEmpty
  let r = rows.count
  let c = columns.count
  let last = (r &- 1) &* c
  for j in 0..<c { out[last &+ j] = columns[j] }
  @inline(__always) func reciprocal(_ k: Int) -> Double {
    k < inv.count ? inv[k] : 1 / Double(k)
  }
  var remainingBelow = total  // total of rows l..r-1
  for l in 0..<(r &- 1) {
    var ia = rows[l]  // what row l still needs in columns m..c-1
    var ic = remainingBelow  // total of rows l.., columns m..
    remainingBelow &-= ia
    let rowBase = l &* c
    for m in 0..<(c &- 1) {
      let id = out[last &+ m]  // column m's total over rows l..
      let ie = ic
      ic &-= id
      if ia == 0 {
        for j in m..<(c &- 1) { out[rowBase &+ j] = 0 }
        break
      }
      let ii = ie &- ia &- id  // may be negative
      let lower = Swift.max(0, 0 &- ii)
      let upper = Swift.min(ia, id)
      var x = lower
      if lower < upper {
        let start: Int
        let p0: Double
        if l == 0 && memo {
          start = firstRowStarts[m &* memoStride &+ ia]
          p0 = firstRowProbabilities[m &* memoStride &+ ia]
        } else {
          (start, p0) = _patefieldStart(
            ia: ia, id: id, ie: ie, logFactorials: lf, reciprocals: inv)
        }
        var u = generator.nextUniform()
        search: while true {
          var sum = p0
          if u < sum {
            x = start
            break search
          }
          var hi = start
          var lo = start
          var pHi = p0
          var pLo = p0
          while hi < upper || lo > lower {
            if hi < upper {
              // p(h + 1) = p(h) (id − h)(ia − h) / ((h + 1)(ii + h + 1))
              pHi *=
                Double((id &- hi) &* (ia &- hi)) * reciprocal(hi &+ 1)
                * reciprocal(ii &+ hi &+ 1)
              hi &+= 1
              sum += pHi
              if u < sum {
                x = hi
                break search
              }
            }
            if lo > lower {
              // p(l − 1) = p(l) l (ii + l) / ((id − l + 1)(ia − l + 1))
              pLo *=
                Double(lo &* (ii &+ lo)) * reciprocal(id &- lo &+ 1)
                * reciprocal(ia &- lo &+ 1)
              lo &-= 1
              sum += pLo
              if u < sum {
                x = lo
                break search
              }
            }
          }
          // Rounding left u above the enumerated total: invert again on that total.
          u = sum * generator.nextUniform()
        }
      }
      out[rowBase &+ m] = x
      ia &-= x
      out[last &+ m] = id &- x
    }
    out[rowBase &+ c &- 1] = ia
    out[last &+ c &- 1] &-= ia
  }
}

/// Where the search for one cell starts, the rounded conditional mean ia·id/ie clamped to the
/// support, and its hypergeometric probability (not public API).
@inlinable @inline(__always)
internal func _patefieldStart(
  ia: Int, id: Int, ie: Int, logFactorials lf: UnsafeBufferPointer<Double>,
  reciprocals inv: UnsafeBufferPointer<Double>
) -> (Int, Double) {
  @inline(__always) func logFactorial(_ k: Int) -> Double {
    k < lf.count ? lf[k] : _LogFactorial.value(k)
  }
  let ii = ie &- ia &- id
  let lower = Swift.max(0, 0 &- ii)
  let upper = Swift.min(ia, id)
  let inverse = ie < inv.count ? inv[ie] : 1 / Double(ie)
  var start = Int(Double(ia) * (Double(id) * inverse) + 0.5)
  start = Swift.min(Swift.max(start, lower), upper)
  let p0 = _Platform.exp(
    logFactorial(ia) + logFactorial(ie &- ia) + logFactorial(ie &- id) + logFactorial(id)
      - logFactorial(ie) - logFactorial(start) - logFactorial(id &- start)
      - logFactorial(ia &- start) - logFactorial(ii &+ start))
  return (start, p0)
}
