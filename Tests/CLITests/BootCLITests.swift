// End-to-end tests of `resample boot`: the JSON contract, determinism, inputs and errors.
import Foundation
import Testing
import _TestSupport

private func w1CSV() throws -> String {
  var s = "segment,yes\n"
  for (g, ones, n) in [("A", 31, 50), ("B", 21, 49)] {
    for i in 0..<n { s += "\(g),\(i < ones ? 1 : 0)\n" }
  }
  return try writeTemporaryFile("w1.csv", s)
}

@Suite struct BootCLITests {
  @Test func jsonContractAndW1Interval() throws {
    let path = try w1CSV()
    let obj = try runCLIJSON([
      "boot", "--data", path, "--column", "yes", "--group", "segment", "--compare", "A,B",
      "--statistic", "proportion", "--method", "all", "--replicates", "20000", "--seed", "7",
    ])
    for key in [
      "statistic", "estimate", "standard_error", "bias", "intervals", "replicates",
      "seed", "rng", "diagnostics", "monte_carlo_error",
    ] {
      #expect(obj[key] != nil, "missing \(key)")
    }
    #expect(isClose(obj["estimate"] as? Double ?? 0, 31.0 / 50 - 21.0 / 49, relative: 1e-14))
    #expect(obj["replicates"] as? Int == 20_000)
    #expect(obj["seed"] as? Int == 7)
    #expect(obj["rng"] as? String == "philox4x32-10/1")
    let intervals = try #require(obj["intervals"] as? [String: [Double]])
    #expect(Set(intervals.keys) == ["percentile", "basic", "normal", "bca", "studentized"])
    // Ideal-bootstrap BCa limit (SciPy ties-half rule) [-0.0102041, 0.3742857], ± a few steps.
    let bca = try #require(intervals["bca"])
    #expect(abs(bca[0] - -0.0102041) < 0.003 && abs(bca[1] - 0.3742857) < 0.003)
    let mc = try #require(obj["monte_carlo_error"] as? [String: [Double]])
    #expect(mc["bca"]?.count == 2)
  }

  @Test func resultDoesNotDependOnThreads() throws {
    let path = try writeTemporaryFile(
      "x.txt", (1...200).map { "\(Double($0 * 37 % 101) / 7)" }.joined(separator: " "))
    let args = [
      "boot", "--sample-a", path, "--statistic", "median", "--method", "percentile,bca",
      "--seed", "3", "--replicates", "3000",
    ]
    let one = try runCLI(args + ["--threads", "1", "--format", "json"])
    let two = try runCLI(args + ["--threads", "2", "--format", "json"])
    #expect(one.status == 0)
    #expect(one.stdout == two.stdout)
  }

  @Test func twoNumberListsAndRatio() throws {
    let a = try writeTemporaryFile("a.txt", "10 11 12 13 14\n15 16")
    let b = try writeTemporaryFile("b.txt", "20 21 22\n23 24 25 26")
    let obj = try runCLIJSON([
      "boot", "--sample-a", a, "--sample-b", b, "--statistic", "ratio",
      "--seed", "1", "--replicates", "999", "--method", "percentile",
    ])
    #expect(isClose(obj["estimate"] as? Double ?? 0, 13.0 / 23.0, relative: 1e-14))
    let csv = try runCLI([
      "boot", "--sample-a", a, "--statistic", "quantile:0.25", "--seed", "1",
      "--replicates", "99", "--format", "csv",
    ])
    #expect(csv.status == 0)
    #expect(csv.stdout.hasPrefix("method,lower,upper"))
  }

  @Test func constantDataReportsDiagnostics() throws {
    let a = try writeTemporaryFile("c.txt", "5 5 5 5 5 5")
    let obj = try runCLIJSON(["boot", "--sample-a", a, "--seed", "1", "--replicates", "200"])
    let d = try #require(obj["diagnostics"] as? [[String: Any]])
    #expect(d.contains { $0["code"] as? String == "constant_replicates" })
    let bca = try #require((obj["intervals"] as? [String: [Double]])?["bca"])
    #expect(bca == [5, 5])
  }

