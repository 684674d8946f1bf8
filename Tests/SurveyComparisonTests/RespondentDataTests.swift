import DataInput
import ResampleCore
import Testing
import _TestSupport

@testable import SurveyComparison

@Suite struct RespondentDataTests {
  static func table(_ text: String) throws -> CSVTable {
    try CSVTable.parse(Array(text.utf8), source: "t.csv")
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
    guard case .respondents(let answers, let weights) = qs[0].data else {
      Issue.record("expected respondent data")
      return
    }
    #expect(answers == [[true, false], [true, false]])  // the empty answer in row 5 is missing
    #expect(weights == [[1, 2], [1, 0.5]])
    guard case .respondents(let a2, _) = qs[1].data else { return }
    #expect(a2 == [[true, false, true], [true]])
  }

  @Test func errorsNameTheLine() throws {
    let t = try Self.table("seg,q1\nA,yes\n ,no\nB,yes\n")
    do {
      _ = try RespondentData.questions(table: t, segmentColumn: "seg")
      Issue.record("expected an error")
    } catch let e as InputError {
      #expect(e.description.contains("t.csv line 3"))
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
