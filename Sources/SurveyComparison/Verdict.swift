// Verdict.swift: plain-language sentences for comparisons, in words a non-statistician can read.

/// The wording of verdicts and summaries.
///
/// Differences are spoken of in percentage points; "real" means "significant after adjusting for
/// the number of comparisons"; effect sizes use Cohen's (1988) conventions for h: below 0.2
/// negligible, 0.2 small, 0.5 medium, 0.8 large.
public enum Verdict {
  /// Cohen's label for |h|.
  public static func effectLabel(_ h: Double) -> String {
    let a = abs(h)
    if a < 0.2 { return "negligible" }
    if a < 0.5 { return "small" }
    if a < 0.8 { return "medium" }
    return "large"
  }

  /// Percentage points with one decimal, such as `"17.8"`.
  static func points(_ d: Double) -> String { formatPercent(100 * abs(d), decimals: 1) }

  /// A p-value for people: 3 decimals, or "< 0.001".
  public static func pText(_ p: Double) -> String {
    if p.isNaN { return "n/a" }
    if p < 0.001 { return "< 0.001" }
    return formatPercent(p, decimals: 3)
  }

  /// The one-line verdict for a pair.
  ///
  /// - Parameters:
  ///   - pair: the comparison (difference, interval, adjusted p, significance).
  ///   - alpha: the significance level.
  ///   - sensitivity: when counts were assumed, the share of consistent tables that are
  ///     significant (before adjustment), to warn when the verdict depends on the assumption.
  public static func pair(
    _ pair: PairComparison, alpha: Double, level: Double = 0.95, sensitivityShare: Double? = nil
  ) -> String {
    let higher = pair.difference >= 0 ? pair.a : pair.b
    let lower = pair.difference >= 0 ? pair.b : pair.a
    // The interval of (higher − lower), the direction the sentence speaks of.
    let sign = pair.difference >= 0 ? 1.0 : -1.0
    let lo = 100 * (sign > 0 ? pair.newcombe.lower : -pair.newcombe.upper)
    let hi = 100 * (sign > 0 ? pair.newcombe.upper : -pair.newcombe.lower)
    let range = "\(formatPercent(lo, decimals: 1)) to \(formatPercent(hi, decimals: 1)) points"
    let gap = "\(points(pair.difference)) points"
    let gapNoun = "\(points(pair.difference))-point gap"
    var s: String
    if pair.difference == 0 {
      s =
        "No difference seen between \(pair.a) and \(pair.b) "
        + "(adjusted p = \(pText(pair.pAdjusted)))."
    } else if pair.significant {
      s =
        "Real difference: \(higher) is \(gap) higher than \(lower) "
        + "(\(formatPercent(100 * level, decimals: 0)) % interval \(range), "
        + "adjusted p = \(pText(pair.pAdjusted)); "
        + "\(effectLabel(pair.cohensH)) effect)."
    } else {
      s =
        "Not shown: the \(gapNoun) between \(higher) and \(lower) could be chance "
        + "(adjusted p = \(pText(pair.pAdjusted)); the data fit anything from \(range))."
    }
    if let share = sensitivityShare, share > 0, share < 1 {
      s +=
        " It depends on the unpublished segment sizes: significant in "
        + "\(formatPercent(100 * share, decimals: 0)) % of the consistent tables."
    }
    return s
  }
}
