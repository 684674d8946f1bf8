// SurveyVerdictText.swift: the plain-language verdicts and summaries of a survey comparison, in
// words a non-statistician can read (English; the facts come from SurveyComparison's results).
import SurveyComparison

/// The wording of verdicts and summaries.
///
/// Differences are spoken of in percentage points; "real" means "significant after adjusting for
/// the number of comparisons"; effect sizes use Cohen's (1988) labels (``EffectSize``).
public enum SurveyVerdictText {
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
  ///   - pair: the comparison (difference, interval, adjusted p, verdict, sensitivity share).
  ///   - level: the confidence level of its interval.
  /// - Returns: one sentence; when the verdict depends on assumed segment sizes, a second one.
  /// - Complexity: O(1).
  public static func pair(_ pair: PairComparison, level: Double = 0.95) -> String {
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
    switch pair.verdict {
    case .noDifference:
      s =
        "No difference seen between \(pair.a) and \(pair.b) "
        + "(adjusted p = \(pText(pair.pAdjusted)))."
    case .real:
      s =
        "Real difference: \(higher) is \(gap) higher than \(lower) "
        + "(\(formatPercent(100 * level, decimals: 0)) % interval \(range), "
        + "adjusted p = \(pText(pair.pAdjusted)); "
        + "\(EffectSize(cohensH: pair.cohensH).rawValue) effect)."
    case .notShown:
      s =
        "Not shown: the \(gapNoun) between \(higher) and \(lower) could be chance "
        + "(adjusted p = \(pText(pair.pAdjusted)); the data fit anything from \(range))."
    }
    if let share = pair.sensitivityShare, share > 0, share < 1 {
      s +=
        " It depends on the unpublished segment sizes: significant in "
        + "\(formatPercent(100 * share, decimals: 0)) % of the consistent tables."
    }
    return s
  }

  /// The verdict of a paired (McNemar) comparison over every feasible overlap.
  ///
  /// - Complexity: O(feasible tables).
  public static func paired(_ p: PairedComparison) -> String {
    let range = p.feasible.pValueRange
    let share = p.feasible.shareSignificant
    let gap = points((p.first.value - p.second.value) / 100)
    switch p.verdict {
    case .real:
      return "Real difference whatever the unpublished overlap: \(p.firstName) is \(gap) points "
        + "above \(p.secondName) and every feasible table gives McNemar p < \(p.alpha) "
        + "(p from \(pText(range.lowerBound)) to \(pText(range.upperBound)))."
    case .notShown:
      return "Not shown for any feasible overlap: the \(gap)-point gap between \(p.firstName) and "
        + "\(p.secondName) could be chance (McNemar p from \(pText(range.lowerBound)) to "
        + "\(pText(range.upperBound)))."
    case .dependsOnOverlap(let minBoth):
      return "Depends on the unpublished overlap: the \(gap)-point gap between \(p.firstName) "
        + "and \(p.secondName) is significant in "
        + "\(formatPercent(100 * share, decimals: 0)) % of the "
        + "\(p.feasible.outcomes.count) feasible tables (McNemar p from "
        + "\(pText(range.lowerBound)) to \(pText(range.upperBound))); "
        + "it is significant only if at least \(minBoth) of the \(p.n) respondents said yes to "
        + "both. If the answers were "
        + "unrelated (about \(p.unrelatedOverlap) yes to both), p = \(pText(p.illustration.pValue))."
    }
  }

  /// One plain-language paragraph for a question.
  ///
  /// - Complexity: O(pairs).
  public static func question(_ q: QuestionComparison) -> String {
    var parts: [String] = []
    let real = q.pairs.filter(\.significant)
    if real.isEmpty {
      parts.append("No difference between the segments is shown for \"\(q.name)\".")
    } else {
      parts.append(
        "For \"\(q.name)\", \(real.count) of \(q.pairs.count) segment "
          + "difference\(q.pairs.count == 1 ? "" : "s") \(real.count == 1 ? "is" : "are") real.")
    }
    if let s = q.sensitivity {
      parts.append(
        "Because the counts are not published, this rests on an assumed split; over all "
          + "\(s.consistentTablesText) tables that reproduce the percentages, p runs from "
          + "\(pText(s.pValueMin)) to \(pText(s.pValueMax)) and "
          + "\(formatPercent(100 * s.shareSignificant, decimals: 0)) % are significant.")
    }
    return parts.joined(separator: " ")
  }

  /// The plain-language summary of a whole comparison: every pair's verdict, the sensitivity
  /// caveat, the power needed, and the paired verdict.
  ///
  /// - Complexity: O(pairs + feasible paired tables).
  public static func overall(_ r: SurveyComparisonResult) -> String {
    var s: [String] = []
    for q in r.questions {
      for pair in q.pairs { s.append(Self.pair(pair, level: r.options.level)) }
      if let sens = q.sensitivity, sens.shareSignificant > 0, sens.shareSignificant < 1 {
        s.append(
          "Put simply: with the published figures alone the answer is \"probably, "
            + "but not certainly\": it depends on how many respondents each segment had, which the "
            + "source does not say.")
      }
      for pw in q.power {
        if let r = pw.requiredExact, let exact = pw.exact {
          s.append(
            "To detect a gap like \(pw.a) vs \(pw.b) reliably "
              + "(\(formatPercent(100 * pw.target, decimals: 0)) % power), each segment needs "
              + "about \(r) respondents; with the assumed sizes the chance of detecting it is "
              + "\(formatPercent(100 * exact, decimals: 0)) %."
          )
        } else if pw.exact == nil, let r = pw.requiredAnalytic {
          s.append(
            "To detect a gap like \(pw.a) vs \(pw.b) reliably "
              + "(\(formatPercent(100 * pw.target, decimals: 0)) % power), each segment needs "
              + "about \(r) respondents (normal approximation); with the assumed sizes the "
              + "approximate chance of detecting it is "
              + "\(formatPercent(100 * pw.analytic, decimals: 0)) %."
          )
        }
      }
    }
    if let paired = r.paired { s.append(Self.paired(paired)) }
    return s.joined(separator: " ")
  }
}
