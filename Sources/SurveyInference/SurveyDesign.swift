// SurveyDesign.swift: sampling weights plus the structure that gives design-based variances.
import LinearAlgebra
import ResampleCore

/// A survey design: each respondent's sampling weight and how the sample was drawn.
///
/// Two kinds of structure give variances: a stratified cluster sample (Taylor linearization,
/// ``TaylorLinearization``) or replicate weights (``ReplicateVariance``). Weights alone are a
/// cluster sample of single respondents in one stratum (R: `svydesign(id = ~1, weights = ~w)`).
public struct SurveyDesign: Sendable {
  /// How variances are estimated.
  public enum Structure: Sendable, Equatable {
    /// Strata, PSUs and finite-population corrections (Taylor linearization).
    case stratifiedClusters(StratifiedClusterSample)
    /// Replicate weights.
    case replicates(ReplicateWeights)
  }

  /// The full-sample weight of each respondent.
  public let weights: [Double]
  /// How variances are estimated.
  public let structure: Structure
  /// Design degrees of freedom: PSUs − strata, or for replicate weights the rank of the
  /// replicate-weight matrix − 1 (R `degf`).
  public let degreesOfFreedom: Int

  /// The number of respondents.
  public var count: Int { weights.count }

  /// A linearization design.
  ///
  /// - Parameters:
  ///   - weights: sampling weights (finite, ≥ 0, not all 0).
  ///   - sample: strata, PSUs and corrections over the same respondents.
  ///   - weightName: the weight column's name, for messages.
  /// - Throws: `InputError.invalidData` naming the column and data row of a bad weight.
  public init(
    weights: [Double], sample: StratifiedClusterSample, weightName: String = "weight"
  ) throws {
    try Self.check(weights, name: weightName)
    guard sample.psuOfRow.count == weights.count else {
      throw InputError.invalidData(
        source: "column '\(weightName)'",
        reason: "\(weights.count) weights for \(sample.psuOfRow.count) respondents")
    }
    self.weights = weights
    self.structure = .stratifiedClusters(sample)
    self.degreesOfFreedom = sample.degreesOfFreedom
  }

  /// A replicate-weight design.
  ///
  /// - Parameters:
  ///   - weights: full-sample weights (finite, ≥ 0, not all 0).
  ///   - replicates: the replicate weights over the same respondents.
  ///   - degreesOfFreedom: the design degrees of freedom when known (e.g. PSUs − strata for
  ///     replicates made from that design); nil computes R's default, the rank of the
  ///     replicate weights − 1.
  ///   - weightName: the weight column's name, for messages.
  /// - Throws: `InputError` for a bad weight or a length mismatch.
  /// - Complexity: O(n · R² + R³) for the rank of the replicate weights (none when
  ///   `degreesOfFreedom` is given).
  public init(
    weights: [Double], replicates: ReplicateWeights, degreesOfFreedom: Int? = nil,
    weightName: String = "weight"
  ) throws {
    try Self.check(weights, name: weightName)
    guard replicates.rows == weights.count else {
      throw InputError.invalidData(
        source: "replicate weights",
        reason: "\(replicates.rows) rows for \(weights.count) respondents")
    }
    self.weights = weights
    self.structure = .replicates(replicates)
    self.degreesOfFreedom = try degreesOfFreedom ?? (Self.rank(replicates) - 1)
  }

  private static func check(_ weights: [Double], name: String) throws {
    for (i, w) in weights.enumerated() where !(w.isFinite && w >= 0) {
      throw InputError.invalidData(
        source: "column '\(name)' data row \(i + 1)",
        reason: "\(w) is not a finite non-negative sampling weight")
    }
    guard weights.contains(where: { $0 > 0 }) else {
      throw InputError.invalidData(source: "column '\(name)'", reason: "every weight is 0")
    }
    // Variances sum squared weighted totals: weights near 1e150 or above overflow them.
    var squares = 0.0
    for w in weights { squares += w * w }
    guard squares.isFinite else {
      throw InputError.invalidData(
        source: "column '\(name)'",
        reason: "the weights' squares overflow the floating-point range (weights up to "
          + "\(weights.max() ?? 0)); divide the weights by a constant (shares and tests do not "
          + "change)")
    }
  }

  /// The numerical rank of the replicate-weight matrix (relative tolerance 1e-5 on its singular
  /// values, as R's `qr(..., tol = 1e-5)`), from the eigenvalues of its Gram matrix.
  private static func rank(_ r: ReplicateWeights) throws -> Int {
    let gram = Matrix(rows: r.rows, columns: r.count, columnMajor: r.values).gram()
    let s = try gram.singularValueDecomposition().singularValues
    guard let top = s.first, top > 0 else { return 0 }
    return s.filter { $0 > top * 1e-10 }.count
  }

