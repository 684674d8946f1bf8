// End-to-end tests of `resample bench-diff` on the files of issue 16 (Tests/Fixtures/benchmarks,
// written by the real tools with generate.sh): the verdicts, the refusals and the gate's exit
// statuses.
import Foundation
import Testing
import _TestSupport

private func fixture(_ name: String) -> String { fixtureURL("benchmarks/\(name)").path }

private func json(_ r: CLIResult) throws -> [String: Any] {
  try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
}

@Suite struct BenchDiffRealToolCLITests {
  let common = ["--seed", "5", "--replicates", "499"]

  /// Runs `bench-diff BASE NEW` on two fixtures with `arguments` and the common options.
  func benchDiff(_ base: String, _ new: String, _ arguments: [String] = []) throws -> CLIResult {
    try runCLI(["bench-diff", fixture(base), fixture(new)] + arguments + common)
  }

  @Test func googleBenchmarkCSVIsSlowerNotFaster() throws {
    let r = try benchDiff(
      "gbench_base.csv", "gbench_new.csv",
      ["--gbench-time", "cpu", "--format", "json", "--fail-on-regression"])
    #expect(r.status == 1, "\(r.stderr)")
    let obj = try json(r)
    let b = try #require(obj["benchmarks"] as? [[String: Any]])
    #expect(b.map { $0["name"] as? String } == ["BM_Sum/4096", "BM_Copy"])
    #expect(b[0]["verdict"] as? String == "slower")
  }

  @Test func consoleOutputIsRefusedNamingTheFlag() throws {
    let r = try runCLI(["bench-diff", fixture("gbench_console.txt"), fixture("gbench_base.csv")])
    #expect(r.status == 64)
    #expect(r.stderr.contains("--benchmark_format=json"))
  }

  @Test func throughputLossFailsTheGate() throws {
    let r = try benchDiff(
      "gbench_counters_base.json", "gbench_counters_new.json",
      ["--metric", "bytes_per_second", "--fail-on-regression"])
    #expect(r.status == 1, "\(r.stdout)\n\(r.stderr)")
    #expect(r.stdout.contains("higher is better"))
    let unknown = try benchDiff(
      "gbench_counters_base.json", "gbench_counters_new.json", ["--metric", "iterations"])
    #expect(unknown.status == 64 && unknown.stderr.contains("--higher-is-better"))
    // --metric median|mean keeps meaning the center.
    let mean = try benchDiff(
      "csv_units_base.csv", "csv_units_new.csv", ["--metric", "mean", "--format", "json"])
    #expect(mean.status == 0)
    #expect(try json(mean)["metric"] as? String == "mean")
  }

  @Test func gateFailsWhenNothingMatchesOrABenchmarkDisappears() throws {
    // hyperfine's "sleep 0.01" vs the CSV's "sleep": no name in common.
    let none = try benchDiff("hyperfine_two.json", "csv_units_new.csv", ["--fail-on-regression"])
    #expect(none.status == 64 && none.stderr.contains("nothing could be compared"))
    let renamed = try benchDiff(
      "hyperfine_two.json", "csv_units_new.csv",
      ["--rename", "sleep 0.03=sleep", "--fail-on-regression"])
    // "sleep 0.01" is missing from NEW: the gate fails unless --allow-missing.
    #expect(renamed.status == 1 && renamed.stderr.contains("missing from the new results"))
    let allowed = try benchDiff(
      "hyperfine_two.json", "csv_units_new.csv",
      ["--rename", "sleep 0.03=sleep", "--fail-on-regression", "--allow-missing"])
    #expect(allowed.status == 0, "\(allowed.stderr)")
    // Go's -2/-4 suffixes are matched, stated.
    let go = try benchDiff("go_base.jsonl", "go_new.txt")
    #expect(go.status == 0)
    #expect(
      go.stderr.contains("only the GOMAXPROCS suffix differs")
        || go.stdout.contains("BenchmarkFib "))
  }

  @Test func criterionBaselineWorkflow() throws {
    let folder = fixture("criterion_baselines")
    let same = try runCLI(["bench-diff", folder, folder] + common)
    #expect(same.status == 64 && same.stderr.contains("--base-baseline main"))
    let alone = try runCLI(["bench-diff", folder] + common)
    #expect(alone.status == 64)
    let r = try runCLI(
      ["bench-diff", folder, "--base-baseline", "main", "--format", "json"] + common)
    #expect(r.status == 0, "\(r.stderr)")
    let b = try #require(try json(r)["benchmarks"] as? [[String: Any]])
    #expect((b.first?["ratio"] as? Double ?? 0) > 1.2)
  }

  @Test func oneHyperfineFileComparesItsCommands() throws {
    let r = try runCLI(["bench-diff", fixture("hyperfine_two.json"), "--format", "json"] + common)
    #expect(r.status == 0, "\(r.stderr)")
    let b = try #require(try json(r)["benchmarks"] as? [[String: Any]])
    #expect(b.map { $0["name"] as? String } == ["sleep 0.03"])
    #expect(b[0]["verdict"] as? String == "slower")
    let three = try runCLI(
      ["bench-diff", fixture("hyperfine_three.json"), "--base-command", "slow", "--format", "json"]
        + common)
    let t = try #require(try json(three)["benchmarks"] as? [[String: Any]])
    #expect(t.map { $0["verdict"] as? String } == ["faster", "faster"])
  }

  @Test func singleRunsZerosAndUnderflow() throws {
    let one = try benchDiff(
      "hyperfine_one_run_base.json", "hyperfine_one_run_new.json", ["--fail-on-regression"])
    #expect(one.stdout.contains("needs ≥ 2 runs") && !one.stdout.contains("95% CI\n"))
    #expect(one.status == 64)
    for (a, b) in [("csv_zero.csv", "csv_real.csv"), ("csv_real.csv", "csv_zero.csv")] {
      let z = try runCLI(["bench-diff", fixture(a), fixture(b), "--fail-on-regression"] + common)
      #expect(z.status == 64 && z.stderr.contains("sleep: its median is 0"), "\(a) \(b)")
    }
    let tiny = try benchDiff(
      "csv_subnormal_base.csv", "csv_subnormal_new.csv",
      ["--fail-on-regression", "--format", "json"])
    #expect(tiny.status == 1)
    #expect(tiny.stdout.contains("\"ratio\": null") == false)
    // 3000 fully separated runs a side: the normal approximation's p underflows to 0.
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let rows = (0..<3000).map { "a,\(1 + Double($0) * 1e-4)" }
    let rowsNew = (0..<3000).map { "a,\(2 + Double($0) * 1e-4)" }
    try ("name,value\n" + rows.joined(separator: "\n")).write(
      to: dir.appendingPathComponent("b.csv"), atomically: true, encoding: .utf8)
    try ("name,value\n" + rowsNew.joined(separator: "\n")).write(
      to: dir.appendingPathComponent("n.csv"), atomically: true, encoding: .utf8)
    let u = try runCLI(
      [
        "bench-diff", dir.appendingPathComponent("b.csv").path,
        dir.appendingPathComponent("n.csv").path, "--seed", "1", "--replicates", "99",
      ])
    #expect(u.stdout.contains("< 1e-300"), "\(u.stdout)")
  }
}
