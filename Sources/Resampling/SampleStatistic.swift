// SampleStatistic.swift: statistics of one sample, evaluated from counts over sorted values.

/// A statistic of one sample.
///
/// Every statistic here is evaluated from a resample's *counts* over the sample's sorted distinct
/// values (O(k) for k distinct values), so collapsed (multinomial) resampling and multiplicity
/// counting need no sort: a median is a cumulative scan to rank n/2, not a sort of n values.
///
/// Conventions: `median` is numpy's (mean of the two middle values for even n); `quantile(q)` is
/// Hyndman–Fan type 7; `trimmedMean(f)` cuts ⌊f·n⌋ observations from each end (SciPy
/// `trim_mean`); `standardDeviation` uses divisor n − 1 (R `sd`, numpy `ddof=1`); `proportion`
/// is the mean of 0/1 data; `skewness` is the moment coefficient g₁ = m₃/m₂^{3/2} and `kurtosis`
/// the excess kurtosis g₂ = m₄/m₂² − 3, both with divisor n (SciPy `skew`/`kurtosis` defaults,
/// `bias=True`; NaN for a constant resample).
public enum SampleStatistic: Sendable, Hashable {
  case mean
  case sum
  case proportion
  case median
  case quantile(Double)
  case trimmedMean(Double)
  case standardDeviation
  case skewness
  case kurtosis

  /// A short name (`"mean"`, `"quantile(0.9)"`).
  public var name: String {
    switch self {
    case .mean: return "mean"
    case .sum: return "sum"
    case .proportion: return "proportion"
    case .median: return "median"
    case .quantile(let q): return "quantile(\(q))"
    case .trimmedMean(let f): return "trimmed mean(\(f))"
    case .standardDeviation: return "standard deviation"
    case .skewness: return "skewness"
    case .kurtosis: return "kurtosis"
    }
  }

  /// Whether the statistic is linear in the counts (a weighted sum of the observations).
  public var isLinear: Bool {
    switch self {
    case .mean, .sum, .proportion: return true
    default: return false
    }
  }

  /// The smallest sample size on which the statistic is defined.
  var minimumSampleSize: Int {
    switch self {
    case .standardDeviation, .skewness, .kurtosis: return 2
    default: return 1
    }
  }

  /// Whether the parameter is in its domain: a quantile's probability in [0, 1], a trimmed mean's
  /// fraction in [0, 0.5) (``Bootstrap`` refuses the others with an `InputError`).
  var hasValidParameter: Bool {
    switch self {
    case .quantile(let q): return q >= 0 && q <= 1
    case .trimmedMean(let f): return f >= 0 && f < 0.5
    default: return true
    }
  }

  /// Evaluates the statistic on plain values (any order).
  ///
  /// Returns NaN for fewer values than the statistic needs (0, or 1 for a standard deviation)
  /// and for a parameter outside its domain (a quantile's probability outside [0, 1], a trimmed
  /// mean's fraction outside [0, 0.5), NaN): it would index outside the sample (or trap
  /// converting a huge or NaN position to `Int`).
  ///
  /// - Complexity: O(n log n).
  public func evaluate(_ values: [Double]) -> Double {
    guard values.count >= minimumSampleSize, hasValidParameter else { return .nan }
    return SortedSample(values).evaluate(self)
  }

  /// Evaluates the statistic from counts over sorted distinct values.
  ///
  /// - Parameters:
  ///   - values: `distinct` sorted values.
  ///   - counts: how many times each value occurs in the (re)sample; zeros allowed.
  ///   - total: Σ counts (> 0).
  @inline(__always)
  func evaluate(
    values v: UnsafeBufferPointer<Double>, counts c: UnsafeBufferPointer<Int32>, distinct k: Int,
    total n: Int
  ) -> Double {
    switch self {
    case .mean, .proportion:
      var s = 0.0
      for i in 0..<k { s += Double(c[i]) * v[i] }
      return s / Double(n)
    case .sum:
      var s = 0.0
      for i in 0..<k { s += Double(c[i]) * v[i] }
      return s
    case .median, .quantile:
      let j = orderStatisticRank(total: n)
      let (a, b) = Self.orderStatisticPair(j, v, c, k)
      return combineOrderStatistics(a, b, rank: j, total: n)
    case .trimmedMean(let f):
      let g = Int(f * Double(n))
      let lo = g
      let hi = n - g
      var s = 0.0
      var start = 0
      for i in 0..<k {
        let end = start + Int(c[i])
        let a = max(start, lo)
        let b = min(end, hi)
        if b > a { s += Double(b - a) * v[i] }
        start = end
        if start >= hi { break }
      }
      return s / Double(hi - lo)
    case .standardDeviation:
      var s = 0.0
      for i in 0..<k { s += Double(c[i]) * v[i] }
      let m = s / Double(n)
      var ss = 0.0
      for i in 0..<k {
        let d = v[i] - m
        ss += Double(c[i]) * d * d
      }
      return (ss / Double(n - 1)).squareRoot()
    case .skewness, .kurtosis:
      var s = 0.0
      for i in 0..<k { s += Double(c[i]) * v[i] }
      let m = s / Double(n)
      var a2 = 0.0
      var a3 = 0.0
      var a4 = 0.0
      for i in 0..<k {
        let d = v[i] - m
        let w = Double(c[i]) * d * d
        a2 += w
        a3 += w * d
        a4 += w * d * d
      }
      return Self.shapeFromCentralSums(self, a2, a3, a4, n: Double(n))
    }
  }

