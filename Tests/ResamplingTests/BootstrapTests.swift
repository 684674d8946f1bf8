// The bootstrap engine: determinism, exact bootstrap distributions, ideal SE, W1, degenerate data.
import Foundation
import ResampleCore
import Testing
import _TestSupport

@testable import Resampling

private func lcg(_ n: Int, seed: UInt64) -> [Double] {
  var g = SeededLCG(seed: seed)
  return g.draws(n) { $0.unit() }
}

private let cases: [(String, [[Double]], BootstrapStatistic, ResamplingPlan)] = {
  let x = lcg(57, seed: 1).map { exp(2 * $0) }
  let y = lcg(43, seed: 2).map { 3 * $0 }
  let bits = lcg(80, seed: 3).map { $0 < 0.4 ? 1.0 : 0.0 }
  let bits2 = lcg(70, seed: 4).map { $0 < 0.6 ? 1.0 : 0.0 }
  let few = lcg(400, seed: 5).map { ($0 * 5).rounded(.down) }
  let strata = (0..<57).map { $0 % 3 }
  return [
    ("mean", [x], .sample(.mean), .independent),
    ("median", [x], .sample(.median), .independent),
    ("trimmed", [x], .sample(.trimmedMean(0.2)), .independent),
    ("sd", [x], .sample(.standardDeviation), .independent),
    ("q", [x], .sample(.quantile(0.3)), .independent),
    ("diff-prop", [bits, bits2], .difference(.proportion), .independent),
    ("ratio-median", [x, y], .ratio(.median), .independent),
    ("few-values", [few], .sample(.trimmedMean(0.1)), .independent),
    ("stratified", [x], .sample(.mean), .stratified(strata: strata)),
    ("stratified-median", [x], .sample(.median), .stratified(strata: strata)),
    ("correlation", [Array(x.prefix(43)), y], .correlation, .paired),
    ("custom", [x], .custom(name: "max", statistic: { $0[0].max() ?? 0 }), .independent),
  ]
}()

@Test(arguments: 0..<12)
func replicatesAreBitIdenticalForThreadsBlocksAndSplits(_ i: Int) throws {
  let (name, samples, stat, plan) = cases[i]
  let boot = try Bootstrap(samples: samples, statistic: stat, plan: plan)
  let b = 2_003
  let base = try boot.replicates(0..<b, seed: 99, threads: 1, blockSize: 0)
  let two = try boot.replicates(0..<b, seed: 99, threads: 2, blockSize: 0)
  let blocks7 = try boot.replicates(0..<b, seed: 99, threads: 2, blockSize: 7)
  let blocks1 = try boot.replicates(0..<b, seed: 99, threads: 1, blockSize: 1)
  let merged = try ReplicateBlock.merge([
    boot.replicates(777..<b, seed: 99), boot.replicates(0..<777, seed: 99, threads: 2),
  ])
  for other in [two, blocks7, blocks1, merged] {
    #expect(other.values == base.values, "\(name)")
    #expect(other == base, "\(name)")
  }
  #expect(Set(base.values).count > 5, "\(name) replicates vary")
  let r1 = try boot.result(
    from: base, seed: 99, methods: IntervalMethod.allCases.filter { $0 != .studentized })
  let r2 = try boot.result(
    from: merged, seed: 99, methods: IntervalMethod.allCases.filter { $0 != .studentized })
  #expect(r1 == r2)
  // The bootstrap-t standard errors are deterministic too.
  let s1 = try boot.replicates(0..<300, seed: 5, threads: 1, studentize: true)
  let s2 = try ReplicateBlock.merge([
    boot.replicates(0..<100, seed: 5, studentize: true),
    boot.replicates(100..<300, seed: 5, threads: 2, blockSize: 3, studentize: true),
  ])
  #expect(s1 == s2, "\(name) studentized")
  // A different seed gives different replicates.
  #expect(try boot.replicates(0..<50, seed: 100).values != Array(base.values.prefix(50)))
}

/// Exact bootstrap distribution of a tiny sample: all nⁿ equally likely ordered resamples.
private func exactDistribution(_ x: [Double], _ s: SampleStatistic) -> [Double: Double] {
  let n = x.count
  var out: [Double: Double] = [:]
  var idx = [Int](repeating: 0, count: n)
  let total = Int(pow(Double(n), Double(n)))
  for code in 0..<total {
    var c = code
    for j in 0..<n {
      idx[j] = c % n
      c /= n
    }
    out[s.evaluate(idx.map { x[$0] }), default: 0] += 1 / Double(total)
  }
  return out
}

