// GeneralizedCMH.swift: the generalized Cochran–Mantel–Haenszel statistics for r×c×K tables
// (Landis, Heyman & Koch 1978): general association, row mean scores and nonzero correlation.
import Distributions
import ResampleCore
import _Platform

/// One generalized CMH statistic: Q, its degrees of freedom and p-value.
public struct CMHStatistic: Sendable, Equatable {
  public var statistic: Double
  public var degreesOfFreedom: Int
  /// Upper-tail χ² p-value.
  public var pValue: Double
}

/// The three generalized CMH statistics of an r×c×K table.
public struct GeneralizedCMHResult: Sendable, Equatable {
  /// General association, (r − 1)(c − 1) df: R's `mantelhaen.test` for tables larger than 2×2
  /// (and its uncorrected statistic for 2×2).
  public var generalAssociation: CMHStatistic
  /// Row mean scores differ (rows nominal, columns ordered with ``columnScores``), r − 1 df.
  public var rowMeanScores: CMHStatistic
  /// Nonzero correlation of ``rowScores`` and ``columnScores``, 1 df (the stratified
  /// linear-by-linear test).
  public var correlation: CMHStatistic
  public var rowScores: [Double]
  public var columnScores: [Double]
}

/// The generalized Cochran–Mantel–Haenszel statistics of Landis, Heyman & Koch (1978), as SAS's
/// PROC FREQ `CMH` (table scores) and, for general association, R's `mantelhaen.test`.
///
/// For stratum k with counts nₖ (vectorized), row and column totals and total Nₖ, under
/// conditional independence E nₖ = (column totals ⊗ row totals)/Nₖ and
/// Cov nₖ = (Nₖ diag(c) − cc′) ⊗ (Nₖ diag(r) − rr′)/(Nₖ²(Nₖ − 1)). For a linear map
/// B = B_c ⊗ B_r, Q = G′(Σₖ B Vₖ B′)⁻¹G with G = Σₖ B(nₖ − E nₖ); general association takes
/// B_r = [I, 0] and B_c = [I, 0], row mean scores B_r = [I, 0] and B_c = column scores,
/// correlation B_r = row scores and B_c = column scores.
///
/// - Parameters:
///   - table: an r×c×K table.
///   - rowScores: r scores (default 1…r).
///   - columnScores: c scores (default 1…c).
/// - Returns: the three statistics.
/// - Throws: `InputError` for scores of the wrong length or non-finite, or when a covariance
///   matrix is singular: a row or column empty in every stratum, or scores that do not vary (R's
///   `mantelhaen.test` stops with "singular matrix" in the first case).
/// - Complexity: O(K·(rc)²) to accumulate, O((rc)³) to solve.
///
/// References: Landis, J. R., Heyman, E. R. and Koch, G. G. (1978), Average partial association
/// in three-way contingency tables: a review and discussion of alternative tests, *International
/// Statistical Review* 46, 237–254; Agresti, A. (2013), *Categorical Data Analysis*, 3rd ed., §8.4.
public func generalizedCMH(
  _ table: StratifiedTable, rowScores: [Double]? = nil, columnScores: [Double]? = nil
) throws -> GeneralizedCMHResult {
  let r = table.rowCount
  let c = table.columnCount
  let a = try checkedScores(rowScores, count: r, name: "row scores")
  let b = try checkedScores(columnScores, count: c, name: "column scores")
  func identity(_ n: Int) -> [[Double]] {
    (0..<(n - 1)).map { i in (0..<n).map { j in i == j ? 1 : 0 } }
  }
  let general = try cmhQuadraticForm(table, rowMap: identity(r), columnMap: identity(c))
  let means = try cmhQuadraticForm(table, rowMap: identity(r), columnMap: [b])
  let correlation = try cmhQuadraticForm(table, rowMap: [a], columnMap: [b])
  return GeneralizedCMHResult(
    generalAssociation: general, rowMeanScores: means, correlation: correlation, rowScores: a,
    columnScores: b)
}

