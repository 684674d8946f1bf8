// ComparePairedItemsCLITests.swift: `compare --data F --paired Q1,Q2 [--segment S]` (issue 13
// item 4) against R's mcnemar.test (with and without correction), binom.test, prop.test's
// Wilson intervals and Newcombe's paired interval (Tests/Fixtures/contingency/paired/
// compare_paired.R), and against `mcnemar --data` on the same rows.
import Foundation
import Testing
import _TestSupport

private struct Comparison: Decodable {
  var respondents: Int
  var counts: [[Int]]
  var first, second: Double
  var firstInterval, secondInterval: [Double]
  var statistic, pValue, statisticCorrected, pValueCorrected: Double?
  var exactPValue, difference: Double
  var newcombe: [Double]
}

private struct Case: Decodable {
  var name: String
  var args: [String]
  var segments: [String]
  var comparisons: [Comparison]
}

@Suite struct ComparePairedItemsCLITests {
  static let file = fixtureURL("contingency/paired/segments_respondents.csv").path

  /// The largest relative error of `ours` against `r` (absolute below 1e-300).
  static func error(_ ours: Double, _ r: Double) -> Double {
    abs(ours - r) / max(abs(r), 1e-300)
  }

  @Test func pairedItemsMatchR() throws {
    let cases = try snakeCaseFixtureCases(
      Case.self, "contingency/paired/compare_paired.json", count: 3)
    var worst = 0.0
    for c in cases {
      let args = c.args.map { $0.hasSuffix(".csv") ? Self.file : $0 }
      let j = try runCLIJSON(["compare"] + args)
      let got = try #require(j["comparisons"] as? [[String: Any]])
      #expect(got.count == c.comparisons.count, "\(c.name)")
      for (k, r) in c.comparisons.enumerated() {
        let o =
          c.segments.isEmpty
          ? got.first : got.first { $0["segment"] as? String == c.segments[k] }
        let ours = try #require(o, "\(c.name) \(k)")
        #expect(ours["respondents"] as? Int == r.respondents, "\(c.name)")
        #expect(ours["counts"] as? [[Int]] == r.counts, "\(c.name)")
        let m = try #require(ours["mcnemar"] as? [String: Any])
        let f = try #require(ours["first"] as? [String: Any])
        let s = try #require(ours["second"] as? [String: Any])
        let pd = try #require(ours["paired_difference"] as? [String: Any])
        var pairs: [(Double, Double)] = [
          (fixtureNumber(f["share"]), r.first), (fixtureNumber(s["share"]), r.second),
          (fixtureNumber(m["exact_p_value"]), r.exactPValue),
          (fixtureNumber(pd["difference"]), r.difference),
        ]
        if r.counts[0][1] + r.counts[1][0] > 0 {
          pairs += [
            (fixtureNumber(m["statistic"]), r.statistic ?? .nan),
            (fixtureNumber(m["p_value"]), r.pValue ?? .nan),
            (fixtureNumber(m["statistic_corrected"]), r.statisticCorrected ?? .nan),
            (fixtureNumber(m["p_value_corrected"]), r.pValueCorrected ?? .nan),
          ]
        } else {
          // No discordant pairs: R's statistic is NaN (JSON null), the exact p 1.
          #expect(r.statistic == nil)
          #expect(m["statistic"] is NSNull && m["p_value_corrected"] is NSNull)
          #expect((ours["warnings"] as? [String])?.isEmpty == false)
        }
        pairs += zip(fixtureNumbers(f["interval"]), r.firstInterval).map { ($0, $1) }
        pairs += zip(fixtureNumbers(s["interval"]), r.secondInterval).map { ($0, $1) }
        pairs += zip(fixtureNumbers(pd["interval"]), r.newcombe).map { ($0, $1) }
        #expect(pairs.count == 14 || pairs.count == 10)
        for (i, (a, b)) in pairs.enumerated() {
          #expect(isClose(a, b, relative: 1e-9), "\(c.name) \(k) field \(i): \(a) vs \(b)")
          worst = max(worst, Self.error(a, b))
        }
      }
    }
    print("compare --paired: max relative error vs R \(worst)")
  }

