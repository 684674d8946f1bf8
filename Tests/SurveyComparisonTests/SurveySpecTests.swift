import ResampleCore
import Testing
import _TestSupport

@testable import SurveyComparison

@Suite struct SurveySpecTests {
  @Test func readsTheCommittedSpec() throws {
    let s = try SurveySpec.read(path: fixtureURL("survey/spec.json").path)
    #expect(s.questions.count == 2)
    #expect(s.questions[0].segmentNames == ["group-owned", "decentralised"])
    #expect(s.questions[1].data == .counts(yes: [50, 32], sizes: [82, 74]))
    #expect(s.paired?.n == 156)
  }

  @Test(arguments: [
    "[]", "{\"questions\": 3}", "{\"questions\": [{\"name\": \"x\"}]}", "{\"bogus\": 1}",
    "{\"questions\": [{\"percent\": \"a=61,b=43\"}]}", "{\"decimals\": 1.5}",
    "{\"paired\": {\"percent\": \"a=51\", \"n\": 156}}", "{}",
  ])
  func rejectsInvalidSpecs(_ text: String) {
    #expect(throws: InputError.self) { try SurveySpec.parse(Array(text.utf8), source: "s.json") }
  }
}
