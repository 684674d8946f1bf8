// SurveyComparison+Paired.swift: two items answered by the same respondents — McNemar's exact test
// over every feasible paired table, and what it shows.
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
    let share = feasible.shareSignificant
    let verdict: PairedVerdict
    if share == 1 {
      verdict = .real
    } else if share == 0 {
      verdict = .notShown
    } else {
      let sig = feasible.outcomes.filter { $0.pValue < alpha }.map(\.table.both)
      verdict = .dependsOnOverlap(minimumOverlap: sig.min() ?? 0)
    }
    return PairedComparison(
      firstName: p.firstName, secondName: p.secondName, feasible: feasible,
      illustration: illustration, first: p.first, second: p.second, n: p.n,
      alpha: alpha, unrelatedOverlap: t, verdict: verdict)
  }
}
