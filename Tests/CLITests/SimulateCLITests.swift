// SimulateCLITests.swift: `resample simulate` and `resample merge` — TOML and JSON specs, shards
// merged byte for byte, thread invariance, and refusals (bad spec, wrong mix of parts).
import Foundation
import Testing
import _TestSupport

@Suite struct SimulateCLITests {
  private static let spec = fixtureURL("simulation/study.toml").path

  /// Runs `simulate spec` on 1 and 2 threads and as 3 shards merged in reverse order, expects
  /// the same JSON from all three, and returns it with the parts' paths.
  static func everySplitAgrees(_ spec: String) throws -> (json: String, parts: [String]) {
    let whole = try runCLI(["simulate", spec, "--format", "json", "--threads", "1"])
    #expect(whole.status == 0, "\(whole.stderr)")
    let twoThreads = try runCLI(["simulate", spec, "--format", "json", "--threads", "2"])
    #expect(twoThreads.stdout == whole.stdout)
    var parts: [String] = []
    for i in 1...3 {
      let path = try writeTemporaryFile("part\(i).json", "")
      let r = try runCLI(["simulate", spec, "--shard", "\(i)/3", "--output", path])
      #expect(r.status == 0, "\(r.stderr)")
      parts.append(path)
    }
    let merged = try runCLI(["merge"] + parts.reversed() + ["--format", "json"])
    #expect(merged.status == 0, "\(merged.stderr)")
    #expect(merged.stdout == whole.stdout)
    return (whole.stdout, parts)
  }

