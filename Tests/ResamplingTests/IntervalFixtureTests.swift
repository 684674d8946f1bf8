// Interval arithmetic (percentile, basic, normal, BCa) against SciPy 1.17 on given replicates,
// and the jackknife acceleration and normal interval against R boot.
import Foundation
import ResampleCore
import Testing
import _TestSupport

@testable import Resampling

private struct ScipyFixture: Decodable {
  struct Interval: Decodable {
    let method, alternative: String
    let level: Double
    let lower, upper: FixtureNumber
  }
  struct Case: Decodable {
    let name, kind: String
    let samples: [[Double]]
    let replicates: [Double]
    let estimate, standardError: Double
    let intervals: [Interval]
  }
  struct Studentized: Decodable {
    struct Interval: Decodable { let level, lower, upper: Double }
    let t, se: [Double]
    let t0, se0: Double
    let intervals: [Interval]
  }
  let cases: [Case]
  let studentized: Studentized
}

private func statistic(_ kind: String) -> BootstrapStatistic {
  switch kind {
  case "mean": return .sample(.mean)
  case "median": return .sample(.median)
  case "quantile": return .sample(.quantile(0.9))
  case "trimmed": return .sample(.trimmedMean(0.1))
  case "std": return .sample(.standardDeviation)
  case "difference-mean": return .difference(.mean)
  case "difference-median": return .difference(.median)
  case "ratio-mean": return .ratio(.mean)
  default: return .ratio(.median)
  }
}

@Test func intervalsMatchSciPyOnGivenReplicates() throws {
  let fx = try decodeFixture(ScipyFixture.self, "resampling/scipy_intervals.json", keys: .snakeCase)
  var worst = 0.0
  var checked = 0
  for c in fx.cases {
    let boot = try Bootstrap(samples: c.samples, statistic: statistic(c.kind))
    #expect(isClose(boot.estimate, c.estimate, relative: 1e-13), "\(c.name) estimate")
    let block = ReplicateBlock(range: 0..<c.replicates.count, values: c.replicates)
    for iv in c.intervals {
      let method = IntervalMethod(rawValue: iv.method)!
      let alt = Alternative(rawValue: iv.alternative)!
      let r = try boot.result(
        from: block, seed: 0, methods: [method], level: iv.level, alternative: alt)
      let ci = try #require(r.interval(method))
      for (ours, ref) in [(ci.lower, iv.lower.value), (ci.upper, iv.upper.value)] {
        if ref.isInfinite {
          #expect(ours == ref, "\(c.name) \(iv.method) \(iv.alternative)")
        } else {
          let e = relativeError(ours, ref)
          worst = max(worst, e)
          #expect(
            isClose(ours, ref, relative: 1e-12, absolute: 1e-14),
            "\(c.name) \(iv.method) \(iv.level) \(iv.alternative): \(ours) vs \(ref)")
        }
        checked += 1
      }
      #expect(isClose(r.standardError, c.standardError, relative: 1e-12))
    }
  }
  #expect(checked == 9 * 2 * 3 * 4 * 2)
  print("SciPy interval fixtures: \(checked) endpoints, max relative error \(worst)")
}

@Test func studentizedMatchesIndependentNumpy() throws {
  let fx = try decodeFixture(ScipyFixture.self, "resampling/scipy_intervals.json", keys: .snakeCase)
    .studentized
  let pivots = ReplicateQuantile(zip(fx.t, fx.se).map { ($0 - fx.t0) / $1 })
  for iv in fx.intervals {
    let ci = BootstrapIntervals.studentized(
      estimate: fx.t0, standardError: fx.se0, pivots: pivots, level: iv.level)
    #expect(isClose(ci.lower, iv.lower, relative: 1e-12))
    #expect(isClose(ci.upper, iv.upper, relative: 1e-12))
  }
}

/// One case of resampling/r_boot.json: R boot's replicates, jackknife values, acceleration and
/// normal intervals for a statistic of `data`.
private struct RBootCase: Decodable {
  let statistic: String
  let data, jackknife, t, normal95, normal90: [Double]
  let acceleration: FixtureNumber
  let t0: Double
}

@Test func jackknifeAccelerationAndNormalIntervalMatchRBoot() throws {
  let cases = try decodeFixtureCases(RBootCase.self, "resampling/r_boot.json", key: "cases")
  #expect(cases.count == 8)
  for c in cases {
    let s: SampleStatistic
    switch c.statistic {
    case "mean": s = .mean
    case "median": s = .median
    case "trimmed": s = .trimmedMean(0.1)
    default: s = .standardDeviation
    }
    let boot = try Bootstrap(samples: [c.data], statistic: .sample(s))
    #expect(isClose(boot.estimate, c.t0, relative: 1e-13), "\(c.statistic) t0")
    // R computes leave-one-out values by brute force; ours are closed forms.
    let jack = try #require(boot.jackknife()?.first)
    var expanded: [Double] = []
    for (v, w) in zip(jack.values, jack.weights) { expanded += Array(repeating: v, count: w) }
    expanded.sort()
    #expect(expanded.count == c.jackknife.count)
    for (ours, ref) in zip(expanded, c.jackknife) {
      #expect(isClose(ours, ref, relative: 1e-12, absolute: 1e-15), "\(c.statistic) jackknife")
    }
    // R's a centres L on t0; with L centred on mean(t_(i)) (Efron, SciPy) it is ours.
    let n = Double(c.jackknife.count)
    let tbar = c.jackknife.reduce(0, +) / n
    let u = c.jackknife.map { (n - 1) * (tbar - $0) }
    let s2 = u.reduce(0) { $0 + $1 * $1 }
    let s3 = u.reduce(0) { $0 + $1 * $1 * $1 }
    if s2 == 0 {
      #expect(boot.acceleration == nil)
      #expect(c.acceleration.value.isNaN || c.acceleration.value == 0)
    } else {
      let a = try #require(boot.acceleration)
      #expect(isClose(a, s3 / (6 * s2 * s2.squareRoot()), relative: 1e-9, absolute: 1e-12))
      if c.statistic == "mean" { #expect(isClose(a, c.acceleration.value, relative: 1e-9)) }
    }
    let block = ReplicateBlock(range: 0..<c.t.count, values: c.t)
    for (level, ref) in [(0.95, c.normal95), (0.9, c.normal90)] {
      let r = try boot.result(from: block, seed: 0, methods: [.normal], level: level)
      let ci = try #require(r.interval(.normal))
      #expect(isClose(ci.lower, ref[0], relative: 1e-12))
      #expect(isClose(ci.upper, ref[1], relative: 1e-12))
    }
  }
}
