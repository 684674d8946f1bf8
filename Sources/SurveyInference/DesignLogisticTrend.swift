// DesignLogisticTrend.swift: the design-based test for a trend in proportions across ordered
// groups — a survey-weighted logistic regression of the outcome on the group scores (R survey's
// svyglm(y ~ score, design, family = quasibinomial())).
import Distributions
import LinearAlgebra
import ResampleCore
import _Platform

/// The slope of a survey-weighted logistic regression of a 0/1 outcome on a score, and its
/// design-based t test: the design-based analogue of the Cochran–Armitage trend test.
///
/// The coefficients (α, β) solve the weighted score equations Σ wᵢ xᵢ (yᵢ − μᵢ) = 0 with
/// xᵢ = (1, sᵢ), μᵢ = 1/(1 + e^{−(α + β sᵢ)}) (Newton–Raphson). Their covariance is the sandwich
/// A⁻¹ C A⁻¹, A = Σ wᵢ μᵢ(1 − μᵢ) xᵢ xᵢᵀ and C the design covariance of the totals of
/// xᵢ(yᵢ − μᵢ) (linearization), or, with replicate weights, the spread of the coefficients refit
/// with each replicate's weights. t = β / SE(β) on ν − 1 degrees of freedom (ν the design df,
/// R's `df.residual` of svyglm with two coefficients). Respondents without a group or an outcome
/// keep their place in the design (domain estimation).
///
/// References: T. Lumley, *Complex Surveys*, Wiley 2010, §6.1 (svyglm); D. Binder, "On the
/// variances of asymptotically normal estimators from complex surveys", *Int. Stat. Rev.* 51
/// (1983) 279–292.
public struct DesignLogisticTrend: Sendable, Equatable {
  /// α, the intercept (log-odds at score 0).
  public let intercept: Double
  /// β, the change in log-odds per unit of score.
  public let slope: Double
  /// SE(β).
  public let standardError: Double
  /// t = β / SE(β), its degrees of freedom ν − 1 and the two-sided p-value.
  public let statistic: Double
  public let degreesOfFreedom: Int
  public let pValue: Double
  /// The respondents with a score and an outcome.
  public let respondents: Int

  /// Fits the regression and tests its slope.
  ///
  /// - Parameters:
  ///   - scores: each respondent's group score, nil when the group is missing.
  ///   - outcomes: each respondent's outcome (true = success), nil when missing.
  ///   - design: the design over the same respondents.
  /// - Throws: `InputError.invalidData` for lengths that differ, fewer than two distinct scores
  ///   or no variation in the outcome among the respondents, a fit without a finite maximum
  ///   (complete separation), or a design with fewer than 2 degrees of freedom.
  /// - Complexity: O(n · iterations) for the fit; linearization O(n + P); replicates
  ///   O(R · n · iterations).
  public init(scores: [Double?], outcomes: [Bool?], design: SurveyDesign) throws {
    let n = design.count
    guard scores.count == n, outcomes.count == n else {
      throw InputError.invalidData(
        source: "trend data",
        reason: "\(scores.count) scores and \(outcomes.count) outcomes for \(n) respondents")
    }
    let df = design.degreesOfFreedom - 1
    guard df >= 1 else {
      throw InputError.invalidData(
        source: "the design",
        reason: "\(design.degreesOfFreedom) degrees of freedom; the slope's t test needs ≥ 2")
    }
    var s = [Double](repeating: 0, count: n)
    var y = [Double](repeating: 0, count: n)
    var used = [Bool](repeating: false, count: n)
    var count = 0
    for i in 0..<n {
      guard let score = scores[i], let outcome = outcomes[i], score.isFinite else { continue }
      s[i] = score
      y[i] = outcome ? 1 : 0
      used[i] = true
      count += 1
    }
    let fit = try Self.fit(s: s, y: y, used: used, weights: design.weights, start: (0, 0))
    let covariance: Matrix
    switch design.structure {
    case .stratifiedClusters:
      var u = [Double](repeating: 0, count: 2 * n)
      for i in 0..<n where used[i] {
        let r = y[i] - Self.mean(fit.alpha + fit.beta * s[i])
        u[i] = r
        u[i + n] = r * s[i]
      }
      let c = design.totals(values: u, count: 2).covariance
      covariance = fit.inverse.multiplied(by: c).multiplied(by: fit.inverse)
    case .replicates(let rw):
      var betas = [Double](repeating: 0, count: 2 * rw.count)
      for r in 0..<rw.count {
        let w = Array(rw.values[(r * n)..<((r + 1) * n)])
        let refit = try Self.fit(
          s: s, y: y, used: used, weights: w, start: (fit.alpha, fit.beta))
        betas[r] = refit.alpha
        betas[r + rw.count] = refit.beta
      }
      covariance = Self.replicateCovariance(
        betas, count: rw.count, full: [fit.alpha, fit.beta], replicates: rw)
    }
    intercept = fit.alpha
    slope = fit.beta
    standardError = max(covariance[1, 1], 0).squareRoot()
    statistic = slope / standardError
    degreesOfFreedom = df
    let t = try StudentT(degreesOfFreedom: Double(df))
    pValue = statistic.isNaN ? .nan : min(1, 2 * t.sf(abs(statistic)))
    respondents = count
  }

