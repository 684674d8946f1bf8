// IncompleteGamma.swift: the regularized incomplete gamma functions P(a, x) and Q(a, x).
import _Platform

extension SpecialFunctions {
  /// The regularized lower incomplete gamma function P(a, x) = γ(a, x) / Γ(a).
  ///
  /// - Parameters:
  ///   - a: the shape, > 0.
  ///   - x: the argument, ≥ 0.
  /// - Returns: P(a, x); `NaN` outside the domain.
  /// - Complexity: O(√a) series or continued-fraction terms in the worst case (x ≈ a),
  ///   O(1) typical.
  @inlinable
  public static func regularizedGammaP(_ a: Double, _ x: Double) -> Double {
    regularizedGamma(a, x).p
  }

  /// The regularized upper incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a), computed
  /// directly in the upper tail (relative-accurate down to the underflow, never 1 − P).
  ///
  /// - Parameters:
  ///   - a: the shape, > 0.
  ///   - x: the argument, ≥ 0.
  /// - Complexity: as ``regularizedGammaP(_:_:)``.
  @inlinable
  public static func regularizedGammaQ(_ a: Double, _ x: Double) -> Double {
    regularizedGamma(a, x).q
  }

  /// Both regularized incomplete gamma functions, each accurate in its own tail.
  ///
  /// Method (after Numerical Recipes §6.2 and DiDonato & Morris 1986, ACM TOMS 12:377):
  /// - the common factor D = xᵃ e⁻ˣ / Γ(a + 1) is computed with Loader's saddle-point form
  ///   exp(−δ(a) − bd0(a, x)) / √(2πa) for a ≥ 1, so that it keeps full relative accuracy
  ///   for large a with x near a;
  /// - x < a + 1: P = D · Σₙ xⁿ / ((a+1)…(a+n)) (positive terms), Q = 1 − P (P ≲ 0.86 there);
  /// - x ≥ a + 1: Q = a D · (Legendre continued fraction, modified Lentz), P = 1 − Q;
  /// - a = 1: P = −expm1(−x), Q = e⁻ˣ; a = ½: erf/erfc of √x with the rounding of √x corrected;
  /// - a < 1, x < 1.1 with P > ½: Q directly from
  ///   Q = [Γ(1+a) − 1 − (xᵃ − 1)] / Γ(1+a) − a xᵃ/Γ(1+a) · Σₙ₌₁ (−x)ⁿ / (n! (a+n)),
  ///   with Γ(1+a) − 1 and xᵃ − 1 from `expm1`, so a tiny Q is not lost to cancellation.
  /// - Complexity: O(√a) terms in the worst case.
  public static func regularizedGamma(_ a: Double, _ x: Double) -> (p: Double, q: Double) {
    let r = incompleteGammaCore(a, x)
    return (r.p, r.q)
  }

  /// xᵃ e⁻ˣ / Γ(a + 1), relative-accurate also for large a and x.
  ///
  /// For a < 170 and moderate x the direct product `pow(x, a)·e⁻ˣ/tgamma(a+1)`; otherwise
  /// Loader's (2000) saddle-point form exp(−δ(a) − bd0(a, x)) / √(2πa).
  /// - Complexity: O(1).
  @inlinable
  package static func gammaPrefactor(_ a: Double, _ x: Double) -> Double {
    if x == 0 { return 0 }
    if a == 1 { return x * exp(-x) }
    if a < 170 && x < 1400 {
      // Direct product when no factor under- or overflows: pow, exp and tgamma are each within
      // a few ulp, better than exponentiating a large deviance (bd0 ≈ 700 costs 1.5e-13).
      // e⁻ˣ is applied as two halves so that x up to 1400 stays in range.
      let logPow = a * log(x)
      if logPow > -700 && logPow < 700 {
        let half = exp(-0.5 * x)
        return pow(x, a) * half / tgamma(a + 1) * half
      }
    }
    if a >= 1 { return poissonProbability(a, x) }
    return exp(a * log(x) - x - logGamma1p(a))
  }

