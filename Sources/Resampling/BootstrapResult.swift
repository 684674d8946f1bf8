// BootstrapResult.swift: what a bootstrap run reports.
import RandomStreams

/// The outcome of a bootstrap: estimate, standard error, bias, intervals and provenance.
///
/// `standardError` is the standard deviation of the finite replicates with divisor B − 1 (SciPy's
/// `standard_error`); `bias` is mean(replicates) − estimate. `distribution` holds the replicate
/// values in replicate-index order, so two runs with the same inputs compare bit for bit.
public struct BootstrapResult: Sendable, Equatable {
  /// A name for the statistic (`"mean"`, `"difference of medians"`, ...).
  public var statistic: String
  /// The statistic on the original data.
  public var estimate: Double
  /// The bootstrap standard error.
  public var standardError: Double
  /// The bootstrap estimate of bias, mean(replicates) − estimate.
  public var bias: Double
  /// One interval per requested method, in the order requested.
  public var intervals: [ConfidenceInterval]
  /// The number of replicates B.
  public var replicates: Int
  /// The seed; replicate b used stream b of ``rng``.
  public var seed: UInt64
  /// The generator's identifier (``Philox4x32/identifier``).
  public var rng: String
  /// How resamples were drawn (`"ordinary"`, `"stratified"`, `"collapsed-multinomial"`, ...).
  public var plan: String
  /// Conditions met (degenerate data, non-finite replicates); see ``BootstrapDiagnostic``.
  public var diagnostics: [BootstrapDiagnostic]
  /// The replicate values θ*_b, b = 0..<B, in index order.
  public var distribution: [Double]
  /// BCa's bias-correction constant z0, when a BCa interval was requested (and some replicate
  /// is finite); ±∞ when every replicate lies on one side of the estimate.
  public var biasCorrection: Double? = nil
  /// BCa's acceleration a (jackknife), when a BCa interval was requested and a is defined.
  public var acceleration: Double? = nil

  /// Creates a result (normally produced by ``Bootstrap``).
  public init(
    statistic: String, estimate: Double, standardError: Double, bias: Double,
    intervals: [ConfidenceInterval], replicates: Int, seed: UInt64,
    rng: String = Philox4x32.identifier, plan: String, diagnostics: [BootstrapDiagnostic],
    distribution: [Double]
  ) {
    self.statistic = statistic
    self.estimate = estimate
    self.standardError = standardError
    self.bias = bias
    self.intervals = intervals
    self.replicates = replicates
    self.seed = seed
    self.rng = rng
    self.plan = plan
    self.diagnostics = diagnostics
    self.distribution = distribution
  }

  /// The interval computed by `method`, if it was requested.
  public func interval(_ method: IntervalMethod) -> ConfidenceInterval? {
    intervals.first { $0.method == method }
  }

  /// Every diagnostic of the result and of its intervals, without repeats, in first-seen order.
  public var allDiagnostics: [BootstrapDiagnostic] {
    var seen = Set<BootstrapDiagnostic>()
    var out: [BootstrapDiagnostic] = []
    for d in diagnostics + intervals.flatMap(\.diagnostics) where seen.insert(d).inserted {
      out.append(d)
    }
    return out
  }
}
