// ScoreIntervalsTests.swift: Miettinen–Nurminen (difference, odds ratio) and Koopman (risk
// ratio) score intervals against Tests/Fixtures/proportions/score_intervals.py (the constrained
// likelihood solved from its definition; statsmodels' score tests and Koopman/Nam interval).
import Proportions
import ResampleCore
import Testing
import _TestSupport

/// One fixture interval case.
struct ScoreIntervalCase: Decodable {
  let x1, n1, x2, n2: Int
  let level: Double
  /// The reference limits (lower, upper), each present only for the measures that have it.
  let interval, scoreRoots, statsmodels, statsmodelsUncorrected: [FixtureNumber]?

  enum CodingKeys: String, CodingKey {
    case x1, n1, x2, n2, level, interval, statsmodels
    case scoreRoots = "score_roots"
    case statsmodelsUncorrected = "statsmodels_uncorrected"
  }

  var label: String { "\(x1)/\(n1) vs \(x2)/\(n2) at \(level)" }
}

private let fixture = "proportions/score_intervals_py.json"

/// The largest relative error of `got` against `want`, recording an issue beyond 1e-9 (statsmodels'
/// brentq stops at xtol = 2e-12).
private func compare(_ got: ProportionInterval, _ want: [FixtureNumber], _ what: String) -> Double {
  var worst = 0.0
  for (g, w) in [(got.lower, want[0].value), (got.upper, want[1].value)] {
    // statsmodels' Nam cubic gives ±5e-15 for the lower limit 0 of x1 = 0 (rounding).
    let e = g == 0 && abs(w) < 1e-13 ? 0 : relativeError(g, w)
    worst = max(worst, e)
    #expect(e <= 1e-9, "\(what): \(g) vs \(w)")
  }
  return worst
}

/// Compares, for every fixture case under `key` (at least `minimum` of them), the intervals that
/// `intervals` returns with their references: (ours, reference, what) triples.
///
/// - Returns: the number of cases, of limits compared, and the largest relative error.
private func compareCases(
  _ key: String, atLeast minimum: Int,
  _ intervals: (ScoreIntervalCase) throws -> [(ProportionInterval, [FixtureNumber], String)]
) throws -> (cases: Int, limits: Int, worst: Double) {
  let cases = try decodeFixtureCases(ScoreIntervalCase.self, fixture, key: key)
  #expect(cases.count >= minimum)
  var worst = 0.0
  var limits = 0
  for c in cases {
    for (ours, reference, what) in try intervals(c) {
      worst = max(worst, compare(ours, reference, what))
      limits += 2
    }
  }
  return (cases.count, limits, worst)
}

