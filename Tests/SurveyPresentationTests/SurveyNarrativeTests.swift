// SurveyNarrativeTests.swift: the assumptions and methods lists say what the numbers rest on.
import SurveyComparison
import SurveyPresentation
import Testing

@Suite struct SurveyNarrativeTests {
  private static func result(
    _ edit: (inout SurveyComparisonOptions) throws -> Void = { _ in }
  ) throws -> SurveyComparisonResult {
    let q = try SurveyQuestion(
      name: "Ardour", segmentNames: ["group-owned", "decentralised"],
      data: .percentages(
        [PublishedPercentage("61", decimals: 0), PublishedPercentage("43", decimals: 0)],
        sizeRanges: [1...155, 1...155], total: 156))
    var o = SurveyVerdictTextTests.options()
    o.computePower = false
    try edit(&o)
    return try SurveyComparison.compare([q], options: o)
  }

  @Test func assumptionsNameTheSplitTheDesignAndTheAdjustment() throws {
    let a = SurveyVerdictText.assumptions(try Self.result())
    #expect(a.contains { $0.contains("only percentages are published") && $0.contains("156") })
    #expect(a.contains { $0.contains("simple random samples") })
    #expect(a.contains { $0.contains("holm") })
    let deff = SurveyVerdictText.assumptions(
      try Self.result { $0.designEffect = try DesignEffect(1.5) })
    #expect(deff.contains { $0.contains("Design effect 1.50") })
    // max-T needs respondent rows.
    let rows = try SurveyQuestion(
      name: "q", segmentNames: ["a", "b"],
      data: .respondents(
        answers: [(0..<40).map { $0 % 3 == 0 }, (0..<40).map { $0 % 2 == 0 }], weights: nil))
    var o = SurveyVerdictTextTests.options()
    o.computePower = false
    o.maxT = true
    let maxT = SurveyVerdictText.assumptions(try SurveyComparison.compare([rows], options: o))
    #expect(maxT.contains { $0.contains("max-T") })
  }

  @Test func methodsFollowTheOptions() throws {
    let m = SurveyVerdictText.methods(try Self.result())
    #expect(m.first { $0.role == "pairwise test" }?.method.hasPrefix("Fisher exact") == true)
    #expect(m.contains { $0.role == "sensitivity" })
    let d = SurveyVerdictText.methods(try Self.result { $0.designEffect = try DesignEffect(2) })
    #expect(d.first { $0.role == "pairwise test" }?.method.contains("Rao–Scott") == true)
  }
}
