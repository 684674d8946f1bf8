// SurveyProportionInterval.swift: confidence intervals for one proportion estimated from a
// complex survey (R survey's svyciprop: logit and Korn–Graubard beta).
import Distributions
import ResampleCore
import _Platform

/// Interval methods for a design-based proportion.
public enum SurveyProportionMethod: String, Sendable, CaseIterable {
  /// A t interval on the logit scale, back-transformed: logit p̂ ± t_ν · SE/(p̂(1 − p̂)).
  case logit
  /// Korn–Graubard: Clopper–Pearson with the effective sample size p̂(1 − p̂)/SE², scaled by
  /// (t_{n−1}/t_ν)².
  case beta
}

/// A design-based confidence interval for one proportion.
///
/// References: E. L. Korn and B. I. Graubard, "Confidence intervals for proportions with small
/// expected number of positive counts estimated from survey data", *Survey Methodology* 24
/// (1998) 193–201; R `survey`'s `svyciprop`.
public enum SurveyProportionInterval {
  /// The interval.
  ///
  /// - Parameters:
  ///   - method: logit or beta.
  ///   - estimate: p̂ in [0, 1].
  ///   - standardError: its design-based standard error.
  ///   - logitStandardError: the standard error of logit p̂ when the design gives it directly
  ///     (replicate weights: the spread of the replicates' logits, as R); nil for the delta
  ///     method SE/(p̂(1 − p̂)).
  ///   - respondents: n, the number of respondents (for the beta method's t_{n−1}).
  ///   - designDF: ν.
  ///   - level: the confidence level in (0, 1).
  /// - Returns: (lower, upper); for p̂ = 0 or 1 the logit interval is the point itself and the
  ///   beta interval runs from 0 (or to 1).
  /// - Throws: `InputError` for a level outside (0, 1) or ν < 1.
  /// - Complexity: O(1) (a few special-function evaluations).
  public static func interval(
    _ method: SurveyProportionMethod, estimate p: Double, standardError se: Double,
    logitStandardError: Double? = nil, respondents n: Int, designDF nu: Int, level: Double = 0.95
  ) throws -> (lower: Double, upper: Double) {
    try InputError.requireLevel(level)
    guard nu >= 1 else {
      throw InputError.invalidParameter(
        name: "design degrees of freedom", value: "\(nu)", expected: "at least 1")
    }
    let alpha = 1 - level
    let t = try StudentT(degreesOfFreedom: Double(nu))
    switch method {
    case .logit:
      guard p > 0, p < 1, se > 0 else { return (p, p) }
      let eta = log(p / (1 - p))
      let half = t.upperQuantile(alpha / 2) * (logitStandardError ?? se / (p * (1 - p)))
      return (expit(eta - half), expit(eta + half))
    case .beta:
      guard se > 0 else { return (p, p) }
      let tn = try StudentT(degreesOfFreedom: Double(max(n - 1, 1))).quantile(alpha / 2)
      let ratio = tn / t.quantile(alpha / 2)
      let nEff = p * (1 - p) / (se * se) * ratio * ratio
      let x = nEff * p
      let lower = x > 0 ? try Beta(alpha: x, beta: nEff * (1 - p) + 1).quantile(alpha / 2) : 0
      let rest = nEff * (1 - p)
      let upper = rest > 0 ? try Beta(alpha: x + 1, beta: rest).quantile(1 - alpha / 2) : 1
      return (lower, upper)
    }
  }

  private static func expit(_ x: Double) -> Double {
    x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x))
  }
}
