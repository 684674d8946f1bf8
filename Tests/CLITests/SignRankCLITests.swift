// End-to-end tests of `resample signrank`: one sample against --mu and paired, against R's
// wilcox.test and SciPy's wilcoxon (Tests/Fixtures/ranktests/rank_commands_*.json), and errors.
import Foundation
import Testing
import _TestSupport

@Suite struct SignRankCLITests {
  @Test func jsonMatchesRAndSciPy() throws {
    var count = 0
    try forEachRankFixtureCase("signrank", oneSided: "less") { d, runs in
      var args = ["signrank", "--sample-a", try writeSample("\(d.name)-x.txt", d.x ?? [])]
      if let y = d.y { args += ["--sample-b", try writeSample("\(d.name)-y.txt", y)] }
      args += ["--mu", "\(d.mu ?? 0)"]
      for run in runs {
        let options = ["--alternative", run.alternative] + (run.correct ? [] : ["--no-correct"])
        let obj = try runCLIJSON(args + options)
        let ref = try #require(run.r["auto"] as? [String: Any])
        expectRankJSONMatchesR(obj, ref, estimateKey: "pseudo_median", run.label)
        // SciPy's Pratt normal approximation, same alternative and correction.
        let pratt = try runCLIJSON(
          args + options + ["--method", "normal", "--zero-method", "pratt"])
        let sp = (run.scipy["approx"] as? [String: Any])?["pratt"] as? [String: Any] ?? [:]
        #expect(
          isClose(fixtureNumber(pratt["p_value"]), fixtureNumber(sp["p"]), relative: 1e-9),
          "\(run.label) pratt: \(pratt["p_value"] ?? "") vs SciPy \(sp["p"] ?? "")")
        count += 1
      }
    }
    #expect(count >= 20)
  }

  @Test func badInputExits64() throws {
    let a = try writeSample("sa.txt", [1, 2, 3])
    let b = try writeSample("sb.txt", [1, 2])
    for args in [
      ["signrank", "--sample-a", a, "--sample-b", b],
      ["signrank", "--sample-a", a, "--zero-method", "drop"],
      ["signrank", "--sample-a", a, "--mu", "inf"],
      ["signrank"],
    ] {
      let r = try runCLI(args)
      #expect(r.status == 64, "\(args): \(r.stderr)")
      #expect(r.stdout.isEmpty)
      #expect(r.stderr.split(separator: "\n").count == 1, "\(args): \(r.stderr)")
    }
  }
}
