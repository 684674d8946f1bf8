// Tests for BenchDiff: R's p-values and p.adjust on a suite, the verdict rule, a 40-benchmark
// synthetic suite with 3 true changes, determinism, and the exact bootstrap distribution.
import Distributions
import Foundation
import MultipleComparisons
import ResampleCore
import Resampling
import Testing
import _TestSupport

@testable import BenchmarkComparison

private struct SuiteExpected: Decodable {
  var names: [String]
  var pExact, pExactHolm, pExactBh, pR, pRHolm, medianRatio: [Double]
}

private func suite() throws -> (BenchmarkSet, BenchmarkSet, SuiteExpected) {
  let base = try BenchmarkInput.read(path: fixtureURL("benchdiff/suite_base.csv").path)
  let new = try BenchmarkInput.read(path: fixtureURL("benchdiff/suite_new.csv").path)
  let want = try decodeFixture(
    SuiteExpected.self, "benchdiff/suite_expected.json", keys: .snakeCase)
  return (base, new, want)
}

@Test func suitePValuesAndAdjustmentsMatchR() throws {
  let (base, new, want) = try suite()
  var config = BenchDiffConfiguration(replicates: 199, seed: 3)
  config.test = .mannWhitney(.exact)
  let holm = try BenchDiff.compare(base: base, new: new, configuration: config)
  #expect(holm.benchmarks.map(\.name) == want.names)
  for (k, b) in holm.benchmarks.enumerated() {
    #expect(relativeError(b.pValue, want.pExact[k]) <= 1e-10, "\(b.name) p")
    #expect(relativeError(b.pAdjusted, want.pExactHolm[k]) <= 1e-10, "\(b.name) holm")
    #expect(relativeError(b.ratio, want.medianRatio[k]) <= 1e-15, "\(b.name) ratio")
  }
  config.adjustment = .benjaminiHochberg
  let bh = try BenchDiff.compare(base: base, new: new, configuration: config)
  for (k, b) in bh.benchmarks.enumerated() {
    #expect(relativeError(b.pAdjusted, want.pExactBh[k]) <= 1e-10, "\(b.name) BH")
  }
  config.adjustment = nil
  let none = try BenchDiff.compare(base: base, new: new, configuration: config)
  #expect(none.benchmarks.map(\.pAdjusted) == none.benchmarks.map(\.pValue))
  config.adjustment = .holm
  config.test = .mannWhitney(.rCompatible)
  let r = try BenchDiff.compare(base: base, new: new, configuration: config)
  for (k, b) in r.benchmarks.enumerated() {
    #expect(relativeError(b.pValue, want.pR[k]) <= 1e-10, "\(b.name) R p")
    #expect(relativeError(b.pAdjusted, want.pRHolm[k]) <= 1e-10, "\(b.name) R holm")
  }
  // The default (automatic) equals the exact test at these sizes.
  let auto = try BenchDiff.compare(
    base: base, new: new, configuration: BenchDiffConfiguration(replicates: 199, seed: 3))
  #expect(auto.benchmarks.map(\.pValue) == holm.benchmarks.map(\.pValue))
}

private struct OneSidedExpected: Decodable {
  var names: [String]
  var pExactLess, pExactLessHolm, pRLess, pRLessHolm: [Double]
  var pExactGreater, pExactGreaterHolm, pRGreater, pRGreaterHolm: [Double]
}

