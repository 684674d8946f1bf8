// PowerCLITests.swift: `resample power` against the exact power by enumeration (W6,
// Tests/Fixtures/survey/survey.json) and R's power.prop.test.
import Foundation
import Testing
import _TestSupport

@Suite struct PowerCLITests {
  @Test func w6ExactSimulatedAndRequiredSize() throws {
    let r = try runCLI([
      "power", "--p1", "0.61", "--p2", "0.43", "--n", "20..200:20", "--seed",
      "12345", "--format", "json",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    let j = try #require(
      try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    let rows = try #require(j["rows"] as? [[String: Any]])
    let f = try #require(try loadJSONFixture("survey/survey.json") as? [String: Any])
    let ref = try #require((f["power"] as? [String: Any])?["pooled_z_exact"] as? [[String: Any]])
    #expect(rows.count == 10)
    for (row, want) in zip(rows, ref) {
      let exact = try #require(row["exact"] as? Double)
      #expect(isClose(exact, try #require(want["power"] as? Double), relative: 1e-9))
      let sim = try #require(row["simulated"] as? Double)
      let se = (exact * (1 - exact) / 10_000).squareRoot()
      #expect(abs(sim - exact) < 4 * se)
    }
    let an = try #require((f["power"] as? [String: Any])?["analytic_n_per_group"] as? Double)
    #expect(
      isClose(try #require(j["n_required_analytic_unrounded"] as? Double), an, relative: 1e-9))
    #expect(j["n_required_analytic"] as? Int == 120)
    #expect(j["seed"] as? Int == 12345)
  }

  @Test func defaultSizesAreTheW6Grid() throws {
    let r = try runCLI([
      "power", "--p1", "0.61", "--p2", "0.43", "--simulations", "0", "--format", "csv",
    ])
    #expect(r.status == 0)
    let n = r.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[0] }
    #expect(n == ["20", "40", "60", "80", "100", "120", "140", "160", "180", "200"])
  }

  @Test func fisherPowerMatchesScipyEnumeration() throws {
    let r = try runCLI([
      "power", "--p1", "0.61", "--p2", "0.43", "--n", "60", "--test", "fisher-exact",
      "--simulations", "0", "--format", "json",
    ])
    let j = try #require(
      try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    let e = try #require((j["rows"] as? [[String: Any]])?.first?["exact"] as? Double)
    #expect(isClose(e, 0.45050565134206033, relative: 1e-9))
  }

  @Test(arguments: [
    ["--p1", "1.5", "--p2", "0.4"], ["--p1", "0.5", "--p2", "0.4", "--n", "0"],
    ["--p1", "0.5", "--p2", "0.4", "--n", "10..5"], ["--p1", "0.5", "--p2", "0.4", "--test", "t"],
    ["--p1", "0.5", "--p2", "0.4", "--alpha", "0"],
    ["--p1", "0.5", "--p2", "0.4", "--target", "1"],
    ["--p1", "0.5"],
    ["--p1", "0.5", "--p2", "0.4", "--ratio", "1e300"],
    ["--p1", "0.5", "--p2", "0.4", "--n", "5000", "--simulations", "0"],
  ])
  func badInputExits64(_ args: [String]) throws {
    let r = try runCLI(["power"] + args)
    #expect(r.status == 64, "\(args): \(r.stderr)")
    #expect(r.stderr.split(separator: "\n").count == 1)
  }

  /// Issue 16: a difference near 0 or a huge design effect made the analytic size +∞ or beyond
  /// Int, and `Int(guess.rounded(.up))` trapped (SIGILL, exit 132).
  ///
  /// Now the size is reported as
  /// "more than 10^9" (JSON null) and the exact search stops at its limit.
  @Test(arguments: [
    ["--p1", "0.5", "--p2", "0.5000000001"], ["--p1", "0", "--p2", "1e-300"],
    ["--p1", "0.5", "--p2", "0.6", "--deff", "1e300"],
  ])
  func hugeRequiredSizesAnswerInsteadOfTrapping(_ args: [String]) throws {
    let r = try runCLI(
      ["power"] + args + ["--n", "20", "--simulations", "100", "--seed", "1", "--format", "json"])
    #expect(r.status == 0, "\(r.stderr)")
    let j = try #require(
      try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    #expect(j["n_required_analytic"] is NSNull)
    #expect(j["n_required_exact"] is NSNull)
    let text = try runCLI(["power"] + args + ["--n", "20", "--simulations", "100", "--seed", "1"])
    #expect(text.status == 0, "\(text.stderr)")
    #expect(text.stdout.contains("analytic more than 10^9"))
  }

  @Test func negativeThreadsAreRefused() throws {
    for spelling in [["--threads=-5"], ["--threads", "0"]] {
      let r = try runCLI(["power", "--p1", "0.5", "--p2", "0.6"] + spelling)
      #expect(r.status == 64, "\(spelling): \(r.stderr)")
      #expect(r.stderr.contains("--threads"))
    }
  }
}
