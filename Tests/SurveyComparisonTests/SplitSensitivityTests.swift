import ResampleCore
import Testing
import _TestSupport

@testable import SurveyComparison

@Suite struct SplitSensitivityTests {
  @Test func fisherRangeMatchesScipyOverEveryConsistentTable() throws {
    let f = try loadSurveyFixture()
    for e in f.enumeration where e.consistentTables > 0 {
      let en = try ConsistentTablesTests.enumerate(e)
      let s = try SplitSensitivity(enumeration: en, alpha: e.alpha)
      #expect(s.test == "fisher-exact")
      #expect(s.consistentTables == e.consistentTables)
      #expect(isClose(s.pValueMin, e.pValueMin!, relative: 1e-9))
      #expect(isClose(s.pValueMax, e.pValueMax!, relative: 1e-9))
      #expect(s.shareSignificant == e.shareSignificant!)
      var byTable: [SegmentTable: Double] = [:]
      for o in s.outcomes { byTable[o.table] = o.pValue }
      for t in e.tables {
        let mine = try #require(byTable[SegmentTable(sizes: t.n, counts: t.x)])
        #expect(isClose(mine, t.pValue, relative: 1e-9), "\(t.n) \(t.x)")
      }
    }
  }

  @Test func featuresFigureIsHalfEvenWithSegmentsOfTenOrMore() throws {
    // The published figure for this example: "61 consistent tables; Fisher p 0.024–0.257;
    // 61 % significant" (Tests/Fixtures/survey/make_fixtures.py reproduces it).
    let ps = try ["61", "43"].map { try PublishedPercentage($0, decimals: 0, rounding: .halfEven) }
    let en = try ConsistentTableEnumeration.enumerate(
      segmentNames: ["g", "d"], percentages: ps, sizeRanges: [10...146, 10...146], total: 156)
    let s = try SplitSensitivity(enumeration: en)
    #expect(s.consistentTables == 61)
    #expect(abs(s.pValueMin - 0.024) < 0.0005 && abs(s.pValueMax - 0.257) < 0.0005)
    #expect(abs(s.shareSignificant - 0.61) < 0.005)
  }

  @Test func runsAndFlipsDescribeTheSplits() throws {
    let ps = try ["61", "43"].map { try PublishedPercentage($0, decimals: 0) }
    let en = try ConsistentTableEnumeration.enumerate(
      segmentNames: ["g", "d"], percentages: ps, sizeRanges: [1...155, 1...155], total: 156)
    let s = try SplitSensitivity(enumeration: en)
    #expect(s.illustration.table.sizes == [77, 79])
    #expect(s.illustration.significant)
    #expect(s.flips.allSatisfy { !$0.significant })
    #expect(s.flips.count == s.outcomes.filter { !$0.significant }.count)
    // Every table with the first segment from 62 to 100 is significant (scipy table, fixture).
    #expect(s.runs.contains { $0.state == .significant && $0.firstSegmentSizes == 49...107 })
    #expect(s.runs.first?.state == .notSignificant)
    #expect(s.runs.last?.state == .notSignificant)
  }

  @Test func designEffectUsesRaoScott() throws {
    let ps = try ["61", "43"].map { try PublishedPercentage($0, decimals: 0) }
    let en = try ConsistentTableEnumeration.enumerate(
      segmentNames: ["g", "d"], percentages: ps, sizeRanges: [82...82, 74...74], total: nil)
    let s = try SplitSensitivity(enumeration: en, designEffect: DesignEffect(1.5))
    #expect(s.test == "rao-scott-chi-squared")
    let f = try loadSurveyFixture()
    #expect(isClose(s.pValueMin, f.designEffect[0].adjustedP, relative: 1e-9))
  }
}
