// ResampleGroup.swift: a sample prepared for drawing — segments (strata) and collapsed draws.
import RandomStreams

/// How one segment (a sample, or a stratum of it) draws its resample.
enum Collapse: Sendable {
  /// n bounded index draws.
  case none
  /// One distinct value: the counts are fixed.
  case constant(position: Int32)
  /// Two distinct values (0/1 data): one binomial draw of the count of the larger value.
  case binary(low: Int32, high: Int32, table: BinomialTable)
  /// Few distinct values: one multinomial draw over them (conditional binomials).
  case multinomial(positions: [Int32], probabilities: [Double])

  var isCollapsed: Bool {
    if case .none = self { return false }
    return true
  }
}

/// A stratum (or a whole sample) resampled within itself.
struct Segment: Sendable {
  let size: Int
  /// Member values in original order (for gathers).
  let values: [Double]
  /// Each member's position among the group's sorted distinct values.
  let positions: [Int32]
  let collapse: Collapse
  /// Offset of the segment in the group's expanded resample.
  let offset: Int
}

/// The unit a one-sample statistic sees: one sample, possibly made of several strata.
struct Group: Sendable {
  let sample: SortedSample
  let segments: [Segment]
  /// Mean of the data (shift for numerically stable sums of squares).
  let shift: Double
  /// Observations in value order, set when an order statistic is resampled without collapsing
  /// (``RankOrder``).
  var rankOrder: RankOrder? = nil
  var n: Int { sample.count }
  var distinctCount: Int { sample.distinct.count }

  init(members: [[Double]], allowCollapse: Bool) {
    let all = members.flatMap { $0 }
    sample = SortedSample(all)
    shift = all.reduce(0, +) / Double(all.count)
    let distinct = sample.distinct
    func position(_ x: Double) -> Int32 {
      var lo = 0
      var hi = distinct.count - 1
      while lo < hi {
        let mid = (lo + hi) / 2
        if distinct[mid] < x { lo = mid + 1 } else { hi = mid }
      }
      return Int32(lo)
    }
    var segs: [Segment] = []
    var offset = 0
    for m in members {
      let pos = m.map(position)
      var collapse = Collapse.none
      if allowCollapse {
        var mult: [Int32: Int] = [:]
        for p in pos { mult[p, default: 0] += 1 }
        let ps = mult.keys.sorted()
        if ps.count == 1 {
          collapse = .constant(position: ps[0])
        } else if ps.count == 2 && m.count <= BinomialTable.maximumTrials {
          let hi = mult[ps[1]] ?? 0
          collapse = .binary(
            low: ps[0], high: ps[1],
            table: BinomialTable(trials: m.count, probability: Double(hi) / Double(m.count)))
        } else if ps.count * 32 <= m.count {
          let probabilities = ps.map { Double(mult[$0] ?? 0) / Double(m.count) }
          // Collapse only when the sampler accepts the probabilities (it always should).
          if (try? MultinomialSampler(trials: m.count, probabilities: probabilities)) != nil {
            collapse = .multinomial(positions: ps, probabilities: probabilities)
          }
        }
      }
      segs.append(
        Segment(size: m.count, values: m, positions: pos, collapse: collapse, offset: offset))
      offset += m.count
    }
    segments = segs
  }
}

/// Per-worker scratch space.
struct Scratch {
  var counts: [[Int32]]
  var innerCounts: [[Int32]]
  var expanded: [[Int32]]
  var multinomial: [Int]
  var materialized: [[Double]]
  var nested: [Double]
  /// Multinomial samplers of collapsed segments, built once per worker: [group][segment].
  var samplers: [[MultinomialSampler?]]
  /// Draws per observation, [group][observation], for groups with a ``RankOrder`` (else empty).
  var observationCounts: [[Int32]]
  /// One segment's drawn indices (room for the largest segment), for the batched kernels.
  ///
  /// Never empty: segments are non-empty (validated), so its base address always exists.
  var indices: [UInt32]

  init(groups: [Group]) {
    samplers = groups.map { g in
      g.segments.map { seg -> MultinomialSampler? in
        if case .multinomial(_, let p) = seg.collapse {
          return try? MultinomialSampler(trials: seg.size, probabilities: p)
        }
        return nil
      }
    }
    counts = groups.map { [Int32](repeating: 0, count: $0.distinctCount) }
    innerCounts = counts
    observationCounts = groups.map { [Int32](repeating: 0, count: $0.rankOrder == nil ? 0 : $0.n) }
    expanded = groups.map { [Int32](repeating: 0, count: $0.n) }
    multinomial = [Int](repeating: 0, count: groups.map(\.distinctCount).max() ?? 0)
    materialized = groups.map { [Double](repeating: 0, count: $0.n) }
    nested = []
    indices = [UInt32](
      repeating: 0, count: groups.map { $0.segments.map(\.size).max() ?? 0 }.max() ?? 0)
  }
}
