// ShardCLITests.swift: `--shard I/K --output PART.json` on perm, chisq --monte-carlo, fisher
// --monte-carlo, power and boot; `resample merge` gives the unsharded output byte for byte in
// every format, and refuses every wrong mix of parts in one line with exit status 64.
import Foundation
import Testing
import _TestSupport

/// Runs `args` whole and as `k` shards (merged in reverse order), for each format, and expects
/// identical bytes on standard output and standard error.
func expectShardsMergeToTheWholeRun(
  _ args: [String], shards k: Int, formats: [String] = ["json", "text", "csv"],
  sourceLocation: SourceLocation = #_sourceLocation
) throws {
  var parts: [String] = []
  for i in 1...k {
    let path = try writeTemporaryFile("part\(i).json", "")
    let r = try runCLI(args + ["--shard", "\(i)/\(k)", "--output", path, "--threads", "1"])
    #expect(r.status == 0 && r.stdout.isEmpty, "\(r.stderr)", sourceLocation: sourceLocation)
    parts.append(path)
  }
  for format in formats {
    let whole = try runCLI(args + ["--format", format])
    #expect(whole.status == 0, "\(whole.stderr)", sourceLocation: sourceLocation)
    let merged = try runCLI(["merge"] + parts.reversed() + ["--format", format])
    #expect(merged.status == 0, "\(merged.stderr)", sourceLocation: sourceLocation)
    #expect(merged.stdout == whole.stdout, "\(format)", sourceLocation: sourceLocation)
    #expect(merged.stderr == whole.stderr, "\(format)", sourceLocation: sourceLocation)
  }
}

/// Expects exit status 64 and one line on stderr containing `fragment`.
func expectRefused(
  _ r: CLIResult, _ fragment: String, sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(r.status == 64, "\(r.status): \(r.stderr)", sourceLocation: sourceLocation)
  #expect(r.stdout.isEmpty, sourceLocation: sourceLocation)
  #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)", sourceLocation: sourceLocation)
  #expect(r.stderr.contains(fragment), "\(r.stderr)", sourceLocation: sourceLocation)
}

/// Writes shard `i` of `k` of `args` and returns its path.
func shardPart(_ args: [String], _ i: Int, of k: Int) throws -> String {
  let path = try writeTemporaryFile("part\(i)of\(k).json", "")
  let r = try runCLI(args + ["--shard", "\(i)/\(k)", "--output", path])
  #expect(r.status == 0, "\(r.stderr)")
  return path
}

@Suite struct ShardCLITests {
  /// Two groups of 30 with many distinct arrangements: always Monte Carlo.
  static func groups() throws -> String {
    try writeTemporaryFile(
      "groups.csv",
      "x,g\n" + (1...30).map { "\(Double($0 * 7 % 13) + 0.5),\($0 % 2)\n" }.joined())
  }

  static func perm(_ data: String, seed: Int = 5, b: Int = 4000) -> [String] {
    [
      "perm", "--data", data, "--column", "x", "--group", "g", "--compare", "0,1", "--seed",
      "\(seed)", "--replicates", "\(b)",
    ]
  }

  @Test func permShardsMergeToTheWholeRun() throws {
    let data = try Self.groups()
    try expectShardsMergeToTheWholeRun(Self.perm(data), shards: 3)
    try expectShardsMergeToTheWholeRun(Self.perm(data), shards: 1, formats: ["json"])
    try expectShardsMergeToTheWholeRun(
      Self.perm(data) + ["--statistic", "median", "--alternative", "less"], shards: 3,
      formats: ["json"])
    try expectShardsMergeToTheWholeRun(
      [
        "perm", "--data", data, "--column", "x", "--group", "g", "--statistic", "kruskal",
        "--seed", "3", "--replicates", "999",
      ], shards: 3, formats: ["json", "text"])
  }

