// SurveyProportion.swift: one proportion estimated from a complex survey, with its
// design-based standard error, design effect and intervals.
import ResampleCore
import _Platform

/// The weighted share answering yes to one question, with design-based inference (R `survey`'s
/// `svymean` and `svyciprop`).
public struct SurveyProportion: Sendable, Equatable {
  /// The weighted proportion.
  public let estimate: Double
  /// Its design-based standard error.
  public let standardError: Double
  /// The standard error of logit(estimate) (delta method, or from the replicates).
  public let logitStandardError: Double
  /// Respondents who answered.
  public let respondents: Int
  /// The sum of their weights.
  public let weightedCount: Double
  /// Design variance over p(1 − p)/(n − 1) (simple random sampling with replacement).
  public let designEffect: Double
  /// Design degrees of freedom.
  public let degreesOfFreedom: Int

  /// Estimates the proportion.
  ///
  /// - Parameters:
  ///   - answers: per respondent, yes/no or nil (left out of the estimate, kept in the design).
  ///   - design: the survey design over the same respondents.
  /// - Throws: `InputError` when the lengths differ, nobody with a positive weight answered,
  ///   or the design has no degrees of freedom.
  /// - Complexity: O(n) plus the design's covariance cost for one estimate.
  public init(answers: [Bool?], design: SurveyDesign) throws {
    let n = design.count
    guard answers.count == n else {
      throw InputError.invalidData(
        source: "answers", reason: "\(answers.count) answers for \(n) respondents")
    }
    var a = [Double](repeating: 0, count: n)
    var b = [Double](repeating: 0, count: n)
    var m = 0
    var sumW = 0.0
    for (i, y) in answers.enumerated() {
      guard let y else { continue }
      a[i] = y ? 1 : 0
      b[i] = 1
      m += 1
      sumW += design.weights[i]
    }
    guard sumW > 0 else {
      throw InputError.invalidData(
        source: "answers", reason: "no respondent with a positive weight answered")
    }
    guard design.degreesOfFreedom >= 1 else {
      throw InputError.invalidData(
        source: "the design", reason: "\(design.degreesOfFreedom) degrees of freedom")
    }
    let est = try design.ratios(numerators: a, denominators: b, count: 1)
    let p = est.estimates[0]
    estimate = p
    standardError = est.standardError(0)
    logitStandardError = est.standardError(
      0, of: { log($0 / (1 - $0)) }, derivative: { 1 / ($0 * (1 - $0)) })
    respondents = m
    weightedCount = sumW
    designEffect = m > 1 ? est.covariance[0, 0] / (p * (1 - p) / Double(m - 1)) : .nan
    degreesOfFreedom = design.degreesOfFreedom
  }

  /// The confidence interval by `method` (R's `svyciprop`).
  ///
  /// - Throws: `InputError` for a level outside (0, 1).
  public func interval(
    _ method: SurveyProportionMethod, level: Double = 0.95
  ) throws -> (lower: Double, upper: Double) {
    try SurveyProportionInterval.interval(
      method, estimate: estimate, standardError: standardError,
      logitStandardError: logitStandardError, respondents: respondents,
      designDF: degreesOfFreedom, level: level)
  }
}
