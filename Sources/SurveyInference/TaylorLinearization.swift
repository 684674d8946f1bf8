// TaylorLinearization.swift: design-based covariance of ratio estimates by linearization
// (influence values totalled over PSUs within strata; the cross-product through BLAS).
import LinearAlgebra
import ResampleCore

/// Taylor-linearization (ultimate-cluster) variance for a stratified cluster sample.
///
/// For estimates with influence values z_ij, the covariance is
/// Σ_h (1 − f_h) n_h/(n_h − 1) Σ_k (t_hk − t̄_h)(t_hk − t̄_h)ᵀ, where t_hk are the PSU totals of z
/// in stratum h and t̄_h their mean (Wolter 2007, ch. 6; R `survey`'s `svyrecvar` with one
/// stage). The PSU totals form a P × k matrix C whose rows are scaled by √(c_h) after centring,
/// so the covariance is one `CᵀC` (BLAS dsyrk).
///
/// References: K. M. Wolter, *Introduction to Variance Estimation*, 2nd ed., Springer 2007;
/// T. Lumley, *Complex Surveys: A Guide to Analysis Using R*, Wiley 2010, ch. 2–3.
enum TaylorLinearization {
  /// Ratio estimates θ_j = Σ w a_j / Σ w b_j with linearized covariance.
  ///
  /// - Complexity: O(n k) for the PSU totals plus O(P k²) for the product.
  static func ratios(
    numerators a: [Double], denominators b: [Double], count k: Int, weights w: [Double],
    sample: StratifiedClusterSample
  ) throws -> RatioEstimates {
    let n = w.count
    var top = [Double](repeating: 0, count: k)
    var bottom = [Double](repeating: 0, count: k)
    for j in 0..<k {
      var s = 0.0
      var t = 0.0
      for i in 0..<n {
        s += w[i] * a[i + j * n]
        t += w[i] * b[i + j * n]
      }
      top[j] = s
      bottom[j] = t
    }
    let theta = try RatioEstimates.checkedRatios(top, bottom)
    let p = sample.psuCount
    var totals = [Double](repeating: 0, count: p * k)
    let psu = sample.psuOfRow
    for j in 0..<k {
      let scale = 1 / bottom[j]
      let th = theta[j]
      for i in 0..<n where w[i] != 0 {
        totals[psu[i] + j * p] += w[i] * (a[i + j * n] - th * b[i + j * n]) * scale
      }
    }
    let v = covariance(psuTotals: totals, columns: k, sample: sample)
    return RatioEstimates(estimates: theta, denominators: bottom, covariance: v)
  }

  /// The covariance of the totals of k influence columns from their P × k PSU totals
  /// (column-major).
  ///
  /// - Complexity: O(P k + P k²).
  static func covariance(
    psuTotals totals: [Double], columns k: Int, sample: StratifiedClusterSample
  ) -> Matrix {
    let p = sample.psuCount
    let h = sample.strataCount
    var c = totals
    // Stratum means of the PSU totals, and the grand mean for the `adjust` rule.
    var mean = [Double](repeating: 0, count: h * k)
    var grand = [Double](repeating: 0, count: k)
    for j in 0..<k {
      for q in 0..<p {
        mean[sample.stratumOfPSU[q] + j * h] += totals[q + j * p]
        grand[j] += totals[q + j * p]
      }
      for s in 0..<h { mean[s + j * h] /= Double(max(sample.psusInStratum[s], 1)) }
      grand[j] /= Double(max(p, 1))
    }
    var factor = [Double](repeating: 0, count: h)
    var lonely = 0
    for s in 0..<h {
      let nh = sample.psusInStratum[s]
      if nh >= 2 {
        factor[s] = (Double(nh) / Double(nh - 1) * (1 - sample.samplingFraction[s])).squareRoot()
      } else if nh == 1 {
        lonely += 1
        factor[s] = sample.lonelyPSU == .adjust ? 1 : 0
      }
    }
    for j in 0..<k {
      for q in 0..<p {
        let s = sample.stratumOfPSU[q]
        let centre =
          sample.psusInStratum[s] == 1 && sample.lonelyPSU == .adjust ? grand[j] : mean[s + j * h]
        c[q + j * p] = (c[q + j * p] - centre) * factor[s]
      }
    }
    var v = Matrix(rows: p, columns: k, columnMajor: c).gram()
    if sample.lonelyPSU == .average && lonely > 0 && lonely < h {
      let inflate = Double(h) / Double(h - lonely)
      v.storage = v.storage.map { $0 * inflate }
    }
    return v
  }
}
