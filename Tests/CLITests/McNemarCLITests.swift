// End-to-end tests of `resample mcnemar`: JSON contract against R, errors.
import Foundation
import Testing
import _TestSupport

@Suite struct McNemarCLITests {
  @Test func matchesRMcNemarAndBinomTest() throws {
    // R: mcnemar.test(matrix(c(10,3,12,20),2)) McNemar's chi-squared = 4.2667,
    // p-value = 0.03887; binom.test(12, 15)$p.value = 0.03515625.
    let obj = try runCLIJSON(["mcnemar", "--table", "10,12;3,20"])
    #expect(isClose(obj["statistic"] as? Double ?? 0, 64.0 / 15, relative: 1e-14))
    #expect(isClose(obj["p_value"] as? Double ?? 0, 0.038867103812417224, relative: 1e-9))
    #expect(isClose(obj["exact_p_value"] as? Double ?? 0, 0.03515625, relative: 1e-12))
    let none = try runCLIJSON(["mcnemar", "--table", "10,12;3,20", "--correction", "none"])
    #expect(isClose(none["statistic"] as? Double ?? 0, 81.0 / 15, relative: 1e-14))
  }

  @Test func textOutput() throws {
    let r = try runCLI(["mcnemar", "--table", "10,12;3,20"])
    #expect(r.status == 0 && r.stdout.contains("exact p-value (binomial)"))
    let csv = try runCLI(["mcnemar", "--table", "10,12;3,20", "--format", "csv"])
    #expect(csv.stdout.hasPrefix("statistic,p_value,exact_p_value"))
  }

  @Test(arguments: [
    (["--table", "1,2,3;4,5,6"], "2×2"), (["--table", "1,2;3"], "ragged"),
    (["--table", "1,2;3,x"], "not a number"),
  ])
  func badInputExits64(args: [String], fragment: String) throws {
    let r = try runCLI(["mcnemar"] + args)
    #expect(r.status == 64 && r.stderr.contains(fragment), "\(r.stderr)")
    #expect(r.stderr.split(separator: "\n").count == 1)
  }
}
