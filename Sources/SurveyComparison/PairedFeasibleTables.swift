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

  /// The default limit on the work of ``enumerate(first:second:n:alpha:workLimit:)``: the
  /// number of binomial terms summed over all feasible tables (about 1 s), which also bounds the
  /// tables kept in memory.
  public static let defaultWorkLimit = 200_000_000

  /// The work of enumerating the feasible tables for the given first- and second-item counts:
  /// Σ over tables of (min(b, c) + 1) McNemar terms, in closed form per count pair (the
  /// discordant counts of overlap t are a − t and b − t, so the terms fall by one per t).
  /// - Complexity: O(|firstCounts|·|secondCounts|).
  static func work(firstCounts: ClosedRange<Int>, secondCounts: ClosedRange<Int>, n: Int)
    -> Double
  {
    var total = 0.0
    for a in firstCounts {
      for b in secondCounts {
        let lo = max(0, a + b - n)
        let hi = min(a, b)
        guard hi >= lo else { continue }
        // Terms for overlap t: min(a − t, b − t) + 1 = hi − t + 1, for t in lo...hi.
        let first = Double(hi - lo + 1)
        total += first * (first + 1) / 2
      }
    }
    return total
  }

  /// Enumerates every feasible paired table and its exact McNemar p-value.
  ///
  /// - Parameters:
  ///   - first: the published percentage answering yes to the first item.
  ///   - second: the published percentage answering yes to the second item.
  ///   - n: the number of respondents (1…1,000,000).
  ///   - alpha: the significance level in (0, 1).
  ///   - workLimit: the most McNemar terms to evaluate (``defaultWorkLimit``); the work grows
  ///     about as n³ times the number of count pairs, so `--total 10000` at 0 decimals needs
  ///     ~10¹² terms.
  /// - Throws: `InputError` for n outside 1…1,000,000, alpha outside (0, 1), or a percentage no
  ///   count of `n` reproduces (GRIM-style inconsistency); `InputError.tooLarge` when the work
  ///   exceeds `workLimit` (checked before any table is evaluated).
  /// - Complexity: O(n) tables per count pair, O(n) each, at most `workLimit` in all.
  public static func enumerate(
    first: PublishedPercentage, second: PublishedPercentage, n: Int, alpha: Double = 0.05,
    workLimit: Int = defaultWorkLimit
  ) throws -> PairedFeasibleTables {
    guard n >= 1, n <= 1_000_000 else {
      throw InputError.invalidParameter(
        name: "n", value: "\(n)", expected: "a number of respondents from 1 to 1000000")
    }
    try InputError.requireSignificanceLevel(alpha)
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
    let work = Self.work(firstCounts: ra, secondCounts: rb, n: n)
    guard work <= Double(workLimit) else {
      throw InputError.tooLarge(
        what:
          "the paired enumeration for \(n) respondents (\(Self.scientific(work)) McNemar terms "
          + "over every feasible overlap)",
        limit:
          "\(workLimit) terms; raise it with --paired-work-limit, or give the percentages with "
          + "more decimals (--decimals) if the source has them")
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

  /// `x` as "1.2e12" (two significant digits) for messages.
  static func scientific(_ x: Double) -> String {
    guard x >= 1e6 else { return String(Int(x)) }
    var e = 0
    var m = x
    while m >= 10 {
      m /= 10
      e += 1
    }
    return "\((m * 10).rounded() / 10)e\(e)"
  }
}