/// `--alternative less|greater` against R (suite_one_sided.R): exactRankTests::wilcox.exact and
/// wilcox.test with x = new, y = base, and their Holm adjustments; the ratio intervals are
/// one-sided, and only the tested direction is flagged.
@Test func oneSidedPValuesMatchR() throws {
  let (base, new, _) = try suite()
  let want = try decodeFixture(
    OneSidedExpected.self, "benchdiff/suite_one_sided_expected.json", keys: .snakeCase)
  let cases: [(Alternative, [Double], [Double], [Double], [Double])] = [
    (.less, want.pExactLess, want.pExactLessHolm, want.pRLess, want.pRLessHolm),
    (.greater, want.pExactGreater, want.pExactGreaterHolm, want.pRGreater, want.pRGreaterHolm),
  ]
  for (alternative, exact, exactHolm, r, rHolm) in cases {
    var config = BenchDiffConfiguration(replicates: 999, seed: 3, alternative: alternative)
    config.test = .mannWhitney(.exact)
    let e = try BenchDiff.compare(base: base, new: new, configuration: config)
    #expect(e.benchmarks.map(\.name) == want.names)
    for (k, b) in e.benchmarks.enumerated() {
      #expect(relativeError(b.pValue, exact[k]) <= 1e-10, "\(alternative) \(b.name) p")
      #expect(relativeError(b.pAdjusted, exactHolm[k]) <= 1e-10, "\(alternative) \(b.name)")
      #expect(b.ratioInterval.alternative == alternative)
      if alternative == .less {
        #expect(b.ratioInterval.lower == -.infinity && b.ratioInterval.upper.isFinite)
        #expect(b.verdict != .slower)
      } else {
        #expect(b.ratioInterval.upper == .infinity && b.ratioInterval.lower.isFinite)
        #expect(b.verdict != .faster)
      }
    }
    // bench_05 is 10 % faster and bench_03, bench_07 slower: each found by its own side only.
    let flagged = e.benchmarks.filter { $0.verdict != .noChange }.map(\.name)
    #expect(flagged == (alternative == .less ? ["bench_05"] : ["bench_03", "bench_07"]))
    #expect(e.geometricMean?.interval.alternative == alternative)
    config.test = .mannWhitney(.rCompatible)
    let rr = try BenchDiff.compare(base: base, new: new, configuration: config)
    for (k, b) in rr.benchmarks.enumerated() {
      #expect(relativeError(b.pValue, r[k]) <= 1e-10, "\(alternative) \(b.name) R p")
      #expect(relativeError(b.pAdjusted, rHolm[k]) <= 1e-10, "\(alternative) \(b.name) R")
    }
    // The permutation test takes the alternative too: the one-sided p-values of the two
    // directions of the difference of medians cover every arrangement once, plus the ties.
    config.test = .permutation
    let perm = try BenchDiff.compare(base: base, new: new, configuration: config)
    for b in perm.benchmarks { #expect(b.pValue > 0 && b.pValue <= 1) }
  }
  // The two-sided exact p-value (ordered by |W − E W|) is at least the smaller one-sided one,
  // and the two one-sided p-values sum to 1 + P(W = w) ≥ 1.
  var two = BenchDiffConfiguration(replicates: 999, seed: 3)
  two.test = .mannWhitney(.exact)
  let t = try BenchDiff.compare(base: base, new: new, configuration: two)
  for (k, b) in t.benchmarks.enumerated() {
    #expect(b.pValue >= min(want.pExactLess[k], want.pExactGreater[k]) - 1e-12)
    #expect(want.pExactLess[k] + want.pExactGreater[k] >= 1 - 1e-12)
  }
}

@Test func oneSidedVerdictRule() {
  func ci(_ lo: Double, _ hi: Double, _ alternative: Alternative) -> ConfidenceInterval {
    ConfidenceInterval(
      method: .bca, level: 0.95, alternative: alternative, lower: lo, upper: hi,
      lowerMonteCarloError: 0, upperMonteCarloError: 0, diagnostics: [])
  }
  let v = { (p: Double, c: ConfidenceInterval) in
    BenchDiff.verdict(pAdjusted: p, interval: c, alpha: 0.05, threshold: 0.02)
  }
  #expect(v(0.01, ci(-.infinity, 0.97, .less)) == .faster)
  #expect(v(0.01, ci(-.infinity, 0.99, .less)) == .noChange)
  #expect(v(0.06, ci(-.infinity, 0.97, .less)) == .noChange)
  #expect(v(0.01, ci(1.03, .infinity, .greater)) == .slower)
  #expect(v(0.01, ci(1.01, .infinity, .greater)) == .noChange)
  // An infinite bound on a two-sided interval, or a NaN, is no verdict.
  #expect(v(0.01, ci(-.infinity, 0.97, .twoSided)) == .noChange)
  #expect(v(0.01, ci(.nan, 0.97, .less)) == .noChange)
  #expect(
    BenchDiff.verdict(
      pAdjusted: 0.01, interval: ci(-.infinity, 0.97, .less), alpha: 0.05, threshold: 0.02,
      higherIsBetter: true) == .slower)
}

