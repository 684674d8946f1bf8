// BinomialTable.swift: binomial draws by inversion of a tabulated CDF with a guide table.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

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
    let g = max(1024, 4 * (n + 1))  // a scan step is needed for ≈ (n + 1)/g of draws
    var guide = [Int32](repeating: 0, count: g)
    var k = 0
    for j in 0..<g {
      let u = Double(j) / Double(g)
      while c[k] <= u { k += 1 }
      guide[j] = Int32(k)
    }
    self.guide = guide
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
