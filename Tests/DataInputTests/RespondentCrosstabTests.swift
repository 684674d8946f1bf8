// RespondentCrosstabTests.swift: tallying a table from rows — category order (declared, numeric,
// first appearance), frequency weights, non-answers left out and counted, refusals. R agreement
// is checked through the CLI (CLITests/CrosstabDataCLITests).
import ResampleCore
import Testing
import _TestSupport

@testable import DataInput

private func columns(_ text: String, weight: String? = nil) throws -> CSVColumns {
  try CSVColumns.parse(
    Array(text.utf8), source: "t.csv", numeric: [weight].compactMap { $0 }, labels: ["a", "b"])
}

@Suite struct RespondentCrosstabTests {
  @Test func numericLabelsSortAsNumbersOthersByFirstAppearance() throws {
    let f = try columns("a,b\n10,y\n2,x\n1.5,y\n2,y\n10,x\n")
    let t = try RespondentCrosstab.tally(f, rows: "a", columns: "b")
    #expect(t.rowLabels == ["1.5", "2", "10"] && t.rowOrder == .numeric)
    #expect(t.columnLabels == ["y", "x"] && t.columnOrder == .firstAppearance)
    #expect(t.counts == [[1, 0], [1, 1], [1, 1]] && t.respondents == 5)
  }

  @Test func declaredOrderKeepsAbsentCategoriesAsZeros() throws {
    let f = try columns("a,b\nHigh,x\nLow,y\nHigh,y\n")
    let t = try RespondentCrosstab.tally(
      f, rows: "a", columns: "b", rowOrder: ["Low", "Medium", "High"])
    #expect(t.rowLabels == ["Low", "Medium", "High"] && t.rowOrder == .declared)
    #expect(t.counts == [[0, 1], [0, 0], [1, 1]])
    #expect(throws: InputError.self) {
      try RespondentCrosstab.tally(f, rows: "a", columns: "b", rowOrder: ["Low"])
    }
    #expect(throws: InputError.self) {
      try RespondentCrosstab.tally(f, rows: "a", columns: "b", rowOrder: ["Low", "High", "Low"])
    }
  }

  @Test func frequencyWeightsAndNonAnswers() throws {
    let f = try columns("a,b,w\n1,x,3\n2,x,2\n,x,4\nNA,y,5\n2,DK,1\n1,y,0\n", weight: "w")
    let t = try RespondentCrosstab.tally(
      f, rows: "a", columns: "b", frequencyWeight: "w", missing: ["NA", "DK"])
    #expect(t.counts == [[3], [2]] && t.respondents == 5)
    #expect(t.columnLabels == ["x"])
    let left = Dictionary(
      uniqueKeysWithValues: t.excluded.map { ("\($0.column)=\($0.label)", $0.count) })
    #expect(left == ["a=": 4, "a=NA": 5, "b=DK": 1])
    let bad = try columns("a,b,w\n1,x,1.5\n", weight: "w")
    #expect(throws: InputError.self) {
      try RespondentCrosstab.tally(bad, rows: "a", columns: "b", frequencyWeight: "w")
    }
    let none = try columns("a,b\nNA,x\n")
    #expect(throws: InputError.self) {
      try RespondentCrosstab.tally(none, rows: "a", columns: "b", missing: ["NA"])
    }
  }
}