  @Test func numbersEqualMcNemarOnTheSameRows() throws {
    let c = try runCLIJSON([
      "compare", "--data", Self.file, "--paired", "q1,q2", "--missing", "Don't know",
    ])
    let ours = try #require((c["comparisons"] as? [[String: Any]])?.first)
    let m = try #require(ours["mcnemar"] as? [String: Any])
    for (correction, key) in [("yates", "statistic_corrected"), ("none", "statistic")] {
      let r = try runCLIJSON([
        "mcnemar", "--data", Self.file, "--first", "q1", "--second", "q2", "--missing",
        "Don't know", "--correction", correction,
      ])
      #expect(fixtureNumber(r["statistic"]) == fixtureNumber(m[key]))
      #expect(fixtureNumber(r["exact_p_value"]) == fixtureNumber(m["exact_p_value"]))
      let pd = try #require(r["paired_difference"] as? [String: Any])
      let opd = try #require(ours["paired_difference"] as? [String: Any])
      #expect(fixtureNumbers(pd["interval"]) == fixtureNumbers(opd["interval"]))
      #expect(r["discordant"] as? [Int] == ours["discordant"] as? [Int])
    }
    // --paired-items is the same request.
    let alias = try runCLIJSON([
      "compare", "--data", Self.file, "--paired-items", "q1,q2", "--missing", "Don't know",
    ])
    #expect(
      (alias["comparisons"] as? [[String: Any]])?.first?["counts"] as? [[Int]]
        == ours["counts"] as? [[Int]])
  }

  @Test func textAndCSVCarryTheFigures() throws {
    let base = ["compare", "--data", Self.file, "--paired", "q1,q2", "--missing", "Don't know"]
    let t = try runCLI(base)
    #expect(t.status == 0, "\(t.stderr)")
    for s in ["b = 36, c = 60", "Newcombe", "exact p-value", "no correction", "left out"] {
      #expect(t.stdout.contains(s), "\(s)")
    }
    let csv = try runCLI(base + ["--segment", "region", "--format", "csv"])
    #expect(csv.status == 0, "\(csv.stderr)")
    let lines = csv.stdout.split(separator: "\n")
    #expect(lines.count == 5 && lines[0].hasPrefix("segment,respondents,first,"))
  }

  @Test func itemWithMoreThanTwoAnswersNeedsASuccess() throws {
    let r = try runCLI([
      "compare", "--data", Self.file, "--paired", "q1,q3", "--missing", "Don't know",
    ])
    #expect(r.status != 0)
    #expect(r.stderr.contains("--success") && r.stderr.contains("maybe"), "\(r.stderr)")
    let wrong = try runCLI([
      "compare", "--data", Self.file, "--paired", "q1,q3", "--success", "perhaps",
    ])
    #expect(wrong.status != 0 && wrong.stderr.contains("yes"), "\(wrong.stderr)")
  }

  @Test func misuseIsRefused() throws {
    for args in [
      ["compare", "--paired", "q1,q2"],
      ["compare", "--data", Self.file, "--paired", "q1"],
      ["compare", "--data", Self.file, "--paired", "q1,q1"],
      ["compare", "--data", Self.file, "--paired", "q1,q2", "--questions", "q1"],
      ["compare", "--data", Self.file, "q1,q2"],
    ] {
      let r = try runCLI(args)
      #expect(r.status != 0, "\(args)")
      #expect(!r.stderr.isEmpty, "\(args)")
    }
    // A design is refused here with the command that takes it.
    let design = try runCLI([
      "compare", "--data", fixtureURL("survey-design/apistrat.csv").path, "--paired",
      "sch.wide,awards", "--weight", "pw",
    ])
    #expect(design.status == 64)
    #expect(design.stderr.contains("resample mcnemar --data F --first Q1 --second Q2"))
  }
}
