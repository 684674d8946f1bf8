// McNemarDesignCLITests.swift: `resample mcnemar --data F --first Q1 --second Q2` with a survey
// design against R survey's svyttest of the paired difference
// (Tests/Fixtures/survey-design/paired/generate.R), and its refusals.
import Foundation
import Testing
import _TestSupport

@Suite struct McNemarDesignCLITests {
  @Test(arguments: ["weights-only", "strata-fpc", "clusters", "jk1-replicates"])
  func pairedDifferenceMatchesSvyttest(name: String) throws {
    let (ref, path, options) = try designCase("paired", name)
    let j = try runCLIJSON(
      [
        "mcnemar", "--data", path, "--first", try #require(ref["first"] as? String),
        "--second", try #require(ref["second"] as? String), "--success", "Yes",
      ] + options)
    let close = { (ours: Any?, theirs: Any?, what: String) in
      expectMatchesR(ours, theirs, "\(name) \(what)")
    }
    #expect(j["test"] as? String == "design-paired-t")
    close(j["statistic"], ref["statistic"], "t")
    close(j["df"], ref["df"], "df")
    close(j["p_value"], ref["p_value"], "p")
    let d = try #require(j["paired_difference"] as? [String: Any])
    close(d["difference"], ref["difference"], "difference")
    close(d["standard_error"], ref["standard_error"], "SE")
    close(d["first"], ref["first_share"], "p1")
    close(d["first_se"], ref["first_se"], "SE p1")
    close(d["second"], ref["second_share"], "p2")
    close(d["second_se"], ref["second_se"], "SE p2")
    let interval = try #require(d["interval"] as? [Any])
    close(interval.first, ref["lower"], "lower")
    close(interval.last, ref["upper"], "upper")
  }

  @Test func refusalsNameWhatToChange() throws {
    let path = fixtureURL("survey-design/apistrat.csv").path
    let data = ["--data", path, "--first", "sch.wide", "--second", "awards"]
    for (args, expected) in [
      (["mcnemar", "--table", "10,5;3,12", "--weight", "pw"], "--data"),
      (data + ["--weight", "pw", "--freq-weight", "pw"], "--freq-weight"),
      (
        ["mcnemar", "--data", path, "--first", "stype", "--second", "stype", "--weight", "pw"],
        "Bowker"
      ),
    ] {
      let r = try runCLI(args.first == "mcnemar" ? args : ["mcnemar"] + args)
      #expect(r.status == 64, "\(args): \(r.stderr)")
      #expect(r.stderr.contains(expected), "\(args): \(r.stderr)")
      #expect(r.stderr.split(separator: "\n").count == 1, "\(args): \(r.stderr)")
    }
    // Items answered alike by everyone: the difference is 0 with SE 0; said, not a bare NaN.
    let alike = try writeTemporaryFile(
      "alike.csv", "q1,q2,w\n1,1,1\n1,1,2\n0,0,1\n0,0,3\n")
    let same = try runCLI([
      "mcnemar", "--data", alike, "--first", "q1", "--second", "q2", "--weight", "w",
    ])
    #expect(same.status == 0, "\(same.stderr)")
    #expect(same.stdout.contains("no discordant pairs"), "\(same.stdout)")
    // Weights whose squares overflow are refused in one line.
    let huge = try writeTemporaryFile(
      "huge.csv", "q1,q2,w\n1,0,1.5e308\n1,1,1.5e308\n0,0,1.5e308\n0,1,1.5e308\n")
    let overflow = try runCLI([
      "mcnemar", "--data", huge, "--first", "q1", "--second", "q2", "--weight", "w",
    ])
    #expect(overflow.status == 64 && overflow.stderr.contains("overflow"), "\(overflow.stderr)")
    // Text and CSV name the test.
    let text = try runCLI(["mcnemar"] + data + ["--weight", "pw"])
    #expect(text.status == 0, "\(text.stderr)")
    #expect(text.stdout.contains("svyttest"))
    let csv = try runCLI(["mcnemar"] + data + ["--weight", "pw", "--format", "csv"])
    #expect(csv.stdout.hasPrefix("statistic,df,p_value,first,second,difference"))
  }
}
