// RankCommandFixtures.swift: reading Tests/Fixtures/ranktests/rank_commands_{r,scipy}.json
// (generate_commands.R and generate_commands_scipy.py) for the rank-test library tests.
import Foundation
import ResampleCore
import Testing
import _TestSupport

/// One R `wilcox.test(conf.int = TRUE)` result of the fixture.
struct RWilcoxReference {
  var statistic, p, estimate, lower, upper, level: Double
  var exact: Bool

  init(_ any: Any?) {
    let d = any as? [String: Any] ?? [:]
    statistic = fixtureNumber(d["statistic"])
    p = fixtureNumber(d["p"])
    estimate = fixtureNumber(d["estimate"])
    let interval = fixtureNumbers(d["interval"])
    lower = interval.first ?? .nan
    upper = interval.last ?? .nan
    level = fixtureNumber(d["level"])
    exact = d["exact"] as? Bool ?? false
  }
}

/// A case's data, decoded with `JSONDecoder` (which parses every double exactly; Foundation's
/// `JSONSerialization` on Linux can be one ulp off for 17-digit numbers, and the root-finding
/// intervals, like R's, depend on the exact data).
struct RankCaseData: Decodable {
  var name: String
  var x: [Double]?
  var y: [Double]?
  var mu: Double?
  var groups: [String: [Double]]?
}

private struct RankCaseFile: Decodable {
  var ranksum, signrank, kruskal: [RankCaseData]
}

/// The fixture's cases of one kind ("ranksum", "signrank", "kruskal") from R and from SciPy,
/// paired by name, with the case's data.
func rankCommandCases(_ kind: String) throws -> [(
  r: [String: Any], scipy: [String: Any], data: RankCaseData
)] {
  let r = try fixtureCases("ranktests/rank_commands_r.json", key: kind)
  let s = try fixtureCases("ranktests/rank_commands_scipy.json", key: kind)
  let file = try decodeFixture(RankCaseFile.self, "ranktests/rank_commands_r.json")
  let data = kind == "ranksum" ? file.ranksum : kind == "signrank" ? file.signrank : file.kruskal
  var byName: [String: [String: Any]] = [:]
  for c in s { byName[c["name"] as? String ?? ""] = c }
  var dataByName: [String: RankCaseData] = [:]
  for d in data { dataByName[d.name] = d }
  return try r.map { c in
    let name = c["name"] as? String ?? ""
    return (
      c, try #require(byName[name], "no SciPy entry for \(name)"),
      try #require(dataByName[name], "no data for \(name)")
    )
  }
}

func alternative(named s: Any?) throws -> Alternative {
  try #require(
    Alternative(rawValue: s as? String ?? ""), "bad alternative \(String(describing: s))")
}

/// Relative agreement to 1e-9 (absolute below 1e-12, for values that are 0).
func agrees(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
  if a.isInfinite || b.isInfinite || a.isNaN || b.isNaN { return a == b || (a.isNaN && b.isNaN) }
  return isClose(a, b, relative: tolerance, absolute: 1e-12)
}
