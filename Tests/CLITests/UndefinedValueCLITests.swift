// Issue 16, data-driven NaN/inf: inputs whose result is undefined (or was wrongly infinite) print a
// diagnostic, never a bare `nan`/`NaN`/`inf` value, in text, CSV and markdown.
import Foundation
import Testing
import _TestSupport

/// The words of the value lines of `output` (warning and note lines left out: they may say
/// "NaN" to explain an empty CSV field or a JSON null).
private func valueWords(_ output: String) -> [Substring] {
  output.split(separator: "\n")
    .filter { !$0.hasPrefix("warning:") && !$0.hasPrefix("note:") }
    .joined(separator: " ").lowercased()
    .split(whereSeparator: { !$0.isLetter })
}

@Suite struct UndefinedValueCLITests {
  /// A chi-squared test of a table with an empty column: R gives NaN; text says `undefined`, CSV
  /// leaves the fields empty and prints the reason on stderr.
  @Test func chisqWithAnEmptyColumnSaysUndefined() throws {
    let args = ["chisq", "--table", "0,5;0,7"]
    let text = try runCLI(args)
    #expect(text.status == 0, "\(text.stderr)")
    #expect(text.stdout.contains("Pearson X² (Yates)    undefined"), "\(text.stdout)")
    #expect(text.stdout.contains("warning: empty margin (column 1) has zero total"))
    #expect(!valueWords(text.stdout).contains("nan"), "\(text.stdout)")
    let csv = try runCLI(args + ["--format", "csv"])
    #expect(csv.status == 0)
    #expect(csv.stdout.split(separator: "\n").last == ",1,,yates,,,,,,,,", "\(csv.stdout)")
    #expect(csv.stderr.contains("resample: warning: empty margin (column 1)"), "\(csv.stderr)")
    let json = try runCLIJSON(args)
    #expect(json["statistic"] is NSNull && json["p_value"] is NSNull)
  }

  /// McNemar with no discordant pairs (b + c = 0): the χ² is 0/0.
  @Test func mcnemarWithoutDiscordantPairsSaysUndefined() throws {
    let text = try runCLI(["mcnemar", "--table", "1,0;0,1"])
    #expect(text.status == 0)
    #expect(text.stdout.contains("McNemar χ²                undefined"), "\(text.stdout)")
    #expect(text.stdout.contains("p-value (χ², 1 df)        undefined"))
    #expect(text.stdout.contains("exact p-value (binomial)  1"))
    let csv = try runCLI(["mcnemar", "--table", "1,0;0,1", "--format", "csv"])
    #expect(csv.stdout.hasSuffix(",,1.0,none,0,0\n"), "\(csv.stdout)")
    #expect(csv.stderr.contains("resample: warning: no discordant pairs"), "\(csv.stderr)")
  }

  /// A ratio of means whose denominator resampled to 0 in every replicate: no finite replicate,
  /// so every interval is undefined (it printed `NaN` in each cell).
  @Test func bootWithNoFiniteReplicateSaysUndefined() throws {
    let data = try writeTemporaryFile("zero-denominator.csv", "x,g\n1,a\n2,a\n3,a\n0,b\n0,b\n1,b\n")
    // Seed 7's single replicate draws sample b as three zeros (pinned by the random stream).
    let args = [
      "boot", "--data", data, "--column", "x", "--group", "g", "--compare", "a,b",
      "--statistic", "ratio", "--replicates", "1", "--seed", "7", "--method", "percentile,bca",
    ]
    let text = try runCLI(args)
    #expect(text.status == 0, "\(text.stderr)")
    #expect(text.stdout.contains("(bootstrap SE undefined, bias undefined)"), "\(text.stdout)")
    #expect(text.stdout.contains("bca         undefined  undefined  undefined, undefined"))
    #expect(text.stdout.contains("note: no replicate was finite"))
    #expect(!valueWords(text.stdout).contains("nan"), "\(text.stdout)")
    let csv = try runCLI(args + ["--format", "csv"])
    #expect(csv.stdout.contains("\nbca,,,,,6.0,,,1,7"), "\(csv.stdout)")
    #expect(csv.stderr.contains("resample: warning: no replicate was finite"), "\(csv.stderr)")
  }

  /// Two proportions both 0: the z and χ² tests are 0/0.
  @Test func propWithBothProportionsZeroSaysUndefined() throws {
    let r = try runCLI(["prop", "--x", "0", "--n", "1", "--x2", "0", "--n2", "5"])
    #expect(r.status == 0)
    #expect(r.stdout.contains("pooled z              undefined  undefined"), "\(r.stdout)")
    #expect(!valueWords(r.stdout).contains("nan"))
  }

