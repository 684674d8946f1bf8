// DesignTotals.swift: weighted totals of several columns and their design-based covariance
// (R survey's svytotal with its "var" attribute).
import LinearAlgebra

extension SurveyDesign {
  /// Weighted totals T_j = Σ w_i a_ij of k columns and their k × k design covariance.
  ///
  /// With linearization the influence values of a total are w_i a_ij themselves, so the
  /// covariance is the ultimate-cluster estimator of their PSU totals
  /// (``TaylorLinearization``); with replicate weights each total is recomputed with every
  /// replicate's weights and the spread taken with the replicates' scales (R `svytotal`).
  ///
  /// - Parameters:
  ///   - values: a_ij, column-major (n × k).
  ///   - count: k.
  /// - Returns: the totals and their covariance.
  /// - Complexity: linearization O(n k + P k²); replicates O(n k R + R k²), BLAS.
  public func totals(values a: [Double], count k: Int) -> (totals: [Double], covariance: Matrix) {
    let n = weights.count
    precondition(a.count == n * k, "n × k columns")
    var totals = [Double](repeating: 0, count: k)
    for j in 0..<k {
      var s = 0.0
      for i in 0..<n { s += weights[i] * a[i + j * n] }
      totals[j] = s
    }
    switch structure {
    case .stratifiedClusters(let sample):
      let p = sample.psuCount
      var psuTotals = [Double](repeating: 0, count: p * k)
      for j in 0..<k {
        for i in 0..<n where weights[i] != 0 {
          psuTotals[sample.psuOfRow[i] + j * p] += weights[i] * a[i + j * n]
        }
      }
      return (
        totals, TaylorLinearization.covariance(psuTotals: psuTotals, columns: k, sample: sample)
      )
    case .replicates(let rw):
      let r = rw.count
      let replicateWeights = Matrix(rows: n, columns: r, columnMajor: rw.values)
      let columns = Matrix(rows: n, columns: k, columnMajor: a)
      let replicateTotals = replicateWeights.multiplied(by: columns, transposeSelf: true)
      // A total is a ratio whose denominator is 1 in every replicate.
      let v = ReplicateVariance.ratios(
        replicateNumerators: replicateTotals.storage,
        replicateDenominators: [Double](repeating: 1, count: r * k), count: k,
        estimates: totals, denominators: [Double](repeating: 1, count: k), replicates: rw)
      return (totals, v.covariance)
    }
  }
}
