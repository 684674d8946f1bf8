// End-to-end tests of `resample signrank`: one sample against --mu and paired, against R's
// wilcox.test and SciPy's wilcoxon (Tests/Fixtures/ranktests/rank_commands_*.json), and errors.
import Foundation
import Testing
import _TestSupport

@Suite struct SignRankCLITests {
  @Test func jsonMatchesRAndSciPy() throws {
    let r = try fixtureCases("ranktests/rank_commands_r.json", key: "signrank")
    let s = try fixtureCases("ranktests/rank_commands_scipy.json", key: "signrank")
    let data = try rankCaseData("signrank")
    #expect(data.count == r.count)
    var runs = 0
    for ((c, sc), d) in zip(zip(r, s), data) {
      let name = c["name"] as? String ?? ""
      #expect(d.name == name)
      var args = ["signrank", "--sample-a", try writeSample("\(name)-x.txt", d.x ?? [])]
      if let y = d.y { args += ["--sample-b", try writeSample("\(name)-y.txt", y)] }
      args += ["--mu", "\(d.mu ?? 0)"]
      let results = c["results"] as? [[String: Any]] ?? []
      let scipy = sc["results"] as? [[String: Any]] ?? []
      for (i, res) in results.enumerated()
      where (res["alternative"] as? String == "two-sided" && res["correct"] as? Bool == true)
        || (res["alternative"] as? String == "less" && res["correct"] as? Bool == false)
      {
        let alt = res["alternative"] as? String ?? ""
        let correct = res["correct"] as? Bool ?? true
        let label = "\(name) \(alt) correct=\(correct)"
        let run = args + ["--alternative", alt] + (correct ? [] : ["--no-correct"])
        let obj = try runCLIJSON(run)
        for key in ["statistic", "p_value", "method"] { #expect(obj[key] != nil, "missing \(key)") }
        let ref = try #require(res["auto"] as? [String: Any])
        #expect(fixtureNumber(obj["statistic"]) == fixtureNumber(ref["statistic"]), "\(label)")
        #expect(
          isClose(fixtureNumber(obj["p_value"]), fixtureNumber(ref["p"]), relative: 1e-9),
          "\(label): \(obj["p_value"] ?? "") vs R \(ref["p"] ?? "")")
        #expect(
          (obj["method"] as? String) == ((ref["exact"] as? Bool ?? false) ? "exact" : "normal"),
          "\(label)")
        #expect(
          isClose(
            fixtureNumber(obj["pseudo_median"]), fixtureNumber(ref["estimate"]), relative: 1e-9),
          "\(label)")
        // SciPy's Pratt normal approximation, same alternative and correction.
        let pratt = try runCLIJSON(run + ["--method", "normal", "--zero-method", "pratt"])
        let sp = (scipy[i]["approx"] as? [String: Any])?["pratt"] as? [String: Any] ?? [:]
        #expect(
          isClose(fixtureNumber(pratt["p_value"]), fixtureNumber(sp["p"]), relative: 1e-9),
          "\(label) pratt: \(pratt["p_value"] ?? "") vs SciPy \(sp["p"] ?? "")")
        runs += 1
      }
    }
    #expect(runs >= 20)
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
