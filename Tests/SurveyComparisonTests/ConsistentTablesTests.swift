import ResampleCore
import Testing
import _TestSupport

@testable import SurveyComparison

@Suite struct ConsistentTablesTests {
  static func enumerate(_ e: SurveyFixture.Enumeration) throws -> ConsistentTableEnumeration {
    let rounding = PublisherRounding(rawValue: e.rounding) ?? .unknown
    let ps = try e.percent.map {
      try PublishedPercentage($0, decimals: e.decimals, rounding: rounding)
    }
    let ranges: [ClosedRange<Int>]
    if let n = e.n {
      ranges = n.map { $0...$0 }
    } else {
      ranges = Array(repeating: e.minN...((e.total ?? e.minN) - e.minN), count: ps.count)
    }
    return try ConsistentTableEnumeration.enumerate(
      segmentNames: ps.indices.map { "s\($0)" }, percentages: ps, sizeRanges: ranges, total: e.total
    )
  }

  @Test func tablesMatchTheBruteForceReference() throws {
    let f = try loadSurveyFixture()
    for e in f.enumeration where e.consistentTables > 0 {
      let got = try Self.enumerate(e)
      #expect(got.tables.count == e.consistentTables, "\(e.percent) \(e.rounding)")
      let want = Set(e.tables.map { SegmentTable(sizes: $0.n, counts: $0.x) })
      #expect(Set(got.tables) == want)
    }
  }

  @Test func ardourExampleHasSixtyFiveTablesWithBothEndsIncluded() throws {
    let ps = try ["61", "43"].map { try PublishedPercentage($0, decimals: 0) }
    let e = try ConsistentTableEnumeration.enumerate(
      segmentNames: ["group-owned", "decentralised"], percentages: ps,
      sizeRanges: [1...155, 1...155], total: 156)
    #expect(e.tables.count == 65)
    // Closest to 78/78 (which no count reproduces): 77/79 with 47/77 = 61.04 %, 34/79 = 43.04 %.
    #expect(e.equalSplitTable == SegmentTable(sizes: [77, 79], counts: [47, 34]))
  }

  @Test func threeSegmentCountsMatch() throws {
    let f = try loadSurveyFixture()
    for t in f.threeSegments {
      let ps = try t.percent.map { try PublishedPercentage($0, decimals: t.decimals) }
      let e = try ConsistentTableEnumeration.enumerate(
        segmentNames: ["a", "b", "c"], percentages: ps,
        sizeRanges: Array(repeating: 1...t.total, count: 3), total: t.total)
      #expect(e.tables.count == t.consistentTables)
      #expect(e.tables.allSatisfy { $0.sizes.reduce(0, +) == t.total })
    }
  }

  @Test func noConsistentTableIsAnError() throws {
    let f = try loadSurveyFixture()
    #expect(f.noTable.consistentTables == 0)
    #expect(throws: InputError.self) { try Self.enumerate(f.noTable) }
    // GRIM: 61 % of exactly 78.
    let p = try PublishedPercentage("61", decimals: 0)
    expectError(InputError.self, mentioning: "GRIM", "47/78 = 60.26 %", "48/78 = 61.54 %") {
      try ConsistentTableEnumeration.enumerate(
        segmentNames: ["a", "b"], percentages: [p, p], sizeRanges: [78...78, 77...77], total: nil)
    }
  }

  @Test func limitsAndBadRanges() throws {
    let p = try PublishedPercentage("50", decimals: 0)
    #expect(throws: InputError.self) {
      try ConsistentTableEnumeration.enumerate(
        segmentNames: ["a", "b"], percentages: [p, p], sizeRanges: [1...5000, 1...5000],
        total: nil, limit: 1000)
    }
    #expect(throws: InputError.self) {
      try ConsistentTableEnumeration.enumerate(
        segmentNames: ["a", "b"], percentages: [p, p], sizeRanges: [0...10, 1...10], total: nil)
    }
    #expect(throws: InputError.self) {
      try ConsistentTableEnumeration.enumerate(
        segmentNames: ["a", "b"], percentages: [p, p], sizeRanges: [1...10, 1...10], total: 40)
    }
  }
}
