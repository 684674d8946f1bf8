// Tests for GeometricMeanBootstrap: weighted centers, the exact bootstrap distribution of the
// geometric mean for a tiny suite, and input checks.
import Foundation
import ResampleCore
import Resampling
import Testing
import _TestSupport

@testable import BenchmarkComparison

@Test func weightedCentersMatchPlainOnes() {
  let s = WeightedSample(values: [1, 2, 5, 9], counts: [2, 0, 3, 1])  // 1 1 5 5 5 9
  #expect(GeometricMeanBootstrap.weightedCenter(s, mean: false) == 5)
  #expect(GeometricMeanBootstrap.weightedCenter(s, mean: true) == 26.0 / 6)
  let even = WeightedSample(values: [1, 2, 5], counts: [2, 1, 1])  // 1 1 2 5
  #expect(GeometricMeanBootstrap.weightedCenter(even, mean: false) == 1.5)
  let split = WeightedSample(values: [1, 2, 5], counts: [1, 1, 2])  // 1 2 5 5
  #expect(GeometricMeanBootstrap.weightedCenter(split, mean: false) == 3.5)
  let one = WeightedSample(values: [4], counts: [1])
  #expect(GeometricMeanBootstrap.weightedCenter(one, mean: false) == 4)
}

@Test func geometricMeanIntervalMatchesTheExactBootstrapDistribution() throws {
  let pairs: [(base: [Double], new: [Double])] = [
    ([1.0, 1.1, 1.3], [1.2, 1.25, 1.5, 1.6]),
    ([5.0, 5.5, 5.2, 6.0], [4.0, 4.4, 4.1]),
  ]
  // Four independent sides: combine their exact median distributions.
  let r1 = combine(exactMedianDistribution(pairs[0].new), exactMedianDistribution(pairs[0].base), /)
  let r2 = combine(exactMedianDistribution(pairs[1].new), exactMedianDistribution(pairs[1].base), /)
  let exact = combine(r1, r2) { ($0 * $1).squareRoot() }
  let b = 20_000
  let g = try GeometricMeanBootstrap.run(
    pairs: pairs, center: .median, replicates: b, seed: 5, level: 0.9, method: .percentile)
  let want = ((1.25 + 1.5) / 2 / 1.1 * 4.1 / 5.35).squareRoot()
  #expect(isCloseTo(g.ratio, want))
  #expect(consistent(exact, g.interval.lower, 0.05, b), "lower \(g.interval.lower)")
  #expect(consistent(exact, g.interval.upper, 0.95, b), "upper \(g.interval.upper)")
  #expect(g.count == 2)
  #expect(g.rng == "philox4x32-10/1")
}

private func isCloseTo(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-14 * abs(b) }

@Test func geometricMeanRejectsBadInput() {
  #expect(throws: InputError.self) {
    try GeometricMeanBootstrap.run(
      pairs: [], center: .median, replicates: 10, seed: 1, level: 0.95, method: .bca)
  }
  #expect(throws: InputError.self) {
    try GeometricMeanBootstrap.run(
      pairs: [([1, 2], [0, 0])], center: .median, replicates: 10, seed: 1, level: 0.95,
      method: .bca)
  }
}

/// Coverage of the geometric-mean interval.
///
/// Three benchmarks, 20 log-normal runs per side (σ = 0.1) with known population means, so the
/// true geometric mean of the ratios of means is known (1.1·0.95·1)^(1/3). Over 200 simulated
/// suites the 95 % BCa interval must cover it at least 88 % of the time (the binomial 99.9 %
/// lower bound for a true coverage of 0.94 is 0.94 − 3.1·√(0.94·0.06/200) ≈ 0.888), and must not
/// cover it every time (an interval that is too wide would).
@Test func geometricMeanIntervalCoverage() throws {
  var g = SeededLCG(seed: 99)
  let shifts = [1.1, 0.95, 1.0]
  let truth = pow(shifts.reduce(1, *), 1.0 / 3)  // the ratio of means is the shift
  var covered = 0
  let trials = 200
  for t in 0..<trials {
    let pairs: [(base: [Double], new: [Double])] = shifts.enumerated().map { k, s in
      let base = (0..<20).map { _ in Double(k + 1) * exp(0.1 * g.normal()) }
      let new = (0..<20).map { _ in Double(k + 1) * s * exp(0.1 * g.normal()) }
      return (base, new)
    }
    let g = try GeometricMeanBootstrap.run(
      pairs: pairs, center: .mean, replicates: 299, seed: UInt64(t), level: 0.95, method: .bca)
    if g.interval.lower <= truth && truth <= g.interval.upper { covered += 1 }
  }
  let coverage = Double(covered) / Double(trials)
  print("GeometricMeanBootstrap BCa coverage: \(coverage) over \(trials) suites")
  #expect(coverage >= 0.88)
  #expect(coverage < 1)
}
