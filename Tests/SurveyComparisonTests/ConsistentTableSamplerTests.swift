// ConsistentTableSamplerTests.swift: counting the consistent tables without listing them, and
// sampling them uniformly when there are too many (issue 13 item 5).
import Distributions
import ResampleCore
import Testing
import _TestSupport

@testable import SurveyComparison

private func percents(_ xs: [String], decimals: Int = 0) throws -> [PublishedPercentage] {
  try xs.map { try PublishedPercentage($0, decimals: decimals) }
}

@Suite struct ConsistentTableSamplerTests {
  @Test func countEqualsTheEnumeration() throws {
    let cases: [([String], [ClosedRange<Int>], Int?)] = [
      (["61", "52", "43"], [1...156, 1...156, 1...156], 156),
      (["50", "30", "20"], [1...60, 1...60, 1...60], 60),
      (["60", "45", "35", "20"], [15...30, 15...30, 15...30, 15...30], nil),
      (["61", "43"], [1...156, 1...156], 156),
      (["33.3", "12.5"], [5...40, 8...16], nil),
    ]
    for (p, ranges, total) in cases {
      let names = p.indices.map { "s\($0)" }
      let decimals = p.contains { $0.contains(".") } ? 1 : 0
      let ps = try percents(p, decimals: decimals)
      let listed = try ConsistentTableEnumeration.enumerate(
        segmentNames: names, percentages: ps, sizeRanges: ranges, total: total)
      let counted = try ConsistentTableEnumeration.count(
        segmentNames: names, percentages: ps, sizeRanges: ranges, total: total)
      #expect(counted == Double(listed.tables.count), "\(p)")
    }
  }

  @Test(.tags(.statistical)) func samplesAreUniformOverTheTables() throws {
    // 739 tables for 61/52/43 % of 156: 147,800 draws, 200 per table expected; Pearson's X²
    // on 738 df against uniform. A sampler that weighted sizes instead of tables fails by far.
    let names = ["a", "b", "c"]
    let ps = try percents(["61", "52", "43"])
    let ranges = [1...156, 1...156, 1...156]
    let all = try ConsistentTableEnumeration.enumerate(
      segmentNames: names, percentages: ps, sizeRanges: ranges, total: 156)
    let draws = 200 * all.tables.count
    let s = try ConsistentTableEnumeration.sample(
      segmentNames: names, percentages: ps, sizeRanges: ranges, total: 156, draws: draws,
      seed: 11)
    #expect(s.sampling?.population == Double(all.tables.count))
    var freq: [SegmentTable: Int] = [:]
    for t in s.tables { freq[t, default: 0] += 1 }
    #expect(Set(freq.keys).isSubset(of: Set(all.tables)))
    let e = Double(draws) / Double(all.tables.count)
    let x2 = all.tables.reduce(0.0) {
      let o = Double(freq[$1] ?? 0)
      return $0 + (o - e) * (o - e) / e
    }
    let p = try ChiSquared(degreesOfFreedom: Double(all.tables.count - 1)).sf(x2)
    #expect(p > 1e-4, "X² = \(x2), p = \(p)")
  }

  @Test func samplingDependsOnlyOnTheSeed() throws {
    let ps = try percents(["61", "52", "43"])
    func draw(_ seed: UInt64) throws -> [SegmentTable] {
      try ConsistentTableEnumeration.sample(
        segmentNames: ["a", "b", "c"], percentages: ps, sizeRanges: [1...900, 1...900, 1...900],
        total: 900, draws: 500, seed: seed
      ).tables
    }
    #expect(try draw(5) == draw(5))
    #expect(try draw(5) != draw(6))
    #expect(throws: InputError.self) {
      try ConsistentTableEnumeration.sample(
        segmentNames: ["a", "b"], percentages: try percents(["50", "50"]),
        sizeRanges: [1...3, 1...3], total: 3, draws: 10, seed: 1)
    }
  }
}