@Suite struct ScoreIntervalsTests {
  @Test func miettinenNurminenDifferenceMatchesTheConstrainedLikelihood() throws {
    let (cases, _, worst) = try compareCases("difference", atLeast: 40) { c in
      let r = try miettinenNurminenInterval(x1: c.x1, n1: c.n1, x2: c.x2, n2: c.n2, level: c.level)
      return [(r, try #require(c.interval), c.label)]
    }
    print("Miettinen–Nurminen difference: \(cases) intervals, max relative error \(worst)")
  }

  @Test func koopmanRiskRatioMatchesStatsmodels() throws {
    let (_, checked, worst) = try compareCases("risk_ratio", atLeast: 30) { c in
      let r = try koopmanRiskRatioInterval(x1: c.x1, n1: c.n1, x2: c.x2, n2: c.n2, level: c.level)
      var compared: [(ProportionInterval, [FixtureNumber], String)] = []
      if let roots = c.scoreRoots {
        compared.append((r, roots, "\(c.label) (score roots)"))
      }
      // statsmodels' Nam cubic degenerates when a group is all successes (its lower limit for
      // 10/10 vs 10/10 is 1.00000004, above nothing: the estimate is 1); compare it elsewhere.
      if let sm = c.statsmodels, c.x1 < c.n1, c.x2 < c.n2 {
        compared.append((r, sm, "\(c.label) (statsmodels)"))
      }
      // Koopman's own interval: statsmodels' correction=False.
      if let sm = c.statsmodelsUncorrected, c.x1 < c.n1, c.x2 < c.n2 {
        let u = try koopmanRiskRatioInterval(
          x1: c.x1, n1: c.n1, x2: c.x2, n2: c.n2, level: c.level, varianceCorrection: false)
        compared.append((u, sm, "\(c.label) (statsmodels, uncorrected)"))
      }
      return compared
    }
    #expect(checked >= 150)
    print("Koopman risk ratio: \(checked) limits, max relative error \(worst)")
  }

  @Test func miettinenNurminenOddsRatioMatchesStatsmodelsScoreTest() throws {
    let (_, checked, worst) = try compareCases("odds_ratio", atLeast: 20) { c in
      let r = try miettinenNurminenOddsRatioInterval(
        x1: c.x1, n1: c.n1, x2: c.x2, n2: c.n2, level: c.level)
      let roots = (r, try #require(c.scoreRoots), "\(c.label) (score roots)")
      return [roots] + (c.statsmodels.map { [(r, $0, "\(c.label) (statsmodels)")] } ?? [])
    }
    print("Miettinen–Nurminen odds ratio: \(checked) limits, max relative error \(worst)")
  }

  @Test(arguments: [
    (31, 50, 21, 49), (0, 10, 5, 10), (10, 10, 0, 10), (0, 10, 0, 10), (10, 10, 10, 10),
    (3, 3, 0, 2), (1, 20, 0, 15), (7, 34, 1, 34),
  ])
  func swappingTheGroupsNegatesAndInverts(counts: (Int, Int, Int, Int)) throws {
    let (x1, n1, x2, n2) = counts
    let d = try miettinenNurminenInterval(x1: x1, n1: n1, x2: x2, n2: n2)
    let ds = try miettinenNurminenInterval(x1: x2, n1: n2, x2: x1, n2: n1)
    #expect(isClose(d.lower, -ds.upper, relative: 1e-12, absolute: 1e-15))
    #expect(isClose(d.upper, -ds.lower, relative: 1e-12, absolute: 1e-15))
    for f in [koopmanRiskRatioInterval, miettinenNurminenOddsRatioInterval] {
      let r = try f(x1, n1, x2, n2, 0.95, .twoSided, true)
      let s = try f(x2, n2, x1, n1, 0.95, .twoSided, true)
      #expect(isClose(r.lower, 1 / s.upper, relative: 1e-12), "\(counts)")
      #expect(isClose(r.upper, 1 / s.lower, relative: 1e-12), "\(counts)")
    }
  }

  @Test func zeroCountsGiveTheOpenEnds() throws {
    let rr = try koopmanRiskRatioInterval(x1: 0, n1: 10, x2: 5, n2: 10)
    #expect(rr.lower == 0 && rr.upper.isFinite)
    let rrInf = try koopmanRiskRatioInterval(x1: 5, n1: 10, x2: 0, n2: 10)
    #expect(rrInf.upper == .infinity && rrInf.lower > 1)
    let none = try koopmanRiskRatioInterval(x1: 0, n1: 10, x2: 0, n2: 12)
    #expect(none.lower == 0 && none.upper == .infinity)
    let or0 = try miettinenNurminenOddsRatioInterval(x1: 0, n1: 10, x2: 10, n2: 10)
    #expect(or0.lower == 0 && or0.upper > 0 && or0.upper < 1)
    let orNone = try miettinenNurminenOddsRatioInterval(x1: 10, n1: 10, x2: 10, n2: 10)
    #expect(orNone.lower == 0 && orNone.upper == .infinity)
    let d = try miettinenNurminenInterval(x1: 10, n1: 10, x2: 0, n2: 10)
    #expect(d.upper == 1 && d.lower > 0)
  }

  @Test func oneSidedLimitIsTheTwoSidedOneAtTwiceTheTail() throws {
    let two = try twoProportions(x1: 15, n1: 40, x2: 25, n2: 45, level: 0.9)
    let less = try twoProportions(x1: 15, n1: 40, x2: 25, n2: 45, alternative: .less)
    let greater = try twoProportions(x1: 15, n1: 40, x2: 25, n2: 45, alternative: .greater)
    let t = try #require(two.intervals[.miettinenNurminen])
    #expect(less.intervals[.miettinenNurminen]?.upper == t.upper)
    #expect(greater.intervals[.miettinenNurminen]?.lower == t.lower)
    #expect(less.riskRatio.scoreInterval?.lower == 0)
    #expect(less.riskRatio.scoreInterval?.upper == two.riskRatio.scoreInterval?.upper)
    #expect(greater.oddsRatio.scoreInterval?.upper == .infinity)
    #expect(greater.oddsRatio.scoreInterval?.lower == two.oddsRatio.scoreInterval?.lower)
    let direct = try miettinenNurminenOddsRatioInterval(
      x1: 15, n1: 40, x2: 25, n2: 45, alternative: .greater)
    #expect(direct == greater.oddsRatio.scoreInterval)
    let lean = try twoProportions(x1: 15, n1: 40, x2: 25, n2: 45, scoreIntervals: false)
    #expect(lean.intervals[.miettinenNurminen] == nil && lean.riskRatio.scoreInterval == nil)
    #expect(lean.pValue == two.pValue || lean.level != two.level)
  }

  @Test func badCountsThrowNamingThem() {
    expectError(InputError.self, mentioning: "x1") {
      try miettinenNurminenInterval(x1: 11, n1: 10, x2: 1, n2: 10)
    }
    expectError(InputError.self, mentioning: "n2") {
      try koopmanRiskRatioInterval(x1: 1, n1: 10, x2: 0, n2: 0)
    }
    expectError(InputError.self, mentioning: "level") {
      try miettinenNurminenOddsRatioInterval(x1: 1, n1: 10, x2: 1, n2: 10, level: 1)
    }
  }
}
