// ReplicateBlock.swift: the replicates of an index range, and merging ranges.
import ResampleCore

/// The replicates b ∈ [lo, hi) of a bootstrap, in index order.
///
/// Replicate b depends only on (data, statistic, seed, b), so a run split into ranges and
/// merged (concatenated in index order) equals the unsplit run bit for bit. Codable: a shard of
/// `resample boot` stores its block in its part file.
public struct ReplicateBlock: Sendable, Equatable, Codable {
  /// The replicate indices covered.
  public var range: Range<Int>
  /// θ*_b for b in ``range``.
  public var values: [Double]
  /// se*_b for the bootstrap-t, when computed (otherwise empty).
  public var standardErrors: [Double]
  /// Lattice keys of the collapsed 0/1 plan (a replicate's configuration of counts), or empty.
  var keys: [UInt32]
  /// A tabulated block (``isTabulated``): replicates per lattice configuration; ``values``,
  /// ``standardErrors`` and the keys are then empty.
  var latticeCounts: [Int] = []

  /// Whether only the histogram of the replicates' lattice configurations was kept
  /// (`Bootstrap.replicates(…, tabulate: true)`): bounded memory at any B.
  public var isTabulated: Bool { !latticeCounts.isEmpty }

  /// The number of replicates covered.
  public var count: Int { range.count }

  /// A block from replicate values computed elsewhere (for example a stored run).
  ///
  /// - Parameters:
  ///   - range: the replicate indices the values belong to (`values.count` of them).
  ///   - values: θ*_b in index order.
  ///   - standardErrors: se*_b for the bootstrap-t, or empty.
  public init(range: Range<Int>, values: [Double], standardErrors: [Double] = []) {
    precondition(values.count == range.count, "one value per replicate index")
    precondition(standardErrors.isEmpty || standardErrors.count == values.count)
    self.range = range
    self.values = values
    self.standardErrors = standardErrors
    self.keys = []
  }

  init(range: Range<Int>, latticeCounts: [Int]) {
    self.range = range
    self.values = []
    self.standardErrors = []
    self.keys = []
    self.latticeCounts = latticeCounts
  }

  init(range: Range<Int>, values: [Double], standardErrors: [Double], keys: [UInt32]) {
    self.range = range
    self.values = values
    self.standardErrors = standardErrors
    self.keys = keys
  }

  /// Concatenates blocks that tile a range without gaps or overlaps (any input order).
  ///
  /// - Throws: ``InputError`` if the blocks leave gaps, overlap, or mix bootstrap-t blocks with
  ///   plain ones.
  /// - Complexity: O(total replicates).
  public static func merge(_ blocks: [ReplicateBlock]) throws -> ReplicateBlock {
    let parts = blocks.sorted { $0.range.lowerBound < $1.range.lowerBound }
    guard let first = parts.first else {
      throw InputError.invalidParameter(
        name: "blocks", value: "[]", expected: "at least one replicate block")
    }
    var out = first
    for p in parts.dropFirst() {
      guard p.range.lowerBound == out.range.upperBound else {
        throw InputError.invalidParameter(
          name: "blocks", value: "\(out.range) then \(p.range)",
          expected: "contiguous, non-overlapping replicate ranges")
      }
      guard p.standardErrors.isEmpty == out.standardErrors.isEmpty else {
        throw InputError.invalidParameter(
          name: "blocks", value: "\(p.range)",
          expected: "blocks computed with the same studentize setting")
      }
      guard p.isTabulated == out.isTabulated else {
        throw InputError.invalidParameter(
          name: "blocks", value: "\(p.range)", expected: "all tabulated or none")
      }
      out.range = out.range.lowerBound..<p.range.upperBound
      if p.isTabulated {
        guard p.latticeCounts.count == out.latticeCounts.count else {
          throw InputError.invalidParameter(
            name: "blocks", value: "\(p.range)", expected: "blocks of the same bootstrap")
        }
        for k in p.latticeCounts.indices { out.latticeCounts[k] += p.latticeCounts[k] }
        continue
      }
      if p.values.isEmpty { continue }
      if out.values.isEmpty {
        out.keys = p.keys
      } else if out.keys.isEmpty || p.keys.isEmpty {
        out.keys = []
      } else {
        out.keys += p.keys
      }
      out.values += p.values
      out.standardErrors += p.standardErrors
    }
    return out
  }
}
