// SpearmanCorrelation.swift: Spearman's rank correlation of a resample given as counts.

/// Spearman's ρ of paired data: Pearson's r of the midranks (R `cor(method = "spearman")`,
/// SciPy `spearmanr`), evaluated for a resample given as counts over the original pairs.
///
/// A resample holding pair i cᵢ times ranks its values among the n drawn values: the observations
/// are pre-sorted once per column, so the resample's midranks are one O(n) cumulative walk over
/// the tie groups (a value with multiplicity m starting after `below` drawn values has midrank
/// below + (m + 1)/2); no per-replicate sort.
struct SpearmanRanks: Sendable {
  let n: Int
  /// Observation indices ascending by x, and the start of each tie group (plus n at the end).
  let orderX: [Int32]
  let groupsX: [Int32]
  let orderY: [Int32]
  let groupsY: [Int32]

  init(_ x: [Double], _ y: [Double]) {
    n = x.count
    (orderX, groupsX) = Self.order(x)
    (orderY, groupsY) = Self.order(y)
  }

  static func order(_ v: [Double]) -> ([Int32], [Int32]) {
    let order = v.indices.sorted { v[$0] < v[$1] || (v[$0] == v[$1] && $0 < $1) }
    var groups: [Int32] = []
    for (k, i) in order.enumerated() where k == 0 || v[order[k - 1]] != v[i] {
      groups.append(Int32(k))
    }
    groups.append(Int32(v.count))
    return (order.map { Int32($0) }, groups)
  }

  /// Midranks of the resample with counts `c[i * stride]`, written to `ranks` (entries of
  /// observations drawn 0 times are left as they are).
  @inline(__always)
  static func midranks(
    order: [Int32], groups: [Int32], counts c: UnsafePointer<Double>, stride: Int,
    into ranks: inout [Double]
  ) {
    var below = 0.0
    for g in 0..<(groups.count - 1) {
      let lo = Int(groups[g])
      let hi = Int(groups[g + 1])
      var m = 0.0
      for k in lo..<hi { m += c[Int(order[k]) * stride] }
      let r = below + (m + 1) / 2
      for k in lo..<hi { ranks[Int(order[k])] = r }
      below += m
    }
  }

  /// ρ of the resample with counts `c[i * stride]` (Σ c = n); NaN when a column's resample is
  /// constant.
  func rho(
    counts c: UnsafePointer<Double>, stride: Int, rx: inout [Double], ry: inout [Double]
  ) -> Double {
    Self.midranks(order: orderX, groups: groupsX, counts: c, stride: stride, into: &rx)
    Self.midranks(order: orderY, groups: groupsY, counts: c, stride: stride, into: &ry)
    let total = (0..<n).reduce(0.0) { $0 + c[$1 * stride] }
    let shift = (total + 1) / 2
    var s = PearsonCorrelation.CenteredSums()
    var w = 0.0
    var sxx = 0.0
    var syy = 0.0
    var sxy = 0.0
    for i in 0..<n {
      let ci = c[i * stride]
      if ci == 0 { continue }
      let dx = rx[i] - shift
      let dy = ry[i] - shift
      w += ci
      s.sx += ci * dx
      s.sy += ci * dy
      sxx += ci * dx * dx
      syy += ci * dy * dy
      sxy += ci * dx * dy
    }
    return PearsonCorrelation.fromSums(w, s.sx, s.sy, sxx, syy, sxy)
  }

  /// ρ of the original data.
  func estimate() -> Double {
    let ones = [Double](repeating: 1, count: n)
    var rx = ones
    var ry = ones
    return ones.withUnsafeBufferPointer { b in
      guard let c = b.baseAddress else { return .nan }
      return rho(counts: c, stride: 1, rx: &rx, ry: &ry)
    }
  }

  /// Leave-one-out ρ for every pair (each an O(n) re-ranking).
  ///
  /// - Complexity: O(n²).
  func jackknife() -> Jackknife.Values {
    var counts = [Double](repeating: 1, count: n)
    var rx = counts
    var ry = counts
    var out = [Double](repeating: 0, count: n)
    for i in 0..<n {
      counts[i] = 0
      out[i] = counts.withUnsafeBufferPointer { b in
        guard let c = b.baseAddress else { return .nan }
        return rho(counts: c, stride: 1, rx: &rx, ry: &ry)
      }
      counts[i] = 1
    }
    return Jackknife.Values(values: out, weights: [Int](repeating: 1, count: n))
  }
}