  @Test func threeShardsMergeToTheUnshardedOutput() throws {
    let (whole, parts) = try Self.everySplitAgrees(Self.spec)
    let missing = try runCLI(["merge", parts[0], parts[1]])
    #expect(missing.status == 64 && missing.stderr.contains("3/3"), "\(missing.stderr)")
    let j = try #require(
      try JSONSerialization.jsonObject(with: Data(whole.utf8)) as? [String: Any])
    #expect(j["seed"] as? Int == 2026 && j["rng"] is String && j["tool"] is String)
    let scenarios = try #require(j["scenarios"] as? [[String: Any]])
    let wilson = try #require((scenarios.first?["methods"] as? [[String: Any]])?.first)
    let coverage = try #require(
      (wilson["measures"] as? [String: Any])?["coverage"] as? [String: Any])
    // Exact coverage 0.956825504715537 (Tests/Fixtures/simulation/exact.R).
    let est = try #require(coverage["estimate"] as? Double)
    let mcse = try #require(coverage["mcse"] as? Double)
    #expect(abs(est - 0.956825504715537) < 4 * mcse)
  }

  @Test func jsonSpecEqualsTOMLSpec() throws {
    let json = try writeTemporaryFile(
      "study.json",
      """
      {"seed": 2026, "datasets": 20000,
       "scenario": [{"name": "one-sample-n20-p0.1", "data": "binomial", "n": 20, "p": 0.1},
                    {"name": "two-sample-n30-p0.3", "data": "two-binomial", "n": [30, 30], "p": [0.3, 0.3]}],
       "method": [{"name": "wilson", "kind": "proportion-interval", "interval": "wilson", "level": 0.95},
                  {"name": "fisher", "kind": "two-proportion-test", "test": "fisher-exact", "alpha": 0.05}]}
      """)
    let a = try runCLI(["simulate", Self.spec, "--format", "json"])
    let b = try runCLI(["simulate", json, "--format", "json"])
    #expect(a.status == 0 && a.stdout == b.stdout, "\(b.stderr)")
  }

  @Test func badSpecsAndMixedPartsAreRefused() throws {
    for (text, needle) in [
      (
        "seed = 1\ndatasets = 10\n[[scenario]]\nname = \"a\"\ndata = \"binomial\"\nn = 5\np = 0.5\n"
          + "[[method]]\nname = \"f\"\nkind = \"two-proportion-test\"\ntest = \"fisher-exact\"\n",
        "method 'f'"
      ),
      ("seed = 1\ndatasets = [", "TOML"),
      ("seed = 1\ndatasets = 10\n", "scenario"),
    ] {
      let path = try writeTemporaryFile("bad.toml", text)
      let r = try runCLI(["simulate", path])
      #expect(r.status == 64 && r.stderr.contains(needle), "\(text): \(r.stderr)")
      #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
    }
    let other = try writeTemporaryFile(
      "other.toml",
      try String(contentsOfFile: Self.spec, encoding: .utf8).replacingOccurrences(
        of: "seed = 2026", with: "seed = 7"))
    let p1 = try writeTemporaryFile("p1.json", "")
    let p2 = try writeTemporaryFile("p2.json", "")
    #expect(try runCLI(["simulate", Self.spec, "--shard", "1/2", "--output", p1]).status == 0)
    #expect(try runCLI(["simulate", other, "--shard", "2/2", "--output", p2]).status == 0)
    let r = try runCLI(["merge", p1, p2])
    #expect(r.status == 64 && r.stderr.contains("different study"), "\(r.stderr)")
  }

  @Test func aStudyTooLargeForOneProcessIsRefusedAtOnce() throws {
    let huge = try writeTemporaryFile(
      "huge.toml",
      "seed = 1\ndatasets = 1000000000000\n[[scenario]]\nname = \"a\"\ndata = \"binomial\"\n"
        + "n = 5\np = 0.5\n[[method]]\nname = \"w\"\nkind = \"proportion-interval\"\n"
        + "interval = \"wilson\"\n")
    let r = try runCLI(["simulate", huge])
    #expect(r.status == 64 && r.stderr.contains("--shard"), "\(r.stderr)")
    #expect(r.stderr.split(separator: "\n").count == 1)
    // The default spec runs within the limit; a tiny limit refuses it.
    let small = try runCLI(["simulate", Self.spec, "--work-limit", "1000"])
    #expect(small.status == 64 && small.stderr.contains("--work-limit"), "\(small.stderr)")
  }

  /// `--plot`: a point with an MCSE bar per method and scenario, the varying parameter as the x
  /// axis, and the same SVG from merged shards as from the whole run.
  @Test func plotDrawsEveryMethodAndScenarioAndMergesExactly() throws {
    let grid = fixtureURL("simulation/grid.toml").path
    let whole = try writeTemporaryFile("grid.svg", "")
    let r = try runCLI(["simulate", grid, "--plot", whole, "--format", "json"])
    #expect(r.status == 0, "\(r.stderr)")
    let svg = try String(contentsOfFile: whole, encoding: .utf8)
    // 3 one-sample scenarios × 2 intervals + 2 two-sample scenarios × 2 tests.
    #expect(svg.components(separatedBy: "<circle").count - 1 == 10)
    for label in [">coverage<", ">rejection rate<", ">n<", ">n per group<", ">wilson<", ">z<"] {
      #expect(svg.contains(label), "\(label)")
    }
    #expect(svg.contains("nominal 0.95") && svg.contains("nominal 0.05"))
    var parts: [String] = []
    for i in 1...2 {
      let path = try writeTemporaryFile("grid-part\(i).json", "")
      #expect(try runCLI(["simulate", grid, "--shard", "\(i)/2", "--output", path]).status == 0)
      parts.append(path)
    }
    let merged = try writeTemporaryFile("grid-merged.svg", "")
    #expect(try runCLI(["merge"] + parts + ["--plot", merged]).status == 0)
    #expect(try String(contentsOfFile: merged, encoding: .utf8) == svg)
    let refused = try runCLI([
      "simulate", grid, "--shard", "1/2", "--output", parts[0], "--plot", merged,
    ])
    #expect(refused.status == 64 && refused.stderr.contains("merge"), "\(refused.stderr)")
  }

  /// A path given twice (spec, --checkpoint, --output, --plot) is refused before anything is
  /// written, so the spec or a checkpoint is never overwritten by another output.
  @Test func oneFileForTwoPurposesIsRefused() throws {
    let spec = try writeTemporaryFile(
      "same.toml", try String(contentsOfFile: Self.spec, encoding: .utf8))
    let before = try String(contentsOfFile: spec, encoding: .utf8)
    let part = try writeTemporaryFile("same-part.json", "")
    for extra in [
      ["--plot", spec], ["--shard", "1/2", "--output", part, "--checkpoint", part],
    ] {
      let r = try runCLI(["simulate", spec] + extra)
      #expect(r.status == 64 && r.stderr.contains("name the same file"), "\(extra): \(r.stderr)")
      #expect(r.stderr.split(separator: "\n").count == 1)
    }
    #expect(try String(contentsOfFile: spec, encoding: .utf8) == before)
  }
}
