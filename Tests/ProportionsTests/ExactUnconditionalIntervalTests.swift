// ExactUnconditionalIntervalTests.swift: Chan–Zhang intervals and Barnard's test against SciPy and
// an independent numpy implementation, exact coverage, and the swap symmetry.
import Foundation
import Proportions
import ResampleCore
import Testing
import _TestSupport

@Suite struct ExactUnconditionalIntervalTests {
  let cases: [[String: Any]]

  init() throws { cases = try fixtureCases("proportions/exact_unconditional_py.json") }

  /// Barnard's p-value is a numerical maximum over the nuisance parameter: it agrees with the
  /// independent numpy implementation (2,001-point grid and bounded Brent) to 10⁻⁶, and is never
  /// below SciPy's `barnard_exact`, whose shgo search can stop at a local maximum (5/5 vs 2/6:
  /// 0.02106 where the maximum is 27/1024 = 0.02637); elsewhere it equals SciPy's to 10⁻⁶.
  @Test func barnardMatchesTheDefinitionAndSciPy() throws {
    #expect(cases.count >= 10)
    var equalToSciPy = 0
    for c in cases {
      let (x1, n1, x2, n2) = (
        Int(fixtureNumber(c["x1"])), Int(fixtureNumber(c["n1"])), Int(fixtureNumber(c["x2"])),
        Int(fixtureNumber(c["n2"]))
      )
      let barnard = try #require(c["barnard"] as? [String: Any])
      let scipy = try #require(c["scipy_barnard"] as? [String: Any])
      for (name, alternative) in [
        ("two-sided", Alternative.twoSided), ("less", .less), ("greater", .greater),
      ] {
        let p = try barnardExactTest(x1: x1, n1: n1, x2: x2, n2: n2, alternative: alternative)
        let want = fixtureNumber(barnard[name])
        #expect(
          isClose(p, want, relative: 1e-6, absolute: 1e-12),
          "\(x1)/\(n1) vs \(x2)/\(n2) \(name): \(p) vs \(want)")
        let sp = fixtureNumber(scipy[name])
        #expect(p >= sp * (1 - 1e-6), "below SciPy's maximum: \(p) vs \(sp)")
        if isClose(p, sp, relative: 1e-6, absolute: 1e-12) { equalToSciPy += 1 }
      }
    }
    #expect(equalToSciPy == 29)
    let r = try exactUnconditional(x1: 7, n1: 20, x2: 2, n2: 25, alternative: .greater)
    #expect(r.pValue == (try barnardExactTest(x1: 7, n1: 20, x2: 2, n2: 25, alternative: .greater)))
  }

  /// The limits agree with the independent implementation (root finding to 10⁻¹³ there, 10⁻¹²
  /// here; both maximize the nuisance numerically) to 10⁻⁶.
  @Test func chanZhangLimitsMatchIndependentImplementation() throws {
    for c in cases {
      let (x1, n1, x2, n2) = (
        Int(fixtureNumber(c["x1"])), Int(fixtureNumber(c["n1"])), Int(fixtureNumber(c["x2"])),
        Int(fixtureNumber(c["n2"]))
      )
      for (level, key) in [(0.95, "ci95"), (0.90, "ci90")] {
        let want = fixtureNumbers(c[key])
        let got = try exactUnconditional(x1: x1, n1: n1, x2: x2, n2: n2, level: level).interval
        #expect(
          abs(got.lower - want[0]) <= 1e-6 && abs(got.upper - want[1]) <= 1e-6,
          "\(x1)/\(n1) vs \(x2)/\(n2) at \(level): [\(got.lower), \(got.upper)] vs \(want)")
      }
    }
  }

  /// Exact intervals never cover less than the level: the coverage, summed over all 49 tables of
  /// n₁ = n₂ = 6 with their binomial probabilities, is at least 0.95 at every (p₁, p₂) tried.
  @Test(.tags(.statistical)) func coverageIsAtLeastTheLevel() throws {
    let n = 6
    var intervals: [[ProportionInterval]] = []
    for y1 in 0...n {
      intervals.append(
        try (0...n).map { try exactUnconditional(x1: y1, n1: n, x2: $0, n2: n).interval })
    }
    func pmf(_ k: Int, _ p: Double) -> Double {
      var c = 1.0
      for i in 0..<k { c = c * Double(n - i) / Double(i + 1) }
      return c * pow(p, Double(k)) * pow(1 - p, Double(n - k))
    }
    for (p1, p2) in [(0.5, 0.5), (0.1, 0.1), (0.3, 0.6), (0.9, 0.2), (0.05, 0.45), (0.7, 0.7)] {
      var coverage = 0.0
      for y1 in 0...n {
        for y2 in 0...n
        where intervals[y1][y2].lower <= p1 - p2 && p1 - p2 <= intervals[y1][y2].upper {
          coverage += pmf(y1, p1) * pmf(y2, p2)
        }
      }
      #expect(coverage >= 0.95 - 1e-12, "coverage \(coverage) at p1 = \(p1), p2 = \(p2)")
    }
  }

  /// Swapping the samples negates and swaps the limits and mirrors the one-sided p-values.
  @Test func swappingSamplesMirrorsTheResult() throws {
    let a = try exactUnconditional(x1: 9, n1: 14, x2: 4, n2: 13, alternative: .greater)
    let b = try exactUnconditional(x1: 4, n1: 13, x2: 9, n2: 14, alternative: .less)
    #expect(isClose(a.pValue, b.pValue, relative: 1e-9))
    #expect(isClose(a.interval.lower, -b.interval.upper, relative: 1e-9))
    #expect(a.interval.upper == 1 && b.interval.lower == -1)
  }

  @Test func refusesTooManyTablesAndBadCounts() {
    #expect(throws: InputError.self) {
      try exactUnconditional(x1: 100, n1: 400, x2: 10, n2: 400)
    }
    #expect(throws: InputError.self) { try exactUnconditional(x1: 11, n1: 10, x2: 1, n2: 10) }
    #expect(throws: InputError.self) {
      try exactUnconditional(x1: 1, n1: 10, x2: 1, n2: 10, level: 1)
    }
  }
}
