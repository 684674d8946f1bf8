// NormalInterval.swift: the bias-corrected normal-approximation bootstrap interval.
import Distributions
import ResampleCore

extension BootstrapIntervals {
  /// The bias-corrected normal-approximation interval.
  ///
  /// The normal interval t − bias ∓ z_{1−α}·se (R `boot`'s `norm.ci`; Davison & Hinkley 1997,
  /// eq. 5.5), with bias = mean(t*) − t and se the replicate standard deviation (divisor B − 1).
  ///
  /// The Monte Carlo error of each endpoint is √(se²/B + z²·se²/(2(B − 1))): the error of the
  /// replicate mean plus z² times that of the replicate standard deviation.
  ///
  /// - Parameters:
  ///   - estimate: t.
  ///   - replicateMean: mean of the finite replicates.
  ///   - standardError: their standard deviation.
  ///   - replicates: the number of finite replicates B.
  ///   - level: confidence level in (0, 1).
  ///   - alternative: two-sided or one-sided.
  /// - Complexity: O(1).
  public static func normal(
    estimate: Double, replicateMean: Double, standardError: Double, replicates: Int,
    level: Double, alternative: Alternative = .twoSided
  ) -> ConfidenceInterval {
    let alpha = tailProbability(level: level, alternative: alternative)
    let z = Normal.standard.quantile(1 - alpha)
    let center = 2 * estimate - replicateMean
    let b = Double(max(replicates, 2))
    let mc =
      (standardError * standardError / b + z * z * standardError * standardError
      / (2 * (b - 1))).squareRoot()
    var ci = ConfidenceInterval(
      method: .normal, level: level, alternative: alternative,
      lower: center - z * standardError, upper: center + z * standardError,
      lowerMonteCarloError: mc, upperMonteCarloError: mc)
    applyAlternative(&ci)
    return ci
  }
}
