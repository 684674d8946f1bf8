// DistributionProtocols.swift: the common interface of the continuous and discrete
// distributions, and the monotone search behind discrete quantiles.

/// A univariate distribution: what the continuous and the discrete ones have in common.
///
/// `cdf(x)` = P(X ≤ x) and `sf(x)` = P(X > x), the latter computed directly in the upper tail
/// (never as 1 − cdf), so both are relative-accurate in their own tails; `quantile(p)` inverts
/// `cdf` and `upperQuantile(q)` inverts `sf`, again each in its own tail.
public protocol UnivariateDistribution: Sendable {
  /// The type of a value: `Double` for continuous distributions, `Int` for discrete ones.
  associatedtype Value
  /// P(X ≤ x).
  func cdf(_ x: Value) -> Double
  /// P(X > x), computed directly in the upper tail.
  func sf(_ x: Value) -> Double
  /// The value where `cdf` reaches p, for p in [0, 1] (see the refining protocols).
  func quantile(_ p: Double) -> Value
  /// The value where `sf` falls to q, for q in [0, 1] (see the refining protocols).
  func upperQuantile(_ q: Double) -> Value
  /// The mean (`NaN` or `+∞` where it does not exist).
  var mean: Double { get }
  /// The variance (`NaN` or `+∞` where it does not exist).
  var variance: Double { get }
}

/// A continuous univariate distribution.
///
/// `quantile(p)` solves cdf(x) = p and `upperQuantile(q)` solves sf(x) = q.
/// A probability outside [0, 1] (or NaN) passed to a quantile function returns `NaN`: these are
/// programmer-level calls, and public entry points validate their inputs first.
public protocol ContinuousDistribution: UnivariateDistribution where Value == Double {
  /// The probability density at `x` (0 outside the support).
  func pdf(_ x: Double) -> Double
  /// The logarithm of the density, finite far below the underflow of ``pdf(_:)``.
  func logPDF(_ x: Double) -> Double
}

/// A discrete distribution on the integers.
///
/// `sf(k)` = P(X > k) (SciPy's convention). `quantile(p)` is the smallest k with cdf(k) ≥ p and
/// `upperQuantile(q)` the smallest k with sf(k) ≤ q, both searched over the support (so
/// `quantile(0)` is the support's lower end).
/// A probability outside [0, 1] is a programmer error and traps (`precondition`).
public protocol DiscreteDistribution: UnivariateDistribution where Value == Int {
  /// P(X = k).
  func pmf(_ k: Int) -> Double
  /// log P(X = k), finite far below the underflow of ``pmf(_:)``.
  func logPMF(_ k: Int) -> Double
}

/// The smallest k in [lower, upper] for which `predicate(k)` holds, for a predicate that is
/// false then true (monotone); `upper` if none before it.
///
/// Exponential search outward from `guess`, then bisection: O(log(distance)) evaluations.
@usableFromInline
func firstSatisfying(
  lower: Int, upper: Int, guess: Int, _ predicate: (Int) -> Bool
) -> Int {
  var g = min(max(guess, lower), upper)
  var lo: Int  // predicate false at lo (or lo = lower − 1 sentinel)
  var hi: Int  // predicate true at hi
  if predicate(g) {
    hi = g
    var step = 1
    while true {
      if hi == lower { return lower }
      let candidate = hi - step < lower || hi - step > hi ? lower : hi - step
      if predicate(candidate) {
        hi = candidate
        if candidate == lower { return lower }
        step = step > Int.max / 2 ? step : step * 2
      } else {
        lo = candidate
        break
      }
    }
  } else {
    lo = g
    var step = 1
    while true {
      if lo == upper { return upper }
      let candidate = upper - lo <= step ? upper : lo + step
      if predicate(candidate) {
        hi = candidate
        break
      }
      lo = candidate
      if candidate == upper { return upper }
      step = step > Int.max / 2 ? step : step * 2
    }
  }
  // predicate(lo) false, predicate(hi) true.
  while hi - lo > 1 {
    let mid = lo + (hi - lo) / 2
    if predicate(mid) { hi = mid } else { lo = mid }
  }
  g = hi
  return g
}
