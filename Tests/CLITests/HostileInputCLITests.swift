// Reproducers of issue 16 run end to end: extreme parameters, extreme data, endless input, failed
// writes. Each asserts the exit status and the one-line message (or the right value).
import Foundation
import Testing
import _TestSupport

/// Expects exit 64 and exactly one stderr line containing `fragment`.
private func expectRefused(
  _ args: [String], _ fragment: String, environment: [String: String]? = nil,
  sourceLocation: SourceLocation = #_sourceLocation
) throws {
  let r = try runCLI(args, environment: environment)
  #expect(r.status == 64, "status \(r.status), stderr: \(r.stderr)", sourceLocation: sourceLocation)
  #expect(r.stdout.isEmpty, sourceLocation: sourceLocation)
  let lines = r.stderr.split(separator: "\n")
  #expect(lines.count == 1, "stderr: \(r.stderr)", sourceLocation: sourceLocation)
  #expect(
    r.stderr.hasPrefix("resample: error: ") && r.stderr.contains(fragment),
    "stderr: \(r.stderr)", sourceLocation: sourceLocation)
}

/// Runs `resample` with standard output on `output` (a file handle the test prepared).
private func run(_ args: [String], stdout output: FileHandle) throws -> (Int32, String) {
  let process = Process()
  process.executableURL = try resampleBinaryURL()
  process.arguments = args
  let err = Pipe()
  process.standardOutput = output
  process.standardError = err
  process.standardInput = FileHandle.nullDevice
  try process.run()
  let errData = err.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return (process.terminationStatus, String(decoding: errData, as: UTF8.self))
}

@Suite struct HostileInputCLITests {
  // MARK: dist at extreme parameters

  /// A bootstrap that would run for weeks (B × n beyond --work-limit) is refused at once.
  @Test func bootBeyondItsWorkLimitIsRefused() throws {
    let values = try writeTemporaryFile(
      "many.txt", (1...20_000).map { "\(Double($0 % 97) * 0.5)" }.joined(separator: "\n"))
    let r = try runCLI(["boot", "--sample-a", values, "--replicates", "10000000000", "--seed", "1"])
    #expect(r.status == 64, "\(r.stderr)")
    #expect(r.stderr.contains("--work-limit"), "\(r.stderr)")
    let lowered = try runCLI([
      "boot", "--sample-a", values, "--replicates", "1000", "--seed", "1", "--work-limit", "1e6",
    ])
    #expect(lowered.status == 64 && lowered.stderr.contains("--work-limit"))
    let ok = try runCLI([
      "boot", "--sample-a", values, "--replicates", "1000", "--seed", "1", "--work-limit", "1e8",
    ])
    #expect(ok.status == 0, "\(ok.stderr)")
  }

  @Test func tWithHugeDegreesOfFreedomIsTheNormalQuantile() throws {
    // Printed 1e100 before.
    let obj = try runCLIJSON(["dist", "t", "--df", "1e200", "--quantile", "0.975"])
    // mpmath: 1.9599639845400542355 (the normal quantile, as `dist normal` prints it).
    #expect(isClose(try #require(obj["quantile"] as? Double), 1.959963984540054, relative: 1e-15))
  }

  @Test func chiSquaredBeyondItsRangeIsRefused() throws {
    // ≈ 4e155 before; null from df 1e200.
    try expectRefused(
      ["dist", "chisq", "--df", "1e155", "--quantile", "0.975"],
      "expected a number in [2e-300, 2e10]")
    try expectRefused(["dist", "chisq", "--df", "1e200", "--quantile", "0.975"], "supported range")
  }

  @Test func gammaWithHugeShapeIsRefused() throws {
    // null before.
    try expectRefused(["dist", "gamma", "--shape", "1e200", "--quantile", "0.5"], "[1e-300, 1e10]")
  }

  @Test func poissonWithHugeRateIsRefused() throws {
    // Quantile Int64.max and cdf 0 at the mean before.
    try expectRefused(["dist", "poisson", "--rate", "1e20", "--quantile", "0.5"], "[0, 1e10]")
    try expectRefused(["dist", "poisson", "--rate", "1e20", "--at", "1e20"], "[0, 1e10]")
  }

