import ResampleCore
import Testing
import _TestSupport

@testable import SurveyComparison

@Suite struct PairedFeasibleTablesTests {
  @Test func rangeMatchesScipyBinomtestOverEveryFeasibleTable() throws {
    let f = try loadSurveyFixture()
    for c in f.paired {
      let r = try PairedFeasibleTables.enumerate(
        first: PublishedPercentage(c.percent[0], decimals: c.decimals),
        second: PublishedPercentage(c.percent[1], decimals: c.decimals), n: c.n, alpha: c.alpha)
      #expect(r.outcomes.count == c.feasibleTables)
      #expect(isClose(r.pValueRange.lowerBound, c.pValueMin, relative: 1e-9))
      #expect(isClose(r.pValueRange.upperBound, c.pValueMax, relative: 1e-9))
      #expect(abs(r.shareSignificant - c.shareSignificant) < 1e-12)
      for t in c.tables {
        let table = PairedTable(
          both: t.both, firstOnly: t.discordant[0],
          secondOnly: t.discordant[1], neither: c.n - t.a - t.b + t.both)
        let o = try #require(r.outcomes.first { $0.table == table })
        #expect(isClose(o.pValue, t.pValue, relative: 1e-9))
        #expect(isClose(PairedFeasibleTables.mcNemarExactP(table), t.pValue, relative: 1e-9))
      }
    }
  }

  @Test func marginsAreKept() throws {
    let r = try PairedFeasibleTables.enumerate(
      first: PublishedPercentage("51", decimals: 0), second: PublishedPercentage("38", decimals: 0),
      n: 156)
    for o in r.outcomes {
      let t = o.table
      #expect(t.n == 156 && t.neither >= 0)
      #expect([79, 80].contains(t.both + t.firstOnly))
      #expect([59, 60].contains(t.both + t.secondOnly))
    }
  }

  @Test func badInput() throws {
    let p = try PublishedPercentage("51", decimals: 0)
    #expect(throws: InputError.self) {
      try PairedFeasibleTables.enumerate(first: p, second: p, n: 0)
    }
    #expect(throws: InputError.self) {
      try PairedFeasibleTables.enumerate(first: p, second: p, n: 10, alpha: 1)
    }
    // 51 % of 3 respondents: no count.
    #expect(throws: InputError.self) {
      try PairedFeasibleTables.enumerate(first: p, second: p, n: 3)
    }
  }
}
