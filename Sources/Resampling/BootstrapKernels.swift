// BootstrapKernels.swift: one replicate — drawing counts or sums and evaluating the statistic.
import RandomStreams

extension Bootstrap {
  /// Indices drawn per batch by the gather-sum kernel (a multiple of four, so the four
  /// accumulators see the same draws as one pass).
  static var gatherBatch: Int { 256 }

  /// Combines per-sample values into the statistic (``BootstrapStatistic/combine(_:_:)``).
  @inline(__always)
  func combine(_ a: Double, _ b: Double) -> Double { statistic.combine(a, b) }

  /// Combines per-sample standard errors (``BootstrapStatistic/combineStandardErrors(_:_:_:_:)``).
  @inline(__always)
  func combineSE(_ a: Double, _ sa: Double, _ b: Double, _ sb: Double) -> Double {
    statistic.combineStandardErrors(a, sa, b, sb)
  }

  /// The standard error of a linear statistic from Σ_h n_h·var_h (stratum variances).
  @inline(__always)
  static func linearSE(_ s: SampleStatistic, weightedVariance v: Double, n: Int) -> Double {
    s == .sum ? v.squareRoot() : v.squareRoot() / Double(n)
  }

  /// n_h·var_h from shifted sums (0 for a single observation).
  @inline(__always)
  static func segmentVariance(_ s1: Double, _ s2: Double, _ n: Int) -> Double {
    guard n > 1 else { return 0 }
    let v = (s2 - s1 * s1 / Double(n)) / Double(n - 1)
    return Double(n) * max(v, 0)
  }

  var hasClosedFormStandardError: Bool {
    switch statistic {
    case .sample(let s), .difference(let s), .ratio(let s): return s.isLinear
    default: return false
    }
  }

  /// One replicate: (θ*, se*) (se* = 0 unless `studentize`).
  func replicate(drawer d: inout IndexDrawer, studentize: Bool, scratch: inout Scratch)
    -> (Double, Double)
  {
    switch statistic {
    case .sample(let s), .difference(let s), .ratio(let s):
      var e = GroupEstimates()
      let nested = studentize && !s.isLinear
      for g in groups.indices {
        let (t, v) = drawGroup(
          g, s, drawer: &d, moments: studentize && s.isLinear,
          record: nested, scratch: &scratch)
        e.record(g, estimate: t, standardError: v)
      }
      let t = e.estimate(statistic)
      if !studentize { return (t, 0) }
      if !nested { return (t, e.standardError(statistic)) }
      return (t, nestedSE(s, drawer: &d, scratch: &scratch))
    case .correlation:
      return correlationReplicate(drawer: &d, studentize: studentize, scratch: &scratch)
    case .custom(_, let f):
      materialize(drawer: &d, scratch: &scratch)
      let t = f(scratch.materialized)
      if !studentize { return (t, 0) }
      return (t, nestedCustomSE(f, drawer: &d, scratch: &scratch))
    case .weighted(_, let f):
      for g in groups.indices {
        fillCounts(g, drawer: &d, record: studentize, moments: false, scratch: &scratch)
      }
      let t = f(weightedSamples(scratch.counts))
      if !studentize { return (t, 0) }
      return (t, nestedWeightedSE(f, drawer: &d, scratch: &scratch))
    }
  }