  static func mean(_ eta: Double) -> Double { 1 / (1 + exp(-eta)) }

  /// Newton–Raphson for the weighted logistic score equations, from `start`.
  static func fit(
    s: [Double], y: [Double], used: [Bool], weights w: [Double], start: (Double, Double)
  ) throws -> (alpha: Double, beta: Double, inverse: Matrix) {
    var distinct = Set<Double>()
    var ySum = 0.0
    var wSum = 0.0
    for i in s.indices where used[i] && w[i] > 0 {
      distinct.insert(s[i])
      ySum += w[i] * y[i]
      wSum += w[i]
    }
    guard distinct.count >= 2, ySum > 0, ySum < wSum else {
      throw InputError.invalidData(
        source: "trend data",
        reason: distinct.count < 2
          ? "fewer than two groups with answers: no trend to test"
          : "every answer is \(ySum > 0 ? "a success" : "a failure"): no trend to test")
    }
    var (alpha, beta) = start
    for _ in 0..<100 {
      var a00 = 0.0
      var a01 = 0.0
      var a11 = 0.0
      var g0 = 0.0
      var g1 = 0.0
      for i in s.indices where used[i] && w[i] != 0 {
        let mu = mean(alpha + beta * s[i])
        let v = w[i] * mu * (1 - mu)
        a00 += v
        a01 += v * s[i]
        a11 += v * s[i] * s[i]
        g0 += w[i] * (y[i] - mu)
        g1 += w[i] * (y[i] - mu) * s[i]
      }
      let det = a00 * a11 - a01 * a01
      guard det > 0, det.isFinite else { break }
      let d0 = (a11 * g0 - a01 * g1) / det
      let d1 = (a00 * g1 - a01 * g0) / det
      alpha += d0
      beta += d1
      if abs(d0) <= 1e-12 * (1 + abs(alpha)) && abs(d1) <= 1e-12 * (1 + abs(beta)) {
        var inverse = Matrix(rows: 2, columns: 2)
        // A⁻¹ at the solution (one more evaluation so that it matches α, β).
        var b00 = 0.0
        var b01 = 0.0
        var b11 = 0.0
        for i in s.indices where used[i] && w[i] != 0 {
          let mu = mean(alpha + beta * s[i])
          let v = w[i] * mu * (1 - mu)
          b00 += v
          b01 += v * s[i]
          b11 += v * s[i] * s[i]
        }
        let dd = b00 * b11 - b01 * b01
        inverse[0, 0] = b11 / dd
        inverse[0, 1] = -b01 / dd
        inverse[1, 0] = -b01 / dd
        inverse[1, 1] = b00 / dd
        return (alpha, beta, inverse)
      }
    }
    throw InputError.invalidData(
      source: "trend data",
      reason: "the logistic regression has no finite maximum (the outcome is separated by the "
        + "groups' scores, e.g. all successes above a score and none below)")
  }

  /// scale · Σ_r rscale_r (θ_r − c)(θ_r − c)ᵀ over the replicate coefficients (R × 2,
  /// column-major), c their mean or, with `mse`, the full-sample fit.
  static func replicateCovariance(
    _ betas: [Double], count r: Int, full: [Double], replicates rw: ReplicateWeights
  ) -> Matrix {
    var centre = full
    if !rw.mse {
      for k in 0..<2 {
        var m = 0.0
        for q in 0..<r { m += betas[q + k * r] }
        centre[k] = m / Double(r)
      }
    }
    var v = Matrix(rows: 2, columns: 2)
    for q in 0..<r {
      let f = rw.scale * rw.replicateScales[q]
      for j in 0..<2 {
        for k in 0..<2 {
          v[j, k] += f * (betas[q + j * r] - centre[j]) * (betas[q + k * r] - centre[k])
        }
      }
    }
    return v
  }
}
