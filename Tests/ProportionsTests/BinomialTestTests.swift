// BinomialTestTests.swift: the exact binomial test against R's binom.test and SciPy's binomtest,
// every alternative, with the one-sided Clopper–Pearson intervals.
import Proportions
import ResampleCore
import Testing
import _TestSupport

@Test func matchesRBinomTestEveryAlternative() throws {
  let cases = try oneSampleCases("proportions/alternatives_r.json")
  #expect(cases.count >= 90)
  var worst = 0.0
  for c in cases {
    let p = try binomialTestPValue(
      successes: c.x, trials: c.n, probability: c.p0, alternative: c.alternative)
    let want = c["binom_p"]
    worst = max(worst, relativeError(p, want))
    #expect(
      agrees(p, want), "binom.test(\(c.x), \(c.n), \(c.p0), \(c.alternative)): \(p) vs \(want)")
    let ci = try proportionInterval(
      successes: c.x, trials: c.n, level: c.level, method: .clopperPearson,
      alternative: c.alternative
    )
    let wantCI = fixtureNumbers(c.record["binom_ci"])
    #expect(
      agrees(ci.lower, wantCI[0]) && agrees(ci.upper, wantCI[1]),
      "CI \(c.x)/\(c.n) \(c.alternative)")
  }
  #expect(worst <= 1e-10)
}

@Test func matchesSciPyBinomtest() throws {
  let cases = try oneSampleCases("proportions/alternatives_py.json")
  for c in cases {
    let p = try binomialTestPValue(
      successes: c.x, trials: c.n, probability: c.p0, alternative: c.alternative)
    #expect(agrees(p, c["binomtest_p"]), "binomtest(\(c.x), \(c.n), \(c.p0), \(c.alternative))")
  }
}

@Test func binomialTestEdges() throws {
  // x = n·p0 exactly: p = 1 (R); p0 outside [0, 1] is refused.
  #expect(try binomialTestPValue(successes: 5, trials: 10, probability: 0.5) == 1)
  #expect(throws: InputError.self) {
    try binomialTestPValue(successes: 1, trials: 2, probability: 1.5)
  }
  // One-sided tails add to 1 + P(X = x).
  let less = try binomialTestPValue(successes: 3, trials: 12, probability: 0.4, alternative: .less)
  let greater = try binomialTestPValue(
    successes: 3, trials: 12, probability: 0.4, alternative: .greater)
  #expect(isClose(less + greater, 1 + 0.141894, relative: 1e-5))
}
