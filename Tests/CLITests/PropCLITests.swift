// End-to-end tests of `resample prop`: one- and two-sample JSON contracts, errors.
import Foundation
import Testing
import _TestSupport

@Suite struct PropCLITests {
  @Test func oneSampleMatchesRAndStatsmodels() throws {
    let obj = try runCLIJSON(["prop", "--x", "31", "--n", "50"])
    #expect(obj["estimate"] as? Double == 0.62)
    let intervals = try #require(obj["intervals"] as? [String: [Double]])
    #expect(
      Set(intervals.keys) == [
        "wilson", "wilson_cc", "clopper_pearson", "agresti_coull", "jeffreys", "wald",
      ])
    // Tests/Fixtures/proportions: R binom.test and prop.test for 31/50.
    let fixture = try #require(loadJSONFixture("proportions/proportions_r.json") as? [String: Any])
    let cases = try #require(fixture["one_sample"] as? [[String: Any]])
    let ref = try #require(cases.first { $0["x"] as? Int == 31 && $0["n"] as? Int == 50 })
    for key in ["clopper_pearson", "wilson_cc", "wilson"] {
      let want = try #require(ref[key] as? [Double])
      let got = try #require(intervals[key])
      #expect(
        isClose(got[0], want[0], relative: 1e-10) && isClose(got[1], want[1], relative: 1e-10))
    }
  }

  @Test func twoSampleContract() throws {
    let obj = try runCLIJSON(["prop", "--x", "31", "--n", "50", "--x2", "21", "--n2", "49"])
    for key in [
      "difference", "z_statistic", "p_value", "intervals", "prop_test", "cohens_h",
      "risk_ratio", "odds_ratio",
    ] {
      #expect(obj.keys.contains(key), "missing \(key)")
    }
    let intervals = try #require(obj["intervals"] as? [String: [Double]])
    #expect(
      Set(intervals.keys) == [
        "newcombe", "agresti_caffo", "wald", "wald_cc", "miettinen_nurminen",
      ])
    // statsmodels 0.15 newcomb: [-0.004595050776958404, 0.36806914324043327]
    let n = try #require(intervals["newcombe"])
    #expect(isClose(n[0], -0.004595050776958404, relative: 1e-10))
    #expect(isClose(n[1], 0.36806914324043327, relative: 1e-10))
    let pt = try #require(obj["prop_test"] as? [String: Double])
    // R prop.test(c(31, 21), c(50, 49)): X-squared = 2.9096, p = 0.08805
    #expect(abs((pt["statistic"] ?? 0) - 2.9096) < 1e-4)
    let rr = try #require(obj["risk_ratio"] as? [String: Any])
    #expect((rr["ci"] as? [Double])?.count == 2)
  }

  @Test func boundaryCasesGiveIntervalsInsideTheUnitInterval() throws {
    for (x, n) in [("0", "1"), ("1", "1"), ("0", "30"), ("30", "30")] {
      let obj = try runCLIJSON(["prop", "--x", x, "--n", n, "--level", "0.99"])
      let intervals = try #require(obj["intervals"] as? [String: [Double]])
      for (_, ci) in intervals { #expect(ci[0] >= 0 && ci[1] <= 1 && ci[0] <= ci[1]) }
    }
    let text = try runCLI(["prop", "--x", "0", "--n", "10", "--x2", "0", "--n2", "12"])
    #expect(text.status == 0 && text.stdout.contains("warning:"))
  }

  @Test(arguments: [
    (["--x", "5", "--n", "4"], "--x"), (["--x", "1", "--n", "0"], "--n"),
    (["--x", "3.5", "--n", "4"], "--x"), (["--x", "1", "--n", "4", "--x2", "3"], "--n2"),
    (["--x", "1", "--n", "4", "--x2", "5", "--n2", "4"], "--x2"),
    (["--x", "1", "--n", "4", "--level", "1.5"], "--level"),
  ])
  func badInputExits64(args: [String], fragment: String) throws {
    let r = try runCLI(["prop"] + args)
    #expect(r.status == 64 && r.stderr.contains(fragment), "\(r.stderr)")
    #expect(r.stderr.split(separator: "\n").count == 1)
  }
}