  @Test func hypergeometricWithHugePopulationIsRefused() throws {
    // cdf 1 and pmf 0 at the mean before.
    try expectRefused(
      [
        "dist", "hypergeometric", "--population", "9223372036854775807", "--successes",
        "4611686018427387903", "--draws", "4611686018427387903", "--at", "2305843009213693951",
      ], "in 0...1e15")
  }

  @Test func hypergeometricQuantileIsBoundedInTime() throws {
    // No answer in 120 s before (1e17), minutes at 1e15.
    let start = Date()
    try expectRefused(
      [
        "dist", "hypergeometric", "--population", "100000000000000000", "--successes",
        "50000000000000000", "--draws", "50000000000000000", "--quantile", "0.5",
      ], "in 0...1e15")
    try expectRefused(
      [
        "dist", "hypergeometric", "--population", "1000000000000000", "--successes",
        "500000000000000", "--draws", "500000000000000", "--quantile", "0.5",
      ], "standard deviation ≤ 1e6")
    #expect(Date().timeIntervalSince(start) < 10)
  }

  @Test func overflowingQuantileIsRefusedNotNull() throws {
    try expectRefused(
      ["dist", "t", "--df", "1e-10", "--quantile", "0.6"], "beyond the range of a double")
    try expectRefused(
      ["dist", "normal", "--mean", "1e308", "--sd", "1e308", "--quantile", "0.999"],
      "beyond the range of a double")
  }

  // MARK: finite but extreme data

  @Test func permutationOfHugeValuesIsRefused() throws {
    // Exact p = 0 with a NaN statistic before.
    let a = try writeTemporaryFile("perm-a.txt", "1e308 1e308 1\n")
    let b = try writeTemporaryFile("perm-b.txt", "2 3\n")
    try expectRefused(["perm", "--sample-a", a, "--sample-b", b], "beyond ±1e150")
  }

  @Test func bootstrapOfHugeValuesIsRefused() throws {
    // Estimate inf with a finite interval (1e308), SE inf with notes saying it is 0 (1e160).
    for (name, values) in [
      ("b308", "1e308 1.5e308 1.7e308 2 3"), ("b160", "1e160 2e160 3e160 4e160"),
    ] {
      let a = try writeTemporaryFile("\(name).txt", values)
      try expectRefused(
        ["boot", "--sample-a", a, "--statistic", "mean", "--seed", "1"], "beyond ±1e150")
    }
    let m = try writeTemporaryFile("median.txt", "1.7e308 1.6e308 1 2")
    try expectRefused(
      ["boot", "--sample-a", m, "--statistic", "median", "--seed", "1"], "beyond ±1e150")
  }

  // MARK: endless and oversized input

  @Test func endlessDeviceIsRefusedAtOnce() throws {
    let start = Date()
    try expectRefused(["boot", "--data", "/dev/zero", "--column", "x"], "NUL byte")
    try expectRefused(["boot", "--sample-a", "/dev/zero"], "NUL byte")
    #expect(Date().timeIntervalSince(start) < 10)
  }

  @Test func inputLargerThanTheLimitIsRefused() throws {
    let a = try writeTemporaryFile("limit.txt", String(repeating: "1.5 2.5\n", count: 100))
    try expectRefused(
      ["boot", "--sample-a", a], "RESAMPLE_MAX_INPUT_BYTES",
      environment: ["RESAMPLE_MAX_INPUT_BYTES": "100"])
    try expectRefused(
      ["boot", "--sample-a", a], "RESAMPLE_MAX_INPUT_BYTES",
      environment: ["RESAMPLE_MAX_INPUT_BYTES": "lots"])
    let r = try runCLI(
      ["boot", "--sample-a", a, "--seed", "1", "--replicates", "99"],
      environment: ["RESAMPLE_MAX_INPUT_BYTES": "1K"])
    #expect(r.status == 0, "\(r.stderr)")
  }

  // MARK: failed writes

