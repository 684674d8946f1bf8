// StirlingDeviance.swift: Loader's saddle-point expansion for binomial and Poisson
// probabilities (the deviance term bd0 and the probabilities built from it).
#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension SpecialFunctions {
  /// Loader's deviance term bd0(x, m) = x log(x/m) + m − x ≥ 0, computed without cancellation.
  ///
  /// For |x − m| < 0.1 (x + m) uses the series 2x Σ v^(2j+1)/(2j+1) − (x − m)·v with
  /// v = (x − m)/(x + m); otherwise the direct formula.
  /// Reference: C. Loader (2000), "Fast and accurate computation of binomial probabilities".
  /// - Parameters:
  ///   - x: a value ≥ 0.
  ///   - m: a mean > 0.
  /// - Complexity: O(1) (at most a few dozen series terms).
  @inlinable
  public static func saddlePointDeviance(_ x: Double, _ m: Double) -> Double {
    let d = x - m
    if abs(d) < 0.1 * (x + m) {
      var v = d / (x + m)
      var s = d * v
      if abs(s) < .leastNormalMagnitude { return s }
      var ej = 2 * x * v
      v *= v
      var j = 1
      while j < 1000 {
        ej *= v
        let s1 = s + ej / Double(2 * j + 1)
        if s1 == s { return s1 }
        s = s1
        j += 1
      }
      return s
    }
    if x == 0 { return m }
    return x * log(x / m) + m - x
  }

  /// The binomial probability C(n, k) pᵏ qⁿ⁻ᵏ for real k, n with q = 1 − p given separately
  /// (so that a p close to 1 keeps its precision), relative-accurate for n up to 1e15.
  ///
  /// Loader's saddle-point form exp(δ(n) − δ(k) − δ(n−k) − bd0(k, np) − bd0(n−k, nq)) /
  /// √(2π k (n−k)/n), as in R's `dbinom_raw`.
  /// - Parameters:
  ///   - k: the number of successes, 0 ≤ k ≤ n.
  ///   - n: the number of trials.
  ///   - p: the success probability.
  ///   - q: 1 − p.
  /// - Complexity: O(1).
  public static func binomialProbability(_ k: Double, _ n: Double, _ p: Double, _ q: Double)
    -> Double
  {
    if p == 0 { return k == 0 ? 1 : 0 }
    if q == 0 { return k == n ? 1 : 0 }
    if k < 0 || k > n { return 0 }
    if k == 0 {
      if n == 0 { return 1 }
      return exp(p < 0.1 ? -saddlePointDeviance(n, n * q) - n * p : n * log1p(-p))
    }
    if k == n {
      return exp(q < 0.1 ? -saddlePointDeviance(n, n * p) - n * q : n * log(p))
    }
    let lc =
      stirlingError(n) - stirlingError(k) - stirlingError(n - k)
      - saddlePointDeviance(k, n * p) - saddlePointDeviance(n - k, n * q)
    let lf = ln2Pi + log(k) + log1p(-k / n)
    return exp(lc - 0.5 * lf)
  }

  /// The logarithm of ``binomialProbability(_:_:_:_:)``, finite far below the underflow.
  /// - Complexity: O(1).
  public static func logBinomialProbability(_ k: Double, _ n: Double, _ p: Double, _ q: Double)
    -> Double
  {
    if p == 0 { return k == 0 ? 0 : -.infinity }
    if q == 0 { return k == n ? 0 : -.infinity }
    if k < 0 || k > n { return -.infinity }
    if k == 0 {
      if n == 0 { return 0 }
      return p < 0.1 ? -saddlePointDeviance(n, n * q) - n * p : n * log1p(-p)
    }
    if k == n {
      return q < 0.1 ? -saddlePointDeviance(n, n * p) - n * q : n * log(p)
    }
    let lc =
      stirlingError(n) - stirlingError(k) - stirlingError(n - k)
      - saddlePointDeviance(k, n * p) - saddlePointDeviance(n - k, n * q)
    let lf = ln2Pi + log(k) + log1p(-k / n)
    return lc - 0.5 * lf
  }

  /// The Poisson probability e^(−λ) λᵏ / k! for real k ≥ 0, relative-accurate for large k, λ.
  ///
  /// Loader's form exp(−δ(k) − bd0(k, λ)) / √(2πk) (R's `dpois_raw`).
  /// - Complexity: O(1).
  public static func poissonProbability(_ k: Double, _ lambda: Double) -> Double {
    exp(logPoissonProbability(k, lambda))
  }

  /// The logarithm of ``poissonProbability(_:_:)``.
  /// - Complexity: O(1).
  public static func logPoissonProbability(_ k: Double, _ lambda: Double) -> Double {
    if lambda == 0 { return k == 0 ? 0 : -.infinity }
    if k < 0 { return -.infinity }
    if k == 0 { return -lambda }
    if lambda.isInfinite { return -.infinity }
    return -stirlingError(k) - saddlePointDeviance(k, lambda) - 0.5 * (ln2Pi + log(k))
  }
}