/// Q = G′V⁻¹G for B = columnMap ⊗ rowMap (see ``generalizedCMH(_:rowScores:columnScores:)``).
func cmhQuadraticForm(
  _ table: StratifiedTable, rowMap br: [[Double]], columnMap bc: [[Double]]
) throws -> CMHStatistic {
  let p = br.count
  let q = bc.count
  let dim = p * q
  var g = [Double](repeating: 0, count: dim)
  var v = [[Double]](repeating: [Double](repeating: 0, count: dim), count: dim)
  for s in table.strata {
    let n = Double(s.total)
    let rs = s.rowSums.map(Double.init)
    let cs = s.columnSums.map(Double.init)
    // B_r D B_c′ with D = observed − expected.
    var brd = [[Double]](repeating: [Double](repeating: 0, count: s.columnCount), count: p)
    for u in 0..<p {
      for j in 0..<s.columnCount {
        var t = 0.0
        for i in 0..<s.rowCount where br[u][i] != 0 {
          t += br[u][i] * (Double(s[i, j]) - rs[i] * cs[j] / n)
        }
        brd[u][j] = t
      }
    }
    // M_r = B_r (N diag r − r r′) B_r′ and M_c likewise.
    func sandwich(_ m: [[Double]], _ totals: [Double]) -> [[Double]] {
      let w = m.map { row in zip(row, totals).reduce(0) { $0 + $1.0 * $1.1 } }
      return m.indices.map { x in
        m.indices.map { y in
          var t = 0.0
          for i in totals.indices { t += m[x][i] * m[y][i] * totals[i] }
          return n * t - w[x] * w[y]
        }
      }
    }
    let mr = sandwich(br, rs)
    let mc = sandwich(bc, cs)
    let scale = n * n * (n - 1)
    for y in 0..<q {
      for u in 0..<p {
        var t = 0.0
        for j in 0..<s.columnCount { t += brd[u][j] * bc[y][j] }
        g[y * p + u] += t
      }
    }
    for y in 0..<q {
      for u in 0..<p {
        for y2 in 0..<q {
          for u2 in 0..<p { v[y * p + u][y2 * p + u2] += mc[y][y2] * mr[u][u2] / scale }
        }
      }
    }
  }
  guard let x = choleskySolve(v, g) else {
    throw InputError.invalidData(
      source: "tables",
      reason: "the covariance matrix of the generalized CMH statistic is singular: a row or "
        + "column is empty in every stratum, or the scores do not vary (R's mantelhaen.test "
        + "stops with 'singular matrix'); drop the empty category")
  }
  var stat = 0.0
  for i in 0..<dim { stat += g[i] * x[i] }
  return CMHStatistic(
    statistic: stat, degreesOfFreedom: dim,
    pValue: try ChiSquared(degreesOfFreedom: Double(dim)).sf(max(0, stat)))
}

/// Solves V x = g for a symmetric positive definite V by Cholesky; nil when V is not positive
/// definite to working precision.
func choleskySolve(_ v: [[Double]], _ g: [Double]) -> [Double]? {
  let n = g.count
  var l = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
  var largest = 0.0
  for i in 0..<n { largest = max(largest, abs(v[i][i])) }
  guard largest > 0 else { return nil }
  for j in 0..<n {
    var d = v[j][j]
    for k in 0..<j { d -= l[j][k] * l[j][k] }
    guard d > 1e-12 * largest else { return nil }
    l[j][j] = d.squareRoot()
    for i in (j + 1)..<max(j + 1, n) {
      var t = v[i][j]
      for k in 0..<j { t -= l[i][k] * l[j][k] }
      l[i][j] = t / l[j][j]
    }
  }
  var y = [Double](repeating: 0, count: n)
  for i in 0..<n {
    var t = g[i]
    for k in 0..<i { t -= l[i][k] * y[k] }
    y[i] = t / l[i][i]
  }
  var x = [Double](repeating: 0, count: n)
  for i in stride(from: n - 1, through: 0, by: -1) {
    var t = y[i]
    for k in (i + 1)..<max(i + 1, n) { t -= l[k][i] * x[k] }
    x[i] = t / l[i][i]
  }
  return x
}