  @Test func fullDeviceOnStandardOutputIsOneLineAndExit1() throws {
    // SIGILL (exit 132) with a Swift backtrace before.
    let a = try writeTemporaryFile("full.txt", "1 2 3 4 5")
    let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
    let (status, stderr) = try run(
      ["boot", "--sample-a", a, "--seed", "1", "--replicates", "99"], stdout: full)
    #expect(status == 1)
    #expect(stderr == "resample: error: cannot write to standard output: No space left on device\n")
  }

  @Test func closedPipeOnStandardOutputIsSilentAndExit1() throws {
    // `resample … | head` printed "cannot write to standard output: Broken pipe" before.
    let a = try writeTemporaryFile("pipe.txt", "1 2 3 4 5")
    let pipe = Pipe()
    try pipe.fileHandleForReading.close()
    let (status, stderr) = try run(
      ["boot", "--sample-a", a, "--seed", "1", "--replicates", "99"],
      stdout: pipe.fileHandleForWriting)
    #expect(status == 1)
    #expect(stderr == "")
  }

  @Test func plotOntoADeviceWritesInPlace() throws {
    // bench-diff replaced /dev/null by a regular file before (run as root).
    let r = try runCLI([
      "bench-diff", fixtureURL("benchdiff/hyperfine_base.json").path,
      fixtureURL("benchdiff/hyperfine_new.json").path, "--seed", "7", "--replicates", "99",
      "--plot", "/dev/null",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    var info = stat()
    #expect(stat("/dev/null", &info) == 0)
    #expect((info.st_mode & S_IFMT) == S_IFCHR)
  }

  @Test func plotOntoAFIFOWritesIntoIt() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hostile-\(ProcessInfo.processInfo.processIdentifier)-plot.fifo"
    ).path
    unlink(path)
    #expect(mkfifo(path, 0o600) == 0)
    defer { unlink(path) }
    // A reader drains the FIFO so that the writer's open succeeds.
    let reader = Thread {
      if let h = FileHandle(forReadingAtPath: path) { _ = h.readDataToEndOfFile() }
    }
    reader.start()
    let r = try runCLI([
      "bench-diff", fixtureURL("benchdiff/hyperfine_base.json").path,
      fixtureURL("benchdiff/hyperfine_new.json").path, "--seed", "7", "--replicates", "99",
      "--plot", path,
    ])
    #expect(r.status == 0, "\(r.stderr)")
    var info = stat()
    #expect(stat(path, &info) == 0)
    #expect((info.st_mode & S_IFMT) == S_IFIFO)
  }

  @Test func plotWriteErrorsAreReported() throws {
    let r = try runCLI([
      "bench-diff", fixtureURL("benchdiff/hyperfine_base.json").path,
      fixtureURL("benchdiff/hyperfine_new.json").path, "--seed", "7", "--replicates", "99",
      "--plot", "/dev/full",
    ])
    #expect(r.status == 1)
    #expect(r.stderr.contains("resample: error: cannot write /dev/full: No space left on device"))
    let dir = try runCLI([
      "bench-diff", fixtureURL("benchdiff/hyperfine_base.json").path,
      fixtureURL("benchdiff/hyperfine_new.json").path, "--seed", "7", "--replicates", "99",
      "--plot", FileManager.default.temporaryDirectory.path,
    ])
    #expect(dir.status == 1)
    #expect(dir.stderr.contains("is a directory"))
  }
}

/// The Double → Int audit and the NaN/inf leaks: every command's numeric options at extreme
/// values (huge, tiny, NaN and infinities spelled out, denormal, hex float) exit 0 with finite
/// numbers in text and CSV, or 64 with one line — never a trap.
@Suite struct ExtremeOptionCLITests {
  static let extremes = [
    "1e308", "-1e308", "1e19", "5e-324", "1e-320", "nan", "inf", "-inf", "0x1p3", "-0",
  ]

