// RankCLIFixtures.swift: the rank-test fixtures (Tests/Fixtures/ranktests/rank_commands_*.json)
// as the ranksum, signrank and kruskal end-to-end tests read them.
import Foundation
import Testing
import _TestSupport

/// Writes a sample as a number file (one value per line, as `boot --sample-a` reads them).
func writeSample(_ name: String, _ values: [Double]) throws -> String {
  try writeTemporaryFile(name, values.map { "\($0)" }.joined(separator: "\n") + "\n")
}

/// A JSON interval end: null stands for the open side of a one-sided interval.
func intervalEnd(_ any: Any?, open: Double) -> Double { any is NSNull ? open : fixtureNumber(any) }

/// The data of the rank-test fixture's cases of one kind, in file order.
func rankCaseData(_ kind: String) throws -> [FixtureSampleCase] {
  try decodeFixtureCases(FixtureSampleCase.self, "ranktests/rank_commands_r.json", key: kind)
}

/// One R result of a rank-test fixture case, with SciPy's result for the same options.
struct RankFixtureRun {
  var alternative: String
  var correct: Bool
  /// R's results of `wilcox.test` by R's rule (`auto`) and with `exact = FALSE` (`normal`).
  var r: [String: Any]
  var scipy: [String: Any]
  /// The case name with the options, for messages.
  var label: String
}

/// Calls `body` with each case of the fixture's `kind` ("ranksum", "signrank") and its runs
/// that are two-sided with correction (R's defaults) or `oneSided` without.
func forEachRankFixtureCase(
  _ kind: String, oneSided: String,
  _ body: (FixtureSampleCase, [RankFixtureRun]) throws -> Void
) throws {
  let r = try fixtureCases("ranktests/rank_commands_r.json", key: kind)
  let s = try fixtureCases("ranktests/rank_commands_scipy.json", key: kind)
  let data = try rankCaseData(kind)
  #expect(data.count == r.count)
  for ((c, sc), d) in zip(zip(r, s), data) {
    let name = c["name"] as? String ?? ""
    #expect(d.name == name)
    let results = c["results"] as? [[String: Any]] ?? []
    let scipy = sc["results"] as? [[String: Any]] ?? []
    var runs: [RankFixtureRun] = []
    for (i, res) in results.enumerated() {
      let alt = res["alternative"] as? String ?? ""
      let correct = res["correct"] as? Bool ?? true
      guard (alt == "two-sided" && correct) || (alt == oneSided && !correct) else { continue }
      runs.append(
        RankFixtureRun(
          alternative: alt, correct: correct, r: res, scipy: i < scipy.count ? scipy[i] : [:],
          label: "\(name) \(alt) correct=\(correct)"))
    }
    try body(d, runs)
  }
}

/// Checks a rank command's JSON against R's result by R's rule: the statistic, p-value
/// (relative 1e-9) and method, and the estimate named `estimateKey`.
func expectRankJSONMatchesR(
  _ obj: [String: Any], _ ref: [String: Any], estimateKey: String, _ label: String
) {
  for key in ["statistic", "p_value", "method", estimateKey] {
    #expect(obj[key] != nil, "missing \(key)")
  }
  #expect(fixtureNumber(obj["statistic"]) == fixtureNumber(ref["statistic"]), "\(label)")
  #expect(
    isClose(fixtureNumber(obj["p_value"]), fixtureNumber(ref["p"]), relative: 1e-9),
    "\(label): \(obj["p_value"] ?? "") vs R \(ref["p"] ?? "")")
  #expect(
    (obj["method"] as? String) == ((ref["exact"] as? Bool ?? false) ? "exact" : "normal"),
    "\(label)")
  #expect(
    isClose(fixtureNumber(obj[estimateKey]), fixtureNumber(ref["estimate"]), relative: 1e-9),
    "\(label)")
}