  /// The ± of a mean near the ends of the double range, and a change beyond 1.8e306.
  ///
  /// Before: `± inf%` (squares overflowing), `± 0%` for runs differing by a factor of 2 (squares
  /// underflowing), `+inf%`. Python statistics.stdev/mean: 24.74 % and 43.30 %.
  @Test func benchDiffSpreadOfHugeAndTinyRuns() throws {
    let runs = "name,value\na,1e300\na,1e300\na,1.5e300\nb,1e-300\nb,1e-300\nb,2e-300\n"
    let file = try writeTemporaryFile("extreme-runs.csv", runs)
    for format in ["text", "markdown"] {
      let r = try runCLI([
        "bench-diff", file, file, "--metric", "mean", "--replicates", "99", "--seed", "1",
        "--format", format,
      ])
      #expect(r.status == 0, "\(r.stderr)")
      #expect(r.stdout.contains("1.167e+300 ± 25%") && r.stdout.contains("1.333e-300 ± 43%"))
      #expect(!valueWords(r.stdout).contains("inf"), "\(format): \(r.stdout)")
    }
    let json = try runCLIJSON([
      "bench-diff", file, file, "--metric", "mean", "--replicates", "99", "--seed", "1",
    ])
    let benchmarks = try #require(json["benchmarks"] as? [[String: Any]])
    let sds = try benchmarks.map { b in
      try #require((b["base"] as? [String: Any])?["sd"] as? Double)
    }
    #expect(isClose(sds[0], 2.886751345948129e+299, relative: 1e-15))
    #expect(isClose(sds[1], 5.773502691896257e-301, relative: 1e-15))
    let far = try writeTemporaryFile("far-runs.csv", "name,value\na,1e308\na,1.7e308\na,1.5e308\n")
    let one = try writeTemporaryFile("one-runs.csv", "name,value\na,1\na,1\na,1\n")
    let r = try runCLI(["bench-diff", one, far, "--replicates", "99", "--seed", "1"])
    #expect(r.stdout.contains("1.500e+308  ×1.50e+308"), "\(r.stdout)")
  }

  /// Degenerate data for boot, perm, chisq, mcnemar and bench-diff: exit 0 with no `nan`/`inf`
  /// value in text, CSV or markdown, or exit 64 with one line. (`fisher` prints the infinite
  /// odds-ratio bounds of a zero cell, as R does: README, "Infinities and undefined values".)
  @Test func degenerateDataNeverPrintsABareNaNOrInfinity() throws {
    func csv(_ name: String, _ rows: String) throws -> String {
      try writeTemporaryFile(name, "x,g\n" + rows)
    }
    let constant = try csv("constant.csv", "3,a\n3,a\n3,a\n3,b\n3,b\n3,b\n")
    let single = try csv("single.csv", "3,a\n5,b\n")
    let zeros = try csv("zeros.csv", "1,a\n2,a\n3,a\n0,b\n0,b\n0,b\n")
    let someZeros = try csv("some-zeros.csv", "1,a\n2,a\n3,a\n0,b\n0,b\n1,b\n")
    let tiny = try csv("tiny.csv", "1e-300,a\n2e-300,a\n1e-310,a\n5e-324,b\n1e-323,b\n")
    var variants: [[String]] = []
    for data in [constant, single, zeros, someZeros, tiny] {
      let two = ["--data", data, "--column", "x", "--group", "g", "--compare", "a,b"]
      let common = ["--replicates", "199", "--seed", "1"]
      for statistic in ["mean", "median", "std", "difference", "ratio", "ratio:median"] {
        variants.append(["boot"] + two + common + ["--statistic", statistic, "--method", "all"])
      }
      variants.append(
        ["boot", "--data", data, "--column", "x", "--strata", "g", "--method", "all"] + common)
      variants.append(["perm"] + two + common)
      variants.append(["perm"] + two + common + ["--paired", "--statistic", "median"])
    }
    for table in ["0,0;0,0", "0,5;0,7", "1,0;0,0", "1,2,0;3,4,0", "3,0,0;0,0,0;0,0,5", "1,0;0,1"] {
      variants += [
        ["chisq", "--table", table], ["chisq", "--table", table, "--drop-empty"],
        ["mcnemar", "--table", table],
      ]
    }
    func names(_ rows: [String]) throws -> String {
      try writeTemporaryFile("runs.csv", "name,value\n" + rows.joined(separator: "\n"))
    }
    let runs = try names(["a,1", "a,1", "a,1", "b,2", "b,2", "b,3"])
    let zeroRuns = try names(["a,0", "a,0", "a,0", "b,0", "b,1", "b,0"])
    let oneRun = try names(["a,1", "b,0"])
    let hugeRuns = try names(["a,1e308", "a,1.7e308", "a,1.5e308", "b,1e-320", "b,2e-320"])
    for (base, new) in [
      (runs, runs), (runs, zeroRuns), (zeroRuns, runs), (zeroRuns, zeroRuns), (oneRun, runs),
      (hugeRuns, runs), (runs, hugeRuns), (hugeRuns, hugeRuns),
    ] {
      for metric in ["median", "mean"] {
        variants.append([
          "bench-diff", base, new, "--metric", metric, "--replicates", "99", "--seed", "1",
        ])
      }
    }
    for args in variants {
      for format in ["text", "csv", "markdown"] {
        let r = try runCLI(args + ["--format", format])
        if r.status == 64 && r.stderr.contains("--format") { continue }  // not offered
        #expect(r.status == 0 || r.status == 64, "\(args) → \(r.status): \(r.stderr)")
        let errors = r.stderr.split(separator: "\n").filter { !$0.hasPrefix("resample: warning:") }
        #expect(errors.count <= (r.status == 0 ? 0 : 1), "\(args): \(r.stderr)")
        let words = valueWords(r.stdout)
        #expect(
          !words.contains("nan") && !words.contains("inf"), "\(args) \(format): \(r.stdout)")
      }
    }
  }
}