  /// Draws group g and evaluates s on it; returns (θ_g, se_g when `moments`).
  @inline(__always)
  func drawGroup(
    _ g: Int, _ s: SampleStatistic, drawer d: inout IndexDrawer, moments: Bool, record: Bool,
    scratch: inout Scratch
  ) -> (Double, Double) {
    let group = groups[g]
    if s.isLinear && !record && group.segments.allSatisfy({ !$0.collapse.isCollapsed }) {
      // Gather-sum kernel: no counts vector at all.
      var total = 0.0
      var weighted = 0.0
      for seg in group.segments {
        let bound = Bound(UInt32(seg.size))
        let size = seg.size
        let shift = group.shift
        seg.values.withUnsafeBufferPointer { xb in
          let x = xb  // segments are non-empty (validated)
          var rng = d
          if moments {
            var s1 = 0.0
            var s2 = 0.0
            var sum = 0.0
            for _ in 0..<size {
              let v = x[rng.index(bound)]
              sum += v
              let dv = v - shift
              s1 += dv
              s2 += dv * dv
            }
            total += sum
            weighted += Self.segmentVariance(s1, s2, size)
          } else {
            // Four accumulators, draw i to s_{i mod 4} (a fixed order, so a fixed sum), quarter
            // the add dependency chain; they are locals of the closure (captured ones would live
            // in memory). Indices come in batches of a multiple of four, small enough that
            // summing one batch overlaps drawing the next.
            total += scratch.indices.withUnsafeMutableBufferPointer { ib -> Double in
              guard let idx = ib.baseAddress else { return 0 }
              var s0 = 0.0
              var s1 = 0.0
              var s2 = 0.0
              var s3 = 0.0
              var done = 0
              while done < size {
                let m = min(Self.gatherBatch, size - done)
                rng.fillIndices(m, bound, into: idx)
                var j = 0
                while j + 3 < m {
                  s0 += x[Int(idx[j])]
                  s1 += x[Int(idx[j + 1])]
                  s2 += x[Int(idx[j + 2])]
                  s3 += x[Int(idx[j + 3])]
                  j += 4
                }
                if j < m { s0 += x[Int(idx[j])] }
                if j + 1 < m { s1 += x[Int(idx[j + 1])] }
                if j + 2 < m { s2 += x[Int(idx[j + 2])] }
                done += m
              }
              return (s0 + s1) + (s2 + s3)
            }
          }
          d = rng
        }
      }
      let t = s == .sum ? total : total / Double(group.n)
      return (t, moments ? Self.linearSE(s, weightedVariance: weighted, n: group.n) : 0)
    }
    if let order = group.rankOrder, s.isOrderStatistic, !record, !moments {
      // Order statistic: count draws per observation (no positions lookup), then walk the
      // observations in value order (RankOrder).
      let j = s.orderStatisticRank(total: group.n)
      let (a, b) = scratch.observationCounts[g].withUnsafeMutableBufferPointer {
        oc -> (Double, Double) in
        scratch.indices.withUnsafeMutableBufferPointer { ib -> (Double, Double) in
          guard let cp = oc.baseAddress, let idx = ib.baseAddress else { return (.nan, .nan) }
          for i in 0..<oc.count { cp[i] = 0 }
          for seg in group.segments {
            d.fillIndices(seg.size, Bound(UInt32(seg.size)), into: idx)
            let base = cp + seg.offset
            for i in 0..<seg.size { base[Int(idx[i])] &+= 1 }
          }
          return order.pair(j, counts: cp)
        }
      }
      return (s.combineOrderStatistics(a, b, rank: j, total: group.n), 0)
    }
    let weighted = fillCounts(g, drawer: &d, record: record, moments: moments, scratch: &scratch)
    let t = scratch.counts[g].withUnsafeBufferPointer { c in
      group.sample.distinct.withUnsafeBufferPointer { v in
        s.evaluate(
          values: v, counts: c, distinct: group.distinctCount,
          total: group.n)
      }
    }
    return (t, moments ? Self.linearSE(s, weightedVariance: weighted, n: group.n) : 0)
  }

  /// Draws one resample's counts for group `g`.
  ///
  /// Fills scratch.counts[g] with one resample's counts; with `record`, also the drawn
  /// positions per segment in scratch.expanded[g]. Returns Σ_h n_h·var_h when `moments`.
  @discardableResult
  func fillCounts(
    _ g: Int, drawer d: inout IndexDrawer, record: Bool, moments: Bool, scratch: inout Scratch
  ) -> Double {
    let group = groups[g]
    let distinct = group.sample.distinct
    var weighted = 0.0
    scratch.counts[g].withUnsafeMutableBufferPointer { c in
      for i in 0..<c.count { c[i] = 0 }
      for (si, seg) in group.segments.enumerated() {
        switch seg.collapse {
        case .none:
          let bound = Bound(UInt32(seg.size))
          var s1 = 0.0
          var s2 = 0.0
          seg.positions.withUnsafeBufferPointer { pos in
            var rng = d
            if !record && !moments {
              scratch.indices.withUnsafeMutableBufferPointer { ib in
                guard let idx = ib.baseAddress else { return }
                guard let cp = c.baseAddress, let pp = pos.baseAddress else { return }
                rng.fillIndices(seg.size, bound, into: idx)
                for j in 0..<seg.size { cp[Int(pp[Int(idx[j])])] &+= 1 }
              }
            } else {
              scratch.expanded[g].withUnsafeMutableBufferPointer { ex in
                for j in 0..<seg.size {
                  let p = Int(pos[rng.index(bound)])
                  c[p] &+= 1
                  if record { ex[seg.offset + j] = Int32(p) }
                  if moments {
                    let dv = distinct[p] - group.shift
                    s1 += dv
                    s2 += dv * dv
                  }
                }
              }
            }
            d = rng
          }
          if moments { weighted += Self.segmentVariance(s1, s2, seg.size) }
        case .constant(let p):
          c[Int(p)] &+= Int32(seg.size)
          if record { for j in 0..<seg.size { scratch.expanded[g][seg.offset + j] = p } }
        case .binary(let lo, let hi, let table):
          let k = table.sample(d.uniform())
          c[Int(lo)] &+= Int32(seg.size - k)
          c[Int(hi)] &+= Int32(k)
          if record {
            for j in 0..<seg.size {
              scratch.expanded[g][seg.offset + j] = j < seg.size - k ? lo : hi
            }
          }
          if moments {
            let a = distinct[Int(lo)] - group.shift
            let b = distinct[Int(hi)] - group.shift
            let s1 = Double(seg.size - k) * a + Double(k) * b
            let s2 = Double(seg.size - k) * a * a + Double(k) * b * b
            weighted += Self.segmentVariance(s1, s2, seg.size)
          }
        case .multinomial(let positions, _):
          let m = positions.count
          scratch.multinomial.withUnsafeMutableBufferPointer { buf in
            let out = UnsafeMutableBufferPointer(rebasing: buf[0..<m])
            scratch.samplers[g][si]?.sample(into: out, using: &d)
            var s1 = 0.0
            var s2 = 0.0
            var o = seg.offset
            for (i, p) in positions.enumerated() {
              c[Int(p)] &+= Int32(out[i])
              if record {
                for _ in 0..<out[i] {
                  scratch.expanded[g][o] = p
                  o += 1
                }
              }
              if moments {
                let dv = distinct[Int(p)] - group.shift
                s1 += Double(out[i]) * dv
                s2 += Double(out[i]) * dv * dv
              }
            }
            if moments { weighted += Self.segmentVariance(s1, s2, seg.size) }
          }
        }
      }
    }
    return weighted
  }

