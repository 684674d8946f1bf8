// TrendDesignCLITests.swift: `resample trend --data F --rows GROUP --cols OUTCOME` with a survey
// design against R survey's svyglm logistic trend (Tests/Fixtures/survey-design/trend/generate.R),
// and its refusals.
import Foundation
import Testing
import _TestSupport

@Suite struct TrendDesignCLITests {
  @Test(arguments: ["weights-only", "strata-fpc-scores", "clusters", "jk1-replicates"])
  func slopeTestMatchesSvyglm(name: String) throws {
    let (ref, path, options) = try designCase("trend", name)
    let order = try #require(ref["order"] as? [String]).joined(separator: ",")
    let scores = fixtureNumbers(ref["scores"]).map { String($0) }.joined(separator: ",")
    let j = try runCLIJSON(
      [
        "trend", "--data", path, "--rows", try #require(ref["rows"] as? String),
        "--cols", try #require(ref["cols"] as? String), "--row-order", order,
        "--scores", scores, "--success", "Yes",
      ] + options)
    #expect(j["test"] as? String == "design-logistic-trend")
    for key in ["statistic", "df", "p_value", "slope", "standard_error", "intercept"] {
      expectMatchesR(j[key], ref[key], "\(name) \(key)")
    }
  }

  @Test func refusalsNameWhatToChange() throws {
    let path = fixtureURL("survey-design/apistrat.csv").path
    let data = ["trend", "--data", path, "--rows", "stype", "--cols", "awards"]
    for (args, expected) in [
      (["trend", "--x", "1,2,3", "--n", "5,5,5", "--weight", "pw"], "--data"),
      (data + ["--linear-by-linear", "--weight", "pw"], "--linear-by-linear"),
      (data + ["--weight", "pw", "--freq-weight", "pw"], "--freq-weight"),
      (data + ["--weight", "pw", "--scores", "1,2"], "--scores"),
      (data + ["--weight", "pw", "--row-order", "E,M,H", "--scores", "1,2,1e200"], "rescale"),
    ] {
      let r = try runCLI(args)
      #expect(r.status == 64, "\(args): \(r.stderr)")
      #expect(r.stderr.contains(expected), "\(args): \(r.stderr)")
      #expect(r.stderr.split(separator: "\n").count == 1, "\(args): \(r.stderr)")
    }
    let text = try runCLI(data + ["--weight", "pw"])
    #expect(text.status == 0, "\(text.stderr)")
    #expect(text.stdout.contains("svyglm"))
    let csv = try runCLI(data + ["--weight", "pw", "--format", "csv"])
    #expect(csv.stdout.hasPrefix("statistic,df,p_value,slope"))
  }
}
