// LinearByLinearAssociation.swift: the linear-by-linear association test M² = (N − 1) r² for an
// ordered r×c table (Agresti 2013, §3.4.1; the one-stratum case of the CMH correlation statistic).
import Distributions
import ResampleCore
import _Platform

/// The result of the linear-by-linear association test.
public struct LinearByLinearResult: Sendable, Equatable {
  /// M² = (N − 1) r², χ² on 1 df.
  public var statistic: Double
  /// 1.
  public var degreesOfFreedom: Int { 1 }
  /// Upper-tail χ²(1) p-value.
  public var pValue: Double
  /// Pearson's correlation r of the row and column scores over the N observations.
  public var correlation: Double
  /// The row and column scores used.
  public var rowScores: [Double]
  public var columnScores: [Double]
}

/// The linear-by-linear association test (Mantel 1963) of an r×c table with ordered categories.
///
/// M² = (N − 1) r², where r is the correlation of the row scores uᵢ and column scores vⱼ over the
/// N observations (SPSS's "Linear-by-Linear Association", SAS's Mantel–Haenszel χ² of one table,
/// `coin::lbl_test` with the asymptotic distribution, R's `mantelhaen.test`-family correlation
/// statistic of Landis et al. 1978 with one stratum).
///
/// - Parameters:
///   - table: the r×c table.
///   - rowScores: uᵢ, default 1…r.
///   - columnScores: vⱼ, default 1…c.
/// - Returns: M², its p-value and r.
/// - Throws: `InputError` when a score list has the wrong length or a non-finite value, when N < 2,
///   or when the scores do not vary over the observations (r undefined: one non-empty row or column,
///   or equal scores).
/// - Complexity: O(r·c).
///
/// References: Mantel, N. (1963), Chi-square tests with one degree of freedom; extensions of the
/// Mantel–Haenszel procedure, *JASA* 58, 690–700; Agresti, A. (2013), *Categorical Data
/// Analysis*, 3rd ed., §3.4.1.
public func linearByLinearAssociation(
  _ table: ContingencyTable, rowScores: [Double]? = nil, columnScores: [Double]? = nil
) throws -> LinearByLinearResult {
  let u = try checkedScores(rowScores, count: table.rowCount, name: "row scores")
  let v = try checkedScores(columnScores, count: table.columnCount, name: "column scores")
  let n = Double(table.total)
  guard table.total >= 2 else {
    throw InputError.invalidData(
      source: "table", reason: "the linear-by-linear test needs N ≥ 2 (got \(table.total))")
  }
  var ub = 0.0
  var vb = 0.0
  for i in 0..<table.rowCount { ub += u[i] * Double(table.rowSums[i]) }
  for j in 0..<table.columnCount { vb += v[j] * Double(table.columnSums[j]) }
  ub /= n
  vb /= n
  var suu = 0.0
  var svv = 0.0
  var suv = 0.0
  for i in 0..<table.rowCount { suu += Double(table.rowSums[i]) * (u[i] - ub) * (u[i] - ub) }
  for j in 0..<table.columnCount {
    svv += Double(table.columnSums[j]) * (v[j] - vb) * (v[j] - vb)
  }
  for i in 0..<table.rowCount {
    for j in 0..<table.columnCount { suv += Double(table[i, j]) * (u[i] - ub) * (v[j] - vb) }
  }
  guard suu > 0 && svv > 0 else {
    throw InputError.invalidData(
      source: "table",
      reason: "the \(suu > 0 ? "column" : "row") scores do not vary over the observations "
        + "(one non-empty \(suu > 0 ? "column" : "row") or equal scores): r is undefined")
  }
  let r = suv / (suu * svv).squareRoot()
  let m2 = (n - 1) * r * r
  return LinearByLinearResult(
    statistic: m2, pValue: try ChiSquared(degreesOfFreedom: 1).sf(m2), correlation: r,
    rowScores: u, columnScores: v)
}

/// The scores given (checked: `count` finite values) or 1…count.
func checkedScores(_ scores: [Double]?, count: Int, name: String) throws -> [Double] {
  guard let scores else { return (1...max(1, count)).map(Double.init) }
  guard scores.count == count else {
    throw InputError.invalidParameter(
      name: name, value: scores.map { "\($0)" }.joined(separator: ","),
      expected: "\(count) scores, one per category")
  }
  guard scores.allSatisfy({ $0.isFinite }) else {
    throw InputError.invalidParameter(
      name: name, value: scores.map { "\($0)" }.joined(separator: ","),
      expected: "finite numbers")
  }
  return scores
}
