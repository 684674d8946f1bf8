// McNemarDataCLITests.swift: `mcnemar --data F --first Q1 --second Q2` (issue 13 item 4) and
// k×k tables: R's mcnemar.test/binom.test on table() of the same rows, Bowker's test, and
// Newcombe's paired interval (Tests/Fixtures/contingency/paired/generate.R).
import Foundation
import Testing
import _TestSupport

private struct Case: Decodable {
  var name: String
  var args: [String]
  var categories: [String]
  var counts: [[Int]]
  var statistic, pValue: Double
  var exactPValue, difference: Double?
  var newcombe: [Double]?
  var df, emptyPairs: Int?
}

@Suite struct McNemarDataCLITests {
  @Test func pairedAnswersMatchR() throws {
    let cases = try snakeCaseFixtureCases(Case.self, "contingency/paired/expected.json", count: 5)
    for c in cases {
      let args = c.args.map {
        $0.hasSuffix(".csv") ? fixtureURL("contingency/paired/" + $0).path : $0
      }
      let j = try runCLIJSON(["mcnemar"] + args + ["--format", "json"])
      if !c.args.contains("--table") {
        #expect(j["categories"] as? [String] == c.categories, "\(c.name)")
      }
      #expect(isClose(fixtureNumber(j["statistic"]), c.statistic, relative: 1e-12), "\(c.name)")
      #expect(isClose(fixtureNumber(j["p_value"]), c.pValue, relative: 1e-9), "\(c.name) p")
      if let df = c.df {
        #expect(j["test"] as? String == "bowker")
        #expect(j["df"] as? Int == df && j["empty_pairs"] as? Int == c.emptyPairs)
        continue
      }
      #expect(
        isClose(fixtureNumber(j["exact_p_value"]), c.exactPValue ?? .nan, relative: 1e-9))
      let pd = try #require(j["paired_difference"] as? [String: Any])
      #expect(isClose(fixtureNumber(pd["difference"]), c.difference ?? .nan, relative: 1e-12))
      let ci = fixtureNumbers(pd["interval"])
      for (ours, r) in zip(ci, c.newcombe ?? []) {
        #expect(isClose(ours, r, relative: 1e-12), "\(c.name) Newcombe")
      }
    }
  }

  @Test func publishedNewcombeIntervalIsReproduced() throws {
    // Fagerland, Lydersen & Laake (2014), Cavo et al. 2012: −0.0621 (−0.1186 to −0.0046).
    let j = try runCLIJSON(["mcnemar", "--table", "59,6;16,80", "--format", "json"])
    let ci = fixtureNumbers((j["paired_difference"] as? [String: Any])?["interval"])
    #expect(ci.count == 2)
    #expect(abs(ci[0] - -0.1186) < 5e-5 && abs(ci[1] - -0.0046) < 5e-5)
  }

  @Test func categoriesAreSharedWhateverTheFileOrder() throws {
    // Row 1 answers "no" then "yes": per-column first appearance would put the two questions'
    // categories in different orders and swap the agreement and discordant cells.
    let j = try runCLIJSON([
      "mcnemar", "--data", fixtureURL("contingency/paired/yesno_respondents.csv").path,
      "--first", "before", "--second", "after", "--missing", "Don't know", "--format", "json",
    ])
    #expect(j["categories"] as? [String] == ["yes", "no"])
    let d = try #require(j["data"] as? [String: Any])
    let left = (d["excluded"] as? [[String: Any]] ?? []).reduce(0) {
      $0 + ($1["count"] as? Int ?? 0)
    }
    #expect(d["respondents"] as? Int == 290 && left == 10)
  }

  @Test(arguments: [
    (["--first", "first", "--second", "second", "--freq-weight", "Freq"], "--success"),
    (
      ["--first", "first", "--second", "second", "--freq-weight", "Freq", "--success", "Maybe"],
      "Approve"
    ),
    (["--rows", "first", "--cols", "second"], "--first"),
    (["--first", "first"], "--second"),
  ])
  func ambiguousOrWrongInputIsRefused(_ extra: [String], _ mention: String) throws {
    let r = try runCLI(
      ["mcnemar", "--data", fixtureURL("contingency/paired/approval_long.csv").path] + extra)
    #expect(r.status == 64, "\(extra)")
    #expect(r.stderr.contains(mention), "\(extra): \(r.stderr)")
    #expect(r.stderr.split(separator: "\n").count == 1)
  }

  @Test func questionsWithoutACommonAnswerAreRefused() throws {
    let r = try runCLI([
      "mcnemar", "--data", fixtureURL("contingency/crosstab/anes96_respondents.csv").path,
      "--first", "party", "--second", "voted_clinton",
    ])
    #expect(r.status == 64 && r.stderr.contains("no answer in common"), "\(r.stderr)")
  }

  @Test func successIsRefusedForMoreThanTwoCategories() throws {
    let r = try runCLI([
      "mcnemar", "--data", fixtureURL("contingency/paired/likert_waves.csv").path, "--first",
      "wave1", "--second", "wave2", "--success", "Low",
    ])
    #expect(r.status == 64 && r.stderr.contains("--success"), "\(r.stderr)")
  }
}