  @Test func largestSeedIsAcceptedAndPrintedExactly() throws {
    let a = try writeTemporaryFile("s.txt", "1 2 3 4 5 6 7")
    let r = try runCLI([
      "boot", "--sample-a", a, "--seed", "18446744073709551615",
      "--replicates", "99", "--format", "json",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("\"seed\": 18446744073709551615"))
  }

  /// `--group`/`--strata` read only the columns named (issue 16: the whole table was kept as
  /// text, ≈ 230 bytes per row): values and labels as before, labels trimmed, other columns and
  /// their oddities ignored.
  @Test func groupAndStrataColumnsOfAWideFile() throws {
    var wide = "id,note,x,g,s\n"
    var narrowA = ""
    var narrowB = ""
    for i in 0..<60 {
      let x = Double((i * 37) % 23) / 4
      let g = ["a", " a", "b ", "c"][i % 4]
      wide += "\(i),\"n, \(i)\",\(x),\(g),\(i % 3 == 0 ? " s1" : "s2")\n"
      if g.trimmingCharacters(in: .whitespaces) == "a" { narrowA += "\(x)\n" }
      if g.trimmingCharacters(in: .whitespaces) == "b" { narrowB += "\(x)\n" }
    }
    let path = try writeTemporaryFile("wide.csv", wide)
    let options = ["--replicates", "499", "--seed", "3", "--method", "all", "--format", "json"]
    let grouped = try runCLI(
      ["boot", "--data", path, "--column", "x", "--group", "g", "--compare", "a,b"] + options)
    let lists = try runCLI(
      [
        "boot", "--sample-a", try writeTemporaryFile("a.txt", narrowA), "--sample-b",
        try writeTemporaryFile("b.txt", narrowB),
      ] + options)
    #expect(grouped.status == 0 && lists.status == 0, "\(grouped.stderr) \(lists.stderr)")
    // The same samples in the same order give the same replicates, bit for bit.
    func intervals(_ r: CLIResult) -> [Substring] {
      r.stdout.split(separator: "\n").filter { $0.contains("[") }
    }
    #expect(intervals(grouped) == intervals(lists) && !intervals(grouped).isEmpty)
    // Strata: x is constant within each stratum of this file, so every stratified resample has
    // the same mean (an unstratified one would not).
    var strata = "x,note,s\n"
    for i in 0..<40 {
      strata += "\(i % 4 == 0 ? 7 : 2),\"q\"\"\(i)\",\(["u", "v", " v ", "v "][i % 4])\n"
    }
    let stratified = try runCLIJSON(
      [
        "boot", "--data", try writeTemporaryFile("strata.csv", strata), "--column", "x",
        "--strata", "s", "--replicates", "99", "--seed", "1",
      ])
    #expect(stratified["standard_error"] as? Double == 0)
    // " v ", "v " and "v" are one stratum.
    #expect(stratified["plan"] as? String == "stratified (2 strata), collapsed")
    let codes = (stratified["diagnostics"] as? [[String: Any]])?.compactMap {
      $0["code"] as? String
    }
    #expect(codes?.contains("constant_replicates") == true, "\(stratified)")
  }

  /// Errors of the column paths, in the order they were reported when the whole table was read.
  @Test func groupAndStrataErrorsNameTheInput() throws {
    let path = try writeTemporaryFile(
      "errors.csv", "x,g,s\n1, a,u\n2,b,u\nzz,c,v\n4,a ,v\n")
    let fine = try writeTemporaryFile("fine.csv", "x,g,s\n1, a,u\n2,b,u\n3,c,v\n4,a ,v\n")
    for (args, fragment) in [
      // A value that is not a number, in any row (also of a group not compared).
      (["--data", path, "--column", "x", "--group", "g", "--compare", "a,b"], "line 4"),
      (["--data", path, "--column", "x", "--strata", "nope"], "line 4"),
      (["--data", fine, "--column", "x", "--group", "g", "--compare", "a,z"], "present: a, b, c"),
      (["--data", fine, "--column", "x", "--group", "nope", "--compare", "a,b"], "'nope'"),
      (["--data", fine, "--column", "x", "--group", "g"], "--group and --compare go together"),
      (["--data", fine, "--column", "x", "--strata", "nope"], "invalid column 'nope'"),
      (
        ["--data", fine, "--column", "x", "--strata", "nope", "--statistic", "ratio"], "--statistic"
      ),
      (
        ["--data", fine, "--column", "x", "--group", "g", "--compare", "a,b", "--strata", "s"],
        "--strata"
      ),
    ] {
      let r = try runCLI(["boot"] + args + ["--replicates", "99"])
      #expect(r.status == 64, "\(args): \(r.stderr)")
      #expect(r.stderr.contains(fragment), "\(args): \(r.stderr)")
      #expect(r.stderr.split(separator: "\n").count == 1, "\(args): \(r.stderr)")
    }
  }

  @Test func badInputExits64() throws {
    let path = try w1CSV()
    for args in [
      ["boot", "--data", path, "--column", "nope"],
      ["boot", "--data", path, "--column", "yes", "--statistic", "foo"],
      ["boot", "--data", path, "--column", "yes", "--level", "1.5"],
      ["boot", "--data", path, "--column", "yes", "--replicates", "0"],
      ["boot", "--data", path, "--column", "yes", "--group", "segment", "--compare", "A,Z"],
      ["boot", "--data", path, "--column", "yes", "--method", "magic"],
      ["boot", "--data", path, "--column", "segment"],
    ] {
      let r = try runCLI(args)
      #expect(r.status == 64, "\(args): \(r.stderr)")
      #expect(r.stderr.hasPrefix("resample: error:"), "\(args)")
    }
  }
}