@Test(arguments: [SampleStatistic.mean, .median, .standardDeviation])
func largeBMatchesExactEnumerationOfTinySample(_ s: SampleStatistic) throws {
  let x = [1.0, 2.5, 4.0, 7.0, 11.0]  // 5⁵ = 3,125 resamples
  let exact = exactDistribution(x, s)
  let b = 40_000
  let r = try Bootstrap(samples: [x], statistic: .sample(s)).run(
    replicates: b, seed: 2024, methods: [.percentile])
  // Values equal up to rounding (different multisets with the same statistic) are merged.
  let keys = exact.keys.sorted()
  for v in keys {
    let cumExact = min(1, keys.filter { $0 <= v + 1e-9 }.reduce(0) { $0 + exact[$1]! })
    let emp = Double(r.distribution.filter { $0 <= v + 1e-9 }.count) / Double(b)
    let tol = 4.5 * (cumExact * (1 - cumExact) / Double(b)).squareRoot() + 1e-9
    #expect(abs(emp - cumExact) <= tol, "\(s.name) P(θ* ≤ \(v)): \(emp) vs \(cumExact)")
  }
  let mean = exact.reduce(0) { $0 + $1.key * $1.value }
  let sd = exact.reduce(0) { $0 + ($1.key - mean) * ($1.key - mean) * $1.value }.squareRoot()
  #expect(abs(r.standardError - sd) <= 4 * sd / (2.0 * Double(b)).squareRoot() * 2)
}

@Test func idealStandardErrorOfTheMeanIsRecovered() throws {
  let x = lcg(200, seed: 9).map { -log(1 - $0) }
  let n = Double(x.count)
  let m = x.reduce(0, +) / n
  let s = (x.reduce(0) { $0 + ($1 - m) * ($1 - m) } / (n - 1)).squareRoot()
  let ideal = ((n - 1) / n).squareRoot() * s / n.squareRoot()
  let b = 50_000
  let r = try Bootstrap(samples: [x], statistic: .sample(.mean)).run(
    replicates: b, seed: 77, methods: [.normal])
  // SE of a sample SD from B draws ≈ σ/√(2(B−1)) (slightly more for skewed means): 4.5σ band.
  let tol = 4.5 * ideal / (2.0 * Double(b - 1)).squareRoot() * 1.2
  #expect(abs(r.standardError - ideal) <= tol, "\(r.standardError) vs ideal \(ideal)")
  #expect(abs(r.bias) <= 4.5 * ideal / Double(b).squareRoot())
}

private struct W1Exact: Decodable {
  let estimate, standardError, latticeStep: Double
  let percentile, bca, bcaStrict: [Double]
}

