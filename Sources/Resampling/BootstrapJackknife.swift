// BootstrapJackknife.swift: the estimate, the jackknife for BCa, the original standard error.

extension Bootstrap {
  /// The statistic on the original data.
  static func evaluateOriginal(
    _ statistic: BootstrapStatistic, groups: [Group], samples: [[Double]]
  ) -> Double {
    switch statistic {
    case .sample(let s): return groups[0].sample.evaluate(s)
    case .difference(let s): return groups[0].sample.evaluate(s) - groups[1].sample.evaluate(s)
    case .ratio(let s): return groups[0].sample.evaluate(s) / groups[1].sample.evaluate(s)
    case .correlation: return PearsonCorrelation.r(samples[0], samples[1])
    case .custom(_, let f): return f(groups.map { g in g.segments.flatMap(\.values) })
    case .weighted(_, let f):
      return f(
        groups.map {
          WeightedSample(values: $0.sample.distinct, counts: $0.sample.multiplicity.map { Int($0) })
        })
    }
  }

  /// Jackknife values per sample (closed form for built-in statistics), or nil if undefined.
  func jackknife() -> [Jackknife.Values]? {
    switch statistic {
    case .sample(let s):
      return groups[0].sample.jackknife(s).map { [$0] }
    case .difference(let s), .ratio(let s):
      let t0 = groups[0].sample.evaluate(s)
      let t1 = groups[1].sample.evaluate(s)
      guard var j0 = groups[0].sample.jackknife(s), var j1 = groups[1].sample.jackknife(s) else {
        return nil
      }
      j0.values = j0.values.map { combine($0, t1) }
      j1.values = j1.values.map { combine(t0, $0) }
      return [j0, j1]
    case .correlation:
      return [PearsonCorrelation.jackknife(samples[0], samples[1])]
    case .custom(_, let f):
      let data = groups.map { g in g.segments.flatMap(\.values) }
      var out: [Jackknife.Values] = []
      for g in data.indices {
        guard data[g].count > 1 else { return nil }
        var vals: [Double] = []
        var d = data
        for i in data[g].indices {
          d[g] = data[g]
          d[g].remove(at: i)
          vals.append(f(d))
        }
        out.append(Jackknife.Values(values: vals, weights: [Int](repeating: 1, count: vals.count)))
      }
      return out
    case .weighted(_, let f):
      let base = groups.map {
        WeightedSample(values: $0.sample.distinct, counts: $0.sample.multiplicity.map { Int($0) })
      }
      var out: [Jackknife.Values] = []
      for g in base.indices {
        guard groups[g].n > 1 else { return nil }
        var vals: [Double] = []
        var ws: [Int] = []
        for i in base[g].values.indices {
          var b = base
          b[g].counts[i] -= 1
          vals.append(f(b))
          ws.append(base[g].counts[i])
        }
        out.append(Jackknife.Values(values: vals, weights: ws))
      }
      return out
    }
  }

  /// The standard error of the estimate for the bootstrap-t: the closed form for linear
  /// statistics (s/√n per stratum-weighted sample; delta method for a ratio), otherwise the
  /// bootstrap standard error of the replicates.
  func originalStandardError(block: ReplicateBlock) -> Double {
    switch statistic {
    case .sample(let s) where s.isLinear, .difference(let s) where s.isLinear,
      .ratio(let s) where s.isLinear:
      var theta = [0.0, 0.0]
      var se = [0.0, 0.0]
      for (g, group) in groups.enumerated() {
        var weighted = 0.0
        for seg in group.segments {
          var s1 = 0.0
          var s2 = 0.0
          for x in seg.values {
            let d = x - group.shift
            s1 += d
            s2 += d * d
          }
          weighted += Self.segmentVariance(s1, s2, seg.size)
        }
        theta[g] = group.sample.evaluate(s)
        se[g] = Self.linearSE(s, weightedVariance: weighted, n: group.n)
      }
      return combineSE(theta[0], se[0], theta[1], se[1])
    default:
      let finite = block.values.filter(\.isFinite)
      return Self.sampleSD(finite)
    }
  }
}
