// McNemarBowker.swift: Bowker's test of symmetry for a k × k table of paired categorical
// outcomes (McNemar's test for k > 2 categories).
import Distributions
import ResampleCore

/// The result of Bowker's symmetry test.
public struct BowkerResult: Sendable, Equatable {
  /// Σ_{i<j} (n_ij − n_ji)² / (n_ij + n_ji) over the pairs with n_ij + n_ji > 0.
  public let statistic: Double
  /// The number of those pairs (k(k − 1)/2 when none is empty).
  public let degreesOfFreedom: Int
  /// Upper-tail χ² p-value.
  public let pValue: Double
  /// Pairs of categories with no discordant pairs, left out of the sum and of the df.
  public let emptyPairs: Int
}

/// Bowker's test that a square table of paired outcomes is symmetric (n_ij and n_ji estimate the
/// same probability), as R's `mcnemar.test` on a k × k table (no continuity correction for
/// k > 2).
///
/// R's statistic is NaN when a pair (i, j) has n_ij + n_ji = 0; here such a pair is left out of
/// the sum and of the degrees of freedom, and counted in ``BowkerResult/emptyPairs`` (with no
/// empty pair the result is R's). With every pair empty there is nothing to test: the statistic
/// is 0 on 0 df and p = 1.
///
/// - Parameter table: a k × k table, k ≥ 2 (rows: first measurement, columns: second, the same
///   categories in the same order).
/// - Throws: `InputError.invalidData` for a table that is not square.
/// - Complexity: O(k²).
///
/// Reference: A. H. Bowker (1948), "A test for symmetry in contingency tables", *JASA* 43,
/// 572–574.
public func bowkerSymmetryTest(_ table: ContingencyTable) throws -> BowkerResult {
  let k = table.rowCount
  guard k == table.columnCount, k >= 2 else {
    throw InputError.invalidData(
      source: "table",
      reason: "a symmetry test needs a square table, the same categories on both sides (got "
        + "\(table.rowCount)×\(table.columnCount))")
  }
  var statistic = 0.0
  var df = 0
  var empty = 0
  for i in 0..<k {
    for j in (i + 1)..<k {
      let s = table[i, j] + table[j, i]
      guard s > 0 else {
        empty += 1
        continue
      }
      let d = Double(table[i, j] - table[j, i])
      statistic += d * d / Double(s)
      df += 1
    }
  }
  let p = df > 0 ? try ChiSquared(degreesOfFreedom: Double(df)).sf(statistic) : 1
  return BowkerResult(statistic: statistic, degreesOfFreedom: df, pValue: p, emptyPairs: empty)
}