@Test func verdictRule() {
  func ci(_ lo: Double, _ hi: Double) -> ConfidenceInterval {
    ConfidenceInterval(
      method: .bca, level: 0.95, alternative: .twoSided, lower: lo, upper: hi,
      lowerMonteCarloError: 0, upperMonteCarloError: 0, diagnostics: [])
  }
  let v = { (p: Double, lo: Double, hi: Double) in
    BenchDiff.verdict(pAdjusted: p, interval: ci(lo, hi), alpha: 0.05, threshold: 0.02)
  }
  #expect(v(0.01, 1.03, 1.10) == .slower)
  #expect(v(0.01, 1.01, 1.10) == .noChange)  // significant but the interval enters the band
  #expect(v(0.06, 1.03, 1.10) == .noChange)  // not significant after adjustment
  #expect(v(0.01, 0.90, 0.97) == .faster)
  #expect(v(0.01, 0.90, 0.99) == .noChange)
  #expect(v(0.01, .nan, 1.2) == .noChange)
  #expect(
    BenchDiff.verdict(pAdjusted: 0.01, interval: ci(1.001, 1.01), alpha: 0.05, threshold: 0)
      == .slower)
}

extension SeededLCG {
  /// Deterministic log-normal runs: center · exp(sd · N(0, 1)).
  fileprivate mutating func sample(center: Double, sd: Double, count: Int) -> [Double] {
    draws(count) { center * exp(sd * $0.normal()) }
  }
}

private func syntheticSuite(seed: UInt64, changes: [Int: Double], count: Int = 40, runs: Int = 10)
  -> (BenchmarkSet, BenchmarkSet)
{
  var g = SeededLCG(seed: seed)
  var base: [BenchmarkSamples] = []
  var new: [BenchmarkSamples] = []
  for k in 0..<count {
    let name = "bench/\(k)"
    let center = 1e-3 * Double(k + 1)
    base.append(
      BenchmarkSamples(
        name: name, values: g.sample(center: center, sd: 0.03, count: runs), unit: "s"))
    let shifted = center * (changes[k] ?? 1)
    new.append(
      BenchmarkSamples(
        name: name, values: g.sample(center: shifted, sd: 0.03, count: runs), unit: "s"))
  }
  return (
    BenchmarkSet(source: "base", format: .csv, benchmarks: base),
    BenchmarkSet(source: "new", format: .csv, benchmarks: new)
  )
}

@Test(.tags(.statistical)) func fortyBenchmarksWithThreeTrueChanges() throws {
  let changes: [Int: Double] = [4: 1.15, 17: 0.88, 33: 1.20]
  let (base, new) = syntheticSuite(seed: 2026, changes: changes)
  let result = try BenchDiff.compare(
    base: base, new: new, configuration: BenchDiffConfiguration(replicates: 999, seed: 9))
  #expect(result.benchmarks.count == 40)
  for (k, b) in result.benchmarks.enumerated() {
    switch changes[k] {
    case .some(let s) where s > 1: #expect(b.verdict == .slower, "\(b.name) \(b.pAdjusted)")
    case .some: #expect(b.verdict == .faster, "\(b.name) \(b.pAdjusted)")
    case .none: #expect(b.verdict == .noChange, "\(b.name) \(b.pAdjusted) \(b.ratioInterval)")
    }
  }
  #expect(result.hasRegression)
  // Without adjustment and without a threshold, chance alone flags some of the 37 nulls at
  // α = 0.05 in some of these suites: the adjustment is what keeps them quiet.
  var unadjustedFlags = 0
  var adjustedFlags = 0
  for seed: UInt64 in 1...6 {
    let (b, n) = syntheticSuite(seed: seed, changes: [:])
    let plain = try BenchDiff.compare(
      base: b, new: n,
      configuration: BenchDiffConfiguration(adjustment: nil, threshold: 0, replicates: 49, seed: 1))
    unadjustedFlags += plain.benchmarks.filter { $0.pValue < 0.05 }.count
    let holm = try BenchDiff.compare(
      base: b, new: n, configuration: BenchDiffConfiguration(replicates: 49, seed: 1))
    adjustedFlags += holm.benchmarks.filter { $0.verdict != .noChange }.count
  }
  #expect(unadjustedFlags > 0, "240 null tests at α = 0.05 should give some raw p < 0.05")
  #expect(adjustedFlags == 0)
}

