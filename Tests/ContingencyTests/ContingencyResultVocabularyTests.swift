// The table tests' results in the shared vocabulary (HypothesisTestResult, IntervalEstimate).
import Contingency
import ResampleCore
import Testing

/// What a report of "a test" reads, through the protocol only.
private func summary(_ r: some HypothesisTestResult) -> (
  Double, Double, Alternative, String, [String]
) {
  (r.testStatistic, r.pValue, r.alternative, r.method.rawValue, r.diagnostics.map(\.description))
}

@Test func chiSquaredSpeaksTheVocabulary() throws {
  let r = try chiSquaredTest(ContingencyTable(rows: [[2, 3], [4, 1]]))
  let (stat, p, alt, method, notes) = summary(r)
  #expect(stat == r.statistic && p == r.pValue && alt == .twoSided)
  #expect(method == "pearson-yates")
  #expect(notes == r.warnings.map(\.description) && !notes.isEmpty)
  let none = try chiSquaredTest(ContingencyTable(rows: [[2, 3], [4, 1]]), correction: .none)
  #expect(none.method == .pearson)
}

@Test func fisherAndMcNemarSpeakTheVocabulary() throws {
  let f = try fisherExactTest(ContingencyTable(rows: [[10, 0], [5, 5]]))
  let (stat, p, _, method, _) = summary(f)
  #expect(stat.isNaN && p == f.pValue && method == "exact")
  let or = try #require(f.oddsRatio)
  #expect(or.method == .conditionalExact && or.upper == .infinity && or.covers(1e300))

  let m = try mcNemarTest(ContingencyTable(rows: [[5, 0], [0, 7]]))
  #expect(m.method == .chiSquared)  // b = c: R applies no correction
  #expect(m.diagnostics == [.noDiscordantPairs] && m.testStatistic.isNaN)
  let few = try mcNemarTest(ContingencyTable(rows: [[10, 6], [2, 20]]))
  #expect(few.method == .chiSquaredCorrected && few.diagnostics == [.fewDiscordantPairs(8)])
  #expect(few.diagnostics[0].description.contains("only 8 discordant pairs"))
}
