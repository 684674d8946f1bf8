// _InversionTable.swift: discrete inversion with a cumulative table and a guide table
// (Chen & Asau 1974), shared by the binomial, Poisson and hypergeometric samplers.

/// Inversion of a discrete distribution on `offset ..< offset + cdf.count` (not public API).
///
/// `cdf` is normalised so that its last entry is exactly 1; `guide[j]` is the smallest index
/// `k` with `cdf[k] > j / guide.count`, and `guide.count` is a power of two so that
/// `Int(u · guide.count)` is exact. Sampling returns the smallest `k` with `u < cdf[k]`, which is
/// exact inversion of the tabulated distribution; the guide makes the expected search O(1).
///
/// Reference: H.-C. Chen, Y. Asau (1974), "On generating random variates from an empirical
/// distribution", AIIE Transactions 6(2).
@usableFromInline
internal struct _InversionTable: Sendable {
  @usableFromInline let offset: Int
  @usableFromInline let cdf: [Double]
  @usableFromInline let guide: [Int]
  @usableFromInline let guideScale: Double

  /// A one-value placeholder for samplers that use another method.
  static let unused = _InversionTable(offset: 0, weights: [1])

  /// Builds the table from unnormalised weights for the values `offset ..< offset + weights.count`.
  init(offset: Int, weights: [Double]) {
    precondition(!weights.isEmpty)
    var cdf = [Double](repeating: 0, count: weights.count)
    var sum = 0.0
    for (k, w) in weights.enumerated() {
      sum += w
      cdf[k] = sum
    }
    for k in cdf.indices { cdf[k] /= sum }
    cdf[cdf.count - 1] = 1
    var size = 1
    while size < weights.count { size <<= 1 }
    var guide = [Int](repeating: 0, count: size)
    var k = 0
    for j in 0..<size {
      let level = Double(j) / Double(size)
      while cdf[k] <= level { k += 1 }
      guide[j] = k
    }
    self.offset = offset
    self.cdf = cdf
    self.guide = guide
    self.guideScale = Double(size)
  }

  /// Tabulates a unimodal pmf outward from its mode, given the ratio p(k + 1) / p(k), stopping
  /// in each direction at the support's end or once terms fall below 1e-20 of p(mode) (the
  /// dropped mass is then below about 1e-19 of the total, under the resolution of a 53-bit
  /// uniform).
  init(mode: Int, lower: Int, upper: Int, ratio: (Int) -> Double) {
    var below: [Double] = []
    var w = 1.0
    var k = mode
    while k > lower {
      w /= ratio(k - 1)
      if !(w >= 1e-20) { break }
      below.append(w)
      k -= 1
    }
    var weights = Array(below.reversed())
    let start = mode - below.count
    weights.append(1)
    w = 1.0
    k = mode
    while k < upper {
      w *= ratio(k)
      if !(w >= 1e-20) { break }
      weights.append(w)
      k += 1
    }
    self.init(offset: start, weights: weights)
  }

  /// The value whose cumulative interval contains `u` in [0, 1).
  @inlinable
  func value(for u: Double) -> Int {
    var k = guide[Int(u * guideScale)]
    while cdf[k] <= u { k += 1 }
    return offset + k
  }
}