@Test func resultsDoNotDependOnThreadsOrOtherBenchmarks() throws {
  let (base, new) = syntheticSuite(seed: 5, changes: [1: 1.1], count: 6, runs: 8)
  let one = BenchDiffConfiguration(replicates: 999, seed: 42, threads: 1)
  var two = one
  two.threads = 2
  let a = try BenchDiff.compare(base: base, new: new, configuration: one)
  let b = try BenchDiff.compare(base: base, new: new, configuration: two)
  #expect(a.benchmarks == b.benchmarks)
  #expect(a.geometricMean == b.geometricMean)
  // A benchmark's interval is the same alone or in the suite (seed from the name).
  let alone = try BenchDiff.compare(
    base: BenchmarkSet(source: "b", format: .csv, benchmarks: [base.benchmarks[1]]),
    new: BenchmarkSet(source: "n", format: .csv, benchmarks: [new.benchmarks[1]]),
    configuration: one)
  #expect(alone.benchmarks[0].ratioInterval == a.benchmarks[1].ratioInterval)
  // Another seed changes the intervals.
  var other = one
  other.seed = 43
  let c = try BenchDiff.compare(base: base, new: new, configuration: other)
  #expect(c.benchmarks[1].ratioInterval != a.benchmarks[1].ratioInterval)
  #expect(BenchDiff.seed(for: "x", suiteSeed: 1) != BenchDiff.seed(for: "y", suiteSeed: 1))
}

@Test func unmatchedNamesUnitsAndWarnings() throws {
  let base = BenchmarkSet(
    source: "b", format: .csv,
    benchmarks: [
      BenchmarkSamples(name: "a", values: [1, 2, 3], unit: ""),
      BenchmarkSamples(name: "gone", values: [1], unit: ""),
    ])
  let new = BenchmarkSet(
    source: "n", format: .csv,
    benchmarks: [
      BenchmarkSamples(name: "fresh", values: [1], unit: ""),
      BenchmarkSamples(name: "a", values: [2, 3, 4], unit: ""),
    ])
  let r = try BenchDiff.compare(
    base: base, new: new, configuration: BenchDiffConfiguration(replicates: 99))
  #expect(r.onlyInBase == ["gone"])
  #expect(r.onlyInNew == ["fresh"])
  #expect(r.benchmarks.map(\.name) == ["a"])
  #expect(r.benchmarks[0].warnings.contains { $0.contains("at least 6") })
  #expect(r.benchmarks[0].warnings.contains { $0.contains("smallest attainable p-value") })
  #expect(r.warnings.contains { $0.contains("only in b: gone") })
  var mixed = new
  mixed.benchmarks[1].unit = "s"
  #expect(throws: InputError.self) {
    try BenchDiff.compare(base: base, new: mixed, configuration: BenchDiffConfiguration())
  }
  let zero = BenchmarkSet(
    source: "z", format: .csv, benchmarks: [BenchmarkSamples(name: "a", values: [0, 0], unit: "")])
  // A center of 0 is not compared, named, the same on either side (issue 16).
  let zb = try BenchDiff.compare(base: zero, new: new, configuration: BenchDiffConfiguration())
  #expect(zb.notCompared.map(\.name) == ["a"] && zb.benchmarks.isEmpty)
  let zeroNew = BenchmarkSet(
    source: "zn", format: .csv,
    benchmarks: [
      BenchmarkSamples(name: "a", values: [0, 0, 0], unit: ""),
      BenchmarkSamples(name: "gone", values: [2], unit: ""),
    ])
  let z = try BenchDiff.compare(
    base: base, new: zeroNew, configuration: BenchDiffConfiguration(replicates: 99))
  #expect(z.notCompared.map(\.name) == ["a"])
  // "gone" has one run a side: a ratio, no interval or test, left out of the geometric mean.
  #expect(z.benchmarks.map(\.name) == ["gone"] && z.benchmarks[0].ratio == 2)
  #expect(z.benchmarks[0].verdict == .notTested && z.geometricMean == nil)
  #expect(z.warnings.contains { $0.contains("left out of the geometric mean") })
  let twice = BenchmarkSet(
    source: "t", format: .csv,
    benchmarks: [
      BenchmarkSamples(name: "a", values: [1], unit: ""),
      BenchmarkSamples(name: "a", values: [2], unit: ""),
    ])
  #expect(throws: InputError.self) {
    try BenchDiff.compare(base: twice, new: new, configuration: BenchDiffConfiguration())
  }
  for bad in [
    BenchDiffConfiguration(threshold: -0.1), BenchDiffConfiguration(threshold: 1),
    BenchDiffConfiguration(level: 1), BenchDiffConfiguration(replicates: 0),
    BenchDiffConfiguration(threads: 0),
  ] {
    #expect(throws: InputError.self) {
      try BenchDiff.compare(base: base, new: new, configuration: bad)
    }
  }
}

