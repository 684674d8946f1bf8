// ResamplingPlan.swift: how resamples are drawn.

/// How the bootstrap draws a resample.
///
/// Whatever the plan, when a sample (or stratum) holds few distinct values the engine draws the
/// resample's *counts* as one multinomial draw over the distinct values (O(k) per replicate
/// instead of O(n); a binomial draw for 0/1 data) — the result's `plan` then reads
/// `"…, collapsed"`. The choice depends only on the data, so results stay deterministic.
public enum ResamplingPlan: Sendable, Equatable {
  /// Each sample is resampled i.i.d. within itself (one sample: the ordinary bootstrap;
  /// several: SciPy's multi-sample `bootstrap`, R `boot(strata=)` on the pooled data).
  case independent
  /// One sample, resampled within each stratum so that stratum sizes stay fixed (R `boot`'s
  /// `strata`). `strata[i]` labels observation i.
  case stratified(strata: [Int])
  /// Two or more samples of equal length holding paired observations, resampled with shared
  /// indices (SciPy `paired=True`); used for correlation.
  case paired
}

/// A statistic of the resampled data.
public enum BootstrapStatistic: Sendable {
  /// A statistic of one sample.
  case sample(SampleStatistic)
  /// θ(sample 0) − θ(sample 1).
  case difference(SampleStatistic)
  /// θ(sample 0) / θ(sample 1).
  case ratio(SampleStatistic)
  /// Pearson's correlation of paired samples 0 (x) and 1 (y).
  case correlation
  /// A user statistic of the resampled samples (values in draw order; with a stratified plan,
  /// one array with the strata one after another). Each replicate materialises the resample.
  case custom(name: String, statistic: @Sendable ([[Double]]) -> Double)
  /// A user statistic of the resample's counts over each sample's sorted distinct values: O(k)
  /// per replicate and compatible with the collapsed plan.
  case weighted(name: String, statistic: @Sendable ([WeightedSample]) -> Double)

  /// A readable name.
  public var name: String {
    switch self {
    case .sample(let s): return s.name
    case .difference(let s): return "difference of \(s.name)s"
    case .ratio(let s): return "ratio of \(s.name)s"
    case .correlation: return "correlation"
    case .custom(let n, _), .weighted(let n, _): return n
    }
  }
}

/// One resampled sample as counts over the original sample's sorted distinct values.
public struct WeightedSample: Sendable, Equatable {
  /// The original sample's distinct values, ascending.
  public var values: [Double]
  /// How often each value occurs in the resample (Σ = the sample size).
  public var counts: [Int]
  public init(values: [Double], counts: [Int]) {
    self.values = values
    self.counts = counts
  }
}

extension BootstrapStatistic {
  /// Combines the two samples' values into the statistic: a − b for a difference, a / b for a
  /// ratio, a otherwise.
  @inline(__always)
  func combine(_ a: Double, _ b: Double) -> Double {
    switch self {
    case .difference: return a - b
    case .ratio: return a / b
    default: return a
    }
  }

  /// Combines per-sample standard errors of independent samples (the delta method for a ratio).
  @inline(__always)
  func combineStandardErrors(_ a: Double, _ sa: Double, _ b: Double, _ sb: Double) -> Double {
    switch self {
    case .difference: return (sa * sa + sb * sb).squareRoot()
    case .ratio:
      let r = a / b
      return abs(r) * ((sa / a) * (sa / a) + (sb / b) * (sb / b)).squareRoot()
    default: return sa
    }
  }
}

/// The estimates and standard errors of the one or two samples of a statistic, recorded by
/// group index before ``BootstrapStatistic/combine(_:_:)`` joins them.
struct GroupEstimates {
  /// Group 0's and group 1's estimates.
  var estimates = (0.0, 0.0)
  /// Group 0's and group 1's standard errors.
  var standardErrors = (0.0, 0.0)

  /// Records the estimate and standard error of group `g` (0 or 1).
  @inline(__always)
  mutating func record(_ g: Int, estimate: Double, standardError: Double) {
    if g == 0 {
      estimates.0 = estimate
      standardErrors.0 = standardError
    } else {
      estimates.1 = estimate
      standardErrors.1 = standardError
    }
  }

  /// The statistic: the groups' estimates combined by `statistic`.
  @inline(__always)
  func estimate(_ statistic: BootstrapStatistic) -> Double {
    statistic.combine(estimates.0, estimates.1)
  }

  /// The statistic's standard error from the groups' (independent samples).
  @inline(__always)
  func standardError(_ statistic: BootstrapStatistic) -> Double {
    statistic.combineStandardErrors(
      estimates.0, standardErrors.0, estimates.1, standardErrors.1)
  }
}
