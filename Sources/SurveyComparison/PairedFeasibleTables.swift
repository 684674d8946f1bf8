// PairedFeasibleTables.swift: McNemar's test over every paired 2×2 table consistent with two
// published percentages of the same respondents.
import Contingency
import Foundation
import ResampleCore
import SpecialFunctions

/// A paired 2×2 table of `n` respondents answering two yes/no items.
public struct PairedTable: Sendable, Equatable, Hashable {
  /// Yes to both items.
  public var both: Int
  /// Yes to the first item only (discordant).
  public var firstOnly: Int
  /// Yes to the second item only (discordant).
  public var secondOnly: Int
  /// No to both items.
  public var neither: Int
  /// Respondents.
  public var n: Int { both + firstOnly + secondOnly + neither }
}

/// McNemar's exact test on one paired table, and over every table consistent with published data.
///
/// The exact McNemar p-value is the two-sided binomial test of `firstOnly` out of the discordant
/// pairs `firstOnly + secondOnly` with probability ½: `min(1, 2·P(B ≤ min(b, c)))`, the value of
/// `scipy.stats.binomtest(min(b, c), b + c).pvalue` and of R's `exact2x2::mcnemar.exact`.
///
/// When a survey publishes only the two marginal percentages of `n` respondents, the discordant
/// counts are unknown: every first-item count `a` and second-item count `b` reproducing the
/// percentages, and every overlap `t` with `max(0, a + b − n) ≤ t ≤ min(a, b)`, is a feasible
/// table, and the p-value can be anywhere in the range over them.
///
/// References: Q. McNemar (1947), "Note on the sampling error of the difference between correlated
/// proportions or percentages", *Psychometrika* 12, 153–157; A. Agresti (2013), *Categorical Data
/// Analysis*, 3rd ed., §11.1.
public struct PairedFeasibleTables: Sendable, Equatable {
  /// One feasible table and its exact McNemar p-value.
  public struct Outcome: Sendable, Equatable {
    public var table: PairedTable
    public var pValue: Double
  }
  /// Respondents.
  public let n: Int
  /// The published percentages of the first and the second item.
  public let first: PublishedPercentage
  public let second: PublishedPercentage
  /// The significance level used for ``shareSignificant``.
  public let alpha: Double
  /// Every feasible table, by first-item count, second-item count, then overlap.
  public let outcomes: [Outcome]

  /// The smallest and largest p-value over the feasible tables.
  public var pValueRange: ClosedRange<Double> {
    let ps = outcomes.map(\.pValue)
    return (ps.min() ?? 1)...(ps.max() ?? 1)
  }
  /// The share of feasible tables with p < alpha.
  public var shareSignificant: Double {
    Double(outcomes.filter { $0.pValue < alpha }.count) / Double(max(outcomes.count, 1))
  }

  /// Enumerates every feasible paired table and its exact McNemar p-value.
  ///
  /// - Parameters:
  ///   - first: the published percentage answering yes to the first item.
  ///   - second: the published percentage answering yes to the second item.
  ///   - n: the number of respondents (1…1,000,000).
  ///   - alpha: the significance level in (0, 1).
  /// - Throws: `InputError` for n outside 1…1,000,000, alpha outside (0, 1), or a percentage no
  ///   count of `n` reproduces (GRIM-style inconsistency).
  /// - Complexity: O(n) tables per count pair, O(n) each.
  public static func enumerate(
    first: PublishedPercentage, second: PublishedPercentage, n: Int, alpha: Double = 0.05
  ) throws -> PairedFeasibleTables {
    guard n >= 1, n <= 1_000_000 else {
      throw InputError.invalidParameter(
        name: "n", value: "\(n)", expected: "a number of respondents from 1 to 1000000")
    }
    guard alpha > 0, alpha < 1 else {
      throw InputError.invalidParameter(
        name: "alpha", value: "\(alpha)", expected: "a significance level in (0, 1)")
    }
    guard let ra = first.consistentCounts(of: n) else {
      throw InputError.invalidData(
        source: "--percent (first item)",
        reason: ConsistentTableEnumeration.grimMessage(first, sizes: n...n))
    }
    guard let rb = second.consistentCounts(of: n) else {
      throw InputError.invalidData(
        source: "--percent (second item)",
        reason: ConsistentTableEnumeration.grimMessage(second, sizes: n...n))
    }
    let lf = SpecialFunctions.logFactorialTable(through: n)
    var outcomes: [Outcome] = []
    for a in ra {
      for b in rb {
        for t in max(0, a + b - n)...min(a, b) {
          let table = PairedTable(
            both: t, firstOnly: a - t, secondOnly: b - t,
            neither: n - a - b + t)
          outcomes.append(
            Outcome(
              table: table,
              pValue: mcNemarExactPValue(
                b: table.firstOnly, c: table.secondOnly, logFactorial: lf)))
        }
      }
    }
    return PairedFeasibleTables(
      n: n, first: first, second: second, alpha: alpha,
      outcomes: outcomes)
  }

  /// The exact McNemar p-value of one table.
  /// - Complexity: O(min(b, c)).
  public static func mcNemarExactP(_ table: PairedTable) -> Double {
    mcNemarExactPValue(
      b: table.firstOnly, c: table.secondOnly,
      logFactorial: SpecialFunctions.logFactorialTable(through: table.firstOnly + table.secondOnly))
  }
}
