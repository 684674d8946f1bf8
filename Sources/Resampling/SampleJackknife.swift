// SampleJackknife.swift: closed-form leave-one-out values of the one-sample statistics.

/// A sample prepared for resampling: its sorted values, distinct values and multiplicities.
struct SortedSample: Sendable {
  /// All values, ascending.
  let sorted: [Double]
  /// Distinct values, ascending.
  let distinct: [Double]
  /// Multiplicity of each distinct value.
  let multiplicity: [Int32]

  init(_ values: [Double]) {
    sorted = values.sorted()
    var v: [Double] = []
    var m: [Int32] = []
    for x in sorted {
      if let last = v.last, last == x {
        m[m.count - 1] += 1
      } else {
        v.append(x)
        m.append(1)
      }
    }
    distinct = v
    multiplicity = m
  }

  var count: Int { sorted.count }

  /// The statistic on the sample itself.
  func evaluate(_ s: SampleStatistic) -> Double {
    distinct.withUnsafeBufferPointer { vp in
      multiplicity.withUnsafeBufferPointer { cp in
        s.evaluate(
          values: vp, counts: cp, distinct: distinct.count,
          total: sorted.count)
      }
    }
  }

  /// Closed-form leave-one-out values of a statistic.
  ///
  /// Leave-one-out values, one per distinct value (weight = its multiplicity), in closed form:
  /// O(1) each from the sorted sample and its prefix sums, so O(n) in all. Removing one copy of
  /// the value with block of ranks [e − m, e) shifts order statistics of rank ≥ e − 1 by one.
  /// Returns nil when n − 1 is below the statistic's minimum sample size.
  func jackknife(_ s: SampleStatistic) -> Jackknife.Values? {
    let n = sorted.count
    guard n - 1 >= s.minimumSampleSize else { return nil }
    let k = distinct.count
    var out = [Double](repeating: 0, count: k)
    let weights = multiplicity.map { Int($0) }
    let x = sorted
    // x' (the sample without one copy at rank r): x'_j = x_j (j < r), x_{j+1} (j ≥ r).
    @inline(__always) func xp(_ j: Int, _ r: Int) -> Double { j < r ? x[j] : x[j + 1] }
    var ends = [Int](repeating: 0, count: k)
    var acc = 0
    for i in 0..<k {
      acc += Int(multiplicity[i])
      ends[i] = acc
    }
    let m = n - 1
    switch s {
    case .mean, .proportion, .sum:
      var total = 0.0
      for i in 0..<k { total += Double(multiplicity[i]) * distinct[i] }
      for i in 0..<k {
        out[i] = s == .sum ? total - distinct[i] : (total - distinct[i]) / Double(m)
      }
    case .median:
      let j = (m - 1) / 2
      for i in 0..<k {
        let r = ends[i] - 1
        let a = xp(j, r)
        out[i] = m % 2 == 1 ? a : midpoint(a, xp(j + 1, r))
      }
    case .quantile(let q):
      let h = Double(m) * q + (1 - q) - 1
      let j = min(max(Int(h.rounded(.down)), 0), m - 1)
      let g = h - Double(j)
      for i in 0..<k {
        let r = ends[i] - 1
        let a = xp(j, r)
        out[i] = j + 1 >= m ? a : ReplicateQuantile.lerp(a, xp(j + 1, r), g)
      }
    case .trimmedMean(let f):
      var prefix = [Double](repeating: 0, count: n + 1)
      for j in 0..<n { prefix[j + 1] = prefix[j] + x[j] }
      let g = Int(f * Double(m))
      let lo = g
      let hi = m - g
      for i in 0..<k {
        let r = ends[i] - 1
        // Σ_{j=lo}^{hi-1} x'_j with the shift at r.
        let sum: Double
        if hi <= r {
          sum = prefix[hi] - prefix[lo]
        } else if lo >= r {
          sum = prefix[hi + 1] - prefix[lo + 1]
        } else {
          sum = (prefix[r] - prefix[lo]) + (prefix[hi + 1] - prefix[r + 1])
        }
        out[i] = sum / Double(hi - lo)
      }
    case .standardDeviation:
      var total = 0.0
      for i in 0..<k { total += Double(multiplicity[i]) * distinct[i] }
      let shift = total / Double(n)
      var s1 = 0.0
      var s2 = 0.0
      for i in 0..<k {
        let d = distinct[i] - shift
        s1 += Double(multiplicity[i]) * d
        s2 += Double(multiplicity[i]) * d * d
      }
      for i in 0..<k {
        let d = distinct[i] - shift
        let a1 = s1 - d
        let a2 = s2 - d * d
        let v = (a2 - a1 * a1 / Double(m)) / Double(m - 1)
        out[i] = max(v, 0).squareRoot()
      }
    case .skewness, .kurtosis:
      // Power sums of d = x − mean, less one copy of d, re-centred on the leave-one-out mean.
      var total = 0.0
      for i in 0..<k { total += Double(multiplicity[i]) * distinct[i] }
      let shift = total / Double(n)
      var p = (0.0, 0.0, 0.0, 0.0)
      for i in 0..<k {
        let d = distinct[i] - shift
        let w = Double(multiplicity[i])
        p.0 += w * d
        p.1 += w * d * d
        p.2 += w * d * d * d
        p.3 += w * d * d * d * d
      }
      let mm = Double(m)
      for i in 0..<k {
        let d = distinct[i] - shift
        let b1 = (p.0 - d) / mm
        let b2 = (p.1 - d * d) / mm
        let b3 = (p.2 - d * d * d) / mm
        let b4 = (p.3 - d * d * d * d) / mm
        let c2 = b2 - b1 * b1
        let c3 = b3 - 3 * b1 * b2 + 2 * b1 * b1 * b1
        let c4 = b4 - 4 * b1 * b3 + 6 * b1 * b1 * b2 - 3 * b1 * b1 * b1 * b1
        out[i] = SampleStatistic.shapeFromCentralSums(s, c2 * mm, c3 * mm, c4 * mm, n: mm)
      }
    }
    return Jackknife.Values(values: out, weights: weights)
  }
}
