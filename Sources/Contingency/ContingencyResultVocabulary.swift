// ContingencyResultVocabulary.swift: the table tests' results in the library's shared vocabulary.
import ResampleCore

/// How ``ChiSquaredTestResult/pValue`` was computed: the χ² approximation of Pearson's
/// statistic, with or without Yates' correction, or of another power-divergence statistic (a Monte Carlo p-value, when asked for, is
/// reported beside it in ``ChiSquaredTestResult/monteCarlo``).
public enum ChiSquaredMethod: String, Sendable, CaseIterable, Codable {
  case pearson
  case pearsonYates = "pearson-yates"
  /// A member of the Cressie–Read family other than Pearson's (``ChiSquaredTestResult/powerDivergence``).
  case powerDivergence = "power-divergence"
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
  public var method: ChiSquaredMethod {
    powerDivergence != .pearson ? .powerDivergence : correction == .yates ? .pearsonYates : .pearson
  }
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

extension GoodnessOfFitResult: HypothesisTestResult {
  public var testStatistic: Double { statistic }
  /// The fit against any departure (the p-value is χ²'s upper tail).
  public var alternative: Alternative { .twoSided }
  /// The member of the power-divergence family the statistic is.
  public var method: GoodnessOfFitMethod {
    powerDivergence == .pearson ? .pearson : .powerDivergence
  }
  public var diagnostics: [TableWarning] { warnings }
}

/// How ``GoodnessOfFitResult/pValue`` was computed: the χ² approximation of Pearson's statistic
/// or of another power-divergence statistic (a Monte Carlo p-value is reported beside it).
public enum GoodnessOfFitMethod: String, Sendable, CaseIterable, Codable {
  case pearson
  case powerDivergence = "power-divergence"
}
