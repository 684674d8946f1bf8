import Foundation
// OneSampleIntervalsTests.swift: one-proportion intervals against R and statsmodels, coverage.
import Proportions
import ResampleCore
import Testing
import _TestSupport

@Test func matchesRAndStatsmodelsOnEveryCase() throws {
  let r = try fixtureCases("proportions/proportions_r.json", key: "one_sample")
  let py = try fixtureCases("proportions/proportions_py.json", key: "one_sample")
  #expect(r.count >= 30 && py.count == r.count)
  var worst = 0.0
  for (rc, pc) in zip(r, py) {
    let x = Int(fixtureNumber(rc["x"]))
    let n = Int(fixtureNumber(rc["n"]))
    let level = fixtureNumber(rc["level"])
    let result = try oneProportion(successes: x, trials: n, level: level)
    #expect(result.estimate == Double(x) / Double(n))
    let references: [(ProportionIntervalMethod, [Double])] = [
      (.clopperPearson, fixtureNumbers(rc["clopper_pearson"])),
      (.wilsonCC, fixtureNumbers(rc["wilson_cc"])),
      (.wilson, fixtureNumbers(rc["wilson"])), (.wilson, fixtureNumbers(pc["wilson"])),
      (.agrestiCoull, fixtureNumbers(pc["agresti_coull"])),
      (.jeffreys, fixtureNumbers(pc["jeffreys"])),
      (.wald, fixtureNumbers(pc["wald"])),
    ]
    for (method, want) in references {
      let got = try #require(result.intervals[method])
      for (g, w) in zip(got.array, want) {
        worst = max(worst, agrees(g, w) ? 0 : relativeError(g, w))
        #expect(agrees(g, w), "\(method) \(x)/\(n) @\(level): \(got.array) vs \(want)")
      }
      #expect(got.lower >= 0 && got.upper <= 1 && got.lower <= got.upper)
    }
  }
  #expect(worst <= 1e-10)
}

@Test func boundaryCasesStayInsideTheUnitInterval() throws {
  for (x, n) in [(0, 1), (1, 1), (0, 2), (2, 2), (0, 1000), (1000, 1000)] {
    let r = try oneProportion(successes: x, trials: n, level: 0.99)
    for (_, ci) in r.intervals {
      #expect(ci.lower >= 0 && ci.upper <= 1 && ci.lower <= ci.upper)
    }
    if x == 0 { #expect(r.intervals[.clopperPearson]?.lower == 0) }
    if x == n { #expect(r.intervals[.clopperPearson]?.upper == 1) }
  }
}

@Test func rejectsBadCountsAndLevels() {
  #expect(throws: InputError.self) { try oneProportion(successes: 5, trials: 4) }
  #expect(throws: InputError.self) { try oneProportion(successes: -1, trials: 4) }
  #expect(throws: InputError.self) { try oneProportion(successes: 0, trials: 0) }
  #expect(throws: InputError.self) { try oneProportion(successes: 1, trials: 4, level: 1) }
}

/// Clopper–Pearson guarantees coverage ≥ level for every p; checked exactly (binomial sums)
/// at 40 values of p for n = 25, and Wilson's average coverage is near the level.
@Test func clopperPearsonCoverageIsAtLeastTheLevel() throws {
  let n = 25
  let cis = try (0...n).map {
    try proportionInterval(successes: $0, trials: n, level: 0.95, method: .clopperPearson)
  }
  let wilson = try (0...n).map {
    try proportionInterval(successes: $0, trials: n, level: 0.95, method: .wilson)
  }
  var wilsonMean = 0.0
  for k in 1...40 {
    let p = Double(k) / 41
    var coverCP = 0.0
    var coverW = 0.0
    for x in 0...n {
      let pmf = binomialPMF(x, n, p)
      if cis[x].lower <= p && p <= cis[x].upper { coverCP += pmf }
      if wilson[x].lower <= p && p <= wilson[x].upper { coverW += pmf }
    }
    #expect(coverCP >= 0.95 - 1e-12, "CP coverage \(coverCP) at p = \(p)")
    wilsonMean += coverW / 40
  }
  #expect(abs(wilsonMean - 0.95) < 0.015)
}

private func binomialPMF(_ x: Int, _ n: Int, _ p: Double) -> Double {
  var logC = 0.0
  if x > 0 { for i in 1...x { logC += log(Double(n - x + i) / Double(i)) } }
  return exp(logC + Double(x) * log(p) + Double(n - x) * log1p(-p))
}