  /// g₁ or g₂ from the central sums Σd², Σd³, Σd⁴ of n values (NaN when Σd² = 0).
  @inline(__always)
  static func shapeFromCentralSums(
    _ s: SampleStatistic, _ a2: Double, _ a3: Double, _ a4: Double, n: Double
  ) -> Double {
    let m2 = a2 / n
    guard m2 > 0 else { return .nan }
    if s == .skewness { return (a3 / n) / (m2 * m2.squareRoot()) }
    return (a4 / n) / (m2 * m2) - 3
  }

  /// For an order statistic (median, quantile): the 0-based rank j such that the statistic is a
  /// function of the order statistics of ranks j and j + 1; for the others, 0.
  @inline(__always)
  func orderStatisticRank(total n: Int) -> Int {
    switch self {
    case .median: return (n - 1) / 2
    case .quantile(let q):
      let h = Double(n) * q + (1 - q) - 1
      return min(max(Int(h.rounded(.down)), 0), n - 1)
    default: return 0
    }
  }

  /// Whether the statistic is a function of two adjacent order statistics.
  var isOrderStatistic: Bool {
    switch self {
    case .median, .quantile: return true
    default: return false
    }
  }

  /// The median (numpy's) or type-7 quantile from the order statistics a, b of ranks j, j + 1.
  @inline(__always)
  func combineOrderStatistics(_ a: Double, _ b: Double, rank j: Int, total n: Int) -> Double {
    switch self {
    case .median: return n % 2 == 1 ? a : midpoint(a, b)
    case .quantile(let q):
      let g = (Double(n) * q + (1 - q) - 1) - Double(j)
      return j + 1 >= n ? a : ReplicateQuantile.lerp(a, b, g)
    default: return a
    }
  }

  /// The order statistics of 0-based ranks j and j + 1 (the second clamped to the last).
  @inline(__always)
  static func orderStatisticPair(
    _ j: Int, _ v: UnsafeBufferPointer<Double>, _ c: UnsafeBufferPointer<Int32>, _ k: Int
  ) -> (Double, Double) {
    orderStatisticPair(j, items: k, count: { c[$0] }, value: { v[$0] })
  }

  /// The order statistics of 0-based ranks j and j + 1 (the second clamped to the largest) of a
  /// resample given as counts over k items in ascending order of value: the one walk behind the
  /// distinct-value scan and ``RankOrder``.
  ///
  /// - Precondition: Σ counts > j.
  @inline(__always)
  static func orderStatisticPair(
    _ j: Int, items k: Int, count: (Int) -> Int32, value: (Int) -> Double
  ) -> (Double, Double) {
    var cum = 0
    var i = 0
    while i < k {
      cum &+= Int(count(i))
      if cum > j { break }
      i &+= 1
    }
    if i >= k { return (value(k - 1), value(k - 1)) }
    let a = value(i)
    if cum > j + 1 { return (a, a) }
    var i2 = i + 1
    while i2 < k && count(i2) == 0 { i2 &+= 1 }
    return (a, i2 < k ? value(i2) : a)
  }

}

/// (a + b)/2, or a/2 + b/2 when the sum overflows (values near ±1.8e308); bit-identical to
/// (a + b)/2 whenever that is finite.
@inlinable
func midpoint(_ a: Double, _ b: Double) -> Double {
  let m = (a + b) / 2
  return m.isFinite || !a.isFinite || !b.isFinite ? m : a / 2 + b / 2
}
