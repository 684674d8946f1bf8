// End-to-end tests of how a Monte Carlo p-value is printed (issue 13): with no simulated
// statistic as extreme as the observed one it is the bound p < 1/(B + 1) in JSON, CSV and text,
// otherwise the estimate ± its standard error with `p_value_bound: null`.
import Foundation
import Testing
import _TestSupport

@Suite struct MonteCarloPrintingCLITests {
  /// Issue 13's table: its p-value is far below 1/(B + 1), so no random table is as extreme.
  let extreme = ["--table", "207,0,198;82,49,154;215,151,335", "--monte-carlo", "2000"]
  /// A table whose Monte Carlo p is near 0.015: an estimate.
  let middle = ["--table", "12,5,9;7,14,3", "--monte-carlo", "2000"]

  @Test func fisherWithNoExceedanceReportsTheBound() throws {
    let obj = try runCLIJSON(["fisher"] + extreme + ["--seed", "7"])
    #expect(obj["method"] as? String == "monte-carlo")
    #expect(obj["p_value_bound"] as? String == "upper")
    let mc = try #require(obj["monte_carlo"] as? [String: Any])
    #expect(mc["p_value_bound"] as? String == "upper")
    #expect(mc["exceedances"] as? Int == 0)
    #expect(obj["p_value"] as? Double == 1.0 / 2001)
    let warnings = try #require(obj["warnings"] as? [String])
    #expect(warnings.contains { $0.contains("p < 1/(B+1)") && $0.contains("--monte-carlo") })

    let text = try runCLI(["fisher"] + extreme + ["--seed", "7"])
    #expect(text.status == 0)
    #expect(text.stdout.contains("< 0.0004998"), "\(text.stdout)")
    #expect(!text.stdout.contains("±"))
    #expect(text.stdout.contains("warning: no simulated table was as extreme"))

    let csv = try runCLI(["fisher"] + extreme + ["--seed", "7", "--format", "csv"])
    let rows = csv.stdout.split(separator: "\n").map {
      $0.split(separator: ",", omittingEmptySubsequences: false)
    }
    #expect(rows.count == 2 && rows[0].last == "mc_p_value_bound" && rows[1].last == "upper")
    #expect(csv.stderr.contains("no simulated table was as extreme"))
  }

  @Test func fisherEstimateKeepsPlusMinus() throws {
    let obj = try runCLIJSON(["fisher"] + middle + ["--seed", "3"])
    #expect(obj["p_value_bound"] is NSNull)
    let mc = try #require(obj["monte_carlo"] as? [String: Any])
    #expect(mc["p_value_bound"] is NSNull)
    #expect((mc["exceedances"] as? Int ?? 0) > 0)
    let text = try runCLI(["fisher"] + middle + ["--seed", "3"])
    #expect(text.stdout.contains("±") && !text.stdout.contains("< "))
    let csv = try runCLI(["fisher"] + middle + ["--seed", "3", "--format", "csv"])
    #expect(csv.stdout.split(separator: "\n").last?.hasSuffix(",") == true)
    // Exact results carry the field too, as null.
    let exact = try runCLIJSON(["fisher", "--table", "3,1;1,3"])
    #expect(exact["p_value_bound"] is NSNull)
  }

  @Test func chisqTableAndGoodnessOfFitReportTheBound() throws {
    for args in [extreme, ["--observed", "89,37,30,28,2", "--monte-carlo", "2000"]] {
      let obj = try runCLIJSON(["chisq"] + args + ["--seed", "7"])
      let mc = try #require(obj["monte_carlo"] as? [String: Any])
      #expect(mc["p_value_bound"] as? String == "upper", "\(args)")
      // The top-level p is the asymptotic one: no bound field there.
      #expect(obj["p_value_bound"] == nil)
      let warnings = try #require(obj["warnings"] as? [String])
      #expect(warnings.contains { $0.contains("p < 1/(B+1)") })
      let text = try runCLI(["chisq"] + args + ["--seed", "7"])
      #expect(text.stdout.contains("< 0.0004998"), "\(text.stdout)")
      #expect(text.stdout.contains("warning: no simulated"))
      let csv = try runCLI(["chisq"] + args + ["--seed", "7", "--format", "csv"])
      let rows = csv.stdout.split(separator: "\n")
      #expect(rows.first?.hasSuffix(",seed,mc_p_value_bound") == true)
      #expect(rows.last?.hasSuffix(",upper") == true)
    }
    let estimate = try runCLIJSON(["chisq"] + middle + ["--seed", "3"])
    let mc = try #require(estimate["monte_carlo"] as? [String: Any])
    #expect(mc["p_value_bound"] is NSNull)
    let text = try runCLI(["chisq"] + middle + ["--seed", "3"])
    #expect(text.stdout.contains("±"))
    let csv = try runCLI(["chisq", "--table", "12,5,9;7,14,3", "--format", "csv"])
    #expect(csv.stdout.split(separator: "\n").last?.hasSuffix(",,,,,") == true)
  }

  @Test func permWithNoExceedanceReportsTheBound() throws {
    let a = try writeTemporaryFile(
      "bound-a.txt", (0..<30).map { "\(100 + $0)" }.joined(separator: " "))
    let b = try writeTemporaryFile("bound-b.txt", (0..<30).map { "\($0)" }.joined(separator: " "))
    let args = ["perm", "--sample-a", a, "--sample-b", b, "--replicates", "999", "--seed", "2"]
    let obj = try runCLIJSON(args)
    #expect(obj["exact"] as? Bool == false)
    #expect(obj["p_value_bound"] as? String == "upper")
    #expect(obj["p_value"] as? Double == 2.0 / 1000)
    let text = try runCLI(args)
    #expect(text.stdout.contains("< 0.002"), "\(text.stdout)")
    #expect(text.stdout.contains("p < 2/(B+1)") && text.stdout.contains("--replicates"))
    let csv = try runCLI(args + ["--format", "csv"])
    let rows = csv.stdout.split(separator: "\n")
    #expect(rows.first?.hasSuffix(",seed,mc_p_value_bound") == true)
    #expect(rows.last?.hasSuffix(",upper") == true)
    // The other tail: every arrangement is as extreme, an estimate.
    let less = try runCLIJSON(args + ["--alternative", "less"])
    #expect(less["p_value_bound"] is NSNull)
  }
}
