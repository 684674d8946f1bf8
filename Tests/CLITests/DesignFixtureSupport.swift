// DesignFixtureSupport.swift: the reference cases of the survey-design fixtures
// (Tests/Fixtures/survey-design/*/expected.json, written by R survey) as the design CLI tests read
// them.
import Foundation
import Testing
import _TestSupport

/// Case `name` of `survey-design/<folder>/expected.json`: R's values, the path of its data file
/// and its design options split into arguments.
func designCase(_ folder: String, _ name: String) throws -> (
  ref: [String: Any], path: String, options: [String]
) {
  let cases = try #require(
    loadJSONFixture("survey-design/\(folder)/expected.json") as? [[String: Any]])
  let ref = try #require(cases.first { $0["name"] as? String == name }, "\(folder) \(name)")
  let file = try #require(ref["file"] as? String)
  let options = try #require(ref["cli"] as? String).split(separator: " ").map(String.init)
  return (ref, fixtureURL("survey-design/" + file).path, options)
}

/// Expects our value within 1e-9 relative of R's (both as JSON numbers or strings).
func expectMatchesR(_ ours: Any?, _ theirs: Any?, _ what: String) {
  let (x, y) = (fixtureNumber(ours), fixtureNumber(theirs))
  #expect(isClose(x, y, relative: 1e-9), "\(what): \(x) vs \(y)")
}
