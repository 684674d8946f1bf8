// End-to-end tests of `resample fisher`: 2×2 odds ratio, r×c exact and Monte Carlo, errors.
import Foundation
import Testing
import _TestSupport

@Suite struct FisherCLITests {
  @Test func twoByTwoMatchesRAndMpmath() throws {
    // R: fisher.test(matrix(c(3,1,1,3),2)) p = 0.4857; mpmath (50 digits) conditional MLE
    // 6.408319658199674, 95% CI [0.21173559544657858, 626.243530588814].
    let obj = try runCLIJSON(["fisher", "--table", "3,1;1,3"])
    #expect(obj["method"] as? String == "exact")
    #expect(isClose(obj["p_value"] as? Double ?? 0, 0.4857142857142857, relative: 1e-12))
    #expect(isClose(obj["odds_ratio"] as? Double ?? 0, 6.408319658199674, relative: 1e-10))
    let ci = try #require(obj["odds_ratio_ci"] as? [Double])
    #expect(ci.count == 2)
    #expect(isClose(ci[0], 0.21173559544657858, relative: 1e-10))
    #expect(isClose(ci[1], 626.243530588814, relative: 1e-10))
  }

  @Test func infiniteLimitsAreNull() throws {
    let obj = try runCLIJSON(["fisher", "--table", "10,0;0,10"])
    #expect(obj["odds_ratio"] is NSNull)
    let ci = try #require(obj["odds_ratio_ci"] as? [Any])
    #expect(ci[0] is Double && ci[1] is NSNull)
  }

  @Test func rByCExactMatchesR() throws {
    // W4 (Benchmarks/peers/README.md), R fisher.test: 0.11195807755280184.
    let obj = try runCLIJSON(["fisher", "--table", "12,5,9,14;7,14,3,10;20,25,17,20"])
    #expect(obj["method"] as? String == "exact")
    #expect(obj["odds_ratio"] == nil)
    #expect(isClose(obj["p_value"] as? Double ?? 0, 0.11195807755280184, relative: 1e-10))
  }

  @Test func monteCarloForcedOrAsFallbackIsLabelled() throws {
    let forced = try runCLIJSON([
      "fisher", "--table", "12,5,9;7,14,3", "--monte-carlo", "4000",
      "--seed", "3",
    ])
    #expect(forced["method"] as? String == "monte-carlo")
    let mc = try #require(forced["monte_carlo"] as? [String: Any])
    let p = try #require(forced["p_value"] as? Double)
    let se = try #require(mc["standard_error"] as? Double)
    #expect(abs(p - 0.015268028712334751) <= 4 * se + 1.0 / 4001)
    let fallback = try runCLIJSON([
      "fisher", "--table", "12,5,9,14;7,14,3,10;20,25,17,20",
      "--work-limit", "10", "--seed", "5",
    ])
    #expect(fallback["method"] as? String == "monte-carlo")
    let warnings = try #require(fallback["warnings"] as? [String])
    #expect(warnings.contains { $0.contains("Monte Carlo") })
    let mc2 = try #require(fallback["monte_carlo"] as? [String: Any])
    #expect(mc2["seed"] as? Int == 5 && mc2["replicates"] as? Int == 100_000)
  }

  @Test func textAndCsv() throws {
    let text = try runCLI(["fisher", "--table", "3,1;1,3"])
    #expect(text.status == 0 && text.stdout.contains("odds ratio (conditional MLE)"))
    let csv = try runCLI(["fisher", "--table", "3,1;1,3", "--format", "csv"])
    #expect(csv.stdout.hasPrefix("p_value,method,odds_ratio"))
  }

  @Test(arguments: [
    (["--table", "1,2;3"], "ragged"), (["--table", "1,-2;3,4"], "negative"),
    (["--table", "1,2,3;4,5,6", "--alternative", "less"], "--alternative"),
    (["--table", "1,2;3,4", "--level", "2"], "--level"),
    (["--table", "1,2;3,4", "--alternative", "up"], "--alternative"),
  ])
  func badInputExits64(args: [String], fragment: String) throws {
    let r = try runCLI(["fisher"] + args)
    #expect(r.status == 64 && r.stderr.contains(fragment), "\(r.stderr)")
    #expect(r.stderr.split(separator: "\n").count == 1)
  }
}
