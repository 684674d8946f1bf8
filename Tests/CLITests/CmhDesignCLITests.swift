// CmhDesignCLITests.swift: `resample cmh --data F --rows A --cols B --by S` (2×2×K) with a survey
// design against R survey's svyglm on the strata and the exposure
// (Tests/Fixtures/survey-design/cmh/generate.R), and its refusals.
import Foundation
import Testing
import _TestSupport

@Suite struct CmhDesignCLITests {
  @Test(arguments: ["weights-only", "strata-fpc", "clusters"])
  func commonOddsRatioMatchesSvyglm(name: String) throws {
    let (ref, path, options) = try designCase("cmh", name)
    let j = try runCLIJSON(
      [
        "cmh", "--data", path, "--rows", try #require(ref["rows"] as? String),
        "--cols", try #require(ref["cols"] as? String), "--by", try #require(ref["by"] as? String),
        "--row-order", "Yes,No", "--col-order", "Yes,No",
      ] + options)
    let close = { (ours: Any?, theirs: Any?, what: String) in
      expectMatchesR(ours, theirs, "\(name) \(what)")
    }
    #expect(j["test"] as? String == "design-logistic-stratified")
    for key in ["statistic", "df", "p_value", "log_odds_ratio", "standard_error", "odds_ratio"] {
      close(j[key], ref[key], key)
    }
    let interval = try #require(j["odds_ratio_interval"] as? [Any])
    close(interval.first, ref["lower"], "lower")
    close(interval.last, ref["upper"], "upper")
  }

  @Test func refusalsNameWhatToChange() throws {
    let path = fixtureURL("survey-design/apiclus1_jk1.csv").path
    let data = [
      "cmh", "--data", path, "--rows", "yr.rnd", "--cols", "awards", "--by", "stype",
      "--weight", "pw",
    ]
    for (args, expected) in [
      (["cmh", "--tables", "1,2;3,4|5,6;7,8", "--weight", "pw"], "--data"),
      (data + ["--exact"], "--exact"),
      (data + ["--alternative", "greater"], "two-sided"),
      (data + ["--freq-weight", "pw"], "--freq-weight"),
      (
        [
          "cmh", "--data", path, "--rows", "stype", "--cols", "awards", "--by", "yr.rnd",
          "--weight", "pw",
        ],
        "2×2×K"
      ),
      // apiclus1's 9 year-round schools: a JK1 replicate without the one lacking awards has no
      // finite fit (R reports SE 25 there); refused, naming the replicate.
      (data + ["--replicate-weights", "rw*", "--replicate-type", "jk1"], "replicate 12"),
    ] {
      let r = try runCLI(args)
      #expect(r.status == 64, "\(args): \(r.stderr)")
      #expect(r.stderr.contains(expected), "\(args): \(r.stderr)")
      #expect(r.stderr.split(separator: "\n").count == 1, "\(args): \(r.stderr)")
    }
    let text = try runCLI(data)
    #expect(text.status == 0, "\(text.stderr)")
    #expect(text.stdout.contains("svyglm"))
    let csv = try runCLI(data + ["--format", "csv"])
    #expect(csv.stdout.hasPrefix("statistic,df,p_value,log_odds_ratio"))
  }
}