  /// Estimates of ratios of weighted totals and their design-based covariance.
  ///
  /// Estimate j is θ_j = Σ w_i a_ij / Σ w_i b_ij. With linearization its influence values are
  /// w_i (a_ij − θ_j b_ij) / Σ w b_j; with replicate weights θ_j is recomputed with each
  /// replicate's weights.
  ///
  /// - Parameters:
  ///   - numerators: a_ij, column-major (n × k).
  ///   - denominators: b_ij, column-major (n × k).
  ///   - count: k.
  /// - Returns: the estimates and their k × k covariance.
  /// - Throws: `InputError.invalidData` when a denominator total is 0 (an empty domain).
  /// - Complexity: linearization O(n k + P k²); replicates O(n k R + R k²), BLAS.
  public func ratios(
    numerators: [Double], denominators: [Double], count k: Int
  ) throws -> RatioEstimates {
    let n = weights.count
    precondition(numerators.count == n * k && denominators.count == n * k, "n × k columns")
    switch structure {
    case .stratifiedClusters(let sample):
      return try TaylorLinearization.ratios(
        numerators: numerators, denominators: denominators, count: k, weights: weights,
        sample: sample)
    case .replicates(let replicates):
      return try ReplicateVariance.ratios(
        numerators: numerators, denominators: denominators, count: k, weights: weights,
        replicates: replicates)
    }
  }
}

/// Ratio estimates and their design-based covariance (see ``SurveyDesign/ratios(numerators:denominators:count:)``).
public struct RatioEstimates: Sendable, Equatable {
  /// θ_j.
  public let estimates: [Double]
  /// Σ w b_j, the estimated domain sizes (weighted counts).
  public let denominators: [Double]
  /// The k × k covariance.
  public let covariance: Matrix
  /// With replicate weights: the R × k replicate estimates (column-major) and their variance
  /// factors, so that a nonlinear function of an estimate gets its variance from the
  /// replicates, as R's `svycontrast` does; nil with linearization.
  public let replicates: (values: [Double], count: Int, factors: [Double], mse: Bool)?

  public static func == (x: RatioEstimates, y: RatioEstimates) -> Bool {
    x.estimates == y.estimates && x.denominators == y.denominators
      && x.covariance == y.covariance && x.replicates?.values == y.replicates?.values
  }

  init(
    estimates: [Double], denominators: [Double], covariance: Matrix,
    replicates: (values: [Double], count: Int, factors: [Double], mse: Bool)? = nil
  ) {
    self.estimates = estimates
    self.denominators = denominators
    self.covariance = covariance
    self.replicates = replicates
  }

  /// The standard error of f(θ_j): the delta method |f′(θ_j)| · SE with linearization, the
  /// spread of f over the replicate estimates with replicate weights.
  ///
  /// - Parameters:
  ///   - j: the estimate.
  ///   - f: the function.
  ///   - derivative: f′.
  public func standardError(
    _ j: Int, of f: (Double) -> Double, derivative: (Double) -> Double
  ) -> Double {
    guard let r = replicates else { return abs(derivative(estimates[j])) * standardError(j) }
    let values = (0..<r.count).map { f(r.values[$0 + j * r.count]) }
    let centre = r.mse ? f(estimates[j]) : values.reduce(0, +) / Double(r.count)
    var v = 0.0
    for (q, x) in values.enumerated() { v += r.factors[q] * (x - centre) * (x - centre) }
    return v.squareRoot()
  }

  /// The standard error of estimate j.
  public func standardError(_ j: Int) -> Double { max(covariance[j, j], 0).squareRoot() }

  /// The standard error of θ_a − θ_b.
  public func differenceStandardError(_ a: Int, _ b: Int) -> Double {
    max(covariance[a, a] + covariance[b, b] - 2 * covariance[a, b], 0).squareRoot()
  }
}

extension RatioEstimates {
  static func checkedRatios(
    _ top: [Double], _ bottom: [Double]
  ) throws -> [Double] {
    try zip(top, bottom).enumerated().map { j, tb in
      guard tb.1 > 0 else {
        throw InputError.invalidData(
          source: "estimate \(j + 1)", reason: "its domain has no respondents with weight > 0")
      }
      return tb.0 / tb.1
    }
  }
}