  /// The nested-bootstrap standard error of a one-sample-statistic replicate: `innerReplicates`
  /// resamples of the recorded resample (within each stratum), drawn from the same stream.
  func nestedSE(_ s: SampleStatistic, drawer d: inout IndexDrawer, scratch: inout Scratch)
    -> Double
  {
    let m = max(2, innerReplicates)
    var sum = 0.0
    var sumsq = 0.0
    var first = 0.0
    for r in 0..<m {
      var theta = (0.0, 0.0)
      for g in groups.indices {
        let group = groups[g]
        scratch.innerCounts[g].withUnsafeMutableBufferPointer { c in
          for i in 0..<c.count { c[i] = 0 }
          scratch.expanded[g].withUnsafeBufferPointer { ex in
            for seg in group.segments {
              let bound = UInt32(seg.size)
              for _ in 0..<seg.size { c[Int(ex[seg.offset + d.index(bound)])] &+= 1 }
            }
          }
          let t = group.sample.distinct.withUnsafeBufferPointer { v in
            s.evaluate(
              values: v, counts: UnsafeBufferPointer(c),
              distinct: group.distinctCount, total: group.n)
          }
          if g == 0 { theta.0 = t } else { theta.1 = t }
        }
      }
      let t = combine(theta.0, theta.1)
      if r == 0 { first = t }
      let dt = t - first
      sum += dt
      sumsq += dt * dt
    }
    let mm = Double(m)
    return max(0, (sumsq - sum * sum / mm) / (mm - 1)).squareRoot()
  }

  /// Draws the resample of every group into scratch.materialized (draw order).
  func materialize(drawer d: inout IndexDrawer, scratch: inout Scratch) {
    for g in groups.indices {
      let group = groups[g]
      scratch.materialized[g].withUnsafeMutableBufferPointer { out in
        for seg in group.segments {
          let bound = UInt32(seg.size)
          seg.values.withUnsafeBufferPointer { x in
            for j in 0..<seg.size { out[seg.offset + j] = x[d.index(bound)] }
          }
        }
      }
    }
  }

  func nestedCustomSE(
    _ f: @Sendable ([[Double]]) -> Double, drawer d: inout IndexDrawer, scratch: inout Scratch
  ) -> Double {
    let m = max(2, innerReplicates)
    let outer = scratch.materialized
    var inner = outer
    var vals: [Double] = []
    vals.reserveCapacity(m)
    for _ in 0..<m {
      for g in groups.indices {
        for seg in groups[g].segments {
          let bound = UInt32(seg.size)
          for j in 0..<seg.size { inner[g][seg.offset + j] = outer[g][seg.offset + d.index(bound)] }
        }
      }
      vals.append(f(inner))
    }
    return Self.sampleSD(vals)
  }

  func weightedSamples(_ counts: [[Int32]]) -> [WeightedSample] {
    groups.indices.map {
      WeightedSample(values: groups[$0].sample.distinct, counts: counts[$0].map { Int($0) })
    }
  }

  func nestedWeightedSE(
    _ f: @Sendable ([WeightedSample]) -> Double, drawer d: inout IndexDrawer,
    scratch: inout Scratch
  ) -> Double {
    let m = max(2, innerReplicates)
    var vals: [Double] = []
    for _ in 0..<m {
      var counts = scratch.innerCounts
      for g in groups.indices {
        for i in counts[g].indices { counts[g][i] = 0 }
        for seg in groups[g].segments {
          let bound = UInt32(seg.size)
          for _ in 0..<seg.size {
            counts[g][Int(scratch.expanded[g][seg.offset + d.index(bound)])] += 1
          }
        }
      }
      vals.append(f(weightedSamples(counts)))
    }
    return Self.sampleSD(vals)
  }

  static func sampleSD(_ v: [Double]) -> Double {
    guard v.count > 1 else { return 0 }
    let m = v.reduce(0, +) / Double(v.count)
    let ss = v.reduce(0) { $0 + ($1 - m) * ($1 - m) }
    return (ss / Double(v.count - 1)).squareRoot()
  }
}
