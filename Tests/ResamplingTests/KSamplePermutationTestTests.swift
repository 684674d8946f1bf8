// k-sample (ANOVA F, Kruskal–Wallis), correlation and paired-median permutation tests against
// SciPy's exact permutation p-values (scipy_permutation_k.json, generate_permutation_k.py), and
// their thread invariance.
import Foundation
import ResampleCore
import Testing
import _TestSupport

@testable import Resampling

private struct KFixture: Decodable {
  struct Case: Decodable {
    let kind: String
    let groups: [[Double]]?
    let x, y: [Double]?
    let alternative: String?
    let observed, p: Double
  }
  let cases: [Case]
}

/// Our Monte Carlo p against SciPy's exact one: |Δ| ≤ 4 SE of a Monte Carlo p (plus the
/// (1 + k)/(B + 1) offset).
private func expectNear(_ ours: Double, _ exact: Double, replicates b: Int, _ what: String) {
  let se = (exact * (1 - exact) / Double(b)).squareRoot()
  #expect(abs(ours - exact) <= 4 * se + 2 / Double(b), "\(what): \(ours) vs exact \(exact)")
}

@Test func kSampleCorrelationAndPairedMedianMatchSciPyExact() throws {
  let fx = try decodeFixture(KFixture.self, "resampling/scipy_permutation_k.json")
  #expect(fx.cases.count == 19)
  let b = 40_000
  for c in fx.cases {
    switch c.kind {
    case "anova-f", "kruskal":
      let test = try KSamplePermutationTest(
        groups: try #require(c.groups), statistic: c.kind == "anova-f" ? .anovaF : .kruskalWallis)
      #expect(isClose(test.observed, c.observed, relative: 1e-12), "\(c.kind) statistic")
      let r = try test.run(replicates: b, seed: 21, threads: 2)
      #expect(r.alternative == .greater && !r.exact)
      expectNear(r.pValue, c.p, replicates: b, c.kind)
    case "correlation", "spearman":
      let test = try CorrelationPermutationTest(
        x: try #require(c.x), y: try #require(c.y),
        statistic: c.kind == "spearman" ? .spearman : .pearson)
      #expect(isClose(test.observed, c.observed, relative: 1e-12), "\(c.kind) r")
      let alt = try #require(Alternative(rawValue: c.alternative ?? ""))
      let r = try test.run(alternative: alt, replicates: b, seed: 22, threads: 2)
      expectNear(r.pValue, c.p, replicates: b, "\(c.kind) \(alt)")
    default:  // paired median: exact enumeration of the 2^10 sign patterns
      let test = try PermutationTest(
        first: try #require(c.x), second: try #require(c.y), statistic: .differenceOfMedians,
        design: .paired)
      #expect(isClose(test.observed, c.observed, relative: 1e-14))
      let alt = try #require(Alternative(rawValue: c.alternative ?? ""))
      let r = try test.run(alternative: alt, replicates: 9_999, seed: 1)
      #expect(r.exact && r.replicates == 1024)
      #expect(isClose(r.pValue, c.p, relative: 1e-12), "paired median \(alt)")
    }
  }
}

@Test func kSampleAndCorrelationNullsDoNotDependOnThreadsOrRanges() throws {
  let groups: [[Double]] = [
    (0..<30).map { Double($0 % 7) }, (0..<25).map { 0.5 + Double($0 % 5) },
    (0..<18).map { Double($0) / 3 },
  ]
  for s in KSamplePermutationTest.Statistic.allCases {
    let t = try KSamplePermutationTest(groups: groups, statistic: s)
    let one = try t.nullDistribution(0..<3000, seed: 5, threads: 1)
    #expect(one == (try t.nullDistribution(0..<3000, seed: 5, threads: 2)))
    let split =
      try t.nullDistribution(0..<1234, seed: 5, threads: 2)
      + t.nullDistribution(1234..<3000, seed: 5, threads: 1)
    #expect(one == split)
  }
  let x = (0..<40).map { Double(($0 * 7) % 11) }
  let y = (0..<40).map { Double(($0 * 5) % 13) + 0.1 * Double($0) }
  for s in CorrelationPermutationTest.Statistic.allCases {
    let t = try CorrelationPermutationTest(x: x, y: y, statistic: s)
    let one = try t.nullDistribution(0..<3000, seed: 6, threads: 1)
    #expect(one == (try t.nullDistribution(0..<3000, seed: 6, threads: 2)))
  }
  let paired = try PermutationTest(
    first: x, second: y, statistic: .differenceOfMedians, design: .paired)
  #expect(
    (try paired.nullDistribution(0..<2000, seed: 7, threads: 1))
      == (try paired.nullDistribution(0..<2000, seed: 7, threads: 2)))
}

@Test func kSampleAndCorrelationInputErrors() throws {
  expectError(InputError.self, mentioning: "at least 2") {
    try KSamplePermutationTest(groups: [[1, 2, 3]], statistic: .anovaF)
  }
  expectError(InputError.self, mentioning: "group 2", "empty") {
    try KSamplePermutationTest(groups: [[1, 2], []], statistic: .kruskalWallis)
  }
  expectError(InputError.self, mentioning: "equal") {
    try KSamplePermutationTest(groups: [[1, 1], [1, 1]], statistic: .anovaF)
  }
  expectError(InputError.self, mentioning: "column y", "constant") {
    try CorrelationPermutationTest(x: [1, 2, 3], y: [2, 2, 2])
  }
}
