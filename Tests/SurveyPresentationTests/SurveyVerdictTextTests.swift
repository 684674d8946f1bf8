// SurveyVerdictTextTests.swift: the wording of survey verdicts and summaries.
import SurveyComparison
import SurveyPresentation
import Testing

@Suite struct SurveyVerdictTextTests {
  static func options() -> SurveyComparisonOptions {
    var o = SurveyComparisonOptions(seed: 42)
    o.replicates = 999
    o.simulations = 2000
    return o
  }

  @Test func swappingSegmentsKeepsTheVerdictSentence() throws {
    let q1 = try SurveyQuestion(
      name: "q", segmentNames: ["a", "b"], data: .counts(yes: [50, 32], sizes: [82, 74]))
    let q2 = try SurveyQuestion(
      name: "q", segmentNames: ["b", "a"], data: .counts(yes: [32, 50], sizes: [74, 82]))
    var o = Self.options()
    o.computePower = false
    let p1 = try #require(SurveyComparison.compare([q1], options: o).questions.first?.pairs.first)
    let p2 = try #require(SurveyComparison.compare([q2], options: o).questions.first?.pairs.first)
    // The verdict speaks of the higher segment and orients its interval the same way.
    let v1 = SurveyVerdictText.pair(p1, level: o.level)
    let v2 = SurveyVerdictText.pair(p2, level: o.level)
    #expect(v1 == v2)
    #expect(v2.contains("a is 17.7 points higher than b"))
    #expect(v2.contains("2.1 to 32.3 points"))
  }

  @Test func assumedSplitVerdictSaysItDependsOnTheSizes() throws {
    let q = try SurveyQuestion(
      name: "Ardour", segmentNames: ["group-owned", "decentralised"],
      data: .percentages(
        [PublishedPercentage("61", decimals: 0), PublishedPercentage("43", decimals: 0)],
        sizeRanges: [1...155, 1...155], total: 156))
    let r = try SurveyComparison.compare([q], options: Self.options())
    let pair = try #require(r.questions.first?.pairs.first)
    let v = SurveyVerdictText.pair(pair, level: r.options.level)
    #expect(v.hasPrefix("Real difference: group-owned is 18.0 points higher than decentralised"))
    #expect(v.contains("depends on the unpublished segment sizes"))
    let summary = SurveyVerdictText.overall(r)
    #expect(summary.hasPrefix(v))
    #expect(summary.contains("probably, but not certainly"))
    #expect(
      SurveyVerdictText.question(r.questions[0]).contains("1 of 1 segment difference is real"))
  }

  @Test func pValuesForPeople() {
    #expect(SurveyVerdictText.pText(0.0004) == "< 0.001")
    #expect(SurveyVerdictText.pText(0.0123) == "0.012")
    #expect(SurveyVerdictText.pText(.nan) == "n/a")
  }

  @Test func effectLabelsFollowCohen() {
    #expect(EffectSize(cohensH: 0.19) == .negligible)
    #expect(EffectSize(cohensH: -0.2) == .small)
    #expect(EffectSize(cohensH: 0.5) == .medium)
    #expect(EffectSize(cohensH: 0.8) == .large)
  }
}
