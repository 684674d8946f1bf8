// Tests for AnswerDistribution.tally, AnswerScores and the edge cases of DistributionComparison
// and WelchTTest that need no reference figures (R's figures are checked in CompareLikertCLITests).
import ResampleCore
import Testing

@testable import SurveyComparison

@Suite struct AnswerDistributionTests {
  static let segments = ["a", "b"]

  static func tally(
    _ cells: [String], order: [String]? = nil, missing: [String] = [], copies: [Int]? = nil
  ) throws -> AnswerDistribution {
    try AnswerDistribution.tally(
      name: "q", cells: cells, segmentOfRow: cells.indices.map { $0 % 2 },
      segmentNames: segments, copies: copies, order: order, missing: missing, source: "t.csv")
  }

  @Test func answersOrderedByValueFirstAppearanceOrDeclared() throws {
    let numeric = try Self.tally(["3.0", "1", "2", "3", "", "NA"])
    #expect(numeric.answers == ["1", "2", "3"] && numeric.ordering == .numeric)
    // Rows 0, 2, 4 are segment a ("3.0", "2", empty), rows 1, 3, 5 segment b ("1", "3", NA).
    #expect(numeric.counts == [[0, 1, 1], [1, 0, 1]])
    let text = try Self.tally(["High", "Low", "Low", "High"])
    #expect(text.answers == ["High", "Low"] && text.ordering == .firstAppearance)
    let declared = try Self.tally(["High", "Low", "Low", "High"], order: ["Low", "Mid", "High"])
    #expect(declared.answers == ["Low", "Mid", "High"] && declared.ordering == .declared)
    #expect(declared.counts == [[1, 0, 1], [1, 0, 1]])
  }

  @Test func frequencyWeightsAndNonAnswersAreCounted() throws {
    let d = try Self.tally(
      ["x", "y", "DK", "x"], missing: ["DK"], copies: [2, 3, 5, 1])
    #expect(d.counts == [[2, 0], [1, 3]])
    #expect(d.excluded == [AnswerDistribution.NonAnswerCount(label: "DK", count: 5)])
  }

  @Test func refusals() throws {
    #expect(throws: InputError.self) { try Self.tally(["x", "x", "DK"], missing: ["DK"]) }
    #expect(throws: InputError.self) { try Self.tally(["x", "y"], order: ["x"]) }
    #expect(throws: InputError.self) { try Self.tally(["x", "y"], order: ["x", "y", "x"]) }
    let d = try Self.tally(["x", "y"])
    #expect(throws: InputError.self) { try AnswerScores.codes.resolve(for: d) }
    #expect(throws: InputError.self) { try AnswerScores.values([1]).resolve(for: d) }
    #expect(try AnswerScores.values([1, 5]).resolve(for: d) == [1, 5])
  }

  @Test func identicalSingleAnswersGiveOneAndConstantGroupsNoWelch() throws {
    let d = try AnswerDistribution(
      name: "q", answers: ["x", "y"], ordering: .declared, segmentNames: ["a", "b", "c"],
      counts: [[4, 0], [3, 0], [1, 6]])
    let q = try #require(
      try DistributionComparison.compare([d], scores: .values([0, 1]), options: .init(seed: 1))
        .first)
    #expect(q.pairs.first?.test.test == "none" && q.pairs.first?.test.pValue == 1)
    #expect(q.meanPairs.first?.welch == nil && q.meanPairs.first?.pAdjusted.isNaN == true)
    #expect(q.segments[0].shares[1].interval?.lower == 0)
  }
}
