// End-to-end tests of `resample boot`: the JSON contract, determinism, inputs and errors.
import Foundation
import Testing
import _TestSupport

private func writeTemp(_ name: String, _ text: String) throws -> String {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent(
    "boot-cli-\(ProcessInfo.processInfo.processIdentifier)-\(name)")
  try text.write(to: url, atomically: true, encoding: .utf8)
  return url.path
}

private func w1CSV() throws -> String {
  var s = "segment,yes\n"
  for (g, ones, n) in [("A", 31, 50), ("B", 21, 49)] {
    for i in 0..<n { s += "\(g),\(i < ones ? 1 : 0)\n" }
  }
  return try writeTemp("w1.csv", s)
}

private func json(_ args: [String]) throws -> [String: Any] {
  let r = try runCLI(args + ["--format", "json"])
  #expect(r.status == 0, "stderr: \(r.stderr)")
  return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
}

@Suite struct BootCLITests {
  @Test func jsonContractAndW1Interval() throws {
    let path = try w1CSV()
    let obj = try json([
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
    let path = try writeTemp(
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
    let a = try writeTemp("a.txt", "10 11 12 13 14\n15 16")
    let b = try writeTemp("b.txt", "20 21 22\n23 24 25 26")
    let obj = try json([
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
    let a = try writeTemp("c.txt", "5 5 5 5 5 5")
    let obj = try json(["boot", "--sample-a", a, "--seed", "1", "--replicates", "200"])
    let d = try #require(obj["diagnostics"] as? [[String: Any]])
    #expect(d.contains { $0["code"] as? String == "constant_replicates" })
    let bca = try #require((obj["intervals"] as? [String: [Double]])?["bca"])
    #expect(bca == [5, 5])
  }

  @Test func largestSeedIsAcceptedAndPrintedExactly() throws {
    let a = try writeTemp("s.txt", "1 2 3 4 5 6 7")
    let r = try runCLI([
      "boot", "--sample-a", a, "--seed", "18446744073709551615",
      "--replicates", "99", "--format", "json",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("\"seed\": 18446744073709551615"))
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
