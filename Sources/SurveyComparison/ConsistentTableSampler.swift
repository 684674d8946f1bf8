// ConsistentTableSampler.swift: how many tables are consistent with published percentages, and a
// uniform random sample of them when there are too many to list.
import RandomStreams
import ResampleCore

extension ConsistentTableEnumeration {
  /// How ``tables`` were drawn when the consistent tables were too many to list.
  public struct Sampling: Sendable, Equatable {
    /// The number of consistent tables (exact while below 2⁵³).
    public let population: Double
    /// Tables drawn, uniformly and with replacement.
    public let draws: Int
    /// The seed of the draws (Philox4x32 stream 0).
    public let seed: UInt64
  }

  /// The number of consistent tables, without listing them.
  ///
  /// Counts by dynamic programming over the segments: with a total, W_i(t) = Σ over the feasible
  /// sizes n of segment i of (its consistent counts) × W_{i+1}(t − n); without one, the product
  /// of each segment's (size, count) pairs.
  ///
  /// - Throws: the errors of ``enumerate(segmentNames:percentages:sizeRanges:total:limit:)``
  ///   except the size limit; `InputError.tooLarge` when the counting table would exceed 10⁸
  ///   cells.
  /// - Complexity: O(k · total · feasible sizes per segment).
  public static func count(
    segmentNames: [String], percentages: [PublishedPercentage], sizeRanges: [ClosedRange<Int>],
    total: Int?
  ) throws -> Double {
    let feasible = try feasibleSizes(
      segmentNames: segmentNames, percentages: percentages, sizeRanges: sizeRanges, total: total)
    let w = try ways(feasible, total: total)
    return total.map { w[0][$0] } ?? w[0][0]
  }

  /// W_i(t) for i in 0...k and t in 0...total (one column when there is no total).
  static func ways(
    _ feasible: [[(n: Int, counts: ClosedRange<Int>)]], total: Int?
  ) throws -> [[Double]] {
    let k = feasible.count
    guard let total else {
      var w = [[Double]](repeating: [1], count: k + 1)
      for i in stride(from: k - 1, through: 0, by: -1) {
        w[i][0] = w[i + 1][0] * feasible[i].reduce(0) { $0 + Double($1.counts.count) }
      }
      return w
    }
    let work = Double(k) * Double(total + 1) * Double(feasible.map(\.count).max() ?? 0)
    guard work <= 1e10, Double(k) * Double(total + 1) <= 1e8 else {
      throw InputError.tooLarge(
        what: "counting the tables consistent with the percentages",
        limit: "10^8 cells; give the segment sizes or narrower ranges with --n")
    }
    var w = [[Double]](repeating: [Double](repeating: 0, count: total + 1), count: k + 1)
    w[k][0] = 1
    for i in stride(from: k - 1, through: 0, by: -1) {
      for t in 0...total {
        var s = 0.0
        for option in feasible[i] where option.n <= t {
          s += Double(option.counts.count) * w[i + 1][t - option.n]
        }
        w[i][t] = s
      }
    }
    return w
  }

  /// A uniform random sample (with replacement) of the consistent tables.
  ///
  /// Draw d picks segment sizes one segment at a time with probability proportional to the
  /// number of consistent completions (``count(segmentNames:percentages:sizeRanges:total:)``'s
  /// W), then each count uniformly among those that reproduce the percentage: every consistent
  /// table has probability 1/population. All draws come from stream 0 of `seed`, in order.
  ///
  /// - Parameters:
  ///   - draws: the sample size (≥ 1).
  ///   - seed: the seed.
  /// - Throws: as ``count(segmentNames:percentages:sizeRanges:total:)``, and `InputError` for
  ///   no consistent table or `draws` < 1.
  /// - Complexity: O(draws · k · feasible sizes per segment) after the counting.
  public static func sample(
    segmentNames: [String], percentages: [PublishedPercentage], sizeRanges: [ClosedRange<Int>],
    total: Int?, draws: Int, seed: UInt64
  ) throws -> ConsistentTableEnumeration {
    guard draws >= 1 else {
      throw InputError.invalidParameter(
        name: "--sample-tables", value: "\(draws)", expected: "at least 1")
    }
    let feasible = try feasibleSizes(
      segmentNames: segmentNames, percentages: percentages, sizeRanges: sizeRanges, total: total)
    let w = try ways(feasible, total: total)
    let k = feasible.count
    let population = total.map { w[0][$0] } ?? w[0][0]
    guard population > 0 else { throw noTable(total) }
    var g = Philox4x32(seed: seed, stream: 0)
    var tables: [SegmentTable] = []
    tables.reserveCapacity(draws)
    for _ in 0..<draws {
      var sizes = [Int](repeating: 0, count: k)
      var counts = [Int](repeating: 0, count: k)
      var left = total ?? 0
      for i in 0..<k {
        let column = total == nil ? 0 : left
        var u = g.nextUniform() * w[i][column]
        var chosen = feasible[i][feasible[i].count - 1]
        for option in feasible[i] {
          guard total == nil || option.n <= left else { continue }
          let weight =
            Double(option.counts.count) * w[i + 1][total == nil ? 0 : left - option.n]
          if weight <= 0 { continue }
          if u < weight {
            chosen = option
            break
          }
          u -= weight
          chosen = option  // rounding at the last option
        }
        sizes[i] = chosen.n
        counts[i] = chosen.counts.lowerBound + g.nextBounded(chosen.counts.count)
        if total != nil { left -= chosen.n }
      }
      tables.append(SegmentTable(sizes: sizes, counts: counts))
    }
    var result = ConsistentTableEnumeration(
      segmentNames: segmentNames, percentages: percentages, sizeRanges: sizeRanges, total: total,
      tables: tables)
    result.sampling = Sampling(population: population, draws: draws, seed: seed)
    return result
  }
}