  @Test func monteCarloChisqAndFisherShardsMergeToTheWholeRun() throws {
    for args in [
      ["chisq", "--table", "12,5,3;7,14,9", "--monte-carlo", "3000", "--seed", "9"],
      ["chisq", "--observed", "89,37,30,28,2", "--monte-carlo", "3000", "--seed", "9"],
      ["fisher", "--table", "3,5,3;7,1,9;2,2,8", "--monte-carlo", "3000", "--seed", "9"],
    ] {
      try expectShardsMergeToTheWholeRun(args, shards: 3)
      try expectShardsMergeToTheWholeRun(args, shards: 1, formats: ["json"])
    }
  }

  @Test func powerShardsMergeToTheWholeRun() throws {
    let args = [
      "power", "--p1", "0.3", "--p2", "0.45", "--n", "50..150:50", "--simulations", "5000",
      "--seed", "4",
    ]
    try expectShardsMergeToTheWholeRun(args, shards: 3)
    try expectShardsMergeToTheWholeRun(args, shards: 1, formats: ["json"])
    let part = try writeTemporaryFile("p.json", "")
    expectRefused(
      try runCLI(
        Array(args.dropLast(4)) + ["--simulations", "0", "--shard", "1/2", "--output", part]),
      "--simulations")
  }

  /// Continuous data (the parts hold the replicate values, BCa's acceleration comes from the
  /// data merge reads again) and 0/1 data (the parts hold tabulated lattice counts).
  @Test func bootShardsMergeToTheWholeRun() throws {
    let data = try Self.groups()
    let binary = try writeTemporaryFile(
      "binary.csv", "y\n" + (1...40).map { "\($0 * 7 % 3 == 0 ? 1 : 0)\n" }.joined())
    for args in [
      ["boot", "--data", data, "--column", "x", "--method", "all", "--replicates", "3000"],
      ["boot", "--data", binary, "--column", "y", "--method", "bca,percentile"],
      [
        "boot", "--data", data, "--column", "x", "--group", "g", "--compare", "0,1",
        "--statistic", "median", "--method", "all", "--replicates", "2000",
      ],
    ] {
      try expectShardsMergeToTheWholeRun(args + ["--seed", "3"], shards: 3)
      try expectShardsMergeToTheWholeRun(args + ["--seed", "3"], shards: 1, formats: ["json"])
    }
    let tabulated = try shardPart(
      ["boot", "--data", binary, "--column", "y", "--seed", "3", "--replicates", "3000"], 1, of: 3)
    #expect(try String(contentsOfFile: tabulated, encoding: .utf8).contains(#""values":[]"#))
  }

  /// Several columns (correlation through the one-output block; spearman, ratio of means and
  /// OLS through per-output values) and a survey design (the Rao–Wu replicates, NaN where a
  /// domain is empty) shard and merge like one sample.
  @Test func multiColumnAndDesignBootShardsMergeToTheWholeRun() throws {
    let rows = (1...40).map { i -> String in
      let x = Double(i * 7 % 13) + 0.5
      let z = Double(i * 5 % 11) - 2
      let y = 1.5 + 0.8 * x - 0.3 * z + Double(i * 3 % 7) * 0.25
      return "\(x),\(z),\(y),\(1 + i % 3),c\(i % 8),\(i % 2)\n"
    }
    let data = try writeTemporaryFile("multi.csv", "x,z,y,w,cl,g\n" + rows.joined())
    for args in [
      [
        "boot", "--data", data, "--statistic", "correlation", "--columns", "x,y", "--method", "all",
      ],
      ["boot", "--data", data, "--statistic", "spearman", "--columns", "x,y"],
      ["boot", "--data", data, "--statistic", "ratio-of-means", "--columns", "y,x"],
      [
        "boot", "--data", data, "--statistic", "ols", "--response", "y", "--predictors", "x,z",
        "--method", "percentile,bca",
      ],
      ["boot", "--data", data, "--column", "y", "--weight", "w", "--cluster", "cl"],
      [
        "boot", "--data", data, "--column", "y", "--group", "g", "--compare", "0,1",
        "--statistic", "difference", "--weight", "w", "--cluster", "cl", "--method",
        "percentile,basic,normal,bca",
      ],
    ] {
      try expectShardsMergeToTheWholeRun(args + ["--seed", "4", "--replicates", "1500"], shards: 3)
    }
  }

