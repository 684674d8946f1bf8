// The conventions every command shares: --threads default and checks, --format values listed in
// --help, one stderr line and exit 64 for bad input (also with --format json), inf in text,
// seed/rng/tool at the top level of every random JSON result.
import Foundation
import Testing
import _TestSupport

/// Minimal valid arguments of each random command (their inputs are never read when an option is
/// refused, so bench-diff's files need not exist).
private let randomCommands: [(name: String, args: [String])] = [
  ("boot", ["boot", "--sample-a", "/nonexistent"]),
  ("perm", ["perm", "--sample-a", "/nonexistent", "--sample-b", "/nonexistent"]),
  ("chisq", ["chisq", "--table", "12,5;7,14", "--monte-carlo", "100"]),
  ("fisher", ["fisher", "--table", "12,5;7,14"]),
  ("compare", ["compare", "--counts", "a=5/10,b=6/10", "--no-power"]),
  ("power", ["power", "--p1", "0.5", "--p2", "0.6", "--n", "20"]),
  ("bench-diff", ["bench-diff", "/nonexistent-base", "/nonexistent-new"]),
  ("simulate", ["simulate", "/nonexistent.toml"]),
  ("replicate-weights", ["replicate-weights", "--data", "/nonexistent"]),
]

/// The --format values each command prints, as `--help` must list them.
private let formats: [(command: String, values: String)] = [
  ("boot", "text, json, csv"), ("perm", "text, json, csv"), ("chisq", "text, json, csv"),
  ("fisher", "text, json, csv"), ("mcnemar", "text, json, csv"), ("prop", "text, json, csv"),
  ("padjust", "text, json, csv"), ("compare", "text, json, csv"), ("power", "text, json, csv"),
  ("bench-diff", "text, json, csv, markdown"), ("dist", "text, json"), ("doctor", "text, json"),
  ("ranksum", "text, json, csv"), ("signrank", "text, json, csv"), ("kruskal", "text, json, csv"),
  ("simulate", "text, json"), ("merge", "text, json, csv"),
]

/// Asserts a refused run: exit 64, nothing on stdout, exactly one line on stderr.
private func expectUsageError(
  _ r: CLIResult, mentioning fragment: String, sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(r.status == 64, "status \(r.status), stderr: \(r.stderr)", sourceLocation: sourceLocation)
  #expect(r.stdout.isEmpty, "stdout: \(r.stdout)", sourceLocation: sourceLocation)
  let lines = r.stderr.split(separator: "\n", omittingEmptySubsequences: false)
  #expect(
    lines.count == 2 && lines[1].isEmpty, "stderr: \(r.stderr)", sourceLocation: sourceLocation)
  #expect(r.stderr.hasPrefix("resample: error: "), "\(r.stderr)", sourceLocation: sourceLocation)
  #expect(
    r.stderr.contains(fragment), "\(r.stderr) lacks \(fragment)", sourceLocation: sourceLocation)
}

private func help(_ command: String) throws -> String {
  let r = try runCLI([command, "--help"])
  #expect(r.status == 0, "stderr: \(r.stderr)")
  // ArgumentParser wraps help at the terminal width: join the lines to search phrases.
  return r.stdout.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
    .joined(separator: " ")
}

private func jsonObject(_ r: CLIResult) throws -> [String: Any] {
  #expect(r.status == 0, "stderr: \(r.stderr)")
  return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
}

@Suite struct ConventionsCLITests {
  @Test(arguments: randomCommands.map(\.name))
  func threadsDefaultsToAllCoresInHelp(command: String) throws {
    let text = try help(command)
    #expect(text.contains("--threads <threads>"), "\(command): \(text)")
    #expect(text.contains("Worker threads (default: all cores; results never depend on it)."))
    #expect(text.contains("--seed <seed>"), "\(command) has no --seed")
  }

  @Test(arguments: randomCommands.map(\.name))
  func zeroAndNegativeThreadsAreRefused(command: String) throws {
    let args = try #require(randomCommands.first { $0.name == command }).args
    for bad in ["0", "-5"] {
      let r = try runCLI(args + ["--threads", bad])
      expectUsageError(r, mentioning: "--threads")
    }
  }

