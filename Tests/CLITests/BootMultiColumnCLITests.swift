// End-to-end tests of `resample boot` on several columns: correlation, spearman, ratio-of-means,
// ols (coefficients[] JSON), skewness/kurtosis, BCa's z0 and acceleration, and input errors.
import Foundation
import Testing
import _TestSupport

private let law = fixtureURL("resampling/law.csv").path
private let city = fixtureURL("resampling/city.csv").path
private let ols = fixtureURL("resampling/ols.csv").path

@Suite struct BootMultiColumnCLITests {
  @Test func correlationAndSpearmanKeepTheSingleStatisticContract() throws {
    for (stat, estimate) in [("correlation", 0.7763744912894071), ("spearman", 0.7964285714285713)]
    {
      let obj = try runCLIJSON([
        "boot", "--data", law, "--statistic", stat, "--columns", "LSAT,GPA", "--replicates",
        "2000", "--seed", "1", "--method", "percentile,bca",
      ])
      for key in [
        "statistic", "estimate", "standard_error", "bias", "intervals", "monte_carlo_error",
        "replicates", "seed", "rng", "plan", "diagnostics", "z0", "acceleration",
      ] {
        #expect(obj[key] != nil, "\(stat): missing \(key)")
      }
      #expect(isClose(obj["estimate"] as? Double ?? 0, estimate, relative: 1e-12), "\(stat)")
      #expect((obj["z0"] as? Double)?.isFinite == true)
      #expect((obj["acceleration"] as? Double)?.isFinite == true)
    }
  }

  @Test func singleSampleBootReportsZ0AndAccelerationWithBCa() throws {
    let obj = try runCLIJSON([
      "boot", "--data", city, "--column", "x", "--statistic", "skewness", "--replicates", "999",
      "--seed", "2",
    ])
    #expect(obj["z0"] is Double)
    #expect(obj["acceleration"] is Double)
    let pct = try runCLIJSON([
      "boot", "--data", city, "--column", "x", "--statistic", "kurtosis", "--replicates", "999",
      "--seed", "2", "--method", "percentile",
    ])
    #expect(pct["z0"] == nil && pct["acceleration"] == nil)
  }

