// SurveyComparison+Paired.swift: two items answered by the same respondents — McNemar's exact test
// over every feasible paired table, and its verdict.
import ResampleCore

extension SurveyComparison {
  // MARK: - Paired

  static func comparePaired(_ p: PairedPercentages, alpha: Double, workLimit: Int) throws
    -> PairedComparison
  {
    let feasible = try PairedFeasibleTables.enumerate(
      first: p.first, second: p.second, n: p.n, alpha: alpha, workLimit: workLimit)
    let a = p.first.nearestConsistentCount(of: p.n) ?? 0
    let b = p.second.nearestConsistentCount(of: p.n) ?? 0
    let t = Int((Double(a) * Double(b) / Double(p.n)).rounded())
    let illustration =
      feasible.outcomes.first {
        $0.table.both + $0.table.firstOnly == a && $0.table.both + $0.table.secondOnly == b
          && $0.table.both == t
      } ?? feasible.outcomes[0]
    let range = feasible.pValueRange
    let share = feasible.shareSignificant
    let gap = Verdict.points((p.first.value - p.second.value) / 100)
    let verdict: String
    if share == 1 {
      verdict =
        "Real difference whatever the unpublished overlap: \(p.firstName) is \(gap) points "
        + "above \(p.secondName) and every feasible table gives McNemar p < \(alpha) "
        + "(p from \(Verdict.pText(range.lowerBound)) to \(Verdict.pText(range.upperBound)))."
    } else if share == 0 {
      verdict =
        "Not shown for any feasible overlap: the \(gap)-point gap between \(p.firstName) and "
        + "\(p.secondName) could be chance (McNemar p from \(Verdict.pText(range.lowerBound)) to "
        + "\(Verdict.pText(range.upperBound)))."
    } else {
      let sig = feasible.outcomes.filter { $0.pValue < alpha }.map(\.table.both)
      let minBoth = sig.min() ?? 0
      verdict =
        "Depends on the unpublished overlap: the \(gap)-point gap between \(p.firstName) "
        + "and \(p.secondName) is significant in "
        + "\(formatPercent(100 * share, decimals: 0)) % of the "
        + "\(feasible.outcomes.count) feasible tables (McNemar p from "
        + "\(Verdict.pText(range.lowerBound)) to \(Verdict.pText(range.upperBound))); "
        + "it is significant only if at least \(minBoth) of the \(p.n) respondents said yes to "
        + "both. If the answers were "
        + "unrelated (about \(t) yes to both), p = \(Verdict.pText(illustration.pValue))."
    }
    return PairedComparison(
      firstName: p.firstName, secondName: p.secondName, feasible: feasible,
      illustration: illustration, verdict: verdict)
  }
}
