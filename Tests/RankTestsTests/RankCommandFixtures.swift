// RankCommandFixtures.swift: reading Tests/Fixtures/ranktests/rank_commands_{r,scipy}.json
// (generate_commands.R and generate_commands_scipy.py) for the rank-test library tests.
import Foundation
import ResampleCore
import Testing
import _TestSupport

@testable import RankTests

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

/// The fixture's cases of one kind ("ranksum", "signrank", "kruskal") from R and from SciPy,
/// paired by name, with the case's data.
func rankCommandCases(_ kind: String) throws -> [(
  r: [String: Any], scipy: [String: Any], data: FixtureSampleCase
)] {
  let r = try fixtureCases("ranktests/rank_commands_r.json", key: kind)
  let s = try fixtureCases("ranktests/rank_commands_scipy.json", key: kind)
  let data = try decodeFixtureCases(
    FixtureSampleCase.self, "ranktests/rank_commands_r.json", key: kind)
  var byName: [String: [String: Any]] = [:]
  for c in s { byName[c["name"] as? String ?? ""] = c }
  var dataByName: [String: FixtureSampleCase] = [:]
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

/// Checks a Hodges–Lehmann estimator against every R `wilcox.test(conf.int = TRUE)` interval of
/// the fixture's `kind` cases, with R's own exactness choice and with `exact = FALSE`.
///
/// - Parameters:
///   - kind: "ranksum" or "signrank".
///   - name: the estimator's name in the printed summary.
///   - minimumExact: how many exact intervals the fixture must hold at least.
///   - estimate: the estimator for a case's data, alternative, exactness and correction.
func expectLocationEstimatesMatchR(
  _ kind: String, name: String, minimumExact: Int,
  _ estimate: (FixtureSampleCase, Alternative, _ exact: Bool, _ correct: Bool) throws ->
    LocationEstimate
) throws {
  var checked = 0
  var exactCount = 0
  var worst = 0.0
  for (c, _, data) in try rankCommandCases(kind) {
    for r in c["results"] as? [[String: Any]] ?? [] {
      let alt = try alternative(named: r["alternative"])
      let correct = r["correct"] as? Bool ?? true
      for key in ["auto", "normal"] {
        let ref = RWilcoxReference(r[key])
        let got = try estimate(data, alt, key == "auto" && ref.exact, correct)
        let label = "\(c["name"] ?? "") \(alt) correct=\(correct) \(key)"
        #expect(got.exact == ref.exact, "\(label)")
        #expect(
          agrees(got.estimate, ref.estimate), "\(label): \(got.estimate) vs R \(ref.estimate)")
        #expect(agrees(got.lower, ref.lower), "\(label): lower \(got.lower) vs R \(ref.lower)")
        #expect(agrees(got.upper, ref.upper), "\(label): upper \(got.upper) vs R \(ref.upper)")
        #expect(agrees(got.level, ref.level), "\(label): level \(got.level) vs R \(ref.level)")
        for (a, b) in [
          (got.estimate, ref.estimate), (got.lower, ref.lower), (got.upper, ref.upper),
        ]
        where a.isFinite && b.isFinite {
          worst = max(worst, relativeError(a, b))
        }
        checked += 1
        if ref.exact { exactCount += 1 }
      }
    }
  }
  #expect(checked >= 100)
  #expect(exactCount >= minimumExact)
  print("\(name) vs R: \(checked) intervals (\(exactCount) exact), max rel. error \(worst)")
}
