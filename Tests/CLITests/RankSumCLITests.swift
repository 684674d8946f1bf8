// End-to-end tests of `resample ranksum`: the JSON contract against R's wilcox.test(conf.int =
// TRUE) and SciPy's mannwhitneyu (Tests/Fixtures/ranktests/rank_commands_*.json), and errors.
import Foundation
import Testing
import _TestSupport

@Suite struct RankSumCLITests {
  @Test func jsonMatchesRAndSciPy() throws {
    var count = 0
    try forEachRankFixtureCase("ranksum", oneSided: "greater") { d, runs in
      let a = try writeSample("\(d.name)-a.txt", d.x ?? [])
      let b = try writeSample("\(d.name)-b.txt", d.y ?? [])
      // Two-sided with correction (R's defaults), and one-sided without, by R's rule; and one
      // normal-approximation run.
      for run in runs {
        var args = ["ranksum", "--sample-a", a, "--sample-b", b, "--alternative", run.alternative]
        if !run.correct { args.append("--no-correct") }
        let obj = try runCLIJSON(args)
        let ref = try #require(run.r["auto"] as? [String: Any])
        expectRankJSONMatchesR(obj, ref, estimateKey: "shift", run.label)
        let sp = try #require(run.scipy["asymptotic"] as? [String: Any])
        #expect(
          fixtureNumber(obj["u_statistic"]) == fixtureNumber(sp["statistic"]), "\(run.label)")
        let got = obj["shift_interval"] as? [Any] ?? []
        let want = fixtureNumbers(ref["interval"])
        #expect(got.count == 2 && want.count == 2)
        if got.count == 2 && want.count == 2 {
          #expect(
            intervalEnd(got[0], open: -.infinity) == want[0]
              || isClose(fixtureNumber(got[0]), want[0], relative: 1e-9), "\(run.label)")
          #expect(
            intervalEnd(got[1], open: .infinity) == want[1]
              || isClose(fixtureNumber(got[1]), want[1], relative: 1e-9), "\(run.label)")
        }
        count += 1
      }
      // --method normal, two-sided, corrected: R's exact = FALSE.
      if let res = runs.first, res.alternative == "two-sided",
        let ref = res.r["normal"] as? [String: Any]
      {
        let obj = try runCLIJSON([
          "ranksum", "--sample-a", a, "--sample-b", b, "--method", "normal",
        ])
        #expect(obj["method"] as? String == "normal")
        #expect(
          isClose(fixtureNumber(obj["p_value"]), fixtureNumber(ref["p"]), relative: 1e-9),
          "\(d.name)")
        let got = fixtureNumbers(obj["shift_interval"])
        #expect(
          got.count == 2 && isClose(got[0], fixtureNumbers(ref["interval"])[0], relative: 1e-9),
          "\(d.name)")
        #expect(
          isClose(fixtureNumber(obj["shift"]), fixtureNumber(ref["estimate"]), relative: 1e-9),
          "\(d.name)")
      }
    }
    #expect(count >= 20)
  }

  @Test func exactWithTiesIsThePermutationPValue() throws {
    let r = try fixtureCases("ranktests/rank_commands_r.json", key: "ranksum")
    let c = try #require(r.first { $0["name"] as? String == "r_help_example_ties" })
    let d = try #require(try rankCaseData("ranksum").first { $0.name == "r_help_example_ties" })
    let a = try writeSample("hx.txt", d.x ?? [])
    let b = try writeSample("hy.txt", d.y ?? [])
    let res = try #require((c["results"] as? [[String: Any]])?.first)
    let obj = try runCLIJSON(["ranksum", "--sample-a", a, "--sample-b", b, "--method", "exact"])
    #expect(obj["method"] as? String == "exact")
    #expect(isClose(fixtureNumber(obj["p_value"]), fixtureNumber(res["enum_p"]), relative: 1e-9))
    #expect(obj["interval_method"] as? String == "normal")
  }

  @Test func textAndCSVFormats() throws {
    let a = try writeSample("ta.txt", [1.1, 2.2, 3.3, 4.4])
    let b = try writeSample("tb.txt", [0.5, 1.7, 2.9])
    let text = try runCLI(["ranksum", "--sample-a", a, "--sample-b", b])
    #expect(text.status == 0)
    #expect(text.stdout.contains("W (= U of A)"))
    let csv = try runCLI(["ranksum", "--sample-a", a, "--sample-b", b, "--format", "csv"])
    #expect(csv.status == 0)
    #expect(csv.stdout.hasPrefix("statistic,u_statistic,p_value,method"))
  }

  @Test func badInputExits64() throws {
    let a = try writeSample("ea.txt", [1, 2, 3])
    let empty = try writeTemporaryFile("empty.txt", "\n")
    let huge = try writeTemporaryFile("huge.txt", "1e308 -1e308 5\n")
    for args in [
      ["ranksum", "--sample-a", a],
      ["ranksum", "--sample-a", a, "--sample-b", empty],
      ["ranksum", "--sample-a", a, "--sample-b", a, "--level", "1.5"],
      ["ranksum", "--sample-a", a, "--sample-b", a, "--method", "fast"],
      ["ranksum", "--sample-a", a, "--sample-b", "/nonexistent/b.txt"],
      ["ranksum", "--sample-a", huge, "--sample-b", a],
      ["signrank", "--sample-a", huge],
    ] {
      let r = try runCLI(args)
      #expect(r.status == 64, "\(args): \(r.stderr)")
      #expect(r.stdout.isEmpty)
      #expect(r.stderr.split(separator: "\n").count == 1, "\(args): \(r.stderr)")
    }
  }
}
