// End-to-end tests of `resample ranksum`: the JSON contract against R's wilcox.test(conf.int =
// TRUE) and SciPy's mannwhitneyu (Tests/Fixtures/ranktests/rank_commands_*.json), and errors.
import Foundation
import Testing
import _TestSupport

/// Writes a sample as a number file (one value per line, as `boot --sample-a` reads them).
func writeSample(_ name: String, _ values: [Double]) throws -> String {
  try writeTemporaryFile(name, values.map { "\($0)" }.joined(separator: "\n") + "\n")
}

/// A rank-test case's data, decoded with `JSONDecoder` (exact for every double; Foundation's
/// `JSONSerialization` on Linux can be one ulp off, and R's root-finding intervals depend on
/// the exact data).
struct RankCaseData: Decodable {
  var name: String
  var x: [Double]?
  var y: [Double]?
  var mu: Double?
  var groups: [String: [Double]]?
}

private struct RankCaseFile: Decodable {
  var ranksum, signrank, kruskal: [RankCaseData]
}

/// The data of the rank-test fixture's cases of one kind, in file order.
func rankCaseData(_ kind: String) throws -> [RankCaseData] {
  let file = try decodeFixture(RankCaseFile.self, "ranktests/rank_commands_r.json")
  return kind == "ranksum" ? file.ranksum : kind == "signrank" ? file.signrank : file.kruskal
}

/// A JSON interval end: null stands for the open side of a one-sided interval.
func intervalEnd(_ any: Any?, open: Double) -> Double { any is NSNull ? open : fixtureNumber(any) }

@Suite struct RankSumCLITests {
  @Test func jsonMatchesRAndSciPy() throws {
    let r = try fixtureCases("ranktests/rank_commands_r.json", key: "ranksum")
    let s = try fixtureCases("ranktests/rank_commands_scipy.json", key: "ranksum")
    let data = try rankCaseData("ranksum")
    #expect(data.count == r.count)
    var runs = 0
    for ((c, sc), d) in zip(zip(r, s), data) {
      let name = c["name"] as? String ?? ""
      #expect(d.name == name)
      let a = try writeSample("\(name)-a.txt", d.x ?? [])
      let b = try writeSample("\(name)-b.txt", d.y ?? [])
      let results = c["results"] as? [[String: Any]] ?? []
      let scipy = sc["results"] as? [[String: Any]] ?? []
      // Two-sided with correction (R's defaults), and one-sided without, by R's rule; and one
      // normal-approximation run.
      for (i, res) in results.enumerated()
      where (res["alternative"] as? String == "two-sided" && res["correct"] as? Bool == true)
        || (res["alternative"] as? String == "greater" && res["correct"] as? Bool == false)
      {
        let alt = res["alternative"] as? String ?? ""
        let correct = res["correct"] as? Bool ?? true
        var args = ["ranksum", "--sample-a", a, "--sample-b", b, "--alternative", alt]
        if !correct { args.append("--no-correct") }
        let obj = try runCLIJSON(args)
        for key in ["statistic", "u_statistic", "p_value", "method", "shift", "shift_interval"] {
          #expect(obj[key] != nil, "missing \(key)")
        }
        let ref = try #require(res["auto"] as? [String: Any])
        let label = "\(name) \(alt) correct=\(correct)"
        #expect(fixtureNumber(obj["statistic"]) == fixtureNumber(ref["statistic"]), "\(label)")
        let sp = try #require(scipy[i]["asymptotic"] as? [String: Any])
        #expect(fixtureNumber(obj["u_statistic"]) == fixtureNumber(sp["statistic"]), "\(label)")
        #expect(
          isClose(fixtureNumber(obj["p_value"]), fixtureNumber(ref["p"]), relative: 1e-9),
          "\(label): \(obj["p_value"] ?? "") vs R \(ref["p"] ?? "")")
        #expect(
          (obj["method"] as? String) == ((ref["exact"] as? Bool ?? false) ? "exact" : "normal"),
          "\(label)")
        #expect(
          isClose(fixtureNumber(obj["shift"]), fixtureNumber(ref["estimate"]), relative: 1e-9),
          "\(label)")
        let got = obj["shift_interval"] as? [Any] ?? []
        let want = fixtureNumbers(ref["interval"])
        #expect(got.count == 2 && want.count == 2)
        if got.count == 2 && want.count == 2 {
          #expect(
            intervalEnd(got[0], open: -.infinity) == want[0]
              || isClose(fixtureNumber(got[0]), want[0], relative: 1e-9), "\(label)")
          #expect(
            intervalEnd(got[1], open: .infinity) == want[1]
              || isClose(fixtureNumber(got[1]), want[1], relative: 1e-9), "\(label)")
        }
        runs += 1
      }
      // --method normal, two-sided, corrected: R's exact = FALSE.
      if let res = results.first, let ref = res["normal"] as? [String: Any] {
        let obj = try runCLIJSON([
          "ranksum", "--sample-a", a, "--sample-b", b, "--method", "normal",
        ])
        #expect(obj["method"] as? String == "normal")
        #expect(
          isClose(fixtureNumber(obj["p_value"]), fixtureNumber(ref["p"]), relative: 1e-9), "\(name)"
        )
        let got = fixtureNumbers(obj["shift_interval"])
        #expect(
          got.count == 2 && isClose(got[0], fixtureNumbers(ref["interval"])[0], relative: 1e-9),
          "\(name)")
        #expect(
          isClose(fixtureNumber(obj["shift"]), fixtureNumber(ref["estimate"]), relative: 1e-9),
          "\(name)")
      }
    }
    #expect(runs >= 20)
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
