// ProportionResultVocabulary.swift: typed diagnostics of the proportion comparisons and their
// results in the library's shared vocabulary.
import ResampleCore

/// A condition worth reporting with a two-proportion comparison.
public enum ProportionWarning: Sendable, Equatable, Hashable, CustomStringConvertible {
  /// The pooled proportion is 0 or 1 (both samples all failures or all successes): the z and χ²
  /// statistics are 0/0, reported as NaN.
  case testsUndefined(pooledProportion: Double)
  /// A cell is zero: 0.5 was added to every cell for the risk and odds ratios
  /// (Haldane–Anscombe).
  case zeroCellCorrection

  public var description: String {
    switch self {
    case .testsUndefined(let p):
      return "both proportions are \(p == 0 ? "0" : "1"): the z and chi-squared tests are "
        + "undefined (NaN)"
    case .zeroCellCorrection:
      return "a cell is zero: 0.5 was added to every cell for the risk and odds ratios"
    }
  }
}

/// How ``TwoProportionResult/pValue`` was computed.
public enum TwoProportionTestMethod: String, Sendable, CaseIterable, Codable {
  /// The pooled two-proportion z test (= Pearson's X² without correction).
  case pooledZ = "pooled-z"
}

extension TwoProportionResult: HypothesisTestResult {
  /// ``zStatistic``.
  public var testStatistic: Double { zStatistic }
  public var method: TwoProportionTestMethod { .pooledZ }
  public var diagnostics: [ProportionWarning] { warnings }
}
