// ConsistentTables.swift: every integer table that reproduces a set of published percentages.
import ResampleCore

/// One segment-by-answer table: segment `i` has `counts[i]` "yes" answers out of `sizes[i]`.
public struct SegmentTable: Sendable, Equatable, Hashable {
  /// Segment sizes n₁, n₂, and so on.
  public var sizes: [Int]
  /// "Yes" counts x₁, x₂, and so on.
  public var counts: [Int]

  public init(sizes: [Int], counts: [Int]) {
    self.sizes = sizes
    self.counts = counts
  }
}

/// All integer tables consistent with published percentages, sizes and a total.
///
/// Segment `i` reported percentage `Pᵢ` (rounded to `D` decimals); its size is known exactly,
/// known to lie in a range, or only the total `n₁ + n₂ + …` is known. Every combination of sizes
/// in the ranges that sums to the total (when given), and every count `xᵢ` that reproduces `Pᵢ`
/// for `nᵢ` (see ``PublishedPercentage``), is one consistent table. Tables are listed in
/// lexicographic order of the sizes, then the counts.
///
/// When no size in a segment's range reproduces its percentage, that is a GRIM-style
/// inconsistency (Brown and Heathers, 2017) and the enumeration throws instead of guessing.
public struct ConsistentTableEnumeration: Sendable, Equatable {
  /// Segment names, in input order.
  public let segmentNames: [String]
  /// The published percentages, one per segment.
  public let percentages: [PublishedPercentage]
  /// The size range searched for each segment.
  public let sizeRanges: [ClosedRange<Int>]
  /// The total of the segment sizes, when it was given.
  public let total: Int?
  /// Every consistent table, or a uniform sample of them (``sampling``).
  public let tables: [SegmentTable]
  /// When the consistent tables were too many to list: how ``tables`` were sampled.
  public internal(set) var sampling: Sampling? = nil

  /// The default limit on the number of tables.
  public static let defaultLimit = 1_000_000

  /// Enumerates every consistent table.
  ///
  /// - Parameters:
  ///   - segmentNames: one name per segment (used in messages).
  ///   - percentages: the published percentage of each segment.
  ///   - sizeRanges: the possible sizes of each segment (a single value when known exactly);
  ///     every bound must be ≥ 1.
  ///   - total: the known sum of the sizes, or nil.
  ///   - limit: the most tables to enumerate before giving up with `InputError.tooLarge`.
  /// - Throws: `InputError` when the inputs are inconsistent (GRIM-style: no size in range
  ///   reproduces a percentage; or no combination of sizes meets the total), or the enumeration
  ///   is larger than `limit`.
  /// - Complexity: O(number of size combinations + number of tables).
  public static func enumerate(
    segmentNames: [String], percentages: [PublishedPercentage], sizeRanges: [ClosedRange<Int>],
    total: Int?, limit: Int = defaultLimit
  ) throws -> ConsistentTableEnumeration {
    let k = percentages.count
    let feasible = try feasibleSizes(
      segmentNames: segmentNames, percentages: percentages, sizeRanges: sizeRanges, total: total)
    // Minimum and maximum feasible size of the segments after i (for pruning against the total).
    var restMin = [Int](repeating: 0, count: k + 1)
    var restMax = [Int](repeating: 0, count: k + 1)
    for i in stride(from: k - 1, through: 0, by: -1) {
      restMin[i] = restMin[i + 1] + (feasible[i].first?.n ?? 0)
      restMax[i] = restMax[i + 1] + (feasible[i].last?.n ?? 0)
    }
    var tables: [SegmentTable] = []
    var sizes = [Int](repeating: 0, count: k)
    var choice: [ClosedRange<Int>] = Array(repeating: 0...0, count: k)
    var overflow = false

    func emitCounts(_ i: Int, _ counts: inout [Int]) {
      if overflow { return }
      if i == k {
        if tables.count >= limit {
          overflow = true
          return
        }
        tables.append(SegmentTable(sizes: sizes, counts: counts))
        return
      }
      for x in choice[i] {
        counts[i] = x
        emitCounts(i + 1, &counts)
      }
    }
    func recurse(_ i: Int, _ used: Int) {
      if overflow { return }
      if i == k {
        if let total, used != total { return }
        var counts = [Int](repeating: 0, count: k)
        emitCounts(0, &counts)
        return
      }
      for option in feasible[i] {
        if let total {
          let after = used + option.n
          if after + restMin[i + 1] > total { break }
          if after + restMax[i + 1] < total { continue }
        }
        sizes[i] = option.n
        choice[i] = option.counts
        recurse(i + 1, used + option.n)
      }
    }
    recurse(0, 0)
    if overflow {
      throw InputError.tooLarge(
        what: "the set of tables consistent with the percentages",
        limit: "\(limit) tables; give the segment sizes or narrower ranges with --n")
    }
    if tables.isEmpty { throw noTable(total) }
    return ConsistentTableEnumeration(
      segmentNames: segmentNames, percentages: percentages, sizeRanges: sizeRanges, total: total,
      tables: tables)
  }

