// End-to-end tests of `resample prop`'s score intervals: intervals.miettinen_nurminen,
// risk_ratio.score_ci and odds_ratio.score_ci against Tests/Fixtures/proportions/
// score_intervals.py, and infinite limits as JSON null / text inf.
import Foundation
import Testing
import _TestSupport

@Suite struct PropScoreIntervalsCLITests {
  @Test func jsonCarriesTheThreeScoreIntervals() throws {
    let cases = try fixtureCases("proportions/score_intervals_py.json", key: "difference")
    let ratios = try fixtureCases("proportions/score_intervals_py.json", key: "risk_ratio")
    let odds = try fixtureCases("proportions/score_intervals_py.json", key: "odds_ratio")
    func matching(_ list: [[String: Any]], _ c: [String: Any]) -> [String: Any]? {
      list.first { d in
        ["x1", "n1", "x2", "n2"].allSatisfy { d[$0] as? Int == c[$0] as? Int }
          && d["level"] as? Double == c["level"] as? Double
      }
    }
    var checked = 0
    for c in cases.prefix(12) {
      let args = ["x1", "n1", "x2", "n2"].map { "\(c[$0] as? Int ?? -1)" }
      let level = c["level"] as? Double ?? 0
      let obj = try runCLIJSON([
        "prop", "--x", args[0], "--n", args[1], "--x2", args[2], "--n2", args[3], "--level",
        "\(level)",
      ])
      let intervals = try #require(obj["intervals"] as? [String: [Double]])
      let mn = try #require(intervals["miettinen_nurminen"])
      let want = fixtureNumbers(c["interval"])
      #expect(isClose(mn[0], want[0], relative: 1e-9) && isClose(mn[1], want[1], relative: 1e-9))
      for (key, list) in [("risk_ratio", ratios), ("odds_ratio", odds)] {
        let ratio = try #require(obj[key] as? [String: Any])
        let ci = try #require(ratio["score_ci"] as? [Double])
        guard let ref = matching(list, c) else { continue }
        let w = fixtureNumbers(ref["score_roots"])
        guard w.count == 2 else { continue }
        #expect(isClose(ci[0], w[0], relative: 1e-9) && isClose(ci[1], w[1], relative: 1e-9))
        checked += 1
      }
    }
    #expect(checked >= 20)
  }

  @Test func infiniteLimitsAreNullInJSONAndInfInText() throws {
    let obj = try runCLIJSON(["prop", "--x", "5", "--n", "10", "--x2", "0", "--n2", "10"])
    let rr = try #require(obj["risk_ratio"] as? [String: Any])
    let ci = try #require(rr["score_ci"] as? [Any])
    #expect(ci.count == 2 && ci[0] is Double && ci[1] is NSNull)
    let text = try runCLI(["prop", "--x", "5", "--n", "10", "--x2", "0", "--n2", "10"])
    #expect(text.status == 0)
    #expect(text.stdout.contains("Miettinen–Nurminen (score)"))
    let line = text.stdout.split(separator: "\n").first { $0.contains("risk ratio, score") }
    #expect(line?.contains("inf") == true)
    let csv = try runCLI([
      "prop", "--x", "5", "--n", "10", "--x2", "0", "--n2", "10", "--format", "csv",
    ])
    #expect(csv.stdout.contains("risk_ratio_score,") && csv.stdout.contains(",inf,"))
  }

  @Test func oneSidedScoreIntervalsOpenTheFarEnd() throws {
    let obj = try runCLIJSON([
      "prop", "--x", "15", "--n", "40", "--x2", "25", "--n2", "45", "--alternative", "less",
    ])
    let intervals = try #require(obj["intervals"] as? [String: [Double]])
    #expect(intervals["miettinen_nurminen"]?[0] == -1)
    let or = try #require(obj["odds_ratio"] as? [String: Any])
    #expect((or["score_ci"] as? [Double])?[0] == 0)
  }
}

/// `prop --exact-unconditional`: Chan–Zhang's interval and Barnard's p-value in JSON, CSV and
/// text, against the independent numpy implementation (`proportions/exact_unconditional.py`).
@Test func exactUnconditionalReachesEveryFormat() throws {
  let c = try #require(
    try fixtureCases("proportions/exact_unconditional_py.json").first {
      fixtureNumber($0["x1"]) == 7 && fixtureNumber($0["n2"]) == 25
    })
  let args = ["prop", "--x", "7", "--n", "20", "--x2", "2", "--n2", "25", "--exact-unconditional"]
  let obj = try runCLIJSON(args)
  let exact = try #require(obj["exact_unconditional"] as? [String: Any])
  #expect(exact["method"] as? String == "chan-zhang")
  #expect(exact["nuisance_grid"] as? Int == 1000)
  let ci = fixtureNumbers(exact["interval"])
  let want = fixtureNumbers(c["ci95"])
  #expect(abs(ci[0] - want[0]) <= 1e-6 && abs(ci[1] - want[1]) <= 1e-6, "\(ci) vs \(want)")
  let barnard = try #require(c["barnard"] as? [String: Any])
  #expect(
    isClose(fixtureNumber(exact["p_value"]), fixtureNumber(barnard["two-sided"]), relative: 1e-6))
  // Without the flag the output has no such key (it costs up to a second).
  #expect(try runCLIJSON(Array(args.dropLast()))["exact_unconditional"] == nil)
  let csv = try runCLI(args + ["--format", "csv"])
  #expect(
    csv.stdout.contains("difference_exact_unconditional,") && csv.stdout.contains("barnard_exact,"))
  let text = try runCLI(args)
  #expect(text.stdout.contains("exact unconditional (Chan–Zhang)"))
  #expect(text.stdout.contains("Barnard exact (pooled score)"))
  let one = try runCLI(["prop", "--x", "7", "--n", "20", "--exact-unconditional"])
  #expect(one.status == 64 && one.stderr.contains("--x2"))
  let big = try runCLI([
    "prop", "--x", "70", "--n", "400", "--x2", "20", "--n2", "400",
    "--exact-unconditional",
  ])
  #expect(big.status == 64 && big.stderr.contains("40000 tables"), "\(big.stderr)")
}
