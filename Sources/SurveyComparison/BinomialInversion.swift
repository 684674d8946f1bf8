// BinomialInversion.swift: binomial draws by inversion of a tabulated CDF with a guide table.

/// Binomial(n, p) variates by inverting a tabulated CDF with a guide table.
///
/// One uniform per draw; the guide table (Chen and Asau 1974) jumps to the right neighbourhood,
/// so a draw costs O(1) expected comparisons. Used by the power simulation, where millions of draws share a few (n, p) pairs
/// and the O(n) setup is paid once (not public API).
///
/// The draw for uniform `u` is the smallest k with `u < F(k)`; `F(n)` is taken as 1, so the
/// distribution is exact up to the rounding of the tabulated CDF (≤ n·2⁻⁵³).
///
/// Reference: H.-C. Chen and Y. Asau (1974), "On generating random variates from an empirical
/// distribution", *AIIE Transactions* 6(2), 163–166; L. Devroye (1986), *Non-Uniform Random
/// Variate Generation*, §III.2.
struct BinomialInversion: Sendable {
  let cdf: [Double]
  let guide: [Int32]
  let guideScale: Double

  /// - Precondition: `n ≥ 0`, `0 ≤ p ≤ 1`.
  /// - Complexity: O(n) setup.
  init(n: Int, p: Double) {
    let pmf = TwoProportionPower.binomialPMF(n: n, p: p)
    var c = [Double](repeating: 0, count: n + 1)
    var acc = 0.0
    for k in 0...n {
      acc += pmf[k]
      c[k] = acc
    }
    c[n] = 1
    cdf = c
    let m = n + 1
    var g = [Int32](repeating: 0, count: m)
    var k = 0
    for j in 0..<m {
      let threshold = Double(j) / Double(m)
      while k < n && c[k] <= threshold { k += 1 }
      g[j] = Int32(k)
    }
    guide = g
    guideScale = Double(m)
  }

  /// The draw for a uniform `u` in [0, 1).
  @inline(__always)
  func value(for u: Double) -> Int {
    cdf.withUnsafeBufferPointer { c in
      guide.withUnsafeBufferPointer { g in
        var k = Int(g[min(Int(u * guideScale), g.count - 1)])
        let last = c.count - 1
        while k < last && c[k] <= u { k += 1 }
        return k
      }
    }
  }
}
