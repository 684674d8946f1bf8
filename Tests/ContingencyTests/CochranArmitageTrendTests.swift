// CochranArmitageTrendTests.swift: the trend test against R's prop.trend.test / prop.test, and the
// linear-by-linear test against (N − 1) cor(u, v)² computed in R.
import Contingency
import ResampleCore
import Testing
import _TestSupport

@Test func trendMatchesRPropTrendTest() throws {
  let cases = try stratifiedCases("trend")
  #expect(cases.count >= 6)
  for c in cases {
    let name = c["name"] as? String ?? ""
    let x = fixtureDoubles(c["x"]).map { Int($0) }
    let n = fixtureDoubles(c["n"]).map { Int($0) }
    let r = try cochranArmitageTrend(successes: x, trials: n, scores: fixtureDoubles(c["scores"]))
    #expect(agrees(r.statistic, fixtureNumber(c["statistic"])), "\(name) statistic")
    #expect(agrees(r.pValue, fixtureNumber(c["p_value"])), "\(name) p")
    #expect(agrees(r.homogeneityStatistic, fixtureNumber(c["homogeneity"])), "\(name) prop.test")
    if x.count > 2 {
      #expect(agrees(r.departureStatistic, fixtureNumber(c["departure"])), "\(name) dep")
      #expect(
        agrees(r.departurePValue, fixtureNumber(c["departure_p_value"])), "\(name) dep p")
    } else {
      #expect(r.departureStatistic.isNaN)
    }
  }
}

@Test func trendRefusesBadInput() throws {
  #expect(throws: InputError.self) { try cochranArmitageTrend(successes: [1], trials: [2]) }
  #expect(throws: InputError.self) { try cochranArmitageTrend(successes: [1, 2], trials: [2]) }
  #expect(throws: InputError.self) { try cochranArmitageTrend(successes: [3, 2], trials: [2, 4]) }
  #expect(throws: InputError.self) { try cochranArmitageTrend(successes: [0, 0], trials: [2, 4]) }
  #expect(throws: InputError.self) {
    try cochranArmitageTrend(successes: [1, 2], trials: [2, 4], scores: [1, 1])
  }
  // Scores enter only through their differences: a shift or a positive scale changes nothing.
  let a = try cochranArmitageTrend(successes: [5, 9, 14], trials: [20, 21, 22])
  let b = try cochranArmitageTrend(
    successes: [5, 9, 14], trials: [20, 21, 22], scores: [10, 30, 50])
  #expect(isClose(a.statistic, b.statistic, relative: 1e-13) && a.z > 0)
}

@Test func linearByLinearMatchesR() throws {
  let cases = try stratifiedCases("linear_by_linear")
  #expect(cases.count >= 3)
  for c in cases {
    let name = c["name"] as? String ?? ""
    let rows = (c["table"] as? [[Any]] ?? []).map { $0.map { Int(fixtureNumber($0)) } }
    let t = try ContingencyTable(rows: rows)
    let r = try linearByLinearAssociation(
      t, rowScores: fixtureDoubles(c["row_scores"]),
      columnScores: fixtureDoubles(c["column_scores"]))
    #expect(agrees(r.statistic, fixtureNumber(c["statistic"])), "\(name)")
    #expect(agrees(r.correlation, fixtureNumber(c["correlation"])), "\(name) r")
    #expect(agrees(r.pValue, fixtureNumber(c["p_value"])), "\(name) p")
  }
  #expect(throws: InputError.self) {
    try linearByLinearAssociation(ContingencyTable(rows: [[1, 2], [3, 4]]), rowScores: [1])
  }
  #expect(throws: InputError.self) {
    try linearByLinearAssociation(ContingencyTable(rows: [[1, 2], [0, 0]]))
  }
}
