// PropDesignCLITests.swift: `resample prop --data F --column Q` with a survey design against R
// survey's svymean and svyciprop (Tests/Fixtures/survey-design/generate.R), and without one.
import Foundation
import Testing
import _TestSupport

@Suite struct PropDesignCLITests {
  @Test(arguments: [
    ("apiclus1", "apiclus1.csv", ["--weight", "pw", "--cluster", "dnum", "--fpc", "fpc"]),
    ("apistrat", "apistrat.csv", ["--weight", "pw", "--strata", "stype", "--fpc", "fpc"]),
    ("apisrs", "apisrs.csv", ["--weight", "pw"]),
    (
      "apiclus1_boot", "apiclus1_boot.csv",
      [
        "--weight", "pw", "--replicate-weights", "bw*", "--replicate-type", "bootstrap",
        "--replicate-scale", "0.021865889212827987",
      ]
    ),
  ])
  func designProportionMatchesSvyciprop(design: String, file: String, options: [String]) throws {
    let root = try #require(loadJSONFixture("survey-design/expected.json") as? [String: Any])
    let d = try #require(
      (root["designs"] as? [[String: Any]])?.first { $0["name"] as? String == design })
    let q = try #require(
      (d["questions"] as? [[String: Any]])?.first { $0["column"] as? String == "comp.imp" })
    let ref = try #require(q["overall"] as? [String: Any])
    let j = try runCLIJSON(
      ["prop", "--data", fixtureURL("survey-design/" + file).path, "--column", "comp.imp=Yes"]
        + options)
    #expect(j["df"] as? Int == d["degf"] as? Int)
    for (ours, theirs) in [("estimate", "proportion"), ("standard_error", "standard_error")] {
      #expect(
        isClose(fixtureNumber(j[ours]), fixtureNumber(ref[theirs]), relative: 1e-6),
        "\(design) \(ours)")
    }
    let intervals = try #require(j["intervals"] as? [String: Any])
    for m in ["logit", "beta"] {
      for (x, y) in zip(fixtureNumbers(intervals[m]), fixtureNumbers(ref[m])) {
        #expect(isClose(x, y, relative: 1e-6), "\(design) \(m): \(x) vs \(y)")
      }
    }
  }

  @Test func withoutADesignTheCountsGiveTheUsualIntervals() throws {
    let csv = try writeTemporaryFile("prop.csv", "q,f\n1,3\n0,7\n,2\n")
    let fromData = try runCLIJSON(["prop", "--data", csv, "--column", "q", "--freq-weight", "f"])
    let fromCounts = try runCLIJSON(["prop", "--x", "3", "--n", "10"])
    #expect(
      try JSONSerialization.data(withJSONObject: fromData, options: .sortedKeys)
        == JSONSerialization.data(withJSONObject: fromCounts, options: .sortedKeys))
    let r = try runCLI(["prop", "--data", csv, "--x", "3", "--n", "10", "--column", "q"])
    #expect(r.status == 64, "\(r.stderr)")
  }
}