/// The spread (± of a mean) of runs near the ends of the double range: the squares overflowed
/// (`± inf%`) or underflowed to 0 (`± 0%` for runs that differ by a factor of 3) before.
@Test func standardDeviationOfHugeTinyAndSubnormalRuns() throws {
  // Python: statistics.stdev(xs), exact rational arithmetic rounded once.
  let cases: [([Double], Double)] = [
    ([1e300, 1e300, 1.5e300], 2.886751345948129e+299),
    ([1.7e308, 1.5e308, 1e308], 3.605551275463989e+307),
    ([1e-300, 1e-300, 2e-300], 5.773502691896257e-301),
    ([1e-320, 2e-320, 3e-320], 1e-320),
    ([1.0, 2.0, 4.0], 1.5275252316519468),
  ]
  for (xs, want) in cases {
    let sd = BenchDiff.standardDeviation(xs)
    // A subnormal result is on a grid of 5e-324: allow two steps of it.
    let tolerance = want < Double.leastNormalMagnitude ? 1e-323 : 4e-16 * want
    #expect(abs(sd - want) <= tolerance, "\(xs): \(sd) vs \(want)")
  }
  #expect(BenchDiff.standardDeviation([3]) == 0)
  #expect(BenchDiff.standardDeviation([0, 0, 0]) == 0)
  #expect(BenchDiff.standardDeviation([5e-324, 5e-324]) == 0)
}

@Test func minimumRunsFollowTheLevel() {
  // The fewest runs with a distribution-free median interval: 6 at 95 %, 8 at 99 %, 5 at 90 %,
  // 2 at 50 % (P(all on one side) = 2 · 2⁻ⁿ ≤ 1 − level).
  for (level, want) in [(0.95, 6), (0.99, 8), (0.9, 5), (0.5, 2)] {
    let c = BenchDiffConfiguration(level: level)
    #expect(c.effectiveMinimumRuns == want, "\(level)")
    let values = (1...want).map(Double.init)
    #expect(MedianOrderStatisticInterval.interval(values, level: level) != nil)
    #expect(MedianOrderStatisticInterval.interval(Array(values.dropLast()), level: level) == nil)
  }
  #expect(BenchDiffConfiguration(minimumRuns: 10).effectiveMinimumRuns == 10)
}

