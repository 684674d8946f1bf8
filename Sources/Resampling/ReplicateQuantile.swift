// ReplicateQuantile.swift: the quantile convention for bootstrap replicates (Hyndman–Fan type 7).

/// Sorted replicate values with multiplicities, and their quantiles.
///
/// The convention is Hyndman & Fan (1996) type 7, numpy's `linear` method and SciPy's choice for
/// bootstrap intervals: for B sorted values x₀ ≤ … ≤ x_{B−1} and probability p, the virtual index
/// is h = B·p + (1 − p) − 1 (= (B − 1)p, written as numpy computes it), j = ⌊h⌋, g = h − j, and
/// Q(p) = x_j + g·(x_{j+1} − x_j) (numpy's `_lerp`, evaluated from the upper end when g ≥ 0.5).
/// R `boot` differs: it interpolates between order statistics (B + 1)p on the normal scale
/// (`norm.inter`), so its endpoints differ from these by Monte Carlo noise.
///
/// Values are stored as distinct sorted values with counts, so a lattice-valued distribution of
/// a million replicates costs only as much as its number of distinct values.
///
/// Reference: R. J. Hyndman and Y. Fan, "Sample quantiles in statistical packages",
/// *The American Statistician* 50 (1996) 361–365.
public struct ReplicateQuantile: Sendable, Equatable {
  /// Distinct values, ascending.
  public let values: [Double]
  /// `cumulative[i]` = number of replicates ≤ `values[i]`.
  public let cumulative: [Int]

  /// The number of replicates.
  public var count: Int { cumulative.last ?? 0 }

  /// Builds the distribution from replicate values (all must be finite).
  ///
  /// - Complexity: O(B log B).
  public init(_ replicates: [Double]) {
    let sorted = replicates.sorted()
    var v: [Double] = []
    var c: [Int] = []
    v.reserveCapacity(sorted.count)
    c.reserveCapacity(sorted.count)
    for (i, x) in sorted.enumerated() {
      if let last = v.last, last == x {
        c[c.count - 1] = i + 1
      } else {
        v.append(x)
        c.append(i + 1)
      }
    }
    values = v
    cumulative = c
  }

  /// Builds the distribution from distinct values and their counts (any order; counts > 0).
  ///
  /// - Complexity: O(k log k) for k distinct values.
  public init(values: [Double], counts: [Int]) {
    precondition(values.count == counts.count, "values and counts must have equal length")
    let order = values.indices.filter { counts[$0] > 0 }.sorted { values[$0] < values[$1] }
    var v: [Double] = []
    var c: [Int] = []
    var total = 0
    for i in order {
      total += counts[i]
      if let last = v.last, last == values[i] {
        c[c.count - 1] = total
      } else {
        v.append(values[i])
        c.append(total)
      }
    }
    self.values = v
    self.cumulative = c
  }

  /// Wraps distinct ascending values and their cumulative counts (already in this form).
  init(ascendingValues values: [Double], cumulative: [Int]) {
    self.values = values
    self.cumulative = cumulative
  }

  /// The order statistic of 0-based rank `r` (0 ≤ r < count).
  ///
  /// - Complexity: O(log k).
  public func orderStatistic(_ r: Int) -> Double {
    precondition(r >= 0 && r < count, "rank out of range")
    var lo = 0
    var hi = cumulative.count - 1
    while lo < hi {
      let mid = (lo + hi) / 2
      if cumulative[mid] > r { hi = mid } else { lo = mid + 1 }
    }
    return values[lo]
  }

  /// The virtual index h of probability p (type 7, numpy's arithmetic).
  public func virtualIndex(_ p: Double) -> Double { Self.virtualIndex(p, count: count) }

  /// The virtual index h of probability p among `count` replicates (type 7, numpy's
  /// arithmetic).
  static func virtualIndex(_ p: Double, count: Int) -> Double {
    let n = Double(count)
    return n * p + (1 - p) - 1
  }

