// End-to-end tests of issue 14's one-sided alternatives and tests against p0: `fisher`, `prop`
// and `mcnemar` with --alternative, `prop --p0`, Fisher's single tables, and `padjust --n`, NA
// and the statsmodels methods. Expected values: R and SciPy/statsmodels (Tests/Fixtures).
import Foundation
import Testing
import _TestSupport

@Suite struct AlternativesCLITests {
  @Test func fisherOneSidedMatchesR() throws {
    // R: fisher.test(matrix(c(3,1,1,3),2), alternative = "greater")$p.value = 0.24285714285714288;
    // one-sided 95% lower limit = mpmath's two-sided 90% limit (contingency_py.json).
    let obj = try runCLIJSON(["fisher", "--table", "3,1;1,3", "--alternative", "greater"])
    #expect(obj["alternative"] as? String == "greater")
    #expect(isClose(obj["p_value"] as? Double ?? 0, 0.24285714285714288, relative: 1e-12))
    let ci = try #require(obj["odds_ratio_ci"] as? [Any])
    #expect(ci[1] is NSNull)
    let mp = try fixtureCases("contingency/contingency_py.json").first {
      fixtureIntMatrix($0["table"]) == [[3, 1], [1, 3]]
    }
    let ci90 = fixtureNumbers(try #require(mp)["odds_ratio_ci90"])
    #expect(isClose(ci[0] as? Double ?? 0, ci90[0], relative: 1e-10))
    // Without the option the output has no "alternative" key (unchanged).
    #expect(try runCLIJSON(["fisher", "--table", "3,1;1,3"])["alternative"] == nil)
    let text = try runCLI(["fisher", "--table", "3,1;1,3", "--alternative", "less"])
    #expect(text.stdout.contains("p-value (less)") && text.stdout.contains("one-sided interval"))
  }

  @Test(arguments: ["4", "1,2,3", "5;7", "0,0;0,0"])
  func fisherSingleTableIsPOneWithWarning(table: String) throws {
    let obj = try runCLIJSON(["fisher", "--table", table])
    #expect(obj["p_value"] as? Double == 1)
    let warnings = try #require(obj["warnings"] as? [String])
    #expect(warnings.count == 1 && warnings[0].contains("only table"))
    let text = try runCLI(["fisher", "--table", table])
    #expect(text.status == 0 && text.stdout.contains("warning:"))
  }

  @Test func propNullProportionTestsMatchR() throws {
    // binom.test(7, 20, 0.2)$p.value etc. from proportions/alternatives_r.json.
    let cases = try fixtureCases("proportions/alternatives_r.json", key: "one_sample")
    for alt in ["two.sided", "less", "greater"] {
      let c = try #require(
        cases.first {
          fixtureNumber($0["x"]) == 7 && fixtureNumber($0["p0"]) == 0.2
            && $0["alternative"] as? String == alt && fixtureNumber($0["level"]) == 0.95
        })
      let cliAlt = alt == "two.sided" ? "two-sided" : alt
      let obj = try runCLIJSON([
        "prop", "--x", "7", "--n", "20", "--p0", "0.2", "--alternative", cliAlt,
      ])
      #expect(obj["alternative"] as? String == cliAlt && obj["p0"] as? Double == 0.2)
      let tests = try #require(obj["tests"] as? [String: [String: Double]])
      #expect(
        isClose(
          tests["binomial_exact"]?["p_value"] ?? 0, fixtureNumber(c["binom_p"]), relative: 1e-10))
      #expect(
        isClose(
          tests["score"]?["statistic"] ?? 0, fixtureNumber(c["score_statistic"]), relative: 1e-10))
      #expect(
        isClose(tests["score"]?["p_value"] ?? 0, fixtureNumber(c["score_p"]), relative: 1e-10))
      #expect(
        isClose(
          tests["score_cc"]?["statistic"] ?? 0, fixtureNumber(c["score_cc_statistic"]),
          relative: 1e-10))
      #expect(
        isClose(tests["score_cc"]?["p_value"] ?? 0, fixtureNumber(c["score_cc_p"]), relative: 1e-10)
      )
      let intervals = try #require(obj["intervals"] as? [String: [Double]])
      let cp = try #require(intervals["clopper_pearson"])
      let want = fixtureNumbers(c["binom_ci"])
      #expect(isClose(cp[0], want[0], relative: 1e-10) && isClose(cp[1], want[1], relative: 1e-10))
    }
    let csv = try runCLI(["prop", "--x", "7", "--n", "20", "--p0", "0.2", "--format", "csv"])
    #expect(csv.stdout.hasPrefix("method,estimate,lower,upper,level,statistic,p_value\n"))
    #expect(csv.stdout.contains("\nbinomial_exact,0.35,,,,,0.0982217286134"))
    let text = try runCLI(["prop", "--x", "7", "--n", "20", "--p0", "0.2"])
    #expect(text.stdout.contains("exact binomial") && text.stdout.contains("score"))
    // Without --p0 and --alternative, nothing new appears.
    let plain = try runCLIJSON(["prop", "--x", "7", "--n", "20"])
    #expect(plain["tests"] == nil && plain["alternative"] == nil)
  }

  @Test func propTwoSamplesOneSidedMatchesR() throws {
    let c = try #require(
      try fixtureCases("proportions/alternatives_r.json", key: "two_samples").first {
        fixtureNumber($0["x1"]) == 15 && $0["alternative"] as? String == "less"
          && fixtureNumber($0["level"]) == 0.95
      })
    let obj = try runCLIJSON([
      "prop", "--x", "15", "--n", "40", "--x2", "25", "--n2", "45", "--alternative", "less",
    ])
    #expect(isClose(obj["p_value"] as? Double ?? 0, fixtureNumber(c["z_p"]), relative: 1e-10))
    let pt = try #require(obj["prop_test"] as? [String: Double])
    #expect(isClose(pt["p_value"] ?? 0, fixtureNumber(c["cc_p"]), relative: 1e-10))
    let intervals = try #require(obj["intervals"] as? [String: [Double]])
    let want = fixtureNumbers(c["wald_cc_ci"])
    #expect(intervals["wald_cc"]?[0] == -1)
    #expect(isClose(intervals["wald_cc"]?[1] ?? 0, want[1], relative: 1e-10))
  }

  @Test func mcnemarExactOneSidedMatchesR() throws {
    let c = try #require(
      try fixtureCases("contingency/alternatives_r.json", key: "mcnemar").first {
        fixtureNumber($0["b"]) == 5 && fixtureNumber($0["c"]) == 15
          && $0["alternative"] as? String == "less"
      })
    let obj = try runCLIJSON(["mcnemar", "--table", "10,5;15,10", "--alternative", "less"])
    #expect(
      isClose(obj["exact_p_value"] as? Double ?? 0, fixtureNumber(c["exact_p"]), relative: 1e-10))
    #expect(obj["exact_alternative"] as? String == "less")
    #expect(try runCLIJSON(["mcnemar", "--table", "10,5;15,10"])["exact_alternative"] == nil)
  }

  @Test func padjustFamilySizeMissingValuesAndStatsmodelsMethods() throws {
    let rc = try fixtureCases("padjust/n_and_na.json")
    // p = (0.3, NA, 0.01, 0.02), n = 8 in R.
    let c = try #require(rc.first { ($0["n"] as? NSNumber)?.intValue == 8 })
    let p = fixtureNumbers(c["p"]).map { $0.isNaN ? "NA" : "\($0)" }
    let obj = try runCLIJSON(["padjust", "--method", "BH", "--n", "8"] + p)
    let got = try #require(obj["adjusted"] as? [Any])
    for (g, w) in zip(got, fixtureNumbers(c["BH"])) {
      if w.isNaN {
        #expect(g is NSNull)
      } else {
        #expect(isClose(g as? Double ?? 0, w, relative: 1e-13))
      }
    }
    #expect(obj["n"] as? Int == 8)
    let csv = try runCLI(["padjust", "--format", "csv", "0.01", "NA"])
    #expect(csv.stdout == "index,p_value,adjusted\n1,0.01,0.01\n2,NA,NA\n")
    let sm = try #require(try fixtureCases("padjust/multitests.json").first)
    let ps = fixtureNumbers(sm["p"]).map { "\($0)" }
    for (method, key) in [
      ("sidak", "sidak"), ("holm-sidak", "holm-sidak"), ("fdr_tsbh", "fdr_tsbh@0.05"),
    ] {
      let o = try runCLIJSON(["padjust", "--method", method] + ps)
      #expect(o["method"] as? String == method)
      for (g, w) in zip(o["adjusted"] as? [Double] ?? [], fixtureNumbers(sm[key])) {
        #expect(isClose(g, w, relative: 1e-12), "\(method)")
      }
    }
    let a10 = try runCLIJSON(["padjust", "--method", "fdr_2sbh", "--alpha", "0.1"] + ps)
    #expect(a10["alpha"] as? Double == 0.1)
    for (g, w) in zip(a10["adjusted"] as? [Double] ?? [], fixtureNumbers(sm["fdr_tsbh@0.1"])) {
      #expect(isClose(g, w, relative: 1e-12))
    }
  }

  @Test(arguments: [
    (["prop", "--x", "3", "--n", "10", "--p0", "1"], "--p0"),
    (["prop", "--x", "3", "--n", "10", "--x2", "4", "--n2", "9", "--p0", "0.5"], "--p0"),
    (["mcnemar", "--table", "1,2;3,4", "--alternative", "sideways"], "--alternative"),
  ])
  func badInputExits64(args: [String], fragment: String) throws {
    let r = try runCLI(args)
    #expect(r.status == 64 && r.stderr.contains(fragment), "\(r.stderr)")
    #expect(r.stderr.split(separator: "\n").count == 1)
  }
}