@Test func w1BCaMatchesTheIdealBootstrapLimit() throws {
  let fx = try decodeFixture(W1Exact.self, "resampling/w1_exact.json", keys: .snakeCase)
  let a = [Double](repeating: 1, count: 31) + [Double](repeating: 0, count: 19)
  let b = [Double](repeating: 1, count: 21) + [Double](repeating: 0, count: 28)
  let boot = try Bootstrap(samples: [a, b], statistic: .difference(.proportion))
  #expect(boot.planDescription.contains("collapsed"))
  #expect(isClose(boot.estimate, fx.estimate, relative: 1e-14))
  let block = try boot.replicates(0..<1_000_000, seed: 12345, threads: 2)
  let r = try boot.result(from: block, seed: 12345, methods: [.bca, .percentile])
  let rs = try boot.result(from: block, seed: 12345, methods: [.bca], ties: .strict)
  #expect(abs(r.standardError - fx.standardError) <= 4 * fx.standardError / (2e6).squareRoot())
  func check(_ ci: ConfidenceInterval, _ ref: [Double]) {
    // Within Monte Carlo error, on a lattice of step 1/(50·49): at most one step away.
    let tolLo = 4 * ci.lowerMonteCarloError + 1.001 * fx.latticeStep
    let tolHi = 4 * ci.upperMonteCarloError + 1.001 * fx.latticeStep
    #expect(abs(ci.lower - ref[0]) <= tolLo, "\(ci.method) lower \(ci.lower) vs \(ref[0])")
    #expect(abs(ci.upper - ref[1]) <= tolHi, "\(ci.method) upper \(ci.upper) vs \(ref[1])")
    #expect(ci.lowerMonteCarloError < 2e-3)
  }
  check(try #require(r.interval(.bca)), fx.bca)
  check(try #require(r.interval(.percentile)), fx.percentile)
  // R boot's strict z0 rule: the W1 limit in Benchmarks/peers/README.md, [−0.0106122, 0.3738776].
  check(try #require(rs.interval(.bca)), fx.bcaStrict)
  #expect(isClose(fx.bcaStrict[0], -0.0106122, relative: 1e-5))
  #expect(isClose(fx.bcaStrict[1], 0.3738776, relative: 1e-6))
}

@Test func constantDataGivesPointIntervalsWithDiagnostics() throws {
  let boot = try Bootstrap(samples: [[4, 4, 4, 4, 4, 4]], statistic: .sample(.mean))
  let r = try boot.run(replicates: 500, seed: 1, methods: IntervalMethod.allCases)
  #expect(r.estimate == 4)
  #expect(r.standardError == 0)
  for ci in r.intervals {
    #expect(ci.lower == 4 && ci.upper == 4, "\(ci.method)")
  }
  #expect(r.diagnostics.contains(.constantReplicates(value: 4)))
  #expect(r.interval(.bca)!.diagnostics.contains(.accelerationUndefined))
  #expect(r.interval(.studentized)!.diagnostics.contains(.studentizedDegenerate))
  #expect(!r.intervals.contains { $0.lower.isNaN || $0.upper.isNaN })
}

@Test func bcaWithOneSidedReplicatesFallsBackToPercentile() throws {
  // The maximum of a sample: replicates never exceed the estimate, most are below it.
  let boot = try Bootstrap(
    samples: [[1, 2, 3, 4, 5, 6, 7, 8]],
    statistic: .custom(name: "min+max", statistic: { $0[0].max()! + 0 * $0[0].min()! }))
  let block = ReplicateBlock(range: 0..<4, values: [6, 7, 5, 7])
  let r = try boot.result(from: block, seed: 0, methods: [.bca, .percentile])
  let bca = try #require(r.interval(.bca))
  #expect(
    bca.diagnostics.contains {
      if case .bcaFellBackToPercentile = $0 { return true }
      return false
    })
  #expect(
    bca.lower == r.interval(.percentile)!.lower && bca.upper == r.interval(.percentile)!.upper)
  #expect(r.diagnostics.isEmpty)
}

@Test func fewReplicatesAndNonFiniteReplicatesAreDiagnosed() throws {
  let x = lcg(300, seed: 3)
  let r = try Bootstrap(samples: [x], statistic: .sample(.mean)).run(replicates: 100, seed: 1)
  #expect(
    r.interval(.bca)!.diagnostics.contains(.fewReplicates(replicates: 100, observations: 300)))
  #expect(r.interval(.bca)!.lower.isFinite)
  // A ratio whose denominator resample is often 0: non-finite replicates are left out.
  let boot = try Bootstrap(samples: [[1, 2, 3], [0, 0, 1]], statistic: .ratio(.mean))
  let rr = try boot.run(replicates: 2_000, seed: 4, methods: [.percentile, .bca, .normal])
  #expect(
    rr.diagnostics.contains {
      if case .nonFiniteReplicates(let c) = $0 { return c > 100 }
      return false
    })
  #expect(rr.intervals.allSatisfy { $0.lower.isFinite && $0.upper.isFinite })
  #expect(rr.standardError.isFinite)
}

@Test func oneSidedIntervalsOpenTheRightSide() throws {
  let x = lcg(60, seed: 8)
  let boot = try Bootstrap(samples: [x], statistic: .sample(.median))
  let less = try boot.run(
    replicates: 999, seed: 1, methods: IntervalMethod.allCases, alternative: .less)
  let greater = try boot.run(
    replicates: 999, seed: 1, methods: IntervalMethod.allCases, alternative: .greater)
  let two = try boot.run(replicates: 999, seed: 1, methods: IntervalMethod.allCases, level: 0.9)
  for m in IntervalMethod.allCases {
    #expect(less.interval(m)!.lower == -.infinity)
    #expect(greater.interval(m)!.upper == .infinity)
    // One-sided 95 % bounds are the two-sided 90 % endpoints.
    #expect(isClose(less.interval(m)!.upper, two.interval(m)!.upper, relative: 1e-12), "\(m)")
    #expect(isClose(greater.interval(m)!.lower, two.interval(m)!.lower, relative: 1e-12), "\(m)")
  }
}