@Test func permutationTestOption() throws {
  let (base, new) = syntheticSuite(seed: 8, changes: [0: 1.3], count: 2, runs: 6)
  var config = BenchDiffConfiguration(replicates: 999, seed: 2)
  config.test = .permutation
  let r = try BenchDiff.compare(base: base, new: new, configuration: config)
  // C(12, 6) = 924 ≤ 999 arrangements: the permutation test is exact.
  #expect(r.benchmarks.allSatisfy { $0.testDescription == "permutation exact" })
  // Independent enumeration of the 924 splits: two-sided p = 2·min(P(T ≤ t), P(T ≥ t)).
  let x = new.benchmarks[0].values
  let y = base.benchmarks[0].values
  let pooled = x + y
  let med = { (v: [Double]) -> Double in
    let s = v.sorted()
    return (s[2] + s[3]) / 2
  }
  let t = med(x) - med(y)
  var le = 0
  var ge = 0
  var total = 0
  for mask in 0..<(1 << 12) where mask.nonzeroBitCount == 6 {
    let first = (0..<12).filter { mask & (1 << $0) != 0 }.map { pooled[$0] }
    let second = (0..<12).filter { mask & (1 << $0) == 0 }.map { pooled[$0] }
    let d = med(first) - med(second)
    let tol = 100 * Double.ulpOfOne * abs(t)
    if d <= t + tol { le += 1 }
    if d >= t - tol { ge += 1 }
    total += 1
  }
  #expect(total == 924)
  let want = min(1, 2 * Double(min(le, ge)) / 924)
  #expect(abs(r.benchmarks[0].pValue - want) < 1e-15)
  #expect(r.benchmarks[0].pValue < 0.05)
}

// MARK: - The ratio interval against the exact bootstrap distribution

/// The exact bootstrap distribution of the median of a sample: every ordered resample
/// (n^n of them) enumerated.
func exactMedianDistribution(_ x: [Double]) -> [Double: Double] {
  let n = x.count
  var total = 1
  for _ in 0..<n { total *= n }
  var out: [Double: Double] = [:]
  var idx = [Int](repeating: 0, count: n)
  for _ in 0..<total {
    let m = idx.map { x[$0] }.sorted()
    let med = n % 2 == 1 ? m[n / 2] : (m[n / 2 - 1] + m[n / 2]) / 2
    out[med, default: 0] += 1 / Double(total)
    var d = 0
    while d < n {
      idx[d] += 1
      if idx[d] < n { break }
      idx[d] = 0
      d += 1
    }
  }
  return out
}

/// Atoms of f(X, Y) for independent discrete X, Y.
func combine(_ a: [Double: Double], _ b: [Double: Double], _ f: (Double, Double) -> Double)
  -> [Double: Double]
{
  var out: [Double: Double] = [:]
  for (x, p) in a { for (y, q) in b { out[f(x, y), default: 0] += p * q } }
  return out
}

/// P(T ≤ t) and P(T < t) of a discrete distribution.
func cdf(_ d: [Double: Double], _ t: Double) -> (atMost: Double, below: Double) {
  var le = 0.0
  var lt = 0.0
  for (v, p) in d {
    if v <= t { le += p }
    if v < t { lt += p }
  }
  return (le, lt)
}

/// An endpoint `e` estimated at level `q` from B replicates is consistent with the exact
/// distribution when P(T < e) ≤ q + δ and P(T ≤ e) ≥ q − δ, δ = 4·sqrt(q(1 − q)/B) + slack.
func consistent(_ d: [Double: Double], _ e: Double, _ q: Double, _ b: Int, slack: Double = 0)
  -> Bool
{
  let delta = 4 * (q * (1 - q) / Double(b)).squareRoot() + slack
  let (le, lt) = cdf(d, e)
  return lt <= q + delta && le >= q - delta
}

@Test func percentileRatioIntervalMatchesTheExactBootstrapDistribution() throws {
  let base = [10.0, 10.4, 10.9, 11.6, 12.0]
  let new = [10.8, 11.5, 11.9, 12.9]
  let exact = combine(exactMedianDistribution(new), exactMedianDistribution(base), /)
  let b = 20_000
  let r = try TwoSampleBootstrap.ratio(
    base: base, new: new, replicates: b, seed: 11, method: .percentile)
  let ci = try #require(r.interval(.percentile))
  #expect(consistent(exact, ci.lower, 0.025, b), "lower \(ci.lower)")
  #expect(consistent(exact, ci.upper, 0.975, b), "upper \(ci.upper)")
  // The check can fail: a wrong endpoint (e.g. the 10% quantile) is rejected.
  #expect(!consistent(exact, ci.lower * 1.03, 0.025, b))
}

