// IntervalMethod.swift: the five bootstrap confidence-interval methods.

/// A bootstrap confidence-interval method.
///
/// All quantiles of replicates use Hyndman–Fan type 7 (numpy's `linear`, SciPy's choice); see
/// ``ReplicateQuantile``.
///
/// - `percentile`: the α and 1 − α quantiles of the replicates (Efron 1979).
/// - `basic`: the percentile interval reflected about the estimate, `[2t − q_hi, 2t − q_lo]`
///   (Davison & Hinkley 1997, eq. 5.6).
/// - `normal`: `t − bias ∓ z·se` with the bootstrap bias and standard error (R `boot`'s `norm`).
/// - `bca`: bias-corrected and accelerated (Efron 1987), `z0` counting ties with the estimate as
///   half (SciPy), acceleration from the jackknife (closed form for linear statistics).
/// - `studentized`: bootstrap-t (Hall 1988), with a closed-form standard error where one exists
///   and a nested bootstrap otherwise.
///
/// References: B. Efron and R. Tibshirani, *An Introduction to the Bootstrap* (1993), ch. 12–14;
/// A. C. Davison and D. V. Hinkley, *Bootstrap Methods and their Application* (1997), ch. 5.
public enum IntervalMethod: String, CaseIterable, Sendable, Codable {
  case percentile
  case basic
  case normal
  case bca
  case studentized
}
