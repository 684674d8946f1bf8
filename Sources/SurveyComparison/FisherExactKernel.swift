// FisherExactKernel.swift: Fisher's exact test for many 2×2 tables over one log-factorial table.
import Foundation

/// Two-sided Fisher exact p-values for 2×2 tables `[[x1, n1 − x1], [x2, n2 − x2]]`, with the
/// log-factorials of `0...capacity` computed once (not public API).
///
/// The enumeration of consistent tables and the exact power computation evaluate thousands of
/// tables with the same total; a table lookup replaces every log-gamma call.
/// Two-sided rule: the sum of the probabilities of all tables with the same margins whose
/// probability is at most the observed one times `1 + 1e-7` (R `fisher.test`'s tolerance).
///
/// Reference: R. A. Fisher (1935), "The logic of inductive inference", *JRSS* 98, 39–82;
/// A. Agresti (2013), *Categorical Data Analysis*, 3rd ed., §3.5.
struct FisherExactKernel: Sendable {
  /// `logFactorial[k] = log(k!)` for k in 0...capacity.
  let logFactorial: [Double]

  /// The relative tolerance for "as probable as the observed table" (R's `relErr`).
  static let relativeTolerance = 1 + 1e-7

  /// - Parameter capacity: the largest table total that will be evaluated.
  /// - Complexity: O(capacity).
  init(capacity: Int) {
    // lgamma (C99, glibc) is accurate to a few ulp; one call per entry, once.
    logFactorial = (0...max(capacity, 1)).map { lgamma(Double($0) + 1) }
  }

  var capacity: Int { logFactorial.count - 1 }

  /// log P(X = k) for the hypergeometric distribution of cell (1,1) given the margins.
  @inline(__always)
  func logProbability(_ k: Int, n1: Int, n2: Int, m: Int) -> Double {
    let lf = logFactorial
    let total = n1 + n2
    return lf[n1] - lf[k] - lf[n1 - k] + lf[n2] - lf[m - k] - lf[n2 - m + k]
      + lf[m] + lf[total - m] - lf[total]
  }

  /// The two-sided p-value for `x1` of `n1` against `x2` of `n2`.
  /// - Precondition: `0 ≤ x1 ≤ n1`, `0 ≤ x2 ≤ n2`, `n1 + n2 ≤ capacity`.
  /// - Complexity: O(min(n1, n2) + 1).
  func twoSidedP(x1: Int, n1: Int, x2: Int, n2: Int) -> Double {
    precondition(x1 >= 0 && x1 <= n1 && x2 >= 0 && x2 <= n2 && n1 + n2 <= capacity)
    let m = x1 + x2
    let lo = max(0, m - n2)
    let hi = min(n1, m)
    if lo == hi { return 1 }
    let observed = logProbability(x1, n1: n1, n2: n2, m: m)
    let threshold = observed + log(Self.relativeTolerance)
    var p = 0.0
    for k in lo...hi {
      let lp = logProbability(k, n1: n1, n2: n2, m: m)
      if lp <= threshold { p += exp(lp) }
    }
    return min(1, p)
  }
}
