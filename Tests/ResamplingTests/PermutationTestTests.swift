// Permutation tests against SciPy 1.17 (exact p-values exactly; Monte Carlo within MC error).
import Foundation
import ResampleCore
import Testing
import _TestSupport

@testable import Resampling

/// One case of resampling/scipy_permutation.json: SciPy's permutation_test on x and y.
private struct PermutationCase: Decodable {
  let design, statistic, alternative: String
  let x, y: [Double]
  let observed, p: Double
  let exact: Bool
}

@Test func permutationPValuesMatchSciPy() throws {
  let cases = try decodeFixtureCases(
    PermutationCase.self, "resampling/scipy_permutation.json", key: "cases")
  #expect(cases.count == 26)
  for c in cases {
    let test = try PermutationTest(
      first: c.x, second: c.y,
      statistic: c.statistic == "median" ? .differenceOfMedians : .differenceOfMeans,
      design: c.design == "paired" ? .paired : .independent)
    #expect(isClose(test.observed, c.observed, relative: 1e-12, absolute: 1e-14))
    let alt = Alternative(rawValue: c.alternative)!
    let r = try test.run(alternative: alt, replicates: c.exact ? 100_000 : 99_999, seed: 7)
    #expect(r.exact == c.exact)
    if c.exact {
      #expect(
        isClose(r.pValue, c.p, relative: 1e-12), "\(c.design) \(c.statistic) \(c.alternative)")
    } else {
      // Two independent Monte Carlo estimates: |Δ| ≤ 4·√2·SE.
      let se = (c.p * (1 - c.p) / 99_999).squareRoot()
      #expect(abs(r.pValue - c.p) <= 4 * 1.5 * se + 1e-5, "MC \(r.pValue) vs \(c.p)")
      #expect(r.monteCarloError > 0)
    }
  }
}

@Test func permutationIsDeterministicAcrossThreadsAndSplits() throws {
  let x = (0..<40).map { Double($0 % 7) + 0.25 * Double($0) }
  let y = (0..<35).map { Double($0 % 5) + 0.3 * Double($0) }
  for stat in [PermutationTest.Statistic.differenceOfMeans, .differenceOfMedians] {
    let t = try PermutationTest(first: x, second: y, statistic: stat)
    let one = try t.nullDistribution(0..<5000, seed: 11, threads: 1)
    let two = try t.nullDistribution(0..<5000, seed: 11, threads: 2)
    let split =
      try t.nullDistribution(0..<1234, seed: 11) + t.nullDistribution(1234..<5000, seed: 11)
    #expect(one == two)
    #expect(one == split)
    #expect(Set(one).count > 100)
  }
}

@Test func permutationMonteCarloPValueFormulaAndCaps() throws {
  // Constant data: every arrangement ties with the observed 0; two-sided 2·1 is capped at 1.
  let t = try PermutationTest(
    first: [Double](repeating: 3, count: 12), second: [Double](repeating: 3, count: 12))
  let r = try t.run(replicates: 999, seed: 3)
  #expect(!r.exact)
  #expect(r.pValue == 1)
  // Far apart: p = 1/(B + 1) for the one-sided test.
  let far = try PermutationTest(
    first: (0..<30).map { Double($0) + 1000 }, second: (0..<30).map(Double.init))
  let g = try far.run(alternative: .greater, replicates: 999, seed: 3)
  #expect(g.pValue == 1.0 / 1000)
  let l = try far.run(alternative: .less, replicates: 999, seed: 3)
  #expect(l.pValue == 1)
}

@Test func permutationRejectsBadInput() {
  #expect(throws: InputError.self) { try PermutationTest(first: [], second: [1]) }
  #expect(throws: InputError.self) { try PermutationTest(first: [.nan], second: [1]) }
  #expect(throws: InputError.self) {
    try PermutationTest(first: [1, 2], second: [1], design: .paired)
  }
  // A paired median is the median of the differences (issue 14; it used to be refused).
  #expect(
    (try? PermutationTest(
      first: [1, 2, 5], second: [1, 3, 1], statistic: .differenceOfMedians, design: .paired))?
      .observed == 0)
  #expect(throws: InputError.self) {
    try PermutationTest(first: [1, 2], second: [1, 3]).run(replicates: 0, seed: 1)
  }
}

@Test func monteCarloPermutationPIsABoundOnlyWithNoExceedance() throws {
  // Two fully separated samples of 30: no random arrangement is as extreme (k = 0), so p is the
  // smallest the convention reports, 1/(B + 1) one-sided and 2/(B + 1) two-sided.
  let test = try PermutationTest(
    first: (0..<30).map { Double($0) + 100 }, second: (0..<30).map(Double.init),
    statistic: .differenceOfMeans, design: .independent)
  let greater = try test.run(alternative: .greater, replicates: 999, seed: 3)
  #expect(!greater.exact && greater.isUpperBound && greater.pValue == 1.0 / 1000)
  let twoSided = try test.run(alternative: .twoSided, replicates: 999, seed: 3)
  #expect(twoSided.isUpperBound && twoSided.pValue == 2.0 / 1000)
  // The other tail holds every arrangement: an estimate (p = 1), not a bound.
  let less = try test.run(alternative: .less, replicates: 999, seed: 3)
  #expect(!less.isUpperBound)
  // Exact tests are never bounds, even at their smallest p.
  let small = try PermutationTest(
    first: [10, 11, 12], second: [1, 2, 3], statistic: .differenceOfMeans, design: .independent)
  let exact = try small.run(alternative: .greater, replicates: 999, seed: 3)
  #expect(exact.exact && !exact.isUpperBound)
}
