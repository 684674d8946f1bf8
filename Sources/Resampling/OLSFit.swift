// OLSFit.swift: an ordinary least-squares fit prepared for the batched bootstrap of its coefficients.
import LinearAlgebra
import ResampleCore

/// An ordinary least-squares fit y = β₀ + Σ βⱼ xⱼ + e, with what the bootstrap kernels need.
///
/// The estimate is R `lm`'s: a Householder QR of the design (LAPACK dgels). Replicates work on the
/// standardized design Xs = [1, (xⱼ − x̄ⱼ)/sⱼ] and the centred response y − ȳ, so the weighted
/// normal equations a replicate solves are well scaled; coefficients are mapped back with
/// βⱼ = γⱼ/sⱼ, β₀ = γ₀ + ȳ − Σ βⱼ x̄ⱼ.
///
/// - Pairs (case) resampling: replicate b's normal equations are Xsᵀ W_b Xs γ = Xsᵀ W_b yc with
///   W_b the diagonal of its counts. Their entries are sums Σᵢ cᵢ·zᵢ over the product columns
///   zᵢ = Xsᵢⱼ·Xsᵢₖ (j ≤ k) and Xsᵢⱼ·ycᵢ, so a block of replicates gets all of them from one
///   dgemm (counts block × product columns); each is then solved by a p × p Cholesky.
/// - Residual and wild resampling keep the design: β*_b = β̂ + P e*_b with P = (XᵀX)⁻¹Xᵀ, one
///   dgemm per block of resampled residual vectors.
/// - The jackknife (for BCa's acceleration) is closed form: β₍ᵢ₎ = β̂ − (XᵀX)⁻¹xᵢ eᵢ/(1 − hᵢ).
struct OLSFit: Sendable {
  /// Observations.
  let n: Int
  /// Coefficients, including the intercept.
  let p: Int
  /// β̂ (intercept first).
  let coefficients: [Double]
  /// x̄ⱼ (index 0, the intercept, is 0).
  let means: [Double]
  /// sⱼ (index 0 is 1).
  let scales: [Double]
  /// ȳ.
  let responseMean: Double
  /// Xs, n × p column-major.
  let standardized: [Double]
  /// y − ȳ.
  let centredResponse: [Double]
  /// e = y − Xβ̂.
  let residuals: [Double]
  /// (Xsᵀ Xs)⁻¹ Xsᵢ for every observation, p × n column-major (column i is uᵢ).
  let leverageVectors: [Double]

