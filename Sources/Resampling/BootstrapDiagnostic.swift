// BootstrapDiagnostic.swift: the closed set of conditions a bootstrap result can report.

/// A condition met while resampling or computing intervals.
///
/// Diagnostics never hide a NaN:
/// every non-finite number in a result is explained by one of them.
///
/// Degenerate-case rules (also in `Guides/Bootstrap.md`):
/// - all finite replicates equal (`constantReplicates`): percentile, basic, normal and BCa
///   intervals collapse to a point; standard error 0.
/// - `z0` infinite (every replicate strictly below, or strictly above, the estimate) or the
///   BCa denominator `1 − a(z0 + z)` not positive: BCa reports the percentile interval and
///   `bcaFellBackToPercentile`.
/// - the jackknife values are all equal (`accelerationUndefined`): `a = 0` (the BC interval).
/// - non-finite replicates (a ratio with a zero denominator) are left out of every interval and
///   counted in `nonFiniteReplicates`; if none is finite, intervals are NaN.
/// - B < n with BCa is allowed (the jackknife needs no B ≥ n); `fewReplicates` says the
///   Monte Carlo error is large relative to the interval.
public enum BootstrapDiagnostic: Sendable, Equatable, Hashable, CustomStringConvertible {
  /// Every finite replicate equals `value` (constant data, or a statistic that cannot vary).
  case constantReplicates(value: Double)
  /// `count` replicates were NaN or infinite and were left out of the intervals.
  case nonFiniteReplicates(count: Int)
  /// No replicate was finite: every interval is NaN.
  case noFiniteReplicates
  /// The jackknife values are all equal, so the BCa acceleration is undefined; `a = 0` was used.
  case accelerationUndefined
  /// BCa could not be formed (`reason`) and the percentile interval is reported in its place.
  case bcaFellBackToPercentile(reason: String)
  /// An endpoint of `method` interpolates with the smallest or largest replicate: increase B.
  case extremeOrderStatistic(method: IntervalMethod)
  /// Fewer replicates than observations for BCa (allowed; the Monte Carlo error is larger).
  case fewReplicates(replicates: Int, observations: Int)
  /// `count` replicates had a zero standard error and were left out of the bootstrap-t.
  case studentizedZeroStandardError(count: Int)
  /// The estimate's own standard error is 0, so the studentized interval is the point estimate.
  case studentizedDegenerate
  /// The studentized standard errors come from a nested bootstrap of `inner` replicates.
  case nestedBootstrap(inner: Int)

  public var description: String {
    switch self {
    case .constantReplicates(let v):
      return "all bootstrap replicates equal \(v); intervals collapse to a point"
    case .nonFiniteReplicates(let c):
      return "\(c) replicate(s) were not finite and were left out of the intervals"
    case .noFiniteReplicates:
      return "no replicate was finite; intervals are undefined (NaN)"
    case .accelerationUndefined:
      return "jackknife values are all equal; BCa acceleration set to 0"
    case .bcaFellBackToPercentile(let r):
      return "BCa undefined (\(r)); the percentile interval is reported instead"
    case .extremeOrderStatistic(let m):
      return "\(m.rawValue) endpoint uses the smallest or largest replicate; increase replicates"
    case .fewReplicates(let b, let n):
      return "replicates (\(b)) fewer than observations (\(n)); Monte Carlo error is large"
    case .studentizedZeroStandardError(let c):
      return "\(c) replicate(s) had zero standard error and were left out of the bootstrap-t"
    case .studentizedDegenerate:
      return "the estimate's standard error is 0; studentized interval is the point estimate"
    case .nestedBootstrap(let inner):
      return "studentized standard errors from a nested bootstrap of \(inner) replicates"
    }
  }

  /// A short machine-readable code (used as the JSON key of the CLI's diagnostics).
  public var code: String {
    switch self {
    case .constantReplicates: return "constant_replicates"
    case .nonFiniteReplicates: return "non_finite_replicates"
    case .noFiniteReplicates: return "no_finite_replicates"
    case .accelerationUndefined: return "acceleration_undefined"
    case .bcaFellBackToPercentile: return "bca_fell_back_to_percentile"
    case .extremeOrderStatistic: return "extreme_order_statistic"
    case .fewReplicates: return "few_replicates"
    case .studentizedZeroStandardError: return "studentized_zero_standard_error"
    case .studentizedDegenerate: return "studentized_degenerate"
    case .nestedBootstrap: return "nested_bootstrap"
    }
  }
}