  @Test(arguments: formats.map(\.command))
  func helpListsExactlyTheFormatsTheCommandPrints(command: String) throws {
    let values = try #require(formats.first { $0.command == command }).values
    let text = try help(command)
    #expect(text.contains("(values: \(values); default: text)"), "\(command): \(text)")
    if !values.contains("markdown") {
      let r = try runCLI([command, "--format", "markdown"])
      expectUsageError(r, mentioning: "markdown")
    }
  }

  @Test func choicesAreListedInHelp() throws {
    #expect(try help("boot").contains("(values: percentile, basic, normal, bca, studentized, all;"))
    #expect(try help("boot").contains("(values: two-sided, less, greater; default: two-sided)"))
    #expect(
      try help("perm").contains(
        "(values: mean, median, anova-f, kruskal, correlation, spearman; default: mean)"))
    #expect(try help("chisq").contains("(values: yates, none; default: yates)"))
    #expect(
      try help("padjust").contains(
        "(values: holm, hochberg, hommel, bonferroni, BH, BY, sidak, holm-sidak, fdr_tsbh;"))
    #expect(try help("power").contains("(values: fisher-exact, pooled-z; default: pooled-z)"))
    #expect(
      try help("compare").contains("(values: holm, hochberg, hommel, bonferroni, BH, BY, max-t;"))
    #expect(try help("compare").contains("(values: unknown, half-up, half-even; default: unknown)"))
    #expect(try help("bench-diff").contains("(values: mann-whitney, permutation;"))
    #expect(try help("dist").contains("normal, t, chisq, f, beta, gamma, binomial, poisson"))
  }

  @Test func aBadChoiceIsOneUsageLine() throws {
    expectUsageError(
      try runCLI(["padjust", "--method", "fdr_tsbky", "0.1"]), mentioning: "fdr_tsbky")
    expectUsageError(
      try runCLI(["perm", "--statistic", "mode", "--sample-a", "a", "--sample-b", "b"]),
      mentioning: "mode")
    expectUsageError(
      try runCLI(["boot", "--method", "bca,nope", "--sample-a", "a"]), mentioning: "bca,nope")
  }

  @Test func errorsWithJSONFormatAreOneStderrLineAndExit64() throws {
    let cases: [([String], String)] = [
      (["chisq", "--table", "0x10,5;7,14"], "--table row 1 column 1"),
      (["fisher", "--table", "1,2;nan,4"], "--table row 2 column 1"),
      (["mcnemar", "--table", "1,2,3;4,5,6"], "2×2"),
      (["prop", "--x", "5", "--n", "3"], "--x"),
      (["dist", "normal", "--sd", "-1", "--quantile", "0.5"], "--sd"),
      (["padjust", "0.2", "1.5"], "p-value 2"),
      (["boot", "--sample-a", "/nonexistent/file"], "/nonexistent/file"),
      (["power", "--p1", "0.5", "--p2", "0.6", "--n", "0"], "--n"),
      (["compare", "--counts", "a=5/3,b=1/2"], "a"),
      (["bench-diff", "/nonexistent-a", "/nonexistent-b"], "/nonexistent-a"),
      (["boot", "--sample-a", "x", "--level", "1.5"], "--level"),
      (["chisq", "--table", "1,2;3,4", "--seed", "3"], "--seed needs --monte-carlo"),
    ]
    for (args, fragment) in cases {
      expectUsageError(try runCLI(args + ["--format", "json"]), mentioning: fragment)
    }
  }

  @Test func tableSyntaxRefusesHexNaNAndFractionsNamingTheCell() throws {
    expectUsageError(
      try runCLI(["chisq", "--table", "0x10,5;7,14"]),
      mentioning: "--table row 1 column 1: '0x10' is not a number")
    expectUsageError(
      try runCLI(["mcnemar", "--table", "1,2.5;3,4"]),
      mentioning: "--table row 1 column 2: count 2.5 is not an integer")
    expectUsageError(
      try runCLI(["fisher", "--table", "1,2;-3,4"]),
      mentioning: "--table row 2 column 1: count -3 is negative")
  }

  @Test func textShowsInfinitiesAsInf() throws {
    let low = try runCLI(["dist", "normal", "--quantile", "0"])
    #expect(low.status == 0)
    #expect(low.stdout.contains("quantile      -inf"), "\(low.stdout)")
    #expect(!low.stdout.contains("null"))
    let high = try runCLI(["dist", "chisq", "--df", "2", "--upper-quantile", "0"])
    #expect(high.stdout.contains("inf") && !high.stdout.contains("null"), "\(high.stdout)")
    // JSON keeps null for the non-finite quantile (documented in the README).
    let obj = try jsonObject(try runCLI(["dist", "normal", "--quantile", "0", "--format", "json"]))
    #expect(obj["quantile"] is NSNull)
    // A zero cell makes the odds ratio's upper bound infinite (R: Inf).
    let fisher = try runCLI(["fisher", "--table", "10,0;5,5"])
    #expect(fisher.status == 0)
    #expect(fisher.stdout.contains(", inf]"), "\(fisher.stdout)")
    #expect(!fisher.stdout.contains("null"))
  }

  @Test(arguments: [
    ["chisq", "--table", "12,5,9;7,14,3", "--monte-carlo", "2000", "--seed", "11"],
    ["fisher", "--table", "12,5,9;7,14,3", "--monte-carlo", "2000", "--seed", "11"],
  ])
  func monteCarloResultsCarrySeedRngToolAtTheTop(args: [String]) throws {
    let obj = try jsonObject(try runCLI(args + ["--format", "json"]))
    #expect(obj["seed"] as? Int == 11)
    #expect(obj["rng"] as? String == "philox4x32-10/1")
    #expect((obj["tool"] as? String)?.hasPrefix("resample ") == true)
    // The nested copy stays for existing readers.
    let mc = try #require(obj["monte_carlo"] as? [String: Any])
    #expect(mc["seed"] as? Int == 11)
    #expect(mc["rng"] as? String == "philox4x32-10/1")
  }

  @Test func everyRandomResultCarriesSeedRngToolAtTheTop() throws {
    let numbers = FileManager.default.temporaryDirectory.appendingPathComponent(
      "conventions-\(getpid()).txt")
    try "1 2 3 4 5 6 7 8\n".write(to: numbers, atomically: true, encoding: .utf8)
    let other = FileManager.default.temporaryDirectory.appendingPathComponent(
      "conventions-\(getpid())-b.txt")
    try "3 5 7 9 11\n".write(to: other, atomically: true, encoding: .utf8)
    defer {
      try? FileManager.default.removeItem(at: numbers)
      try? FileManager.default.removeItem(at: other)
    }
    let runs: [[String]] = [
      ["boot", "--sample-a", numbers.path, "--replicates", "199"],
      ["perm", "--sample-a", numbers.path, "--sample-b", other.path, "--replicates", "199"],
      ["power", "--p1", "0.5", "--p2", "0.7", "--n", "30", "--simulations", "100"],
      ["compare", "--counts", "a=50/82,b=32/74", "--no-power", "--replicates", "199"],
      [
        "bench-diff", fixtureURL("benchdiff/suite_base.csv").path,
        fixtureURL("benchdiff/suite_new.csv").path, "--replicates", "199",
      ],
    ]
    for args in runs {
      let obj = try jsonObject(try runCLI(args + ["--seed", "21", "--format", "json"]))
      #expect(obj["seed"] as? Int == 21, "\(args[0])")
      #expect(obj["rng"] as? String == "philox4x32-10/1", "\(args[0])")
      #expect((obj["tool"] as? String)?.hasPrefix("resample ") == true, "\(args[0])")
    }
  }

  @Test func exactResultsCarryToolButNoSeed() throws {
    let obj = try jsonObject(try runCLI(["fisher", "--table", "12,5;7,14", "--format", "json"]))
    #expect(obj["tool"] is String)
    #expect(obj["seed"] == nil && obj["rng"] == nil)
  }

  @Test func csvCountsAreIntegers() throws {
    let r = try runCLI(
      [
        "compare", "--counts", "a=50/82,b=32/74", "--no-power", "--seed", "1", "--replicates",
        "199",
        "--format", "csv",
      ])
    #expect(r.status == 0, "\(r.stderr)")
    let lines = r.stdout.split(separator: "\n")
    let header = try #require(lines.first).split(separator: ",").map(String.init)
    let row = try #require(lines.dropFirst().first).split(separator: ",").map(String.init)
    for column in ["x_a", "n_a", "x_b", "n_b"] {
      let i = try #require(header.firstIndex(of: column), "no \(column) in \(header)")
      #expect(Int(row[i]) != nil, "\(column) = \(row[i]) is not an integer")
    }
  }
}