  /// Fits y on the predictors with an intercept.
  ///
  /// - Parameters:
  ///   - response: y (n values).
  ///   - predictors: the predictor columns (each n values), at least one.
  ///   - names: the predictors' names, for errors.
  /// - Throws: ``InputError`` when n ≤ p, a value is not finite, or the design is singular
  ///   (a constant predictor, collinear predictors).
  /// - Complexity: O(n·p²).
  init(response y: [Double], predictors: [[Double]], names: [String]) throws {
    let n = y.count
    let p = predictors.count + 1
    guard n > p else {
      throw InputError.invalidData(
        source: "regression",
        reason: "\(n) observations for \(p) coefficients: least squares needs n > p")
    }
    var design = [Double](repeating: 1, count: n * p)
    for (j, x) in predictors.enumerated() {
      precondition(x.count == n, "one value per observation")
      for i in 0..<n { design[i + (j + 1) * n] = x[i] }
    }
    let beta: [Double]
    do {
      beta = try Matrix(rows: n, columns: p, columnMajor: design).leastSquares(y)
    } catch let LinearAlgebraError.singular(index) {
      let column = index <= 1 ? "the intercept" : "'\(names[index - 2])'"
      throw InputError.invalidData(
        source: "predictors",
        reason:
          "the design is singular: \(column) is a linear combination of the columns before it "
          + "(a constant or collinear predictor)")
    }
    var means = [Double](repeating: 0, count: p)
    var scales = [Double](repeating: 1, count: p)
    var xs = design
    for j in 1..<p {
      var m = 0.0
      for i in 0..<n { m += design[i + j * n] }
      m /= Double(n)
      var ss = 0.0
      for i in 0..<n { ss += (design[i + j * n] - m) * (design[i + j * n] - m) }
      let s = (ss / Double(n - 1)).squareRoot()
      guard s > 0 else {
        throw InputError.invalidData(
          source: "predictor '\(names[j - 1])'",
          reason: "is constant (collinear with the intercept)")
      }
      means[j] = m
      scales[j] = s
      for i in 0..<n { xs[i + j * n] = (design[i + j * n] - m) / s }
    }
    let ym = y.reduce(0, +) / Double(n)
    var residuals = y
    for i in 0..<n {
      var f = beta[0]
      for j in 1..<p { f += beta[j] * design[i + j * n] }
      residuals[i] = y[i] - f
    }
    // (Xsᵀ Xs)⁻¹ Xsᵢ for every i: Cholesky of the Gram matrix, then p × n solves.
    var gram = [Double](repeating: 0, count: p * p)
    for k in 0..<p {
      for j in 0...k {
        var s = 0.0
        for i in 0..<n { s += xs[i + j * n] * xs[i + k * n] }
        gram[j + k * p] = s
        gram[k + j * p] = s
      }
    }
    guard let factor = Self.cholesky(gram, p) else {
      throw InputError.invalidData(
        source: "predictors", reason: "the design is numerically singular (collinear predictors)")
    }
    var u = [Double](repeating: 0, count: p * n)
    var row = [Double](repeating: 0, count: p)
    for i in 0..<n {
      for j in 0..<p { row[j] = xs[i + j * n] }
      Self.solve(factor, p, &row)
      for j in 0..<p { u[j + i * p] = row[j] }
    }
    self.n = n
    self.p = p
    self.coefficients = beta
    self.means = means
    self.scales = scales
    self.responseMean = ym
    self.standardized = xs
    self.centredResponse = y.map { $0 - ym }
    self.residuals = residuals
    self.leverageVectors = u
  }

  /// Relative pivot below which a replicate's normal equations count as singular.
  static var pivotTolerance: Double { 1e-10 }

  /// The lower Cholesky factor L (column-major, L Lᵀ = a) of a symmetric p × p matrix, or nil
  /// when a pivot falls below ``pivotTolerance`` times its diagonal entry.
  ///
  /// - Complexity: O(p³/3).
  @inline(__always)
  static func cholesky(_ a: [Double], _ p: Int) -> [Double]? {
    var l = a
    for j in 0..<p {
      var d = l[j + j * p]
      for k in 0..<j { d -= l[j + k * p] * l[j + k * p] }
      guard d > pivotTolerance * a[j + j * p], d.isFinite else { return nil }
      let r = d.squareRoot()
      l[j + j * p] = r
      for i in (j + 1)..<max(j + 1, p) {
        var s = l[i + j * p]
        for k in 0..<j { s -= l[i + k * p] * l[j + k * p] }
        l[i + j * p] = s / r
      }
    }
    return l
  }

  /// Solves L Lᵀ x = b in place.
  @inline(__always)
  static func solve(_ l: [Double], _ p: Int, _ b: inout [Double]) {
    for i in 0..<p {
      var s = b[i]
      for k in 0..<i { s -= l[i + k * p] * b[k] }
      b[i] = s / l[i + i * p]
    }
    for i in stride(from: p - 1, through: 0, by: -1) {
      var s = b[i]
      for k in (i + 1)..<max(i + 1, p) { s -= l[k + i * p] * b[k] }
      b[i] = s / l[i + i * p]
    }
  }

  /// Columns of the pairs kernel's product matrix: p(p + 1)/2 + p.
  var productCount: Int { p * (p + 1) / 2 + p }

