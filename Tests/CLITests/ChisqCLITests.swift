// End-to-end tests of `resample chisq`: JSON contract against R, Monte Carlo, formats, errors.
import Foundation
import Testing
import _TestSupport

private func run(_ args: [String]) throws -> CLIResult { try runCLI(args) }

private func json(_ args: [String]) throws -> [String: Any] {
  let r = try runCLI(args + ["--format", "json"])
  #expect(r.status == 0, "stderr: \(r.stderr)")
  return try #require(
    try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
}

private func writeTemp(_ name: String, _ text: String) throws -> String {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent(
    "chisq-cli-\(ProcessInfo.processInfo.processIdentifier)-\(name)")
  try text.write(to: url, atomically: true, encoding: .utf8)
  return url.path
}

@Suite struct ChisqCLITests {
  @Test func jsonMatchesRChisqTest() throws {
    // R 4.2: chisq.test(matrix(c(12,5,9,7,14,3), 2, byrow = TRUE)) (Tests/Fixtures/contingency).
    let obj = try json(["chisq", "--table", "12,5,9;7,14,3"])
    for key in [
      "statistic", "df", "p_value", "correction", "g_statistic", "g_p_value",
      "cramers_v", "expected", "std_residuals", "warnings", "monte_carlo",
    ] {
      #expect(obj.keys.contains(key), "missing \(key)")
    }
    #expect(isClose(obj["statistic"] as? Double ?? 0, 8.5125674763832698, relative: 1e-12))
    #expect(isClose(obj["p_value"] as? Double ?? 0, 0.014174882222918835, relative: 1e-10))
    #expect(obj["df"] as? Int == 2)
    #expect(obj["correction"] as? String == "none")
    #expect(obj["monte_carlo"] is NSNull)
    let stdres = try #require(obj["std_residuals"] as? [[Double]])
    #expect(isClose(stdres[0][1], -2.8459344070845245, relative: 1e-12))
    let expected = try #require(obj["expected"] as? [[Double]])
    #expect(expected[1] == [9.12, 9.12, 5.76])
  }

  @Test func yatesByDefaultOnTwoByTwoAndNoneOnRequest() throws {
    // R: chisq.test(matrix(c(50,32,32,42),2,byrow=TRUE)) X-squared = 4.2225, p-value = 0.03989
    let yates = try json(["chisq", "--table", "50,32;32,42"])
    #expect(yates["correction"] as? String == "yates")
    let none = try json(["chisq", "--table", "50,32;32,42", "--correction", "none"])
    #expect(none["correction"] as? String == "none")
    let ys = try #require(yates["statistic"] as? Double)
    let ns = try #require(none["statistic"] as? Double)
    #expect(ys < ns)
    #expect(yates["g_statistic"] as? Double == none["g_statistic"] as? Double)
  }

  @Test func monteCarloIsSeededAndThreadIndependent() throws {
    let args = [
      "chisq", "--table", "12,5,9,14;7,14,3,10;20,25,17,20", "--monte-carlo", "5000",
      "--seed", "9",
    ]
    let one = try json(args + ["--threads", "1"])
    let two = try json(args + ["--threads", "2"])
    let mc1 = try #require(one["monte_carlo"] as? [String: Any])
    let mc2 = try #require(two["monte_carlo"] as? [String: Any])
    #expect(mc1["p_value"] as? Double == mc2["p_value"] as? Double)
    #expect(mc1["replicates"] as? Int == 5000 && mc1["seed"] as? Int == 9)
    let p = try #require(mc1["p_value"] as? Double)
    let se = try #require(mc1["standard_error"] as? Double)
    // W4's Monte Carlo p is near R's 0.1378 (Benchmarks/RESULTS.md lists R's and resample's).
    #expect(abs(p - 0.1378) < 4 * se + 0.003)
  }

  @Test func theWholeSeedRangeIsAcceptedAndPrintedExactly() throws {
    let r = try runCLI([
      "chisq", "--table", "12,5;7,14", "--monte-carlo", "50", "--seed", "18446744073709551615",
      "--format", "json",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("\"seed\": 18446744073709551615"))
  }

  @Test func emptyMarginsWarnAndGiveNullOrAreDropped() throws {
    let obj = try json(["chisq", "--table", "1,0,2;3,0,4"])
    #expect(obj["statistic"] is NSNull)
    let warnings = try #require(obj["warnings"] as? [String])
    #expect(warnings.contains { $0.contains("column 2") })
    let dropped = try json(["chisq", "--table", "1,0,2;3,0,4", "--drop-empty"])
    #expect(dropped["statistic"] is Double && dropped["df"] as? Int == 1)
  }

  @Test func textAndCsvAndTableFile() throws {
    let text = try run(["chisq", "--table", "2,3;4,1"])
    #expect(text.status == 0)
    #expect(text.stdout.contains("Pearson X² (Yates)") && text.stdout.contains("Cramér's V"))
    #expect(text.stdout.contains("warning: 4 of 4 expected counts are below 5"))
    let csv = try run(["chisq", "--table", "2,3;4,1", "--format", "csv"])
    let lines = csv.stdout.split(separator: "\n")
    #expect(lines.count == 2 && lines[0].hasPrefix("statistic,df,p_value,correction"))
    let path = try writeTemp("t.csv", ",yes,no\nmen,12,5\nwomen,7,14\n")
    let fromFile = try json(["chisq", "--table-file", path])
    let fromLiteral = try json(["chisq", "--table", "12,5;7,14"])
    #expect(fromFile["statistic"] as? Double == fromLiteral["statistic"] as? Double)
  }

  @Test(arguments: [
    (["--table", "1,2;3"], "ragged"), (["--table", "1,-2;3,4"], "negative"),
    (["--table", "1,2.5;3,4"], "not an integer"), (["--table", "1,2,3"], "at least 2 rows"),
    (["--table", "0,0;0,0"], "all counts are zero"), ([], "--table"),
    (["--table", "1,2;3,4", "--seed", "1"], "--monte-carlo"),
    (["--table", "1,2;3,4", "--monte-carlo", "0"], "--monte-carlo"),
    (["--table", "1,2;3,4", "--correction", "bogus"], "correction"),
  ])
  func badInputExits64WithOneLine(args: [String], fragment: String) throws {
    let r = try run(["chisq"] + args)
    #expect(r.status == 64)
    #expect(r.stdout.isEmpty)
    #expect(r.stderr.contains(fragment), "\(r.stderr)")
    #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
  }
}
