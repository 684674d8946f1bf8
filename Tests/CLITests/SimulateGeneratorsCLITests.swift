// SimulateGeneratorsCLITests.swift: `resample simulate` with the generators and methods of
// issue 15 item 1 (Tests/Fixtures/simulation/generators.toml) — the same bytes for any thread
// count and for three shards merged, their parameters in the JSON, and parse-time refusals that
// name the method and the scenario.
import Foundation
import Testing
import _TestSupport

@Suite struct SimulateGeneratorsCLITests {
  private static let spec = fixtureURL("simulation/generators.toml").path

  @Test func threadsAndShardsGiveTheSameBytes() throws {
    let (whole, _) = try SimulateCLITests.everySplitAgrees(Self.spec)

    let j = try #require(
      try JSONSerialization.jsonObject(with: Data(whole.utf8)) as? [String: Any])
    let scenarios = try #require(j["scenarios"] as? [[String: Any]])
    #expect(scenarios.count == 10)
    func parameters(_ name: String) throws -> [String: Any] {
      let s = try #require(scenarios.first { $0["name"] as? String == name })
      return try #require(s["parameters"] as? [String: Any])
    }
    let gamma = try parameters("gamma")
    #expect(gamma["shape"] as? Double == 2 && gamma["scale"] as? Double == 1.5)
    #expect(gamma["truth"] as? Double == 3)
    let two = try parameters("two-null")
    #expect(two["means"] as? [Double] == [0, 0] && two["truth"] as? Double == 0)
    #expect(try parameters("three-shift")["truth"] as? Double == 1)
    #expect(try parameters("beta")["df"] == nil, "only the generator's own parameters")
    // Which methods ran where: anova only on the scenario it lists, kruskal on both grouped ones.
    func methods(_ name: String) throws -> [String] {
      let s = try #require(scenarios.first { $0["name"] as? String == name })
      return try #require(s["methods"] as? [[String: Any]]).compactMap { $0["name"] as? String }
    }
    #expect(try methods("poisson") == ["percentile", "t"])
    #expect(
      try methods("two-null") == ["permutation", "welch", "mann-whitney", "kruskal", "difference"])
    #expect(try methods("three-shift") == ["kruskal", "anova"])
    #expect(
      try methods("gamma-vs-t") == [
        "permutation", "welch", "mann-whitney", "kruskal", "difference",
      ])
    let groups = try #require(try parameters("gamma-vs-t")["groups"] as? [[String: Any]])
    #expect(groups.map { $0["data"] as? String } == ["gamma", "t"])
    #expect(groups.map { $0["name"] as? String } == ["gamma-vs-t group 1", "gamma-vs-t group 2"])
    #expect(try parameters("gamma-vs-t")["truth"] as? Double == 0)
    #expect(try methods("two-binomial") == ["chi-square", "yates"])
    #expect(try methods("clustered") == ["chi-square", "yates", "design"])
    let clustered = try parameters("clustered")
    #expect(clustered["cluster_size"] as? Int == 5 && clustered["icc"] as? Double == 0.2)

    let text = try runCLI(["simulate", Self.spec])
    #expect(text.status == 0)
    #expect(text.stdout.contains("Scenario two-null (two-normal: n = 5, 6, difference of means 0)"))
    #expect(text.stdout.contains("Scenario three-shift (k-normal: n = 6, 6, 6, range of means 1)"))
  }

  @Test func methodsThatFitNoScenarioAreRefusedNamingBoth() throws {
    let head = "seed = 1\ndatasets = 10\n"
    for (text, needles) in [
      (
        head + "[[scenario]]\nname = \"g\"\ndata = \"gamma\"\nn = 10\nshape = 2\nscale = 1\n"
          + "[[method]]\nname = \"mw\"\nkind = \"two-sample-test\"\ntest = \"mann-whitney\"\n",
        ["method 'mw'", "'g' (gamma)", "two-normal"]
      ),
      (
        head + "[[scenario]]\nname = \"g\"\ndata = \"gamma\"\nn = 10\nshape = 2\nscale = 1\n"
          + "[[scenario]]\nname = \"k\"\ndata = \"k-normal\"\nn = [4, 4, 4]\nmean = [0, 0, 0]\n"
          + "sd = [1, 1, 1]\n[[method]]\nname = \"kw\"\nkind = \"k-sample-test\"\n"
          + "test = \"kruskal-wallis\"\nscenarios = [\"g\"]\n",
        ["method 'kw' scenarios", "'g'", "k-normal"]
      ),
      (
        head + "[[scenario]]\nname = \"p\"\ndata = \"poisson\"\nn = 10\nlambda = -2\n"
          + "[[method]]\nname = \"t\"\nkind = \"t-interval\"\n",
        ["scenario 'p' lambda"]
      ),
      (
        head + "[[scenario]]\nname = \"two\"\ndata = \"two-normal\"\nn = [4, 4]\nmean = [0, 0]\n"
          + "sd = [1, 1]\n[[method]]\nname = \"w\"\nkind = \"two-sample-test\"\n"
          + "test = \"kruskal-wallis\"\n",
        ["method 'w' test", "permutation, welch-t, mann-whitney"]
      ),
    ] {
      let path = try writeTemporaryFile("bad-generators.toml", text)
      let r = try runCLI(["simulate", path])
      #expect(r.status == 64, "\(r.stderr)")
      for needle in needles {
        #expect(r.stderr.contains(needle), "\(needle) not in \(r.stderr)")
      }
    }
  }
}