  /// The refusal when no combination of sizes meets the total.
  static func noTable(_ total: Int?) -> InputError {
    InputError.invalidData(
      source: "--percent",
      reason: "no segment sizes adding up to \(total ?? 0) reproduce every percentage "
        + "(GRIM-style inconsistency); check the figures, --decimals and --total")
  }

  /// Per segment, the sizes in its range (up to the total) that reproduce its percentage, with
  /// the counts that do.
  ///
  /// - Throws: `InputError` for fewer than two segments, a size range outside 1...maximum, a
  ///   total the ranges cannot reach, or a segment no size reproduces (GRIM-style).
  /// - Complexity: O(Σ range lengths).
  static func feasibleSizes(
    segmentNames: [String], percentages: [PublishedPercentage], sizeRanges: [ClosedRange<Int>],
    total: Int?
  ) throws -> [[(n: Int, counts: ClosedRange<Int>)]] {
    let k = percentages.count
    guard k >= 2, segmentNames.count == k, sizeRanges.count == k else {
      throw InputError.invalidParameter(
        name: "segments", value: "\(k)", expected: "at least two segments, each with a size")
    }
    for (i, r) in sizeRanges.enumerated()
    where r.lowerBound < 1
      || r.upperBound > PublishedPercentage.maximumSize
    {
      throw InputError.invalidParameter(
        name: "n for \(segmentNames[i])", value: "\(r.lowerBound)...\(r.upperBound)",
        expected: "sizes from 1 to \(PublishedPercentage.maximumSize)")
    }
    if let total {
      let lowSum = sizeRanges.reduce(0) { $0 + $1.lowerBound }
      let highSum = sizeRanges.reduce(0) { $0 + $1.upperBound }
      guard total >= lowSum, total <= highSum else {
        throw InputError.invalidParameter(
          name: "total", value: "\(total)",
          expected: "a total between \(lowSum) and \(highSum) for the sizes given")
      }
    }
    // Sizes that reproduce each percentage, with their counts (GRIM check per segment).
    var feasible: [[(n: Int, counts: ClosedRange<Int>)]] = []
    for i in 0..<k {
      var list: [(n: Int, counts: ClosedRange<Int>)] = []
      let r = sizeRanges[i]
      let hi = total.map { min(r.upperBound, $0) } ?? r.upperBound
      if r.lowerBound <= hi {
        for n in r.lowerBound...hi {
          if let c = percentages[i].consistentCounts(of: n) { list.append((n, c)) }
        }
      }
      if list.isEmpty {
        throw InputError.invalidData(
          source: "--percent \(segmentNames[i])",
          reason: grimMessage(percentages[i], sizes: r.lowerBound...max(r.lowerBound, hi)))
      }
      feasible.append(list)
    }
    return feasible
  }

  /// The message for a percentage that no count of any size in `sizes` reproduces.
  static func grimMessage(_ p: PublishedPercentage, sizes: ClosedRange<Int>) -> String {
    let what =
      "no count reproduces \(p.text) % (rounded to \(p.decimals) decimal"
      + "\(p.decimals == 1 ? "" : "s"))"
    if sizes.lowerBound == sizes.upperBound {
      let n = sizes.lowerBound
      let below = Int((p.value * Double(n) / 100).rounded(.down))
      let shown = [below, below + 1].filter { $0 >= 0 && $0 <= n }.map {
        "\($0)/\(n) = \(formatPercent(100 * Double($0) / Double(n), decimals: p.decimals + 2)) %"
      }
      return "GRIM-style inconsistency: \(what) with n = \(n): " + shown.joined(separator: ", ")
    }
    return "GRIM-style inconsistency: \(what) for any n from \(sizes.lowerBound) to "
      + "\(sizes.upperBound)"
  }

  /// The table closest to an equal split of the total (smallest largest deviation from equal
  /// sizes; then the counts closest to the percentages; then the first in order).
  public var equalSplitTable: SegmentTable {
    let k = Double(percentages.count)
    func key(_ t: SegmentTable) -> (Double, Double) {
      let mean = Double(t.sizes.reduce(0, +)) / k
      let dev = t.sizes.map { abs(Double($0) - mean) }.max() ?? 0
      var miss = 0.0
      for i in t.sizes.indices {
        miss += abs(Double(t.counts[i]) - percentages[i].value * Double(t.sizes[i]) / 100)
      }
      return (dev, miss)
    }
    var best = tables[0]
    var bestKey = key(best)
    for t in tables.dropFirst() {
      let kk = key(t)
      if kk < bestKey {
        best = t
        bestKey = kk
      }
    }
    return best
  }
}

/// `x` with `decimals` decimals, without Foundation's locale-dependent formatting.
package func formatPercent(_ x: Double, decimals: Int) -> String {
  var scale = 1.0
  for _ in 0..<decimals { scale *= 10 }
  let r = (x * scale).rounded() / scale
  var s = "\(r)"
  if let dot = s.firstIndex(of: ".") {
    let have = s.distance(from: dot, to: s.endIndex) - 1
    if have < decimals { s += String(repeating: "0", count: decimals - have) }
    if decimals == 0 { s = String(s[..<dot]) }
  } else if decimals > 0 {
    s += "." + String(repeating: "0", count: decimals)
  }
  return s
}