  /// Where ``quantile(_:)`` reads among `count` replicates: the lower rank j (0-based) and the
  /// weight g of rank j + 1, or nil when it reads nothing (no replicates, p NaN).
  static func quantilePosition(_ p: Double, count n: Int) -> (rank: Int, weight: Double)? {
    if n == 0 || p.isNaN { return nil }
    let h = min(max(virtualIndex(p, count: n), 0), Double(n - 1))
    let j = Int(h.rounded(.down))
    return (j, h - Double(j))
  }

  /// The 0-based ranks whose order statistics ``quantile(_:)`` reads among `count`
  /// replicates: what a selection must find to reproduce it without storing the replicates.
  static func quantileRanks(_ p: Double, count n: Int) -> [Int] {
    guard let (j, _) = quantilePosition(p, count: n) else { return [] }
    return j + 1 < n ? [j, j + 1] : [j]
  }

  /// The type-7 quantile at probability `p` in [0, 1].
  ///
  /// - Complexity: O(log k).
  public func quantile(_ p: Double) -> Double {
    let n = count
    guard let (j, g) = Self.quantilePosition(p, count: n) else { return .nan }
    let a = orderStatistic(j)
    if j + 1 >= n { return a }
    let b = orderStatistic(j + 1)
    return ReplicateQuantile.lerp(a, b, g)
  }

  /// numpy's `_lerp`: a + (b − a)·t, evaluated as b − (b − a)(1 − t) when t ≥ 0.5.
  @inlinable
  public static func lerp(_ a: Double, _ b: Double, _ t: Double) -> Double {
    let d = b - a
    return t >= 0.5 ? b - d * (1 - t) : a + d * t
  }

  /// Whether the quantile at `p` interpolates with the smallest or the largest value.
  public func touchesExtreme(_ p: Double) -> Bool {
    let h = virtualIndex(p)
    return h < 1 || h > Double(count - 2)
  }

  /// The number of replicates strictly below `x` and equal to `x`.
  ///
  /// - Complexity: O(log k).
  public func rank(of x: Double) -> (below: Int, equal: Int) {
    var lo = 0
    var hi = values.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if values[mid] < x { lo = mid + 1 } else { hi = mid }
    }
    let below = lo == 0 ? 0 : cumulative[lo - 1]
    let equal = lo < values.count && values[lo] == x ? cumulative[lo] - below : 0
    return (below, equal)
  }

  /// Monte Carlo standard error of the quantile at `p`: half the distance between the
  /// quantiles at p ± √(p(1 − p)/B) (the order-statistic interval of one binomial standard
  /// deviation; Efron & Tibshirani 1993, §19.3; Hall & Sheather 1988).
  public func monteCarloError(_ p: Double) -> Double {
    let n = count
    if n < 2 || p.isNaN { return .nan }
    guard let (lo, hi, d) = Self.monteCarloProbabilities(p, count: n) else { return 0 }
    return (quantile(hi) - quantile(lo)) / (hi - lo) * d
  }

  /// The probabilities p ∓ d, d = √(p(1 − p)/B), whose quantiles ``monteCarloError(_:)``
  /// reads among B = `count` ≥ 2 replicates, or nil when it reads none.
  static func monteCarloProbabilities(_ p: Double, count n: Int) -> (
    lower: Double, upper: Double, halfWidth: Double
  )? {
    if n < 2 || p.isNaN { return nil }
    let d = (p * (1 - p) / Double(n)).squareRoot()
    let lo = max(0, p - d)
    let hi = min(1, p + d)
    return hi <= lo ? nil : (lo, hi, d)
  }

  /// The 0-based ranks whose order statistics ``quantile(_:)`` and ``monteCarloError(_:)`` at
  /// `p` read among `count` replicates.
  static func ranksRead(_ p: Double, count n: Int) -> [Int] {
    var ranks = quantileRanks(p, count: n)
    if let (lo, hi, _) = monteCarloProbabilities(p, count: n) {
      ranks += quantileRanks(lo, count: n) + quantileRanks(hi, count: n)
    }
    return ranks
  }
}
