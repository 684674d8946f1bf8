// End-to-end tests of `resample chisq --observed` (goodness of fit) and `--lambda`: the JSON
// contract against R and SciPy (Tests/Fixtures/contingency/goodness_of_fit.*), Monte Carlo,
// formats, zero cells, errors.
import Foundation
import Testing
import _TestSupport

@Suite struct ChisqGoodnessOfFitCLITests {
  @Test func jsonMatchesRChisqTestWithP() throws {
    // R 4.2: chisq.test(c(89,37,30,28,2), p = c(0.40,0.20,0.20,0.15,0.05)).
    let obj = try runCLIJSON([
      "chisq", "--observed", "89,37,30,28,2", "--p", "0.40,0.20,0.20,0.15,0.05",
    ])
    for key in ["statistic", "df", "p_value", "expected", "lambda", "lambda_name", "tool"] {
      #expect(obj.keys.contains(key), "missing \(key)")
    }
    #expect(isClose(obj["statistic"] as? Double ?? 0, 9.9901433691756267, relative: 1e-12))
    #expect(isClose(obj["p_value"] as? Double ?? 0, 0.040594043344781221, relative: 1e-12))
    #expect(obj["df"] as? Int == 4)
    #expect(obj["expected"] as? [Double] == [74.4, 37.2, 37.2, 27.9, 9.3])
    #expect(obj["lambda_name"] as? String == "pearson")
    #expect(obj["monte_carlo"] is NSNull && obj["seed"] == nil)
  }

  @Test func rescaleUniformExpectedAndDdof() throws {
    // R: chisq.test(c(89,37,30,28,2), p = c(40,20,20,15,5), rescale.p = TRUE) is the case above.
    let rescaled = try runCLIJSON([
      "chisq", "--observed", "89,37,30,28,2", "--p", "40,20,20,15,5", "--rescale-p",
    ])
    #expect(isClose(rescaled["statistic"] as? Double ?? 0, 9.9901433691756267, relative: 1e-12))
    // R: chisq.test(c(20, 15, 25)): X-squared = 2.5, df = 2, p = 0.2865048.
    let uniform = try runCLIJSON(["chisq", "--observed", "20,15,25"])
    #expect(uniform["statistic"] as? Double == 2.5)
    #expect(isClose(uniform["p_value"] as? Double ?? 0, 0.28650479686019009, relative: 1e-12))
    // SciPy: chisquare([16, 18, 16, 14, 12, 12], f_exp=[16, 16, 16, 16, 16, 8]) and ddof = 2.
    let expected = try runCLIJSON([
      "chisq", "--observed", "16,18,16,14,12,12", "--expected", "16,16,16,16,16,8",
    ])
    #expect(isClose(expected["statistic"] as? Double ?? 0, 3.5, relative: 1e-12))
    #expect(isClose(expected["p_value"] as? Double ?? 0, 0.62338762774958223, relative: 1e-12))
    let ddof = try runCLIJSON(["chisq", "--observed", "16,18,16,14,12,12", "--ddof", "2"])
    #expect(ddof["df"] as? Int == 3)
    #expect(isClose(ddof["p_value"] as? Double ?? 0, 0.5724067044708798, relative: 1e-12))
  }

