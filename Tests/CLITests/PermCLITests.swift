// End-to-end tests of `resample perm`: JSON contract, exact and Monte Carlo p-values, errors.
import Foundation
import Testing
import _TestSupport

@Suite struct PermCLITests {
  @Test func exactSmallSamplesMatchSciPy() throws {
    // SciPy 1.17 permutation_test (exact, 462 arrangements): [1,2,2,3,5] vs [2,3,3,4,6,7],
    // difference of means, two-sided p = 0.1904761904761905 (Tests/Fixtures/resampling).
    let csv = try writeTemporaryFile(
      "s.csv",
      "g,x\n" + [1, 2, 2, 3, 5].map { "a,\($0)\n" }.joined()
        + [2, 3, 3, 4, 6, 7].map { "b,\($0)\n" }.joined())
    let obj = try runCLIJSON([
      "perm", "--data", csv, "--column", "x", "--group", "g", "--compare", "a,b",
      "--seed", "1",
    ])
    for key in ["statistic", "p_value", "exact", "replicates", "seed", "rng"] {
      #expect(obj[key] != nil, "missing \(key)")
    }
    #expect(obj["exact"] as? Bool == true)
    #expect(obj["replicates"] as? Int == 462)
    let p = try #require(obj["p_value"] as? Double)
    let fixture = try #require(
      loadJSONFixture("resampling/scipy_permutation.json") as? [String: Any])
    let cases = try #require(fixture["cases"] as? [[String: Any]])
    let ref = try #require(
      cases.first {
        ($0["x"] as? [Double]) == [1, 2, 2, 3, 5] && $0["statistic"] as? String == "mean"
          && $0["alternative"] as? String == "two-sided"
      })
    #expect(isClose(p, ref["p"] as? Double ?? -1, relative: 1e-12))
  }

  @Test func monteCarloIsSeededAndThreadIndependent() throws {
    let a = try writeTemporaryFile(
      "a.txt", (0..<40).map { "\(Double($0 % 9) + 0.5)" }.joined(separator: " "))
    let b = try writeTemporaryFile(
      "b.txt", (0..<45).map { "\(Double($0 % 11))" }.joined(separator: "\n"))
    let args = [
      "perm", "--sample-a", a, "--sample-b", b, "--replicates", "4999", "--seed", "9",
      "--format", "json", "--alternative", "greater",
    ]
    let one = try runCLI(args + ["--threads", "1"])
    let two = try runCLI(args + ["--threads", "2"])
    #expect(one.status == 0)
    #expect(one.stdout == two.stdout)
    let obj = try #require(
      try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [String: Any])
    #expect(obj["exact"] as? Bool == false)
    let p = try #require(obj["p_value"] as? Double)
    #expect(p > 0 && p <= 1 && (p * 5000).rounded() == p * 5000)
  }

  @Test func badInputExits64() throws {
    let a = try writeTemporaryFile("a2.txt", "1 2 3")
    for args in [
      ["perm", "--sample-a", a],
      ["perm", "--sample-a", a, "--sample-b", a, "--statistic", "mode"],
      ["perm", "--sample-a", a, "--sample-b", a, "--alternative", "sideways"],
      ["perm", "--sample-a", a, "--sample-b", a, "--replicates", "-3"],
    ] {
      let r = try runCLI(args)
      #expect(r.status == 64, "\(args): \(r.stderr)")
    }
  }
}
