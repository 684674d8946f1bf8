// PearsonCorrelation.swift: Pearson's r for paired resampling — estimate, replicate, jackknife.

/// Pearson's correlation from shifted sums (two-pass stable: shifts are the sample means).
enum PearsonCorrelation {
  /// Running sums of shifted pairs (dx, dy): Σdx, Σdy, Σdx², Σdy², Σdx·dy.
  struct CenteredSums {
    var sx = 0.0
    var sy = 0.0
    var sxx = 0.0
    var syy = 0.0
    var sxy = 0.0

    /// Adds one shifted pair.
    @inline(__always)
    mutating func add(_ dx: Double, _ dy: Double) {
      sx += dx
      sy += dy
      sxx += dx * dx
      syy += dy * dy
      sxy += dx * dy
    }

    /// r of the `n` pairs added so far.
    func correlation(_ n: Int) -> Double {
      PearsonCorrelation.fromSums(Double(n), sx, sy, sxx, syy, sxy)
    }
  }

  /// The means of x and y and the sums of the pairs shifted by them.
  static func centered(_ x: [Double], _ y: [Double]) -> (mx: Double, my: Double, CenteredSums) {
    let n = Double(x.count)
    let mx = x.reduce(0, +) / n
    let my = y.reduce(0, +) / n
    var s = CenteredSums()
    for i in x.indices { s.add(x[i] - mx, y[i] - my) }
    return (mx, my, s)
  }

  static func r(_ x: [Double], _ y: [Double]) -> Double {
    let (_, _, s) = centered(x, y)
    return s.sxy / (s.sxx * s.syy).squareRoot()
  }

  /// r from raw sums of shifted values (n, Σx, Σy, Σx², Σy², Σxy).
  @inline(__always)
  static func fromSums(
    _ n: Double, _ sx: Double, _ sy: Double, _ sxx: Double, _ syy: Double, _ sxy: Double
  ) -> Double {
    let cxx = sxx - sx * sx / n
    let cyy = syy - sy * sy / n
    let cxy = sxy - sx * sy / n
    return cxy / (cxx * cyy).squareRoot()
  }

  /// Leave-one-out r for every pair, in closed form from the sums: O(n).
  static func jackknife(_ x: [Double], _ y: [Double]) -> Jackknife.Values {
    let n = Double(x.count)
    let (mx, my, s) = centered(x, y)
    var out = [Double](repeating: 0, count: x.count)
    for i in x.indices {
      let dx = x[i] - mx
      let dy = y[i] - my
      out[i] = fromSums(
        n - 1, s.sx - dx, s.sy - dy, s.sxx - dx * dx, s.syy - dy * dy, s.sxy - dx * dy)
    }
    return Jackknife.Values(values: out, weights: [Int](repeating: 1, count: x.count))
  }
}

extension Bootstrap {
  /// One paired replicate of r; se* (studentized) by a nested bootstrap of the drawn pairs.
  func correlationReplicate(drawer d: inout IndexDrawer, studentize: Bool, scratch: inout Scratch)
    -> (Double, Double)
  {
    let x = samples[0]
    let y = samples[1]
    let n = x.count
    let mx = groups[0].shift
    let my = groups[1].shift
    let bound = UInt32(n)
    var s = PearsonCorrelation.CenteredSums()
    for j in 0..<n {
      let i = d.index(bound)
      if studentize { scratch.expanded[0][j] = Int32(i) }
      s.add(x[i] - mx, y[i] - my)
    }
    let t = s.correlation(n)
    if !studentize { return (t, 0) }
    var vals: [Double] = []
    for _ in 0..<max(2, innerReplicates) {
      var a = PearsonCorrelation.CenteredSums()
      for _ in 0..<n {
        let i = Int(scratch.expanded[0][d.index(bound)])
        a.add(x[i] - mx, y[i] - my)
      }
      vals.append(a.correlation(n))
    }
    return (t, Self.sampleSD(vals))
  }
}
