import DataInput
import ResampleCore
import Testing
import _TestSupport

@testable import SurveyComparison

@Suite struct RespondentDataTests {
  static func table(_ text: String) throws -> CSVTable {
    try CSVTable.parse(Array(text.utf8), source: "t.csv")
  }

  /// The answers and weights of a question read from respondent rows, or nil for another kind.
  static func respondents(_ q: SurveyQuestion) -> ([[Bool]], [[Double]]?)? {
    guard case .respondents(let answers, let weights) = q.data else { return nil }
    return (answers, weights)
  }

  @Test func binaryCategoricalMissingAndWeights() throws {
    let t = try Self.table(
      "seg,q1,q2,w\nA,yes,low,1\nA,NO,high,2\nB,1,,1\nB,0,low,0.5\nA,,low,1\n")
    // q2 (low/high) is not yes/no: refused unless the answer to count is named.
    #expect(throws: InputError.self) {
      try RespondentData.questions(table: t, segmentColumn: "seg", weightColumn: "w")
    }
    let qs = try RespondentData.questions(
      table: t, segmentColumn: "seg", questionColumns: ["q1", "q2=low"], weightColumn: "w")
    #expect(qs.map(\.name) == ["q1", "q2 = low"])
    #expect(qs[0].segmentNames == ["A", "B"])
    let (answers, weights) = try #require(Self.respondents(qs[0]), "expected respondent data")
    #expect(answers == [[true, false], [true, false]])  // the empty answer in row 5 is missing
    #expect(weights == [[1, 2], [1, 0.5]])
    let (a2, _) = try #require(Self.respondents(qs[1]), "expected respondent data")
    #expect(a2 == [[true, false, true], [true]])
  }

  @Test func errorsNameTheLine() throws {
    let t = try Self.table("seg,q1\nA,yes\n ,no\nB,yes\n")
    expectError(InputError.self, mentioning: "t.csv line 3") {
      try RespondentData.questions(table: t, segmentColumn: "seg")
    }
    let w = try Self.table("seg,q1,w\nA,yes,1\nB,no,-1\n")
    #expect(throws: InputError.self) {
      try RespondentData.questions(table: w, segmentColumn: "seg", weightColumn: "w")
    }
    let one = try Self.table("seg,q1\nA,yes\nA,no\n")
    #expect(throws: InputError.self) {
      try RespondentData.questions(table: one, segmentColumn: "seg")
    }
    #expect(throws: InputError.self) {
      try RespondentData.questions(table: one, segmentColumn: "seg", questionColumns: ["nope"])
    }
  }
}
