// BinomialTestTests.swift: the exact binomial test against R's binom.test and SciPy's binomtest,
// every alternative, with the one-sided Clopper–Pearson intervals.
import Proportions
import ResampleCore
import Testing
import _TestSupport

@Test func matchesRBinomTestEveryAlternative() throws {
  let cases = try fixtureCases("proportions/alternatives_r.json", key: "one_sample")
  #expect(cases.count >= 90)
  var worst = 0.0
  for c in cases {
    let (x, n, p0) = (
      Int(fixtureNumber(c["x"])), Int(fixtureNumber(c["n"])), fixtureNumber(c["p0"])
    )
    let alt = fixtureValue(c["alternative"], else: Alternative.twoSided)
    let level = fixtureNumber(c["level"])
    let p = try binomialTestPValue(successes: x, trials: n, probability: p0, alternative: alt)
    let want = fixtureNumber(c["binom_p"])
    worst = max(worst, relativeError(p, want))
    #expect(agrees(p, want), "binom.test(\(x), \(n), \(p0), \(alt)): \(p) vs \(want)")
    let ci = try proportionInterval(
      successes: x, trials: n, level: level, method: .clopperPearson, alternative: alt)
    let wantCI = fixtureNumbers(c["binom_ci"])
    #expect(agrees(ci.lower, wantCI[0]) && agrees(ci.upper, wantCI[1]), "CI \(x)/\(n) \(alt)")
  }
  #expect(worst <= 1e-10)
}

@Test func matchesSciPyBinomtest() throws {
  let cases = try fixtureCases("proportions/alternatives_py.json", key: "one_sample")
  for c in cases {
    let (x, n, p0) = (
      Int(fixtureNumber(c["x"])), Int(fixtureNumber(c["n"])), fixtureNumber(c["p0"])
    )
    let alt = fixtureValue(c["alternative"], else: Alternative.twoSided)
    let p = try binomialTestPValue(successes: x, trials: n, probability: p0, alternative: alt)
    #expect(agrees(p, fixtureNumber(c["binomtest_p"])), "binomtest(\(x), \(n), \(p0), \(alt))")
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
