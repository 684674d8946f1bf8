// TwoSampleBootstrap.swift: two independent samples compared by a ratio or a difference of centers.
import ResampleCore

/// Bootstrap comparison of two independent samples.
///
/// For a benchmark's base and new runs: each sample is resampled within itself (SciPy's multi-sample bootstrap), and the statistic is the
/// ratio new/base or the difference new − base of their means or medians. BCa by default.
///
/// Example: `try TwoSampleBootstrap.ratio(base: before, new: after, seed: 1)` gives the ratio of
/// medians with a 95 % BCa interval; an interval that excludes 1 indicates a change.
public enum TwoSampleBootstrap {
  /// The center of each sample.
  public enum Center: String, Sendable, CaseIterable {
    case mean
    case median

    var statistic: SampleStatistic { self == .mean ? .mean : .median }
  }

  /// The ratio center(new) / center(base) with a bootstrap interval.
  ///
  /// - Parameters:
  ///   - base: the reference sample (finite values, non-empty, center ≠ 0).
  ///   - new: the sample compared with it.
  ///   - center: mean or median (default median).
  ///   - replicates: B (default 9,999).
  ///   - seed: the seed; the result depends only on the data, seed and B.
  ///   - level: confidence level (default 0.95).
  ///   - method: interval method (default BCa).
  ///   - alternative: two-sided (default) or one-sided.
  ///   - threads: worker threads; the result does not depend on it.
  /// - Throws: ``InputError`` for empty or non-finite samples, a base center of 0, B < 1, a level
  ///   outside (0, 1).
  /// - Complexity: O(B·(n_base + n_new)); O(B·k) when the samples hold few distinct values.
  public static func ratio(
    base: [Double], new: [Double], center: Center = .median, replicates: Int = 9_999,
    seed: UInt64, level: Double = 0.95, method: IntervalMethod = .bca,
    alternative: Alternative = .twoSided, threads: Int = 1
  ) throws -> BootstrapResult {
    try run(
      .ratio(center.statistic), "ratio of \(center.rawValue)s (new / base)", base, new,
      replicates, seed, level, method, alternative, threads)
  }

  /// The difference center(new) − center(base) with a bootstrap interval.
  ///
  /// Parameters, errors and complexity as
  /// ``ratio(base:new:center:replicates:seed:level:method:alternative:threads:)``
  /// (a base center of 0 is allowed).
  public static func difference(
    base: [Double], new: [Double], center: Center = .median, replicates: Int = 9_999,
    seed: UInt64, level: Double = 0.95, method: IntervalMethod = .bca,
    alternative: Alternative = .twoSided, threads: Int = 1
  ) throws -> BootstrapResult {
    try run(
      .difference(center.statistic), "difference of \(center.rawValue)s (new − base)", base,
      new, replicates, seed, level, method, alternative, threads)
  }

  /// One bootstrap of `statistic` over [new, base], reported under `name`.
  static func run(
    _ statistic: BootstrapStatistic, _ name: String, _ base: [Double], _ new: [Double],
    _ replicates: Int, _ seed: UInt64, _ level: Double, _ method: IntervalMethod,
    _ alternative: Alternative, _ threads: Int
  ) throws -> BootstrapResult {
    var r = try Bootstrap(samples: [new, base], statistic: statistic).run(
      replicates: replicates, seed: seed, methods: [method], level: level,
      alternative: alternative, threads: threads)
    r.statistic = name
    return r
  }
}
