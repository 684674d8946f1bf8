// End-to-end tests of `resample bench-diff`: real hyperfine runs, a 40-benchmark suite, every
// output format, the SVG plot and the exit statuses.
import Foundation
import Testing
import _TestSupport

private func fixture(_ name: String) -> String { fixtureURL("benchdiff/\(name)").path }

private func json(_ r: CLIResult) throws -> [String: Any] {
  try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
}

private func temporaryDirectory() throws -> URL {
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
    "bench-diff-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  return dir
}

@Suite struct BenchDiffCLITests {
  @Test func jsonHasTheDocumentedNames() throws {
    let r = try runCLI([
      "bench-diff", fixture("hyperfine_base.json"), fixture("hyperfine_new.json"), "--seed", "7",
      "--replicates", "999", "--format", "json",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    let obj = try json(r)
    for key in ["benchmarks", "geomean", "adjust", "metric", "replicates", "seed", "rng", "tool"] {
      #expect(obj[key] != nil, "missing \(key)")
    }
    #expect(obj["adjust"] as? String == "holm")
    #expect(obj["metric"] as? String == "median")
    #expect(obj["replicates"] as? Int == 999)
    #expect(obj["seed"] as? Int == 7)
    #expect(obj["rng"] as? String == "philox4x32-10/1")
    let benchmarks = try #require(obj["benchmarks"] as? [[String: Any]])
    #expect(benchmarks.map { $0["name"] as? String } == ["sleep", "python"])
    let sleep = benchmarks[0]
    for key in ["name", "base", "new", "ratio", "ratio_ci", "p_value", "p_adjusted", "verdict"] {
      #expect(sleep[key] != nil, "missing \(key)")
    }
    let base = try #require(sleep["base"] as? [String: Any])
    #expect(base["n"] as? Int == 10)
    #expect(base["center"] as? Double != nil)
    let ci = try #require(sleep["ratio_ci"] as? [Double])
    #expect(ci.count == 2 && ci[0] < ci[1])
    // sleep 0.02 vs sleep 0.01: about twice as slow, and found.
    #expect(sleep["verdict"] as? String == "slower")
    let ratio = try #require(sleep["ratio"] as? Double)
    #expect(ratio > 1.3 && ratio < 2.5)
    let geomean = try #require(obj["geomean"] as? [String: Any])
    #expect((geomean["ci"] as? [Double])?.count == 2)
  }

  /// `--alternative`: JSON names it, intervals are one-sided (the open side is null), the text
  /// shows `≤`/`≥`, and a gate that could not see a regression is refused.
  @Test func alternativeIsOneSided() throws {
    let args = [
      "bench-diff", fixture("suite_base.csv"), fixture("suite_new.csv"), "--seed", "3",
      "--replicates", "999",
    ]
    let r = try runCLI(args + ["--alternative", "greater", "--format", "json"])
    #expect(r.status == 0, "\(r.stderr)")
    let obj = try json(r)
    #expect(obj["alternative"] as? String == "greater")
    let benchmarks = try #require(obj["benchmarks"] as? [[String: Any]])
    let b3 = try #require(benchmarks.first { $0["name"] as? String == "bench_03" })
    let p = try #require(b3["p_value"] as? Double)
    #expect(abs(p - 1.6237632336703544e-05) <= 1e-15)  // wilcox.exact(new, base, "greater")
    let ci = try #require(b3["ratio_ci"] as? [Any])
    #expect(ci.count == 2 && ci[0] is Double && ci[1] is NSNull)
    #expect(b3["verdict"] as? String == "slower")
    let two = try json(try runCLI(args + ["--format", "json"]))
    #expect(two["alternative"] as? String == "two-sided")
    let text = try runCLI(args + ["--alternative", "less"])
    #expect(text.status == 0, "\(text.stderr)")
    #expect(text.stdout.contains("one-sided: less (new < base)"))
    #expect(text.stdout.contains("≤ "))
    let gate = try runCLI(args + ["--alternative", "less", "--fail-on-regression"])
    #expect(gate.status == 64)
    #expect(gate.stderr.contains("cannot detect a regression"), "\(gate.stderr)")
    let gated = try runCLI(args + ["--alternative", "greater", "--fail-on-regression"])
    #expect(gated.status == 1, "\(gated.stderr)")
  }

  @Test func sameSeedSameOutputOnAnyThreadCount() throws {
    let args = [
      "bench-diff", fixture("gbench_base.json"), fixture("gbench_new.json"), "--seed", "3",
      "--replicates", "1999", "--format", "json",
    ]
    let one = try runCLI(args + ["--threads", "1"])
    let two = try runCLI(args + ["--threads", "2"])
    #expect(one.status == 0)
    #expect(one.stdout == two.stdout)
    let other = try runCLI(
      Array(args.dropLast(2)) + ["--format", "json", "--seed", "4", "--threads", "1"])
    #expect(other.stdout != one.stdout)
    // A seed above Int.max is printed exactly, as a JSON integer like every other seed.
    let big = try runCLI([
      "bench-diff", fixture("csv_base.csv"), fixture("csv_new.csv"), "--seed",
      "18446744073709551615", "--replicates", "99", "--format", "json",
    ])
    #expect(big.stdout.contains("\"seed\": 18446744073709551615,"))
  }

  /// Two hyperfine runs of real commands, made now (skipped, with the reason, when hyperfine is
  /// not installed; the committed hyperfine fixtures above still run).
  @Test(
    .enabled(
      if: installedExecutable("hyperfine") != nil,
      "hyperfine is not installed (scripts/install-deps.sh installs it)"))
  func liveHyperfineRunsOfRealCommands() throws {
    let hyperfine = try #require(installedExecutable("hyperfine"))
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    func run(_ seconds: String, _ out: String) throws {
      let p = Process()
      p.executableURL = URL(fileURLWithPath: hyperfine)
      p.arguments = [
        "-N", "--style", "none", "--warmup", "1", "--runs", "12", "--export-json", out,
        "-n", "sleep", "sleep \(seconds)", "-n", "true", "true",
      ]
      p.standardOutput = FileHandle.nullDevice
      p.standardError = FileHandle.nullDevice
      try p.run()
      p.waitUntilExit()
      #expect(p.terminationStatus == 0)
    }
    let base = dir.appendingPathComponent("base.json").path
    let new = dir.appendingPathComponent("new.json").path
    try run("0.005", base)
    try run("0.04", new)
    let r = try runCLI([
      "bench-diff", base, new, "--seed", "1", "--replicates", "999", "--format", "json",
      "--fail-on-regression",
    ])
    #expect(r.status == 1, "\(r.stderr)")
    #expect(r.stderr.contains("regression"))
    let benchmarks = try #require(try json(r)["benchmarks"] as? [[String: Any]])
    let sleep = try #require(benchmarks.first { $0["name"] as? String == "sleep" })
    #expect(sleep["verdict"] as? String == "slower")
    // Without the flag the same comparison exits 0.
    let plain = try runCLI(["bench-diff", base, new, "--seed", "1", "--replicates", "199"])
    #expect(plain.status == 0)
  }

  /// 40 synthetic benchmarks, 3 truly different: the 3 are found and no null one is flagged.
  @Test func fortyBenchmarkSuiteThroughCSV() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    var g = SeededLCG(seed: 4242)
    let changes: [Int: Double] = [3: 1.12, 20: 0.85, 38: 1.25]
    var base = "name,value\n"
    var new = "name,value\n"
    for k in 0..<40 {
      for _ in 0..<10 { base += "b\(k),\(Double(k + 1) * exp(0.03 * g.normal()))\n" }
      for _ in 0..<10 {
        new += "b\(k),\(Double(k + 1) * (changes[k] ?? 1) * exp(0.03 * g.normal()))\n"
      }
    }
    let basePath = dir.appendingPathComponent("base.csv").path
    let newPath = dir.appendingPathComponent("new.csv").path
    try base.write(toFile: basePath, atomically: true, encoding: .utf8)
    try new.write(toFile: newPath, atomically: true, encoding: .utf8)
    let r = try runCLI([
      "bench-diff", basePath, newPath, "--seed", "11", "--replicates", "999", "--format", "json",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    let benchmarks = try #require(try json(r)["benchmarks"] as? [[String: Any]])
    #expect(benchmarks.count == 40)
    for (k, b) in benchmarks.enumerated() {
      let verdict = b["verdict"] as? String
      switch changes[k] {
      case .some(let s): #expect(verdict == (s > 1 ? "slower" : "faster"), "b\(k)")
      case .none: #expect(verdict == "no-change", "b\(k): \(b)")
      }
    }
    // Holm-adjusted p-values are never smaller than the raw ones.
    for b in benchmarks {
      let p = try #require(b["p_value"] as? Double)
      let adj = try #require(b["p_adjusted"] as? Double)
      #expect(adj >= p)
    }
  }

  @Test func textMarkdownCSVAndPlot() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let svg = dir.appendingPathComponent("plot.svg").path
    let args = [
      "bench-diff", fixture("suite_base.csv"), fixture("suite_new.csv"), "--seed", "5",
      "--replicates", "499",
    ]
    let text = try runCLI(args + ["--plot", svg])
    #expect(text.status == 0)
    #expect(text.stdout.contains("geomean"))
    #expect(text.stdout.contains("± : "))
    #expect(text.stdout.contains("~ : no significant change"))
    #expect(text.stdout.contains("slower") && text.stdout.contains("faster"))
    #expect(text.stderr.contains("warning: bench_06"))  // 5 runs on one side
    let plot = try String(contentsOfFile: svg, encoding: .utf8)
    #expect(plot.contains("<svg") && plot.hasSuffix("</svg>\n"))
    #expect(plot.contains("bench_07") && plot.contains("geomean"))
    #expect(plot.components(separatedBy: "<circle").count - 1 == 8)
    let md = try runCLI(args + ["--format", "markdown"])
    #expect(md.stdout.contains("| name | base | new |"))
    #expect(md.stdout.contains("**slower**"))
    let csv = try runCLI(args + ["--format", "csv"])
    let lines = csv.stdout.split(separator: "\n")
    #expect(lines.first?.hasPrefix("name,unit,base_n,base_center") == true)
    #expect(lines.count == 1 + 8 + 1)
    #expect(lines.last?.hasPrefix("geomean,") == true)
  }

  @Test func everyInputFormatRuns() throws {
    let pairs = [
      ("hyperfine_base.json", "hyperfine_new.json"), ("gbench_base.json", "gbench_new.json"),
      ("go_base.txt", "go_new.txt"), ("pyperf_base.json", "pyperf_new.json"),
      ("criterion_base", "criterion_new"),
      ("cargo_criterion_base.jsonl", "cargo_criterion_new.jsonl"), ("csv_base.csv", "csv_new.csv"),
    ]
    for (b, n) in pairs {
      let r = try runCLI([
        "bench-diff", fixture(b), fixture(n), "--seed", "1", "--replicates", "199", "--format",
        "json",
      ])
      #expect(r.status == 0, "\(b): \(r.stderr)")
    }
    // Names on one side only are reported.
    let r = try runCLI([
      "bench-diff", fixture("csv_base.csv"), fixture("csv_new.csv"), "--seed", "1",
      "--replicates", "199", "--format", "json",
    ])
    let obj = try json(r)
    #expect(obj["only_in_base"] as? [String] == ["only_base"])
    #expect(obj["only_in_new"] as? [String] == ["only_new"])
  }

  @Test func badInputExits64WithFileAndReason() throws {
    let missing = try runCLI(["bench-diff", fixture("csv_base.csv"), "/nonexistent/new.json"])
    #expect(missing.status == 64)
    #expect(missing.stderr.contains("/nonexistent/new.json"))
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let bad = dir.appendingPathComponent("bad.csv").path
    try "name,value\na,1\na,fast\n".write(toFile: bad, atomically: true, encoding: .utf8)
    let r = try runCLI(["bench-diff", fixture("csv_base.csv"), bad])
    #expect(r.status == 64)
    #expect(r.stderr.contains("bad.csv line 3"))
    for args in [
      ["--threshold", "5"], ["--metric", "mode"], ["--adjust", "magic"], ["--replicates", "0"],
      ["--input-format", "xml"], ["--test", "t"], ["--level", "1.5"],
    ] {
      let u = try runCLI(["bench-diff", fixture("csv_base.csv"), fixture("csv_new.csv")] + args)
      #expect(u.status == 64, "\(args): \(u.stderr)")
    }
  }
}
