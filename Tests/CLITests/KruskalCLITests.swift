// End-to-end tests of `resample kruskal`: H, df and p against R's kruskal.test and SciPy's
// kruskal (Tests/Fixtures/ranktests/rank_commands_*.json), and errors.
import Foundation
import Testing
import _TestSupport

@Suite struct KruskalCLITests {
  @Test func jsonMatchesRAndSciPy() throws {
    let r = try fixtureCases("ranktests/rank_commands_r.json", key: "kruskal")
    let s = try fixtureCases("ranktests/rank_commands_scipy.json", key: "kruskal")
    let data = try rankCaseData("kruskal")
    #expect(data.count == r.count)
    for ((c, sc), d) in zip(zip(r, s), data) {
      let name = c["name"] as? String ?? ""
      let groups = d.groups ?? [:]
      var csv = "value,group\n"
      for (g, v) in groups { for x in v { csv += "\(x),\(g)\n" } }
      let path = try writeTemporaryFile("\(name).csv", csv)
      let obj = try runCLIJSON(["kruskal", "--data", path, "--column", "value", "--group", "group"])
      #expect(
        isClose(fixtureNumber(obj["statistic"]), fixtureNumber(c["statistic"]), relative: 1e-9),
        "\(name)")
      #expect(fixtureNumber(obj["df"]) == fixtureNumber(c["df"]), "\(name)")
      #expect(
        isClose(fixtureNumber(obj["p_value"]), fixtureNumber(c["p"]), relative: 1e-9), "\(name)")
      #expect(
        isClose(fixtureNumber(obj["p_value"]), fixtureNumber(sc["p"]), relative: 1e-9), "\(name)")
      #expect((obj["groups"] as? [Any])?.count == groups.count)
    }
  }

  @Test func badInputExits64() throws {
    let one = try writeTemporaryFile("one.csv", "value,group\n1,a\n2,a\n")
    let ok = try writeTemporaryFile("ok.csv", "value,group\n1,a\n2,b\n")
    for args in [
      ["kruskal", "--data", one, "--column", "value", "--group", "group"],
      ["kruskal", "--data", ok, "--column", "nope", "--group", "group"],
      ["kruskal", "--data", ok, "--column", "value"],
    ] {
      let r = try runCLI(args)
      #expect(r.status == 64, "\(args): \(r.stderr)")
      #expect(r.stderr.split(separator: "\n").count == 1, "\(args): \(r.stderr)")
    }
  }
}
