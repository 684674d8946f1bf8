// BinomialTable.swift: binomial draws by inversion of a tabulated CDF with a guide table.
import _Platform

/// A binomial(n, p) sampler for the collapsed plan of 0/1 data: one uniform per draw, inverted
/// through a table of the CDF with a guide table (Chen & Asau 1974), so O(1) expected time.
///
/// The pmf is computed in log space (summed log-factorials), accurate to ~1e-13 relative, far
/// below the resolution that matters for sampling. Table memory is 16·(n + 1) bytes.
///
/// Reference: H.-C. Chen and Y. Asau, "On generating random variates from an empirical
/// distribution", *AIIE Transactions* 6 (1974) 163–166; L. Devroye, *Non-Uniform Random Variate
/// Generation* (1986), §III.2.4.
struct BinomialTable: Sendable {
  let cdf: [Double]
  let guide: [Int32]
  /// ⌈cdf·2⁵³⌉: for a 53-bit integer r (u = r·2⁻⁵³), cdf[k] ≤ u ⇔ cdfBits[k] ≤ r exactly.
  let cdfBits: [UInt64]
  /// Guide over 2^guideLog2 equal slices of the 53-bit range (any start ≤ the answer is valid).
  let guideBits: [Int32]
  let guideShift: UInt64

  /// A valid table for code paths that need one but never sample it.
  static let placeholder = BinomialTable(trials: 1, probability: 0.5)

  /// Largest n tabulated (larger segments use the general multinomial sampler).
  static let maximumTrials = 1 << 16

  init(trials n: Int, probability p: Double) {
    precondition(n >= 1 && p > 0 && p < 1)
    var c = [Double](repeating: 1, count: n + 1)
    let lp = log(p)
    let lq = log1p(-p)
    var lf = [Double](repeating: 0, count: n + 1)  // log k!
    for k in stride(from: 2, through: n, by: 1) { lf[k] = lf[k - 1] + log(Double(k)) }
    var acc = 0.0
    for k in 0..<n {
      let lpmf = lf[n] - lf[k] - lf[n - k] + Double(k) * lp + Double(n - k) * lq
      acc += exp(lpmf)
      c[k] = min(acc, 1)
    }
    c[n] = 1
    cdf = c
    // A scan step is needed for ≈ (n + 1)/g of draws.
    guide = Self.guideTable(c, size: max(1024, 4 * (n + 1)))
    cdfBits = c.map { UInt64(($0 * 0x1p53).rounded(.up)) }
    var log2 = 10
    while (1 << log2) < 4 * (n + 1) { log2 += 1 }
    guideBits = Self.guideTable(c, size: 1 << log2)
    guideShift = UInt64(53 - log2)
  }

  /// The guide table of `size` entries for the CDF `c` (ending in 1): entry j is the smallest k
  /// with c[k] > j / size, where the search for a uniform in [j/size, (j+1)/size) starts.
  static func guideTable(_ c: [Double], size g: Int) -> [Int32] {
    var guide = [Int32](repeating: 0, count: g)
    var k = 0
    for j in 0..<g {
      let u = Double(j) / Double(g)
      while c[k] <= u { k += 1 }
      guide[j] = Int32(k)
    }
    return guide
  }

  /// The draw for the 53-bit integer r (u = r·2⁻⁵³): the same result as ``sample(_:)``.
  @inline(__always)
  static func sample(
    bits r: UInt64, cdf: UnsafeBufferPointer<UInt64>, guide: UnsafeBufferPointer<Int32>,
    shift: UInt64
  ) -> Int {
    var k = Int(guide[Int(truncatingIfNeeded: r &>> shift)])
    while cdf[k] <= r { k &+= 1 }
    return k
  }

  /// The draw for uniform u in [0, 1).
  @inline(__always)
  func sample(_ u: Double) -> Int {
    cdf.withUnsafeBufferPointer { c in
      var k = Int(guide[Int(u * Double(guide.count))])
      while c[k] <= u { k += 1 }
      return k
    }
  }
}
