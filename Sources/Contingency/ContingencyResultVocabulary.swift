// ContingencyResultVocabulary.swift: the table tests' results in the library's shared vocabulary.
import ResampleCore

/// How ``ChiSquaredTestResult/pValue`` was computed: the χ² approximation of Pearson's
/// statistic, with or without Yates' correction (a Monte Carlo p-value, when asked for, is
/// reported beside it in ``ChiSquaredTestResult/monteCarlo``).
public enum ChiSquaredMethod: String, Sendable, CaseIterable, Codable {
  case pearson
  case pearsonYates = "pearson-yates"
}

/// How ``McNemarResult/pValue`` was computed (the exact binomial p-value is reported beside it).
public enum McNemarMethod: String, Sendable, CaseIterable, Codable {
  case chiSquared = "chi-squared"
  case chiSquaredCorrected = "chi-squared-corrected"
}

/// How ``ConditionalOddsRatio``'s interval was computed: by inverting the two one-sided exact
/// tests of the noncentral hypergeometric distribution (R's `fisher.test`).
public enum OddsRatioIntervalMethod: String, Sendable, CaseIterable, Codable {
  case conditionalExact = "conditional-exact"
}

extension ChiSquaredTestResult: HypothesisTestResult {
  /// ``statistic`` (Pearson's X², corrected when ``correction`` is `.yates`).
  public var testStatistic: Double { statistic }
  /// Independence against any association (the p-value is χ²'s upper tail).
  public var alternative: Alternative { .twoSided }
  public var method: ChiSquaredMethod { correction == .yates ? .pearsonYates : .pearson }
  public var diagnostics: [TableWarning] { warnings }
}

extension FisherExactResult: HypothesisTestResult {
  /// NaN: the p-value sums the probabilities of tables, it has no statistic.
  public var testStatistic: Double { .nan }
  public var diagnostics: [TableWarning] { warnings }
}

extension McNemarResult: HypothesisTestResult {
  public var testStatistic: Double { statistic }
  /// Two-sided: ``McNemarResult/pValue`` is the χ² test's (``McNemarResult/exactAlternative``
  /// applies to the exact p-value only).
  public var alternative: Alternative { .twoSided }
  public var method: McNemarMethod { correction == .yates ? .chiSquaredCorrected : .chiSquared }
  public var diagnostics: [TableWarning] { warnings }
}

extension ConditionalOddsRatio: IntervalEstimate {
  public var method: OddsRatioIntervalMethod { .conditionalExact }
}
