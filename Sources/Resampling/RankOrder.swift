// RankOrder.swift: order statistics of a resample from counts per observation, walked in value
// order — no counts over distinct values, so no indirection in the hot counting loop.

/// A group's observations in ascending order of value, for order statistics (median, quantiles)
/// of resamples counted per observation.
///
/// Counting draws per distinct value needs the position of each drawn observation among the
/// distinct values: a dependent load per draw, which doubled the cost of the counting loop. Here
/// draws are counted per observation (`counts[offset + index]`) and the order statistic is found
/// by walking the observations in value order, accumulating their counts — about half of them
/// on average for a median. Ties may sit in any order: equal values give equal order
/// statistics, so the result equals the distinct-value scan bit for bit.
///
/// - Complexity: O(n log n) to build; O(n) per order statistic.
struct RankOrder: Sendable {
  /// Group observation indices (segment offset + index in the segment), ascending by value.
  let observations: [UInt32]
  /// The values in the same order.
  let values: [Double]

  init(group: Group) {
    var all: [Double] = []
    all.reserveCapacity(group.n)
    for seg in group.segments { all += seg.values }
    let order = all.indices.sorted { all[$0] < all[$1] }
    observations = order.map { UInt32(truncatingIfNeeded: $0) }
    values = order.map { all[$0] }
  }

  /// The order statistics of 0-based ranks j and j + 1 (the second clamped to the largest) of
  /// the resample with `counts[i]` copies of observation i.
  ///
  /// - Precondition: Σ counts > j.
  @inline(__always)
  func pair(_ j: Int, counts c: UnsafePointer<Int32>) -> (Double, Double) {
    observations.withUnsafeBufferPointer { ob in
      values.withUnsafeBufferPointer { v in
        SampleStatistic.orderStatisticPair(
          j, items: ob.count, count: { c[Int(ob[$0])] }, value: { v[$0] })
      }
    }
  }
}