  @usableFromInline
  static func incompleteGammaCore(_ a: Double, _ x: Double) -> (p: Double, q: Double, d: Double) {
    guard a > 0, x >= 0 else { return (.nan, .nan, .nan) }
    if x == 0 { return (0, 1, 0) }
    if x.isInfinite { return (1, 0, 0) }
    if a.isInfinite { return (0, 1, 0) }
    if a == 0.5 { return gammaHalfShape(x) }
    let d = gammaPrefactor(a, x)
    // The exponential distribution: both tails in closed form.
    if a == 1 { return (-expm1(-x), exp(-x), d) }
    if x < a + 1 {
      let p = d * gammaSeries(a, x)
      if p <= 0.5 || a >= 1 || x >= 1.1 { return (p, 1 - p, d) }
      let q = gammaSmallShapeQ(a, x)
      return (1 - q, q, d)
    }
    let q = a * d * gammaContinuedFraction(a, x)
    return (1 - q, q, d)
  }

  /// P(½, x) = erf(√x) and Q(½, x) = erfc(√x) (χ² with one degree of freedom), with the
  /// rounding δ of √x recovered by a fused multiply–add and applied as the first-order
  /// correction ∓δ·(2/√π)·e⁻ˣ, so that Q keeps its relative accuracy far into the tail.
  @usableFromInline
  static func gammaHalfShape(_ x: Double) -> (p: Double, q: Double, d: Double) {
    let s = x.squareRoot()
    let delta = x.addingProduct(-s, s) / (2 * s)  // √x = s + δ
    let twoOverSqrtPi = 1.128_379_167_095_512_573_9
    let e = exp(-x)
    let d = twoOverSqrtPi * s * e  // x^½ e⁻ˣ / Γ(3/2)
    let correction = delta * twoOverSqrtPi * e
    let q = erfc(s) - correction
    let p = erf(s) + correction
    return (p, q, d)
  }

  /// Σₙ xⁿ / ((a+1)…(a+n)), n ≥ 0.
  @usableFromInline
  static func gammaSeries(_ a: Double, _ x: Double) -> Double {
    var sum = 1.0
    var term = 1.0
    var ap = a
    for _ in 0..<1_000_000 {
      ap += 1
      term *= x / ap
      sum += term
      if term <= sum * 0x1p-54 { break }
    }
    return sum
  }

  /// The continued fraction Γ(a, x) eˣ x⁻ᵃ = 1/(x+1−a− 1(1−a)/(x+3−a− 2(2−a)/(x+5−a− …))),
  /// evaluated with the modified Lentz algorithm (Numerical Recipes `gcf`).
  @usableFromInline
  static func gammaContinuedFraction(_ a: Double, _ x: Double) -> Double {
    let tiny = 1e-300
    var b = x + 1 - a
    var c = 1 / tiny
    var d = 1 / b
    var h = d
    var i = 1.0
    while i < 1e6 {
      let an = -i * (i - a)
      b += 2
      d = an * d + b
      if abs(d) < tiny { d = tiny }
      c = b + an / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let delta = d * c
      h *= delta
      if abs(delta - 1) <= 0x1p-53 { break }
      i += 1
    }
    return h
  }

  /// Q(a, x) for a < 1, x < 1.1 without cancellation (DiDonato & Morris 1986, §3).
  @usableFromInline
  static func gammaSmallShapeQ(_ a: Double, _ x: Double) -> Double {
    let lg1p = logGamma1p(a)
    let gamma1p = exp(lg1p)
    let gamma1pm1 = expm1(lg1p)
    let alx = a * log(x)
    let xaMinus1 = expm1(alx)
    // S1 = Σₙ₌₁ (−x)ⁿ / (n! (a + n)).
    var s = 0.0
    var term = 1.0
    var n = 1.0
    while n < 200 {
      term *= -x / n
      let t = term / (a + n)
      s += t
      if abs(t) <= abs(s) * 0x1p-54 { break }
      n += 1
    }
    return (gamma1pm1 - xaMinus1) / gamma1p - exp(alx) / gamma1p * a * s
  }
}
