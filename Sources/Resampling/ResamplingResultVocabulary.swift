// ResamplingResultVocabulary.swift: permutation tests and bootstrap intervals in the library's
// shared vocabulary.
import ResampleCore

/// How a ``PermutationTestResult``'s p-value was computed.
public enum PermutationMethod: String, Sendable, CaseIterable, Codable {
  /// Every distinct arrangement enumerated: p = k/N.
  case exact
  /// B random arrangements: p = (1 + k)/(B + 1), with its Monte Carlo error.
  case monteCarlo = "monte-carlo"
}

extension PermutationTestResult: HypothesisTestResult {
  /// ``observed``: the statistic on the observed arrangement.
  public var testStatistic: Double { observed }
  public var method: PermutationMethod { exact ? .exact : .monteCarlo }
  /// None: degenerate samples are refused before the test runs.
  public var diagnostics: [NoDiagnostic] { [] }
}

extension ConfidenceInterval: IntervalEstimate {}
