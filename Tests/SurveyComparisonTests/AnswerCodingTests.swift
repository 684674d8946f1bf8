// Tests for AnswerCoding, QuestionSelector and CategoryLabels: which respondent columns are
// yes/no questions, and how category labels are shown and ordered.
import DataInput
import ResampleCore
import Testing

@testable import SurveyComparison

@Suite struct AnswerCodingTests {
  static func coding(
    _ column: String, _ cells: [String], answer: String? = nil, missing: [String] = []
  ) throws -> AnswerCoding {
    try AnswerCoding(
      selector: QuestionSelector(column: column, answer: answer), cells: cells,
      missing: missing, source: "t.csv")
  }

  @Test func labelsShownShortAndOrderedByValue() {
    #expect(CategoryLabels.display("6.0") == "6" && CategoryLabels.display("2.50") == "2.5")
    #expect(CategoryLabels.display("-0.0") == "0" && CategoryLabels.display("High") == "High")
    #expect(CategoryLabels.ordered(["7", "10", "2"]) == (["2", "7", "10"], true))
    #expect(CategoryLabels.ordered(["b", "a", "1"]) == (["b", "a", "1"], false))
    #expect(CategoryLabels.summary(["1", "2", "3", "4"]) == "1..4")
  }

  @Test func selectorsSplitAtTheFirstEqualsUnlessAColumnHasThatName() {
    #expect(
      QuestionSelector("selfLR=7", header: ["selfLR"]) == .init(column: "selfLR", answer: "7"))
    #expect(QuestionSelector(" q = a=b ", header: ["q"]) == .init(column: "q", answer: "a=b"))
    #expect(QuestionSelector("x=1", header: ["x=1"]) == .init(column: "x=1", answer: nil))
  }

  @Test func yesNoAndZeroOneColumnsStayOneQuestion() throws {
    let c = try Self.coding("q", ["yes", "No", "", "NA", "y"])
    #expect(c.name == "q")
    #expect(["yes", "No", "", "NA", "y"].map(c.answer) == [true, false, nil, nil, true])
    let floats = try Self.coding("vote", ["1.0", "0.0", "1"])  // pandas writes 0/1 as floats
    #expect(["1.0", "0.0", "1"].map(floats.answer) == [true, false, true])
  }

  @Test func declaredNonAnswersAreLeftOutAndCounted() throws {
    let cells = ["yes", "no", "Don't know", "-9.0", "yes"]
    let c = try Self.coding("q", cells, missing: ["Don't know", "-9"])
    #expect(cells.map(c.answer) == [true, false, nil, nil, true])
    #expect(c.excluded.map(\.label) == ["Don't know", "-9"] && c.excluded.map(\.count) == [1, 1])
  }

  @Test func pickedAnswerIsTheShareGivingIt() throws {
    let c = try Self.coding("selfLR", ["7.0", "3.0", "", "7"], answer: "7")
    #expect(c.name == "selfLR = 7")
    #expect(["7.0", "3.0", "", "7"].map(c.answer) == [true, false, nil, true])
    #expect(throws: InputError.self) { try Self.coding("selfLR", ["7.0", "3.0"], answer: "8") }
  }

  @Test(arguments: [
    (["6.0", "1.0", "7.0", "2.0", "3.0", "4.0", "5.0"], "has 7 answers (1..7)"),
    (["yes", "no", "Don't know"], "--missing \"Don't know\""),
    ((200..<240).map(String.init), "numeric column with 40 distinct values (200 to 239)"),
    (["low", "high"], "q=VALUE"),
  ])
  func multiCategoryColumnsAreRefusedSayingWhatWasFound(_ cells: [String], _ fragment: String) {
    do {
      _ = try Self.coding("q", cells)
      Issue.record("expected a refusal")
    } catch let e as InputError {
      #expect(e.description.contains(fragment), "\(e.description)")
      #expect(e.description.contains("yes/no questions"))
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  @Test func numericSegmentsAreOrderedByValueAndStated() throws {
    let t = try CSVTable.parse(
      Array("seg,q\n6.0,yes\n1.0,no\n6,no\n10,yes\n".utf8), source: "t.csv")
    let r = try RespondentData.read(table: t, segmentColumn: "seg")
    #expect(r.questions[0].segmentNames == ["1", "6", "10"])
    #expect(r.notes.first?.contains("ordered by value, 1, 6, 10") == true)
    guard case .respondents(let answers, _) = r.questions[0].data else {
      Issue.record("expected respondent data")
      return
    }
    #expect(answers == [[false], [true, false], [true]])
  }
}
