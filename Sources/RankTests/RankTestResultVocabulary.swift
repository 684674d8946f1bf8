// RankTestResultVocabulary.swift: the rank tests' results in the library's shared vocabulary.
import ResampleCore

extension MannWhitneyResult: HypothesisTestResult {
  /// ``statistic`` (R's W).
  public var testStatistic: Double { statistic }
  /// ``computation``: exact, or the normal approximation.
  public var method: MannWhitneyU.Computation { computation }
}