@Test func studentizedIntervalOfTheMeanIsCloseToTheTInterval() throws {
  let x = lcg(80, seed: 12).map { $0 * 10 }
  let r = try Bootstrap(samples: [x], statistic: .sample(.mean)).run(
    replicates: 20_000, seed: 3, methods: [.studentized, .percentile])
  let ci = try #require(r.interval(.studentized))
  let n = Double(x.count)
  let m = x.reduce(0, +) / n
  let s = (x.reduce(0) { $0 + ($1 - m) * ($1 - m) } / (n - 1)).squareRoot()
  // t(79) 0.975 quantile = 1.99045; uniform data: the bootstrap-t is close to it.
  #expect(abs(ci.lower - (m - 1.99045 * s / n.squareRoot())) < 0.06 * s)
  #expect(abs(ci.upper - (m + 1.99045 * s / n.squareRoot())) < 0.06 * s)
  #expect(ci.diagnostics.isEmpty)
  // Nested bootstrap for a median says so.
  let med = try Bootstrap(samples: [Array(x.prefix(30))], statistic: .sample(.median)).run(
    replicates: 200, seed: 3, methods: [.studentized])
  #expect(med.interval(.studentized)!.diagnostics.contains(.nestedBootstrap(inner: 50)))
  #expect(med.interval(.studentized)!.lower < med.estimate)
}

@Test func invalidInputThrowsInputError() {
  #expect(throws: InputError.self) { try Bootstrap(samples: [], statistic: .sample(.mean)) }
  #expect(throws: InputError.self) { try Bootstrap(samples: [[]], statistic: .sample(.mean)) }
  #expect(throws: InputError.self) {
    try Bootstrap(samples: [[1, .nan]], statistic: .sample(.mean))
  }
  #expect(throws: InputError.self) {
    try Bootstrap(samples: [[1, 2]], statistic: .difference(.mean))
  }
  #expect(throws: InputError.self) {
    try Bootstrap(samples: [[1, 2]], statistic: .sample(.proportion))
  }
  #expect(throws: InputError.self) {
    try Bootstrap(samples: [[1]], statistic: .sample(.standardDeviation))
  }
  #expect(throws: InputError.self) {
    try Bootstrap(samples: [[1, 2]], statistic: .sample(.quantile(1.5)))
  }
  #expect(throws: InputError.self) {
    try Bootstrap(samples: [[1, 2]], statistic: .sample(.trimmedMean(0.5)))
  }
  #expect(throws: InputError.self) {
    try Bootstrap(samples: [[1, 2], [0, 0]], statistic: .ratio(.mean))
  }
  #expect(throws: InputError.self) {
    try Bootstrap(
      samples: [[1, 2, 3]], statistic: .sample(.mean), plan: .stratified(strata: [1, 2]))
  }
  #expect(throws: InputError.self) {
    try Bootstrap(samples: [[1, 2, 3]], statistic: .sample(.mean)).run(replicates: 0, seed: 1)
  }
  #expect(throws: InputError.self) {
    try Bootstrap(samples: [[1, 2, 3]], statistic: .sample(.mean)).run(seed: 1, level: 1)
  }
  #expect(throws: InputError.self) {
    try Bootstrap(samples: [[1, 2, 3]], statistic: .sample(.mean)).replicates(-1..<3, seed: 1)
  }
  #expect(throws: InputError.self) {
    try Bootstrap(samples: [[1, 2, 3]], statistic: .sample(.mean)).replicates(
      0..<2_000_000_000, seed: 1)
  }
  #expect(throws: InputError.self) {
    try PermutationTest(first: [1, 2, 3], second: [4, 5, 6]).nullDistribution(
      0..<2_000_000_000, seed: 1)
  }
  #expect(throws: InputError.self) {
    try ReplicateBlock.merge([
      ReplicateBlock(range: 0..<2, values: [1, 2]), ReplicateBlock(range: 3..<4, values: [1]),
    ])
  }
}

