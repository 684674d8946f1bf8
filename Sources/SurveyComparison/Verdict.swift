// Verdict.swift: what a comparison shows, as closed enums; the words are in SurveyPresentation.

/// What one pairwise segment comparison shows.
///
/// "Real" means significant after adjusting for the number of comparisons.
public enum PairVerdict: String, Sendable, Equatable, CaseIterable {
  /// The observed shares are equal.
  case noDifference
  /// The adjusted p-value is below α.
  case real
  /// A gap is seen, but the adjusted p-value is not below α.
  case notShown

  /// The verdict of `pair` from its difference and ``PairComparison/significant``.
  public init(_ pair: PairComparison) {
    if pair.difference == 0 {
      self = .noDifference
    } else {
      self = pair.significant ? .real : .notShown
    }
  }
}

/// What a paired (McNemar) comparison over every feasible overlap shows.
public enum PairedVerdict: Sendable, Equatable {
  /// Every feasible table is significant.
  case real
  /// No feasible table is significant.
  case notShown
  /// Some are: significant only when at least `minimumOverlap` respondents said yes to both.
  case dependsOnOverlap(minimumOverlap: Int)
}

/// Cohen's (1988) conventions for |h|: below 0.2 negligible, 0.2 small, 0.5 medium, 0.8 large.
public enum EffectSize: String, Sendable, Equatable, CaseIterable {
  case negligible, small, medium, large

  /// The label for Cohen's h.
  public init(cohensH h: Double) {
    let a = abs(h)
    if a < 0.2 {
      self = .negligible
    } else if a < 0.5 {
      self = .small
    } else if a < 0.8 {
      self = .medium
    } else {
      self = .large
    }
  }
}
