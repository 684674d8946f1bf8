// ReplicateVariance.swift: design-based covariance of ratio estimates from replicate weights
// (replicate totals as one matrix product through BLAS).
import LinearAlgebra
import ResampleCore

/// Replicate-weight variance: each estimate is recomputed with every replicate's weights and the
/// covariance is `scale · Σ_r rscale_r (θ_r − c)(θ_r − c)ᵀ` (c: replicate mean, or the
/// full-sample estimate with `mse`), as R `survey`'s `svrVar`.
///
/// The replicate totals of all numerators and denominators are `Wᵀ A` and `Wᵀ B` (R × n times
/// n × k): two dgemm calls for every estimate at once.
///
/// Reference: K. M. Wolter, *Introduction to Variance Estimation*, 2nd ed., Springer 2007,
/// ch. 3–5.
enum ReplicateVariance {
  /// Ratio estimates with replicate covariance.
  ///
  /// - Complexity: O(n k R) (two GEMMs) plus O(R k²).
  static func ratios(
    numerators a: [Double], denominators b: [Double], count k: Int, weights w: [Double],
    replicates rw: ReplicateWeights
  ) throws -> RatioEstimates {
    let n = w.count
    let r = rw.count
    let wm = Matrix(rows: n, columns: 1, columnMajor: w)
    let am = Matrix(rows: n, columns: k, columnMajor: a)
    let bm = Matrix(rows: n, columns: k, columnMajor: b)
    let top = wm.multiplied(by: am, transposeSelf: true).storage
    let bottom = wm.multiplied(by: bm, transposeSelf: true).storage
    let theta = try RatioEstimates.checkedRatios(top, bottom)
    let weights = Matrix(rows: n, columns: r, columnMajor: rw.values)
    let ra = weights.multiplied(by: am, transposeSelf: true)  // R × k
    let rb = weights.multiplied(by: bm, transposeSelf: true)
    return ratios(
      replicateNumerators: ra.storage, replicateDenominators: rb.storage, count: k,
      estimates: theta, denominators: bottom, replicates: rw)
  }

  /// The covariance of ratio estimates from their replicate numerator and denominator totals.
  ///
  /// - Parameters:
  ///   - replicateNumerators: R × k, column-major: replicate r's numerator total of estimate j.
  ///   - replicateDenominators: the same for the denominators.
  ///   - count: k.
  ///   - estimates: the full-sample estimates θ_j.
  ///   - denominators: their full-sample denominator totals.
  ///   - replicates: the design's replicate weights (scales, centring).
  /// - Complexity: O(R k + R k²) (one dsyrk).
  static func ratios(
    replicateNumerators ra: [Double], replicateDenominators rb: [Double], count k: Int,
    estimates theta: [Double], denominators bottom: [Double], replicates rw: ReplicateWeights
  ) -> RatioEstimates {
    let r = rw.count
    var d = [Double](repeating: 0, count: r * k)
    let factors = rw.replicateScales.map { rw.scale * $0 }
    for j in 0..<k {
      for q in 0..<r {
        let den = rb[q + j * r]
        // A replicate that leaves a domain empty has no estimate; R gives NaN there too.
        d[q + j * r] = den > 0 ? ra[q + j * r] / den : .nan
      }
    }
    return RatioEstimates(
      estimates: theta, denominators: bottom,
      covariance: covariance(replicateEstimates: d, count: k, estimates: theta, replicates: rw),
      replicates: (d, r, factors, rw.mse))
  }

  /// The covariance of k estimates from their values under each replicate's weights:
  /// scale · Σ_r rscale_r (θ_r − c)(θ_r − c)ᵀ, c the replicate mean or, with `mse`, the
  /// full-sample estimate (R `svrVar`).
  ///
  /// - Parameters:
  ///   - values: R × k, column-major: replicate r's estimate j.
  ///   - count: k.
  ///   - estimates: the full-sample estimates.
  ///   - replicates: the design's replicate weights (scales, centring).
  /// - Complexity: O(R k + R k²) (one dsyrk).
  static func covariance(
    replicateEstimates values: [Double], count k: Int, estimates theta: [Double],
    replicates rw: ReplicateWeights
  ) -> Matrix {
    let r = rw.count
    var d = values
    for j in 0..<k {
      var mean = 0.0
      for q in 0..<r { mean += values[q + j * r] }
      let centre = rw.mse ? theta[j] : mean / Double(r)
      for q in 0..<r {
        d[q + j * r] =
          (values[q + j * r] - centre) * (rw.scale * rw.replicateScales[q]).squareRoot()
      }
    }
    return Matrix(rows: r, columns: k, columnMajor: d).gram()
  }
}
