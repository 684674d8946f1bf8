// DesignPairedDifference.swift: the design-based test that two yes/no items of the same
// respondents have the same share (R survey's svyttest of the paired difference).
import Distributions
import ResampleCore

/// The difference of the shares of two yes/no items answered by the same respondents, with its
/// design-based standard error, t test and interval.
///
/// With y₁ᵢ, y₂ᵢ the 0/1 answers of respondent i and dᵢ = y₁ᵢ − y₂ᵢ, the estimate is the ratio
/// d̂ = Σ wᵢ dᵢ / Σ wᵢ over the respondents who answered both (domain estimation: the others keep
/// their place in the design), its standard error from the design (linearization or replicate
/// weights, ``SurveyDesign/ratios(numerators:denominators:count:)``), t = d̂ / SE on ν − 1
/// degrees of freedom (ν the design df) and the interval d̂ ± t_{ν−1} · SE. These are R survey's
/// `svyttest(I(y1 - y2) ~ 0, design)` and `confint(svymean(~I(y1 - y2), design), df = degf(design)
/// - 1)`; under simple random sampling the test is the paired t test of the 0/1 differences, an
/// asymptotic equivalent of McNemar's.
///
/// Reference: T. Lumley, *Complex Surveys: A Guide to Analysis Using R*, Wiley 2010, §2.4, §5.
public struct DesignPairedDifference: Sendable, Equatable {
  /// The shares p̂₁ and p̂₂ of the success in each item, and their standard errors.
  public let first: (share: Double, standardError: Double)
  public let second: (share: Double, standardError: Double)
  /// d̂ = p̂₁ − p̂₂ and its standard error.
  public let difference: Double
  public let standardError: Double
  /// t = d̂ / SE, its degrees of freedom ν − 1, and the two-sided p-value.
  public let statistic: Double
  public let degreesOfFreedom: Int
  public let pValue: Double
  /// The interval d̂ ± t_{ν−1, (1+level)/2} · SE.
  public let lower: Double
  public let upper: Double
  public let level: Double
  /// The respondents who answered both items.
  public let respondents: Int

  public static func == (x: DesignPairedDifference, y: DesignPairedDifference) -> Bool {
    x.first == y.first && x.second == y.second && x.difference == y.difference
      && x.standardError == y.standardError && x.statistic == y.statistic
      && x.degreesOfFreedom == y.degreesOfFreedom && x.pValue == y.pValue && x.lower == y.lower
      && x.upper == y.upper && x.level == y.level && x.respondents == y.respondents
  }

  /// The test and interval.
  ///
  /// - Parameters:
  ///   - first: each respondent's answer to the first item: true (success), false, or nil (no
  ///     answer).
  ///   - second: the same for the second item.
  ///   - design: the design over the same respondents.
  ///   - level: the interval's confidence level in (0, 1).
  /// - Throws: `InputError.invalidData` when the lengths differ, nobody with a positive weight
  ///   answered both, or the design has fewer than 2 degrees of freedom; `InputError` for a level
  ///   outside (0, 1).
  /// - Complexity: as ``SurveyDesign/ratios(numerators:denominators:count:)`` with 3 ratios.
  public init(first: [Bool?], second: [Bool?], design: SurveyDesign, level: Double = 0.95) throws {
    try InputError.requireLevel(level)
    let n = design.count
    guard first.count == n, second.count == n else {
      throw InputError.invalidData(
        source: "paired items",
        reason: "\(first.count) and \(second.count) answers for \(n) respondents of the design")
    }
    let df = design.degreesOfFreedom - 1
    guard df >= 1 else {
      throw InputError.invalidData(
        source: "the design",
        reason: "\(design.degreesOfFreedom) degrees of freedom; the paired t test needs ≥ 2")
    }
    var numerators = [Double](repeating: 0, count: 3 * n)
    var denominators = numerators
    var both = 0
    for i in 0..<n {
      guard let a = first[i], let b = second[i] else { continue }
      both += 1
      let y1: Double = a ? 1 : 0
      let y2: Double = b ? 1 : 0
      numerators[i] = y1
      numerators[i + n] = y2
      numerators[i + 2 * n] = y1 - y2
      for k in 0..<3 { denominators[i + k * n] = 1 }
    }
    let est = try design.ratios(numerators: numerators, denominators: denominators, count: 3)
    let t = try StudentT(degreesOfFreedom: Double(df))
    self.first = (est.estimates[0], est.standardError(0))
    self.second = (est.estimates[1], est.standardError(1))
    difference = est.estimates[2]
    standardError = est.standardError(2)
    statistic = difference / standardError
    degreesOfFreedom = df
    pValue = statistic.isNaN ? .nan : min(1, 2 * t.sf(abs(statistic)))
    let q = t.quantile((1 + level) / 2)
    lower = difference - q * standardError
    upper = difference + q * standardError
    self.level = level
    respondents = both
  }
}
