// Interval coverage by simulation: 2,000 data sets per case, each with its own bootstrap; the
// number of intervals covering the true value is compared with the nominal 95 % by a binomial
// test (normal approximation, two-sided α = 0.001, |z| < 3.29).
import Foundation
import Testing
import _TestSupport

@testable import Resampling

private func coverage(
  sets: Int = 2_000, n: Int, replicates: Int = 399, statistic: SampleStatistic,
  truth: Double, methods: [IntervalMethod], draw: (inout SplitMixSequence) -> Double
) throws -> [IntervalMethod: Int] {
  var g = SplitMixSequence(state: 20_261_129)
  var covered: [IntervalMethod: Int] = [:]
  for s in 0..<sets {
    let x = (0..<n).map { _ in draw(&g) }
    let r = try Bootstrap(samples: [x], statistic: .sample(statistic)).run(
      replicates: replicates, seed: UInt64(s), methods: methods, threads: 2)
    for ci in r.intervals where ci.contains(truth) { covered[ci.method, default: 0] += 1 }
  }
  return covered
}

private func expectNominal(
  _ covered: [IntervalMethod: Int], _ methods: [IntervalMethod], sets: Int = 2_000,
  _ label: String
) {
  let p = 0.95
  for m in methods {
    let k = Double(covered[m] ?? 0)
    let z = (k - Double(sets) * p) / (Double(sets) * p * (1 - p)).squareRoot()
    #expect(abs(z) < 3.29, "\(label) \(m.rawValue): coverage \(k / Double(sets)), z = \(z)")
  }
}

@Test(.tags(.statistical)) func coverageOfTheMeanOfNormalData() throws {
  let methods: [IntervalMethod] = [.percentile, .basic, .normal, .bca, .studentized]
  let c = try coverage(n: 100, replicates: 299, statistic: .mean, truth: 0, methods: methods) {
    $0.normal()
  }
  expectNominal(c, methods, "normal mean")
}

@Test(.tags(.statistical)) func coverageOfTheMeanOfSkewedData() throws {
  let methods: [IntervalMethod] = [.bca, .studentized]
  let c = try coverage(n: 60, statistic: .mean, truth: 1, methods: methods) { $0.exponential() }
  expectNominal(c, methods, "exponential mean")
}

@Test(.tags(.statistical)) func coverageOfTheMedian() throws {
  let methods: [IntervalMethod] = [.percentile, .bca]
  let c1 = try coverage(n: 41, statistic: .median, truth: 0, methods: methods) { $0.normal() }
  expectNominal(c1, methods, "normal median")
  let c2 = try coverage(n: 41, statistic: .median, truth: log(2.0), methods: methods) {
    $0.exponential()
  }
  expectNominal(c2, methods, "exponential median")
}
