// ComparePairRangesCLITests.swift: with published percentages of 3+ segments, every pair gets
// its own p-value range and share significant over the consistent tables (issue 13 item 5),
// against a brute-force SciPy enumeration (Tests/Fixtures/survey/pair_ranges.py).
import Foundation
import Testing
import _TestSupport

private struct Pair: Decodable {
  var a, b: String
  var pValueMin, pValueMax, shareSignificant: Double
}

private struct Case: Decodable {
  var args: [String]
  var consistentTables: Int
  var pairs: [Pair]
}

@Suite struct ComparePairRangesCLITests {
  @Test func everyPairHasItsRangeOverTheConsistentTables() throws {
    let cases = try snakeCaseFixtureCases(Case.self, "survey/pair_ranges.json", count: 3)
    for c in cases {
      let j = try runCLIJSON(
        ["compare"] + c.args + ["--replicates", "199", "--seed", "1", "--format", "json"])
      let q = try #require((j["questions"] as? [[String: Any]])?.first)
      let s = try #require(q["sensitivity"] as? [String: Any])
      #expect(s["consistent_tables"] as? Int == c.consistentTables)
      let pairs = try #require(s["pairs"] as? [[String: Any]])
      #expect(pairs.count == c.pairs.count)
      for r in c.pairs {
        let p = try #require(
          pairs.first { $0["a"] as? String == r.a && $0["b"] as? String == r.b }, "\(r.a)-\(r.b)")
        #expect(isClose(fixtureNumber(p["p_value_min"]), r.pValueMin, relative: 1e-9))
        #expect(isClose(fixtureNumber(p["p_value_max"]), r.pValueMax, relative: 1e-9))
        #expect(isClose(fixtureNumber(p["share_significant"]), r.shareSignificant, relative: 1e-12))
      }
      // The per-pair share reaches the pair verdicts.
      for pair in try #require(q["pairs"] as? [[String: Any]]) {
        let r = try #require(
          c.pairs.first { $0.a == pair["a"] as? String && $0.b == pair["b"] as? String })
        let share = pair["sensitivity_share"]
        if share != nil, !(share is NSNull) {
          #expect(isClose(fixtureNumber(share), r.shareSignificant, relative: 1e-12))
        }
      }
    }
  }

  @Test func beyondTheLimitAUniformSampleEstimatesTheShares() throws {
    let cases = try snakeCaseFixtureCases(Case.self, "survey/pair_ranges.json")
    let c = cases[0]
    let draws = 40_000
    let j = try runCLIJSON(
      ["compare"] + c.args + [
        "--max-tables", "100", "--sample-tables", "\(draws)", "--replicates", "199", "--seed",
        "9", "--no-power", "--format", "json",
      ])
    let q = try #require((j["questions"] as? [[String: Any]])?.first)
    let s = try #require(q["sensitivity"] as? [String: Any])
    let m = try #require(s["sampling"] as? [String: Any])
    #expect(m["sampled_tables"] as? Int == draws)
    #expect(fixtureNumber(m["population_tables"]) == Double(c.consistentTables))
    #expect(s["consistent_tables"] as? Int == c.consistentTables)
    let pairs = try #require(s["pairs"] as? [[String: Any]])
    for r in c.pairs {
      let p = try #require(
        pairs.first { $0["a"] as? String == r.a && $0["b"] as? String == r.b })
      // A share estimated from the sample: within 4 Monte Carlo SE of the exact share.
      let se = max(
        (r.shareSignificant * (1 - r.shareSignificant) / Double(draws)).squareRoot(), 1e-12)
      #expect(abs(fixtureNumber(p["share_significant"]) - r.shareSignificant) <= 4 * se + 1e-12)
      // The sample's p-value range lies inside the true one.
      #expect(fixtureNumber(p["p_value_min"]) >= r.pValueMin * (1 - 1e-12))
      #expect(fixtureNumber(p["p_value_max"]) <= r.pValueMax * (1 + 1e-12))
    }
  }
}
