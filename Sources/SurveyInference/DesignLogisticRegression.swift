// DesignLogisticRegression.swift: survey-weighted logistic regression with design-based
// standard errors and t tests (R survey's svyglm(..., family = quasibinomial())).
import Distributions
import LinearAlgebra
import ResampleCore
import _Platform

/// A logistic regression of a 0/1 outcome on p predictors fitted with survey weights, with
/// design-based standard errors and t tests of its coefficients.
///
/// The coefficients β solve the weighted score equations Σ wᵢ xᵢ (yᵢ − μᵢ) = 0,
/// μᵢ = 1/(1 + e^{−xᵢᵀβ}) (Newton–Raphson to a relative step of 10⁻¹²). Their covariance is the
/// sandwich A⁻¹ C A⁻¹, A = Σ wᵢ μᵢ(1 − μᵢ) xᵢ xᵢᵀ and C the design covariance of the totals of
/// xᵢ(yᵢ − μᵢ) (linearization, Binder 1983), or, with replicate weights, the spread of β refit
/// with each replicate's weights (R's `svrepglm`). Each coefficient's t = β_j / SE_j is read on
/// ν + 1 − p degrees of freedom (ν the design df; R's `df.residual` of svyglm). Respondents
/// without predictors or outcome keep their place in the design (domain estimation).
///
/// The trend test (``trend(scores:outcomes:design:)``) and the stratified odds ratio of
/// `cmh --data` with a design are its special cases.
///
/// References: T. Lumley, *Complex Surveys*, Wiley 2010, ch. 6 (svyglm); D. Binder, "On the
/// variances of asymptotically normal estimators from complex surveys", *Int. Stat. Rev.* 51
/// (1983) 279–292.
public struct DesignLogisticRegression: Sendable, Equatable {
  /// β, one per predictor.
  public let coefficients: [Double]
  /// SE(β_j).
  public let standardErrors: [Double]
  /// t_j = β_j / SE_j.
  public let statistics: [Double]
  /// Two-sided p-values of the t_j.
  public let pValues: [Double]
  /// ν + 1 − p.
  public let degreesOfFreedom: Int
  /// The respondents in the fit.
  public let respondents: Int

  /// Fits the regression.
  ///
  /// - Parameters:
  ///   - predictors: each respondent's p predictors (include a constant 1 for an intercept), or
  ///     nil when the respondent is out of the fit.
  ///   - outcomes: each respondent's outcome (true = 1), nil when missing.
  ///   - design: the design over the same respondents.
  /// - Throws: `InputError.invalidData` for lengths that differ, predictors of unequal length,
  ///   an outcome without variation, collinear predictors, a fit without a finite maximum
  ///   (separation), or fewer degrees of freedom than coefficients.
  /// - Complexity: O(n p² · iterations) for the fit; linearization O(n p + P p²); replicates
  ///   O(R n p² · iterations).
  public init(predictors: [[Double]?], outcomes: [Bool?], design: SurveyDesign) throws {
    let n = design.count
    guard predictors.count == n, outcomes.count == n else {
      throw InputError.invalidData(
        source: "regression data",
        reason: "\(predictors.count) predictor rows and \(outcomes.count) outcomes for \(n) "
          + "respondents")
    }
    let p = predictors.lazy.compactMap { $0?.count }.first ?? 0
    guard p >= 1 else {
      throw InputError.invalidData(source: "regression data", reason: "no respondent in the fit")
    }
    let df = design.degreesOfFreedom + 1 - p
    guard df >= 1 else {
      throw InputError.invalidData(
        source: "the design",
        reason: "\(design.degreesOfFreedom) degrees of freedom for \(p) coefficients")
    }
    var x = [Double](repeating: 0, count: n * p)
    var y = [Double](repeating: 0, count: n)
    var used = [Bool](repeating: false, count: n)
    var count = 0
    for i in 0..<n {
      guard let row = predictors[i], let outcome = outcomes[i] else { continue }
      guard row.count == p, row.allSatisfy(\.isFinite) else {
        throw InputError.invalidData(
          source: "regression data row \(i + 1)",
          reason: "\(row.count) predictors where the others have \(p), or a non-finite one")
      }
      for j in 0..<p { x[i + j * n] = row[j] }
      y[i] = outcome ? 1 : 0
      used[i] = true
      count += 1
    }
    let model = Model(x: x, y: y, used: used, rows: n, columns: p)
    let full = try model.fit(weights: design.weights, start: [Double](repeating: 0, count: p))
    let covariance: Matrix
    switch design.structure {
    case .stratifiedClusters:
      var u = [Double](repeating: 0, count: n * p)
      for i in 0..<n where used[i] {
        let r = y[i] - model.mean(i, full.beta)
        for j in 0..<p { u[i + j * n] = r * x[i + j * n] }
      }
      let c = design.totals(values: u, count: p).covariance
      covariance = full.inverse.multiplied(by: c).multiplied(by: full.inverse)
    case .replicates(let rw):
      var betas = [Double](repeating: 0, count: rw.count * p)
      for r in 0..<rw.count {
        let w = Array(rw.values[(r * n)..<((r + 1) * n)])
        let refit: (beta: [Double], inverse: Matrix)
        do {
          refit = try model.fit(weights: w, start: full.beta)
        } catch InputError.invalidData(_, let reason) {
          throw InputError.invalidData(
            source: "replicate \(r + 1) of the replicate weights",
            reason: reason + " (the replicate's weights leave too few respondents of a kind)")
        }
        for j in 0..<p { betas[r + j * rw.count] = refit.beta[j] }
      }
      covariance = ReplicateVariance.covariance(
        replicateEstimates: betas, count: p, estimates: full.beta, replicates: rw)
    }
    let t = try StudentT(degreesOfFreedom: Double(df))
    coefficients = full.beta
    standardErrors = (0..<p).map { max(covariance[$0, $0], 0).squareRoot() }
    statistics = zip(coefficients, standardErrors).map { $0 / $1 }
    pValues = statistics.map { $0.isNaN ? .nan : min(1, 2 * t.sf(abs($0))) }
    degreesOfFreedom = df
    respondents = count
  }