  /// The product columns, n × ``productCount`` column-major: Xsⱼ·Xsₖ for k in 0..<p, j ≤ k
  /// (packed upper triangle, column by column), then Xsⱼ·yc.
  func productColumns() -> [Double] {
    let q = productCount
    var z = [Double](repeating: 0, count: n * q)
    var c = 0
    for k in 0..<p {
      for j in 0...k {
        for i in 0..<n { z[i + c * n] = standardized[i + j * n] * standardized[i + k * n] }
        c += 1
      }
    }
    for j in 0..<p {
      for i in 0..<n { z[i + c * n] = standardized[i + j * n] * centredResponse[i] }
      c += 1
    }
    return z
  }

  /// Coefficients on the original scale from standardized ones (γ → β), into `beta`.
  @inline(__always)
  func unstandardize(_ gamma: [Double], into beta: inout [Double]) {
    var b0 = gamma[0] + responseMean
    for j in 1..<p {
      beta[j] = gamma[j] / scales[j]
      b0 -= beta[j] * means[j]
    }
    beta[0] = b0
  }

  /// The buffers one worker's ``solveReplicate(sums:stride:into:)`` calls reuse.
  struct ReplicateScratch {
    /// The replicate's Gram matrix Xsᵀ W Xs, p × p.
    var gram: [Double]
    /// Xsᵀ W yc, then the standardized coefficients γ*.
    var gamma: [Double]
    /// β*, the replicate's coefficients on the original scale.
    var beta: [Double]

    /// Buffers for `p` coefficients.
    init(p: Int) {
      gram = [Double](repeating: 0, count: p * p)
      gamma = [Double](repeating: 0, count: p)
      beta = [Double](repeating: 0, count: p)
    }
  }

  /// Solves one replicate's normal equations from its sums (packed Gram, then Xsᵀ W yc), read
  /// as `sums[c * stride]` for c in 0..<``productCount``; writes β* into `scratch.beta` (NaN
  /// when the resample's design is singular).
  @inline(__always)
  func solveReplicate(
    sums: UnsafePointer<Double>, stride: Int, into scratch: inout ReplicateScratch
  ) {
    var c = 0
    for k in 0..<p {
      for j in 0...k {
        let v = sums[c * stride]
        scratch.gram[j + k * p] = v
        scratch.gram[k + j * p] = v
        c += 1
      }
    }
    for j in 0..<p {
      scratch.gamma[j] = sums[c * stride]
      c += 1
    }
    guard let l = Self.cholesky(scratch.gram, p) else {
      for j in 0..<p { scratch.beta[j] = .nan }
      return
    }
    Self.solve(l, p, &scratch.gamma)
    unstandardize(scratch.gamma, into: &scratch.beta)
  }

  /// P = (XᵀX)⁻¹Xᵀ on the original scale, p × n column-major: β̂ + P e* is the fit to ŷ + e*.
  func residualOperator() -> [Double] {
    var out = [Double](repeating: 0, count: p * n)
    for i in 0..<n {
      var b0 = leverageVectors[i * p]
      for j in 1..<p {
        let v = leverageVectors[j + i * p] / scales[j]
        out[j + i * p] = v
        b0 -= v * means[j]
      }
      out[i * p] = b0
    }
    return out
  }

  /// Leave-one-out coefficients per coefficient (closed form), or nil when some observation has
  /// leverage 1 (deleting it makes the design singular).
  ///
  /// - Complexity: O(n·p²).
  func jackknife() -> [Jackknife.Values]? {
    var values = [[Double]](repeating: [Double](repeating: 0, count: n), count: p)
    for i in 0..<n {
      var h = 0.0
      for j in 0..<p { h += standardized[i + j * n] * leverageVectors[j + i * p] }
      guard 1 - h > 1e-10 else { return nil }
      let f = residuals[i] / (1 - h)
      var d0 = leverageVectors[i * p] * f
      for j in 1..<p {
        let dj = leverageVectors[j + i * p] * f / scales[j]
        values[j][i] = coefficients[j] - dj
        d0 -= dj * means[j]
      }
      values[0][i] = coefficients[0] - d0
    }
    let ones = [Int](repeating: 1, count: n)
    return values.map { Jackknife.Values(values: $0, weights: ones) }
  }
}