  @Test func everyLambdaMatchesSciPy() throws {
    let cases = try fixtureCases("contingency/goodness_of_fit_py.json", key: "gof").filter {
      $0["name"] as? String == "R chisq.test example (p)"
    }
    #expect(cases.count == 9)
    for c in cases {
      let lambda = (c["lambda"] as? String) ?? "\(fixtureNumber(c["lambda"]))"
      let obj = try runCLIJSON([
        "chisq", "--observed", "89,37,30,28,2", "--p", "0.40,0.20,0.20,0.15,0.05",
        "--lambda", lambda,
      ])
      #expect(
        isClose(obj["statistic"] as? Double ?? 0, fixtureNumber(c["statistic"]), relative: 1e-12),
        "\(lambda)")
      #expect(
        isClose(obj["p_value"] as? Double ?? 0, fixtureNumber(c["p_value"]), relative: 1e-12),
        "\(lambda)")
    }
  }

  @Test func lambdaOnTablesMatchesSciPyChi2Contingency() throws {
    // SciPy: chi2_contingency([[12, 5], [7, 14]], lambda_=0) (Yates on 2×2) = 3.9023672835074468.
    let g = try runCLIJSON(["chisq", "--table", "12,5;7,14", "--lambda", "log-likelihood"])
    #expect(isClose(g["statistic"] as? Double ?? 0, 3.9023672835074468, relative: 1e-12))
    #expect(g["lambda"] as? Double == 0 && g["correction"] as? String == "yates")
    let plain = try runCLIJSON(["chisq", "--table", "12,5;7,14"])
    #expect(plain["lambda_name"] as? String == "pearson")
    let text = try runCLI(["chisq", "--table", "12,5;7,14", "--lambda", "neyman"])
    #expect(text.status == 0 && text.stdout.contains("Neyman (Yates)"))
  }

  @Test func monteCarloIsSeededThreadIndependentAndRecordsProvenance() throws {
    let args = [
      "chisq", "--observed", "89,37,30,28,2", "--p", "0.40,0.20,0.20,0.15,0.05",
      "--monte-carlo", "5000", "--seed", "3",
    ]
    let one = try runCLIJSON(args + ["--threads", "1"])
    let two = try runCLIJSON(args + ["--threads", "2"])
    let mc1 = try #require(one["monte_carlo"] as? [String: Any])
    let mc2 = try #require(two["monte_carlo"] as? [String: Any])
    #expect(mc1["exceedances"] as? Int == mc2["exceedances"] as? Int)
    #expect(one["seed"] as? Int == 3 && one["rng"] as? String == "philox4x32-10/1")
    #expect(one["tool"] is String)
    let p = try #require(mc1["p_value"] as? Double)
    let se = try #require(mc1["standard_error"] as? Double)
    // The asymptotic p (0.0406) is close to the exact one for N = 186.
    #expect(abs(p - 0.0406) < 4 * se + 0.005)
  }

  @Test func zeroCellsFollowSciPyWithAWarning() throws {
    let inf = try runCLIJSON(["chisq", "--observed", "3,5,4", "--p", "0,0.5,0.5"])
    #expect(inf["statistic"] is NSNull && inf["p_value"] as? Double == 0)
    let warnings = try #require(inf["warnings"] as? [String])
    #expect(warnings.contains { $0.contains("infinite") && $0.contains("expected count 0") })
    let text = try runCLI(["chisq", "--observed", "3,5,4", "--p", "0,0.5,0.5"])
    #expect(text.stdout.contains("inf"))
    let nan = try runCLIJSON(["chisq", "--observed", "0,5,7", "--lambda", "freeman-tukey"])
    #expect(nan["statistic"] is NSNull && nan["p_value"] is NSNull)
    let csv = try runCLI(["chisq", "--observed", "0,5,7", "--lambda", "-0.5", "--format", "csv"])
    #expect(csv.status == 0 && csv.stderr.contains("resample: warning: the statistic is undefined"))
    #expect(csv.stdout.hasPrefix("statistic,df,p_value,lambda,ddof"))
  }

  @Test(arguments: [
    (["--observed", "1,-2,3"], "negative"), (["--observed", "1,2.5,3"], "not an integer"),
    (["--observed", "0,0,0"], "all counts are zero"), (["--observed", "5"], "at least 2"),
    (["--observed", "1,2;3,4"], "one row"),
    (["--observed", "1,2,3", "--p", "0.5,0.5"], "has 2 values"),
    (["--observed", "1,2,3", "--p", "0.5,0.6,-0.1"], "--p[3]"),
    (["--observed", "1,2,3", "--p", "0.3,0.3,0.3"], "summing to 1"),
    (["--observed", "1,2,3", "--p", "0.5,x,0.5"], "not a number"),
    (["--observed", "1,2,3", "--expected", "1,2,4"], "observed total"),
    (["--observed", "1,2,3", "--p", "0.2,0.3,0.5", "--expected", "1,2,3"], "not both"),
    (["--observed", "1,2,3", "--rescale-p"], "--rescale-p needs --p"),
    (["--observed", "1,2,3", "--ddof", "2"], "--ddof"),
    (["--observed", "1,2,3", "--ddof", "-1"], "--ddof"),
    (["--observed", "1,2,3", "--lambda", "bogus"], "lambda"),
    (["--observed", "1,2,3", "--lambda", "neyman", "--monte-carlo", "100"], "Pearson"),
    (["--observed", "1,2,3", "--table", "1,2;3,4"], "not both"),
    (["--observed", "1,2,3", "--drop-empty"], "--drop-empty"),
    (["--table", "1,2;3,4", "--p", "0.5,0.5"], "describe --observed"),
    (["--p", "0.5,0.5"], "--observed"),
  ])
  func badInputExits64WithOneLine(args: [String], fragment: String) throws {
    let r = try runCLI(["chisq"] + args + ["--format", "json"])
    #expect(r.status == 64)
    #expect(r.stdout.isEmpty)
    #expect(r.stderr.contains(fragment), "\(r.stderr)")
    #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
  }
}