  @Test func aWrongMixOfPartsIsRefusedInOneLine() throws {
    let data = try Self.groups()
    let args = Self.perm(data)
    let p = try (1...3).map { try shardPart(args, $0, of: 3) }
    expectRefused(try runCLI(["merge", p[0], p[2]]), "need each of 1/3")
    expectRefused(try runCLI(["merge", p[0], p[1], p[1], p[2]]), "exactly once")
    let otherSeed = try shardPart(Self.perm(data, seed: 6), 2, of: 3)
    expectRefused(try runCLI(["merge", p[0], otherSeed, p[2]]), "a different run of perm")
    let otherB = try shardPart(Self.perm(data, b: 4001), 2, of: 3)
    expectRefused(try runCLI(["merge", p[0], otherB, p[2]]), "a different run of perm")
    let otherData = try writeTemporaryFile(
      "other.csv", try String(contentsOfFile: data, encoding: .utf8) + "3.5,1\n")
    let otherFile = try shardPart(Self.perm(otherData), 2, of: 3)
    expectRefused(try runCLI(["merge", p[0], otherFile, p[2]]), "a different run of perm")
    let chisq = try shardPart(
      ["chisq", "--table", "12,5;7,14", "--monte-carlo", "300", "--seed", "1"], 2, of: 3)
    expectRefused(try runCLI(["merge", p[0], chisq, p[2]]), "a part of `chisq`")
    let text = try String(contentsOfFile: p[1], encoding: .utf8)
    let otherTool = try writeTemporaryFile(
      "tool.json",
      text.replacingOccurrences(
        of: #""tool":"resample "#, with: #""tool":"resample 0.0.0-other "#))
    expectRefused(try runCLI(["merge", p[0], otherTool, p[2]]), "made by resample 0.0.0-other")
    let twoShards = try shardPart(args, 2, of: 2)
    expectRefused(try runCLI(["merge", p[0], twoShards, p[2]]), "shard of 2")
    // The data changed after the shards ran: merge cannot recompute the observed statistic.
    try (try String(contentsOfFile: data, encoding: .utf8) + "1.5,0\n").write(
      toFile: data, atomically: true, encoding: .utf8)
    expectRefused(try runCLI(["merge"] + p), "differs from the file the shards read")
  }

  @Test func shardNeedsOutputSeedAndReplicatesToSplit() throws {
    let data = try Self.groups()
    let part = try writeTemporaryFile("p.json", "")
    expectRefused(try runCLI(Self.perm(data) + ["--shard", "1/2"]), "--output")
    expectRefused(try runCLI(Self.perm(data) + ["--output", part]), "--shard")
    expectRefused(try runCLI(Self.perm(data) + ["--shard", "3/2", "--output", part]), "--shard")
    var noSeed = Self.perm(data)
    noSeed.removeSubrange(9..<11)
    expectRefused(try runCLI(noSeed + ["--shard", "1/2", "--output", part]), "--seed")
    let small = try writeTemporaryFile("small.csv", "x,g\n1,a\n2,a\n3,b\n5,b\n")
    expectRefused(
      try runCLI(
        [
          "perm", "--data", small, "--column", "x", "--group", "g", "--compare", "a,b",
          "--seed", "1", "--shard", "1/2", "--output", part,
        ]), "exact")
    expectRefused(
      try runCLI(["chisq", "--table", "12,5;7,14", "--shard", "1/2", "--output", part]),
      "--monte-carlo")
    expectRefused(
      try runCLI(Self.perm(data) + ["--shard", "1/2", "--output", data]), "input file")
    expectRefused(
      try runCLI(
        [
          "chisq", "--table-file", "-", "--monte-carlo", "100", "--seed", "1", "--shard", "1/2",
          "--output", part,
        ], stdin: "1,2\n3,4\n"), "standard input")
  }
}
