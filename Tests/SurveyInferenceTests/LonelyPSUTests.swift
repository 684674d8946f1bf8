// LonelyPSUTests.swift: a stratum with a single PSU under each rule, against R survey's
// survey.lonely.psu (Tests/Fixtures/survey-design/lonely/generate.R), and the default refusal.
import DataInput
import Foundation
import ResampleCore
import Testing
import _TestSupport

@testable import SurveyInference

@Suite struct LonelyPSUTests {
  private static func design(_ policy: LonelyPSUPolicy) throws -> (SurveyDesign, CSVTable) {
    let t = try CSVTable.read(path: fixtureURL("survey-design/lonely/lonely.csv").path)
    let sample = try StratifiedClusterSample(
      rows: t.rows.count, strata: try t.column(named: "st"), clusters: try t.column(named: "psu"),
      fpc: nil, lonelyPSU: policy)
    let w = try t.column(named: "w").map { Double($0) ?? .nan }
    return (try SurveyDesign(weights: w, sample: sample), t)
  }

  @Test(arguments: [LonelyPSUPolicy.certainty, .adjust, .average])
  func matchesR(_ policy: LonelyPSUPolicy) throws {
    let root = try #require(
      loadJSONFixture("survey-design/lonely/expected.json") as? [String: Any])
    let ref = try #require(root[policy.rawValue] as? [String: Any])
    let (d, t) = try Self.design(policy)
    let answers: [Bool?] = try t.column(named: "y").map { $0 == "1" }
    let p = try SurveyProportion(answers: answers, design: d)
    #expect(isClose(p.estimate, fixtureNumber(ref["estimate"]), relative: 1e-12))
    #expect(isClose(p.standardError, fixtureNumber(ref["standard_error"]), relative: 1e-12))
    let seg = try t.column(named: "seg")
    let c = try DomainProportions(
      name: "y", answers: answers, segmentOfRow: seg.map { $0 == "A" ? 0 : 1 },
      segmentNames: ["A", "B"], design: d)
    for (s, r) in zip(c.segments, fixtureNumbers(ref["segment_standard_errors"])) {
      #expect(isClose(s.standardError, r, relative: 1e-12), "\(policy) \(s.name)")
    }
  }

  @Test func failIsTheDefaultAndNamesTheStratum() {
    expectError(InputError.self, mentioning: "'b' has a single PSU") { _ = try Self.design(.fail) }
  }
}