@Test func bcaRatioIntervalMatchesTheExactBCaEndpoints() throws {
  let base = [10.0, 10.4, 10.9, 11.6, 12.0]
  let new = [10.8, 11.5, 11.9, 12.9, 13.1]
  let med = { (x: [Double]) -> Double in
    let s = x.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
  }
  let theta = med(new) / med(base)
  let exact = combine(exactMedianDistribution(new), exactMedianDistribution(base), /)
  // Exact z0 (ties counted half, SciPy's convention) from the enumerated distribution.
  let (le, lt) = cdf(exact, theta)
  let z0 = Normal.standard.quantile((le + lt) / 2)
  // Acceleration: SciPy's multi-sample jackknife rule, computed here independently.
  var num = 0.0
  var den = 0.0
  for (j, sample) in [new, base].enumerated() {
    let n = Double(sample.count)
    let loo = sample.indices.map { i -> Double in
      var s = sample
      s.remove(at: i)
      return j == 0 ? med(s) / med(base) : med(new) / med(s)
    }
    let mean = loo.reduce(0, +) / n
    let u = loo.map { (n - 1) * (mean - $0) }
    num += u.map { $0 * $0 * $0 }.reduce(0, +) / (n * n * n)
    den += u.map { $0 * $0 }.reduce(0, +) / (n * n)
  }
  let a = num / 6 / pow(den, 1.5)
  func level(_ q: Double) -> Double {
    let z = Normal.standard.quantile(q)
    return Normal.standard.cdf(z0 + (z0 + z) / (1 - a * (z0 + z)))
  }
  let b = 20_000
  let r = try TwoSampleBootstrap.ratio(base: base, new: new, replicates: b, seed: 12)
  let ci = try #require(r.interval(.bca))
  // z0 is estimated from B replicates too: allow its Monte Carlo error (≈ 0.01 in level).
  #expect(consistent(exact, ci.lower, level(0.025), b, slack: 0.01), "lower \(ci.lower)")
  #expect(consistent(exact, ci.upper, level(0.975), b, slack: 0.01), "upper \(ci.upper)")
}

/// Holm keeps the family-wise rate of flagged suites at most α under the null.
///
/// Base and new come from one continuous distribution: over 200 suites of 5 benchmarks the count of suites
/// with any flag must stay below the one-sided binomial 99.9 % bound 200·0.05 + 3.1·√(200·0.05·0.95)
/// ≈ 19.6. Without adjustment the rate is about 1 − 0.95⁵ ≈ 23 % (≈ 45 suites), which the same
/// bound rejects, so the check can fail.
@Test(.tags(.statistical)) func holmControlsTheFamilyWiseRateOfFlags() throws {
  var adjustedSuites = 0
  var rawSuites = 0
  for seed: UInt64 in 1...200 {
    let (base, new) = syntheticSuite(seed: 10_000 + seed, changes: [:], count: 5, runs: 8)
    var config = BenchDiffConfiguration(threshold: 0, replicates: 19, seed: seed)
    let holm = try BenchDiff.compare(base: base, new: new, configuration: config)
    if holm.benchmarks.contains(where: { $0.pAdjusted < 0.05 }) { adjustedSuites += 1 }
    config.adjustment = nil
    let raw = try BenchDiff.compare(base: base, new: new, configuration: config)
    if raw.benchmarks.contains(where: { $0.pValue < 0.05 }) { rawSuites += 1 }
  }
  print("BenchDiff null suites flagged: Holm \(adjustedSuites)/200, unadjusted \(rawSuites)/200")
  #expect(adjustedSuites <= 19, "\(adjustedSuites) of 200 null suites flagged with Holm")
  #expect(rawSuites > 19, "\(rawSuites) of 200 null suites flagged without adjustment")
}