  /// Runs every variant and checks the contract.
  private func check(_ variants: [[String]], sourceLocation: SourceLocation = #_sourceLocation)
    throws
  {
    for args in variants {
      for format in ["text", "csv", "json"] {
        let r = try runCLI(args + ["--format", format])
        if r.status == 64 && r.stderr.contains("--format") { continue }  // format not offered
        #expect(
          r.status == 0 || r.status == 64, "\(args) → \(r.status): \(r.stderr)",
          sourceLocation: sourceLocation)
        let errors = r.stderr.split(separator: "\n").filter { !$0.hasPrefix("resample: warning:") }
        #expect(errors.count <= 1, "\(args): \(r.stderr)", sourceLocation: sourceLocation)
        if r.status == 0 && format != "json" {
          // The parameters echo what was typed (t --df inf is the normal limit); values may not.
          let values = r.stdout.split(separator: "\n").filter { !$0.hasPrefix("distribution") }
          let words = values.joined(separator: " ").lowercased().split(whereSeparator: {
            !$0.isLetter
          })
          #expect(
            !words.contains("nan") && !words.contains("inf"), "\(args) \(format): \(r.stdout)",
            sourceLocation: sourceLocation)
        }
      }
    }
  }

  @Test func dist() throws {
    var v: [[String]] = []
    for x in Self.extremes {
      v += [
        ["dist", "normal", "--sd", x, "--quantile", "0.3"], ["dist", "t", "--df", x, "--at", "1"],
        ["dist", "chisq", "--df", x, "--quantile", "0.5"],
        ["dist", "gamma", "--shape", x, "--at", "1"],
        ["dist", "poisson", "--rate", x, "--quantile", "0.5"],
        ["dist", "binomial", "--trials", "10", "--prob", x, "--at", "3"],
        ["dist", "poisson", "--rate", "3", "--at", x], ["dist", "normal", "--quantile", x],
      ]
    }
    try check(v)
  }

  @Test func bootAndPerm() throws {
    let a = try writeTemporaryFile("ext-a.txt", "1 2 3 4 5 6")
    let b = try writeTemporaryFile("ext-b.txt", "2 3 4 5 9 9")
    var v: [[String]] = []
    for x in Self.extremes {
      v += [
        ["boot", "--sample-a", a, "--level", x, "--replicates", "99", "--seed", "1"],
        [
          "boot", "--sample-a", a, "--statistic", "quantile:\(x)", "--replicates", "99", "--seed",
          "1",
        ],
        [
          "boot", "--sample-a", a, "--statistic", "trimmed-mean:\(x)", "--replicates", "99",
          "--seed", "1",
        ],
        ["perm", "--sample-a", a, "--sample-b", b, "--replicates", x, "--seed", "1"],
        ["boot", "--sample-a", a, "--replicates", x, "--seed", "1"],
      ]
    }
    // Studentized intervals store their replicates: 10⁹ is refused with its memory (other
    // intervals stream any B up to 10¹⁰, BootBoundedMemoryCLITests).
    v.append([
      "boot", "--sample-a", a, "--replicates", "1000000000", "--seed", "1", "--method",
      "studentized",
    ])
    try check(v)
    let r = try runCLI([
      "boot", "--sample-a", a, "--replicates", "1000000000", "--method", "studentized",
    ])
    #expect(r.status == 64 && r.stderr.contains("about 40 GB of memory"), "\(r.stderr)")
  }

  /// 0/1 data go past 10⁸ replicates (issue 15 item 4): boot tabulates them over the lattice of
  /// count configurations, so memory does not grow with B; 10¹⁰ is the limit.
  @Test func zeroOneDataTakeMoreThanStorableReplicates() throws {
    let a = try writeTemporaryFile("binary.txt", "1 0 0 1 1 0 1 1 1 0 0 1")
    let r = try runCLI([
      "boot", "--sample-a", a, "--replicates", "100000001", "--seed", "3", "--method",
      "percentile", "--format", "json",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("\"replicates\": 100000001"))
    let over = try runCLI(["boot", "--sample-a", a, "--replicates", "10000000001"])
    #expect(over.status == 64 && over.stderr.contains("10000000000"), "\(over.stderr)")
  }

  @Test func tablesAndProportions() throws {
    var v: [[String]] = []
    for x in Self.extremes + ["9223372036854775807", "4294967296"] {
      v += [
        ["prop", "--x", "3", "--n", "10", "--level", x], ["prop", "--x", x, "--n", "10"],
        ["fisher", "--table", "3,4;5,6", "--level", x], ["fisher", "--table", "\(x),4;5,6"],
        ["chisq", "--table", "1,\(x);3,4"], ["mcnemar", "--table", "1,\(x);3,4"],
        ["p-adjust", "0.01", x, "0.5"],
      ]
    }
    try check(v)
  }

  @Test func benchDiff() throws {
    let base = fixtureURL("benchdiff/hyperfine_base.json").path
    let new = fixtureURL("benchdiff/hyperfine_new.json").path
    var v: [[String]] = []
    for x in Self.extremes {
      v += [
        ["bench-diff", base, new, "--threshold", x, "--replicates", "99", "--seed", "1"],
        ["bench-diff", base, new, "--level", x, "--replicates", "99", "--seed", "1"],
      ]
    }
    try check(v)
  }

  /// Every numeric option of `power` and `compare` at the extremes.
  ///
  /// Issue 16: `--deff 1e308`, `--deff 1e19`, `--ratio 5e-324` and `--alpha 5e-324` trapped in
  /// the size search. `--opt=VALUE` so negatives reach the parser.
  @Test func powerAndCompare() throws {
    var v: [[String]] = []
    let power = ["power", "--p1", "0.5", "--p2", "0.6", "--n", "40", "--simulations", "50"]
    let compare = [
      "compare", "--counts", "a=50/82,b=32/74", "--simulations", "50", "--replicates", "99",
      "--seed", "1",
    ]
    for x in Self.extremes {
      for opt in ["deff", "ratio", "alpha", "target", "p1", "p2"] {
        v.append(power + ["--\(opt)=\(x)"])
      }
      for opt in ["deff", "effective-n", "alpha", "target", "level"] {
        v.append(compare + ["--\(opt)=\(x)"])
      }
    }
    v.append(["compare", "--counts", "a=999999/1000000,b=999998/999999", "--simulations", "50"])
    try check(v)
  }

  /// A design effect leaving less than one effective respondent (or infinitely many) is
  /// refused naming the option: `--deff 1e308` printed `inf` and ±1e154-point intervals with
  /// exit 0, and `--deff 5e-324` blamed the counts ("invalid counts 'inf/inf'").
  @Test func compareRefusesADesignEffectBeyondTheRespondents() throws {
    let base = ["compare", "--counts", "a=50/82,b=32/74", "--no-power", "--replicates", "99"]
    for x in ["1e308", "1e19", "157", "5e-324"] {
      let r = try runCLI(base + ["--deff", x])
      #expect(r.status == 64 && r.stderr.contains("invalid --deff"), "\(x): \(r.stderr)")
      #expect(r.stderr.contains("156 respondents"), "\(x): \(r.stderr)")
    }
    let e = try runCLI(base + ["--effective-n", "5e-324"])
    #expect(e.status == 64 && e.stderr.contains("effective-n"), "\(e.stderr)")
    let ok = try runCLI(base + ["--deff", "156", "--format", "json"])
    #expect(ok.status == 0, "\(ok.stderr)")
  }

  /// A 50×50 table with default options: no answer in 120 s before; now the Monte Carlo
  /// fallback is sized to the table (stated) and the run is bounded.
  @Test func fisherOnALargeTableIsBoundedAndStated() throws {
    let row = (0..<50).map { String(($0 * 7) % 6) }.joined(separator: ",")
    let table = (0..<50).map { i in
      (0..<50).map { j in String((i * 13 + j * 7) % 6) }.joined(separator: ",")
    }
    .joined(separator: ";")
    _ = row
    let r = try runCLI(["fisher", "--table", table, "--seed", "1", "--format", "json"])
    #expect(r.status == 0, "\(r.stderr)")
    let obj = try #require(
      try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    #expect(obj["method"] as? String == "monte-carlo")
    let mc = try #require(obj["monte_carlo"] as? [String: Any])
    #expect(mc["replicates"] as? Int == 20_000)
    let warnings = try #require(obj["warnings"] as? [String])
    #expect(warnings.contains { $0.contains("20000 random tables (not 100000)") })
  }
}
