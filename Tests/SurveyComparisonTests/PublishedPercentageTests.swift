import DataInput
import ResampleCore
import Testing
import _TestSupport

@testable import SurveyComparison

@Suite struct PublishedPercentageTests {
  @Test func countsMatchExactRationalReference() throws {
    let f = try loadSurveyFixture()
    for g in f.grim where g.percent.split(separator: ".").count == 1 || g.decimals > 0 {
      let p = try PublishedPercentage(g.percent, decimals: g.decimals)
      let got = p.consistentCounts(of: g.n).map(Array.init) ?? []
      #expect(got == g.counts, "\(g.percent) % of \(g.n)")
    }
  }

  @Test func boundariesFollowTheRoundingMode() throws {
    // 17/40 = 42.5 % exactly: 43 under unknown and half-up; not under half-even (43 is odd).
    #expect(try PublishedPercentage("43", decimals: 0).isReproduced(by: 17, of: 40))
    #expect(
      try PublishedPercentage("43", decimals: 0, rounding: .halfUp).isReproduced(by: 17, of: 40))
    #expect(
      !(try PublishedPercentage("43", decimals: 0, rounding: .halfEven)).isReproduced(
        by: 17, of: 40))
    // 42.5 rounds to 42 under half-even (42 even) and under unknown; not under half-up.
    #expect(
      try PublishedPercentage("42", decimals: 0, rounding: .halfEven).isReproduced(by: 17, of: 40))
    #expect(
      !(try PublishedPercentage("42", decimals: 0, rounding: .halfUp)).isReproduced(by: 17, of: 40))
    #expect(try PublishedPercentage("42", decimals: 0).isReproduced(by: 17, of: 40))
  }

  @Test func edgesZeroAndHundred() throws {
    let zero = try PublishedPercentage("0", decimals: 0)
    #expect(zero.consistentCounts(of: 300) == 0...1)  // 1/300 = 0.33 % rounds to 0
    let hundred = try PublishedPercentage("100", decimals: 0)
    #expect(hundred.consistentCounts(of: 300) == 299...300)
    #expect(try PublishedPercentage("43.20", decimals: 2).consistentCounts(of: 1000) == 432...432)
  }

  @Test(arguments: ["-1", "100.5", "abc", "", "61,5", "1e2", ".5", "5."])
  func rejectsBadPercentages(_ text: String) {
    #expect(throws: InputError.self) { try PublishedPercentage(text, decimals: 1) }
  }

  @Test func rejectsMoreDecimalsThanDeclared() {
    #expect(throws: InputError.self) { try PublishedPercentage("12.5", decimals: 0) }
    #expect(throws: InputError.self) { try PublishedPercentage("12", decimals: 7) }
  }

  @Test func segmentListOfPercentages() throws {
    let p = try SegmentList.percentages(" group-owned = 61 ,decentralised=43.2", decimals: 1)
    #expect(p.map(\.name) == ["group-owned", "decentralised"])
    #expect(p.map(\.percentage.text) == ["61", "43.2"])
    #expect(throws: InputError.self) { try SegmentList.percentages("a=61.25", decimals: 1) }
  }
}
