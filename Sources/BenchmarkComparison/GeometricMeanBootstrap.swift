// GeometricMeanBootstrap.swift: the suite's geometric mean ratio and its bootstrap interval.
import ResampleCore
import Resampling
import _Platform

/// The geometric mean of the per-benchmark ratios center(new_k)/center(base_k), k = 1…K, with a
/// bootstrap interval.
///
/// Replicate b resamples every benchmark's two sides independently (2K independent samples,
/// drawn in the order new₁, base₁, …, new_K, base_K from the one Philox4x32 stream b of the
/// suite seed), computes each benchmark's ratio of centers on the resamples and takes their
/// geometric mean. Intervals come from the `Resampling` engine (BCa with the multi-sample
/// jackknife by default), so the geometric mean's interval accounts for the run-to-run noise of
/// every benchmark at once.
///
/// Reference: Fleming, P. J. & Wallace, J. J. (1986). How not to lie with statistics: the
/// correct way to summarize benchmark results. *Commun. ACM* 29, 218–221 (the geometric mean of
/// ratios); Efron & Tibshirani (1993), ch. 14 (BCa).
public enum GeometricMeanBootstrap {
  /// Computes the geometric mean of the ratios and its interval.
  ///
  /// - Parameters:
  ///   - pairs: each benchmark's base and new runs (non-empty, finite, base center > 0,
  ///     new center > 0).
  ///   - center: median or mean.
  ///   - replicates: B ≥ 1.
  ///   - seed: the suite seed.
  ///   - level: the confidence level.
  ///   - method: the interval method.
  ///   - alternative: two-sided, or one-sided with the open side at ∓∞.
  ///   - threads: workers; the result does not depend on it.
  /// - Throws: `InputError` for empty input, a center ≤ 0, or invalid B/level.
  /// - Complexity: O(B · Σ_k (distinct values of benchmark k)).
  public static func run(
    pairs: [(base: [Double], new: [Double])], center: TwoSampleBootstrap.Center,
    replicates: Int, seed: UInt64, level: Double, method: IntervalMethod,
    alternative: Alternative = .twoSided, threads: Int = 1
  ) throws -> GeometricMeanChange {
    guard !pairs.isEmpty else {
      throw InputError.invalidParameter(
        name: "pairs", value: "[]", expected: "at least one benchmark")
    }
    let statistic: SampleStatistic = center == .mean ? .mean : .median
    var samples: [[Double]] = []
    for (k, p) in pairs.enumerated() {
      for (side, values) in [("new", p.new), ("base", p.base)] {
        guard !values.isEmpty, statistic.evaluate(values) > 0 else {
          throw InputError.invalidData(
            source: "benchmark \(k + 1) (\(side))",
            reason: "the geometric mean needs centers > 0")
        }
      }
      samples.append(p.new)
      samples.append(p.base)
    }
    let useMean = center == .mean
    let k = Double(pairs.count)
    let stat = BootstrapStatistic.weighted(name: "geometric mean of ratios") { resamples in
      var logSum = 0.0
      var i = 0
      while i + 1 < resamples.count {
        let n = weightedCenter(resamples[i], mean: useMean)
        let b = weightedCenter(resamples[i + 1], mean: useMean)
        logSum += log(n / b)
        i += 2
      }
      return exp(logSum / k)
    }
    let boot = try Bootstrap(samples: samples, statistic: stat)
    let result = try boot.run(
      replicates: replicates, seed: seed, methods: [method], level: level,
      alternative: alternative, threads: threads)
    guard let interval = result.interval(method) else {
      throw InputError.invalidData(source: "geometric mean", reason: "no \(method) interval")
    }
    return GeometricMeanChange(
      ratio: result.estimate, interval: interval, count: pairs.count, rng: result.rng,
      warnings: result.allDiagnostics.map(\.description))
  }

  /// The mean, or numpy's median (mean of the two middle values for an even count), of a
  /// sample given as counts over sorted distinct values.
  static func weightedCenter(_ s: WeightedSample, mean: Bool) -> Double {
    var n = 0
    for c in s.counts { n += c }
    if mean {
      var sum = 0.0
      for (v, c) in zip(s.values, s.counts) { sum += v * Double(c) }
      return sum / Double(n)
    }
    // 1-based ranks of the middle order statistics.
    let lowRank = (n + 1) / 2
    let highRank = n / 2 + 1
    var seen = 0
    var low = Double.nan
    for (v, c) in zip(s.values, s.counts) where c > 0 {
      let before = seen
      seen += c
      if before < lowRank && lowRank <= seen { low = v }
      if before < highRank && highRank <= seen {
        return n % 2 == 1 ? low : (low + v) / 2
      }
    }
    return low
  }
}
