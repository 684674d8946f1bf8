// TableWarning.swift: diagnostics that contingency-table tests attach to their results.

/// A diagnostic about a contingency-table result: the result is still returned, but the user
/// should know this about it.
public enum TableWarning: Sendable, Equatable, Hashable, CustomStringConvertible {
  /// Some expected counts are below 5, so the χ² approximation may be poor (R's warning).
  case smallExpectedCounts(cells: Int, of: Int, minimum: Double)
  /// Rows or columns (0-based indices) have a zero total: the expected counts there are 0, so
  /// the Pearson statistic is NaN (as in R) unless the empty margins are dropped.
  case emptyMargins(rows: [Int], columns: [Int])
  /// Empty rows/columns (0-based indices in the input) were removed before testing.
  case droppedEmptyMargins(rows: [Int], columns: [Int])
  /// The Monte Carlo p-value was not computed because of empty margins (R's behaviour).
  case monteCarloSkippedForEmptyMargins
  /// The exact enumeration was larger than the work limit, so a Monte Carlo estimate was used.
  case exactTooLarge(limit: Int)
  /// McNemar: b + c = 0, so the χ² statistic is undefined (NaN, as in R).
  case noDiscordantPairs
  /// McNemar: fewer than 10 discordant pairs, so the χ² p-value is unreliable.
  case fewDiscordantPairs(Int)
  /// Fisher: the table has one row, one column, or no counts, so only one table has its margins
  /// and p = 1 (SciPy's answer).
  case singleTable(rows: Int, columns: Int, total: Int)
  /// The power-divergence statistic is infinite or undefined because of zero observed or
  /// expected counts (0-based cells), by SciPy's conventions (see ``PowerDivergence``).
  case zeroCellStatistic(statistic: Double, zeroObserved: [Int], zeroExpected: [Int])
  /// The Monte Carlo p-value was not computed because the observed statistic is undefined.
  case monteCarloSkippedForUndefinedStatistic

  /// A one-line, human-readable message.
  public var description: String {
    func list(_ name: String, _ idx: [Int]) -> String? {
      idx.isEmpty ? nil : "\(name) " + idx.map { String($0 + 1) }.joined(separator: ", ")
    }
    switch self {
    case .smallExpectedCounts(let cells, let of, let minimum):
      return "\(cells) of \(of) expected counts are below 5 (smallest "
        + "\(shortNumber(minimum))); the chi-squared approximation may be incorrect"
    case .emptyMargins(let r, let c):
      let what = [list("row", r), list("column", c)].compactMap { $0 }.joined(separator: "; ")
      return "empty margin (\(what)) has zero total: expected counts are zero and the "
        + "chi-squared statistic is undefined (NaN); drop empty rows/columns to test the rest"
    case .droppedEmptyMargins(let r, let c):
      let what = [list("row", r), list("column", c)].compactMap { $0 }.joined(separator: "; ")
      return "dropped empty \(what) before testing"
    case .monteCarloSkippedForEmptyMargins:
      return "cannot compute a Monte Carlo p-value with zero margins"
    case .noDiscordantPairs:
      return "no discordant pairs (b + c = 0): the chi-squared statistic is undefined"
    case .fewDiscordantPairs(let n):
      return "only \(n) discordant pairs: use the exact p-value, the chi-squared one is unreliable"
    case .singleTable(let r, let c, let total):
      let why =
        total == 0
        ? "all counts are zero" : r < 2 ? "it has one row" : "it has one column"
      return "the \(r)×\(c) table is the only table with its margins (\(why)): p = 1, "
        + "there is nothing to test"
    case .zeroCellStatistic(let statistic, let zeroObserved, let zeroExpected):
      let cells = [
        list("observed count 0 in cell", zeroObserved),
        list("expected count 0 in cell", zeroExpected),
      ]
      .compactMap { $0 }.joined(separator: "; ")
      let what = statistic.isNaN ? "undefined (NaN)" : "infinite"
      return "the statistic is \(what) because of zero counts (\(cells)), as SciPy's "
        + "power_divergence computes it"
    case .monteCarloSkippedForUndefinedStatistic:
      return "cannot compute a Monte Carlo p-value: the observed statistic is undefined"
    case .exactTooLarge(let limit):
      return "exact enumeration exceeds the work limit (\(limit) nodes); the p-value is "
        + "computed by Monte Carlo"
    }
  }
}

/// A short rendering of a number for messages (4 significant digits).
func shortNumber(_ x: Double) -> String {
  guard x.isFinite else { return "\(x)" }
  if x == x.rounded() && abs(x) < 1e9 { return String(Int(x)) }
  var scale = 1.0
  var digits = 0
  while abs(x) * scale < 1000 && digits < 12 {
    scale *= 10
    digits += 1
  }
  return "\((x * scale).rounded() / scale)"
}