/// `SampleStatistic.evaluate` with a parameter outside its domain is NaN: `Int(h)` of the
/// position trapped for `quantile(.nan)`, `quantile(1e300)` and `trimmedMean(1e300)` (the Double →
/// Int audit of issue 16); in-domain values are unchanged (numpy: quantile 0.25 of 1…5 is 2,
/// scipy trim_mean(1…5, 0.2) is 3).
@Test func sampleStatisticOutsideItsDomainIsNaNNotATrap() {
  let x: [Double] = [5, 1, 4, 2, 3]
  for s in [
    SampleStatistic.quantile(.nan), .quantile(1e300), .quantile(-.infinity), .quantile(1.5),
    .trimmedMean(.nan), .trimmedMean(1e300), .trimmedMean(0.7), .trimmedMean(-0.1),
  ] {
    #expect(s.evaluate(x).isNaN, "\(s)")
  }
  #expect(SampleStatistic.quantile(0.25).evaluate(x) == 2)
  #expect(SampleStatistic.quantile(1).evaluate(x) == 5)
  #expect(SampleStatistic.trimmedMean(0.2).evaluate(x) == 3)
}

/// Lattice keys beyond ±4e18 (integers below 1e6 in segments of millions) would trap converting
/// to Int: the lattice declines and the caller sorts instead.
@Test func segmentContrastLatticeDeclinesKeysBeyondInt() {
  let values: [Double] = [-1.5e6, 0, 2e6]
  values.withUnsafeBufferPointer { v in
    guard let base = v.baseAddress else { return }
    #expect(
      SegmentContrastBootstrap.latticeQuantile(base, count: 3, denominator: 1e13) == nil)
    #expect(
      SegmentContrastBootstrap.latticeQuantile(base, count: 3, denominator: .infinity) == nil)
  }
  let small: [Double] = [0.25, -0.5, 1]
  small.withUnsafeBufferPointer { v in
    guard let base = v.baseAddress else { return }
    let q = SegmentContrastBootstrap.latticeQuantile(base, count: 3, denominator: 4)
    #expect(q?.quantile(0.5) == 0.25)
  }
}

@Test func stratifiedPlanKeepsStratumSizes() throws {
  // Strata {0: all 0}, {1: all 10}: every stratified resample has the same mean; ordinary doesn't.
  let x = [0.0, 0, 0, 10, 10, 10, 10]
  let strata = [0, 0, 0, 1, 1, 1, 1]
  let s = try Bootstrap(samples: [x], statistic: .sample(.mean), plan: .stratified(strata: strata))
    .run(replicates: 200, seed: 1, methods: [.percentile])
  #expect(Set(s.distribution) == [40.0 / 7])
  let o = try Bootstrap(samples: [x], statistic: .sample(.mean)).run(
    replicates: 200, seed: 1, methods: [.percentile])
  #expect(Set(o.distribution).count > 3)
}

@Test func twoSampleRatioForBenchmarks() throws {
  let base = lcg(30, seed: 21).map { 100 + 10 * $0 }
  let new = lcg(30, seed: 22).map { 80 + 10 * $0 }
  let r = try TwoSampleBootstrap.ratio(base: base, new: new, replicates: 2_000, seed: 5)
  let ci = try #require(r.interval(.bca))
  #expect(r.estimate < 1 && ci.upper < 1 && ci.lower < r.estimate)
  #expect(r.statistic == "ratio of medians (new / base)")
  let m = try TwoSampleBootstrap.ratio(
    base: base, new: new, center: .mean, replicates: 2_000, seed: 5, method: .percentile)
  #expect(m.interval(.percentile) != nil)
  #expect(isClose(m.estimate, (new.reduce(0, +) / 30) / (base.reduce(0, +) / 30), relative: 1e-14))
  let d = try TwoSampleBootstrap.difference(base: base, new: new, replicates: 2_000, seed: 5)
  #expect(d.interval(.bca)!.upper < 0)
  #expect(throws: InputError.self) {
    try TwoSampleBootstrap.ratio(base: [0, 0, 0], new: [1, 2], seed: 1)
  }
}