  @Test func olsCoefficientsArray() throws {
    let obj = try runCLIJSON([
      "boot", "--data", ols, "--statistic", "ols", "--response", "y", "--predictors", "x1,x2",
      "--replicates", "999", "--seed", "3", "--method", "percentile,normal,bca",
    ])
    #expect(obj["statistic"] as? String == "ols")
    #expect(obj["plan"] as? String == "pairs")
    let coefficients = try #require(obj["coefficients"] as? [[String: Any]])
    #expect(coefficients.map { $0["name"] as? String } == ["(Intercept)", "x1", "x2"])
    // R lm(y ~ x1 + x2) (multicolumn_r.json).
    let lm = [1.0178629384004543, 0.79775823621097963, -0.34715259491924916]
    for (c, ref) in zip(coefficients, lm) {
      #expect(isClose(c["estimate"] as? Double ?? 0, ref, relative: 1e-10))
      let intervals = try #require(c["intervals"] as? [String: [Double]])
      #expect(Set(intervals.keys) == ["percentile", "normal", "bca"])
      #expect(c["standard_error"] is Double && c["z0"] is Double && c["acceleration"] is Double)
    }
    for how in ["residual", "wild"] {
      let r = try runCLIJSON([
        "boot", "--data", ols, "--statistic", "ols", "--response", "y", "--predictors", "x1,x2",
        "--replicates", "500", "--seed", "3", "--ols-bootstrap", how, "--threads", "2",
      ])
      #expect((r["plan"] as? String)?.hasPrefix(how) == true)
      let one = try runCLIJSON([
        "boot", "--data", ols, "--statistic", "ols", "--response", "y", "--predictors", "x1,x2",
        "--replicates", "500", "--seed", "3", "--ols-bootstrap", how, "--threads", "1",
      ])
      #expect(
        (r["coefficients"] as? [[String: Any]])?.map { $0["intervals"] as? [String: [Double]] }
          == (one["coefficients"] as? [[String: Any]])?.map {
            $0["intervals"] as? [String: [Double]]
          })
    }
  }

  @Test func ratioOfMeansIsBootCity() throws {
    let obj = try runCLIJSON([
      "boot", "--data", city, "--statistic", "ratio-of-means", "--columns", "u,x",
      "--replicates", "999", "--seed", "4",
    ])
    #expect(isClose(obj["estimate"] as? Double ?? 0, 973.0 / 640, relative: 1e-14))
  }

  @Test func badInputIsOneLineExit64() throws {
    let collinear = try writeTemporaryFile(
      "collinear.csv", "y,a,b\n1,1,2\n2,2,4\n4,3,6\n3,4,8.000\n5,5,10\n")
    let tiny = try writeTemporaryFile("tiny.csv", "y,a,b\n1,1,2\n2,2,1\n4,3,3\n")
    let text = try writeTemporaryFile("text.csv", "x,y\n1,2\n2,oops\n3,1\n4,5\n")
    let flat = try writeTemporaryFile("flat.csv", "x,y\n1,2\n2,2\n3,2\n4,2\n")
    for (args, fragment) in [
      (
        ["--data", collinear, "--statistic", "ols", "--response", "y", "--predictors", "a,b"], "'b'"
      ),
      (["--data", tiny, "--statistic", "ols", "--response", "y", "--predictors", "a,b"], "n > p"),
      (["--data", text, "--statistic", "correlation", "--columns", "x,y"], "oops"),
      (["--data", flat, "--statistic", "correlation", "--columns", "x,y"], "constant"),
      (["--data", flat, "--statistic", "spearman", "--columns", "x,y"], "constant"),
      (["--data", flat, "--statistic", "ols", "--response", "x", "--predictors", "y"], "'y'"),
      (["--data", law, "--statistic", "correlation", "--columns", "LSAT"], "--columns"),
      (["--data", law, "--statistic", "ols", "--columns", "LSAT,GPA"], "--response"),
      (
        [
          "--data", law, "--statistic", "spearman", "--columns", "LSAT,GPA", "--method",
          "studentized",
        ], "studentized"
      ),
    ] {
      for format in ["text", "json"] {
        let r = try runCLI(["boot"] + args + ["--replicates", "99", "--format", format])
        #expect(r.status == 64, "\(args): \(r.stderr)")
        #expect(r.stdout.isEmpty)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1 && r.stderr.contains(fragment), "\(args): \(r.stderr)")
      }
    }
  }
}

@Suite struct PermKSampleCLITests {
  @Test func kSampleCorrelationAndPairedMedian() throws {
    let k = try writeTemporaryFile(
      "k.csv", "g,v\na,1.2\na,2.3\na,0.4\nb,3.1\nb,2.2\nb,4.5\nc,5.0\nc,6.1\nc,4.4\nc,5.5\n")
    for stat in ["anova-f", "kruskal"] {
      let obj = try runCLIJSON([
        "perm", "--data", k, "--column", "v", "--group", "g", "--statistic", stat, "--seed", "1",
        "--replicates", "999",
      ])
      #expect(obj["alternative"] as? String == "greater")
      #expect((obj["groups"] as? [[String: Any]])?.map { $0["n"] as? Int } == [3, 3, 4])
      #expect((obj["p_value"] as? Double ?? 1) < 0.05)
    }
    for stat in ["correlation", "spearman"] {
      let obj = try runCLIJSON([
        "perm", "--data", law, "--statistic", stat, "--columns", "LSAT,GPA", "--seed", "1",
        "--replicates", "999", "--threads", "2",
      ])
      #expect((obj["observed"] as? Double ?? 0) > 0.7)
    }
    let a = try writeTemporaryFile("a.txt", "1 2 3.5 4 7")
    let b = try writeTemporaryFile("b.txt", "0.5 2.5 2 1 4")
    let paired = try runCLIJSON([
      "perm", "--sample-a", a, "--sample-b", b, "--paired", "--statistic", "median",
    ])
    #expect(paired["observed"] as? Double == 1.5)
    #expect(paired["exact"] as? Bool == true)
    let bad = try runCLI(["perm", "--data", k, "--column", "v", "--statistic", "kruskal"])
    #expect(bad.status == 64 && bad.stderr.split(separator: "\n").count == 1)
  }
}