  /// The design-based test for a trend in proportions: the regression on (1, score), whose
  /// slope (index 1) is the log-odds change per unit of score (R
  /// `svyglm(y ~ score, design, family = quasibinomial())`).
  ///
  /// - Parameters:
  ///   - scores: each respondent's group score, nil when the group is missing.
  ///   - outcomes: each respondent's outcome (true = success), nil when missing.
  ///   - design: the design.
  /// - Throws: as ``init(predictors:outcomes:design:)``; fewer than two distinct scores are
  ///   collinear with the intercept.
  public static func trend(
    scores: [Double?], outcomes: [Bool?], design: SurveyDesign
  ) throws -> DesignLogisticRegression {
    try DesignLogisticRegression(
      predictors: scores.map { $0.map { [1, $0] } }, outcomes: outcomes, design: design)
  }

  /// The data of a fit: X (n × p, column-major), y, and who is in it.
  struct Model {
    let x: [Double]
    let y: [Double]
    let used: [Bool]
    let rows: Int
    let columns: Int

    func mean(_ i: Int, _ beta: [Double]) -> Double {
      var eta = 0.0
      for j in 0..<columns { eta += x[i + j * rows] * beta[j] }
      return 1 / (1 + exp(-eta))
    }

    /// A = Σ w μ(1 − μ) x xᵀ and g = Σ w x (y − μ) at β.
    func information(_ w: [Double], _ beta: [Double]) -> (a: Matrix, g: [Double]) {
      let p = columns
      var a = Matrix(rows: p, columns: p)
      var g = [Double](repeating: 0, count: p)
      for i in 0..<rows where used[i] && w[i] != 0 {
        let mu = mean(i, beta)
        let v = w[i] * mu * (1 - mu)
        let r = w[i] * (y[i] - mu)
        for j in 0..<p {
          let xj = x[i + j * rows]
          g[j] += r * xj
          for k in 0...j { a[j, k] += v * xj * x[i + k * rows] }
        }
      }
      for j in 0..<p { for k in 0..<j { a[k, j] = a[j, k] } }
      return (a, g)
    }

    /// Newton–Raphson from `start`; β and A⁻¹ at the solution.
    func fit(weights w: [Double], start: [Double]) throws -> (beta: [Double], inverse: Matrix) {
      var total = 0.0
      var successes = 0.0
      for i in 0..<rows where used[i] {
        total += w[i]
        successes += w[i] * y[i]
      }
      guard successes > 0, successes < total else {
        throw InputError.invalidData(
          source: "regression data",
          reason: "every answer in the fit is \(successes > 0 ? "a success" : "a failure"): "
            + "nothing to model")
      }
      var beta = start
      for _ in 0..<100 {
        let (a, g) = information(w, beta)
        let step: [Double]
        do {
          step = try a.choleskySolve(g)
        } catch LinearAlgebraError.nonFinite {
          throw InputError.invalidData(
            source: "regression data",
            reason: "the fit overflows the floating-point range (predictors such as scores near "
              + "1e150 or beyond): rescale them")
        } catch {
          throw InputError.invalidData(
            source: "regression data",
            reason: "the predictors are collinear or too nearly so (e.g. fewer than two groups "
              + "with answers, a stratum with one exposure level only, or scores that differ "
              + "by less than the precision of their size): no unique fit")
        }
        guard step.allSatisfy(\.isFinite) else { break }
        for j in beta.indices { beta[j] += step[j] }
        if zip(step, beta).allSatisfy({ abs($0) <= 1e-12 * (1 + abs($1)) }) {
          // Separation (complete or quasi-complete): the maximum is at infinity, and Newton
          // stops where fitted probabilities are numerically 0 or 1 (R's glm warns at 10 ε).
          let eps = 10 * Double.ulpOfOne
          var separated = false
          for i in 0..<rows where used[i] && w[i] > 0 {
            let mu = mean(i, beta)
            if mu < eps || mu > 1 - eps { separated = true }
          }
          guard !separated else { break }
          let (a, _) = information(w, beta)
          var inverse = Matrix(rows: columns, columns: columns)
          for j in 0..<columns {
            var e = [Double](repeating: 0, count: columns)
            e[j] = 1
            let c = try a.choleskySolve(e)
            for k in 0..<columns { inverse[k, j] = c[k] }
          }
          return (beta, inverse)
        }
      }
      throw InputError.invalidData(
        source: "regression data",
        reason: "the logistic regression has no finite maximum (the outcome is separated by the "
          + "predictors, e.g. all successes above a score and none below)")
    }
  }
}
