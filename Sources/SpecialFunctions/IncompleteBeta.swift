// IncompleteBeta.swift: the regularized incomplete beta function I_x(a, b) and its complement.
import _Platform

extension SpecialFunctions {
  /// The regularized incomplete beta function I_x(a, b) = B(x; a, b) / B(a, b).
  ///
  /// - Parameters:
  ///   - x: the argument in [0, 1].
  ///   - a: the first shape, > 0.
  ///   - b: the second shape, > 0.
  /// - Returns: I_x(a, b); `NaN` outside the domain.
  /// - Complexity: O(√max(a, b)) continued-fraction terms in the worst case.
  @inlinable
  public static func regularizedBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
    regularizedBeta(x: x, y: 1 - x, a: a, b: b).i
  }

  /// 1 − I_x(a, b) = I_{1−x}(b, a), computed directly (relative-accurate in the upper tail).
  ///
  /// - Parameters:
  ///   - x: the argument in [0, 1].
  ///   - a: the first shape, > 0.
  ///   - b: the second shape, > 0.
  /// - Complexity: as ``regularizedBeta(_:_:_:)``.
  @inlinable
  public static func regularizedBetaComplement(_ x: Double, _ a: Double, _ b: Double) -> Double {
    regularizedBeta(x: x, y: 1 - x, a: a, b: b).ic
  }

  /// I_x(a, b) and 1 − I_x(a, b), each accurate in its own tail, with y = 1 − x passed
  /// separately so that callers who know the small one of x, y exactly (the t and F
  /// distributions, the binomial with p near 1) keep its precision.
  ///
  /// The smaller of x and y is taken as exact and the other as its complement.
  ///
  /// Method (Didonato & Morris 1992, ACM TOMS 18:360, "Algorithm 708: BRATIO"), following
  /// its case analysis:
  /// - min(a, b) ≤ 1: the power series (BPSER), the finite sum (BUP) and the asymptotic
  ///   expansion for large a and small b (BGRAT); the classical continued fraction is
  ///   ill-conditioned there (for example the t distribution with ν = 1e6: I_x(5e5, ½) with
  ///   x = 1 − 4e-6);
  /// - 1 < min(a, b) < 40: BPSER when b·x ≤ 0.7, else BUP on the fractional part of b plus
  ///   BPSER or BGRAT, on the side of the mean where λ = a − (a+b)x ≥ 0;
  /// - min(a, b) ≥ 40: the continued fraction in λ-form (BFRAC), and near the mean of a beta
  ///   with both shapes above 100 (|λ| ≤ 0.03 min(a, b)) the asymptotic expansion BASYM;
  /// - the prefactor xᵃ yᵇ / B(a, b) is computed for a, b ≥ 8 as
  ///   √(ab / (2π(a+b))) · exp(−a·rlog1(−λ/a) − b·rlog1(λ/b) − Δ), with
  ///   rlog1(e) = e − log(1+e) from a series and Δ the Stirling corrections of B(a, b), so
  ///   that no large logarithms cancel (brcomp); otherwise from logarithms with `log1p`.
  ///   It multiplies the series or fraction outside the exponential unless it alone would
  ///   underflow.
  /// Each tail is computed directly where it is the smaller one; the other is its complement.
  /// - Complexity: O(√max(a, b)) terms in the worst case.
  public static func regularizedBeta(x: Double, y: Double, a: Double, b: Double)
    -> (i: Double, ic: Double)
  {
    guard a > 0, b > 0, x >= 0, y >= 0, x <= 1, y <= 1 else { return (.nan, .nan) }
    if x == 0 { return (0, 1) }
    if y == 0 { return (1, 0) }
    if a.isInfinite || b.isInfinite {
      if a.isInfinite && b.isInfinite { return (.nan, .nan) }
      return a.isInfinite ? (0, 1) : (1, 0)
    }
    if min(a, b) <= 1 { return betaSmallShape(x: x, y: y, a: a, b: b) }
    if min(a, b) < 40 { return betaModerateShape(x: x, y: y, a: a, b: b) }
    if min(a, b) > 100 {
      // Near the mean of a beta with both shapes large: the asymptotic expansion (BASYM).
      let xPrimary = x <= y
      let lambda = xPrimary ? a - (a + b) * x : (a + b) * y - b
      if abs(lambda) <= 0.03 * min(a, b) {
        if lambda >= 0 {
          let w = betaAsymptoticLargeShapes(a, b, lambda)
          return (w, 1 - w)
        } else {
          let w1 = betaAsymptoticLargeShapes(b, a, -lambda)
          return (1 - w1, w1)
        }
      }
    }
    // BFRAC on the side of the mean where λ = a − (a+b)x ≥ 0.
    let xPrimary = x <= y
    let lambda = xPrimary ? a - (a + b) * x : (a + b) * y - b
    if lambda >= 0 {
      let lower = scaledBetaPrefactor(
        x: x, y: y, a: a, b: b, times: betaFraction(a, b, x, y, lambda))
      return (lower, 1 - lower)
    } else {
      let upper = scaledBetaPrefactor(
        x: y, y: x, a: b, b: a, times: betaFraction(b, a, y, x, -lambda))
      return (1 - upper, upper)
    }
  }

  /// BFRAC: the continued fraction of I_x(a, b) / (xᵃ yᵇ / B(a, b)) in λ-form.
  ///
  /// For a, b > 1 and λ = (a + b)y − b ≥ 0, evaluated by the three-term recurrence with
  /// rescaling (Didonato & Morris 1992, eq. 2.5; TOMS 708 `bfrac`). Better conditioned than
  /// the classical form for large a, b.
  @usableFromInline
  static func betaFraction(_ a: Double, _ b: Double, _ x: Double, _ y: Double, _ lambda: Double)
    -> Double
  {
    let c = lambda + 1
    let c0 = b / a
    let c1 = 1 / a + 1
    let yp1 = y + 1
    var n = 0.0
    var p = 1.0
    var s = a + 1
    var an = 0.0
    var bn = 1.0
    var anp1 = 1.0
    var bnp1 = c / c1
    var r = c1 / c
    while n < 100_000 {
      n += 1
      var t = n / a
      let w = n * (b - n) * x
      var e = a / s
      let alpha = p * (p + c0) * e * e * (w * x)
      e = (t + 1) / (c1 + t + t)
      let beta = n + w / s + e * (c + n * yp1)
      p = t + 1
      s += 2
      t = alpha * an + beta * anp1
      an = anp1
      anp1 = t
      t = alpha * bn + beta * bnp1
      bn = bnp1
      bnp1 = t
      let r0 = r
      r = anp1 / bnp1
      if abs(r - r0) <= 1e-16 * r { break }
      an /= bnp1
      bn /= bnp1
      anp1 = r
      bnp1 = 1
    }
    return r
  }

  /// xᵃ yᵇ / B(a, b) with y = 1 − x, relative-accurate also for large a and b.
  ///
  /// Didonato & Morris (1992) `brcomp`; see ``regularizedBeta(x:y:a:b:)``.
  /// - Complexity: O(1).
  @usableFromInline
  package static func betaPrefactor(x: Double, y: Double, a: Double, b: Double) -> Double {
    scaledBetaPrefactor(x: x, y: y, a: a, b: b, times: 1)
  }

  /// m · xᵃ yᵇ / B(a, b): the factor m is applied outside the exponential (no extra rounding
  /// of a large exponent) unless the prefactor alone would underflow, in which case it is
  /// folded in as log m.
  @usableFromInline
  static func scaledBetaPrefactor(x: Double, y: Double, a: Double, b: Double, times m: Double)
    -> Double
  {
    let (exponent, scale) = betaPrefactorParts(x: x, y: y, a: a, b: b)
    let sm = scale * m
    if exponent > -700 { return sm * exp(exponent) }
    return exp(exponent + log(sm))
  }

  /// log(xᵃ yᵇ / B(a, b)) with y = 1 − x, finite far below the underflow of
  /// ``betaPrefactor(x:y:a:b:)``.
  /// - Complexity: O(1).
  public static func logBetaPrefactor(x: Double, y: Double, a: Double, b: Double) -> Double {
    let (exponent, scale) = betaPrefactorParts(x: x, y: y, a: a, b: b)
    return exponent + log(scale)
  }

  /// xᵃ yᵇ / B(a, b) = scale · e^exponent (brcomp for a, b ≥ 8, logarithms otherwise).
  @usableFromInline
  static func betaPrefactorParts(x: Double, y: Double, a: Double, b: Double)
    -> (exponent: Double, scale: Double)
  {
    let xPrimary = x <= y
    let lx = xPrimary ? log(x) : log1p(-y)
    let ly = xPrimary ? log1p(-x) : log(y)
    if a >= 8 && b >= 8 {
      let n = a + b
      let lambda = xPrimary ? a - n * x : n * y - b
      let e1 = -lambda / a
      // log(x/x₀) as the log of one ratio (x n / a), not a difference of two large logs.
      let u = abs(e1) <= 0.6 ? logOnePlusDeviation(e1) : e1 - log(x * (n / a))
      let e2 = lambda / b
      let v = abs(e2) <= 0.6 ? logOnePlusDeviation(e2) : e2 - log(y * (n / b))
      let correction =
        logGammaCorrection(a) + logGammaCorrection(b) - logGammaCorrection(n)
      let invSqrt2Pi = 0.398_942_280_401_432_677_94
      return (-(a * u + b * v) - correction, invSqrt2Pi * (a * (b / n)).squareRoot())
    }
    return (a * lx + b * ly - logBeta(a, b), 1)
  }

  /// rlog1(e) = e − log(1 + e) for |e| ≤ 0.6, without cancellation.
  ///
  /// With t = e/(2+e): log(1+e) = 2 atanh t, so e − log(1+e) = e·t − 2(t³/3 + t⁵/5 + …).
  @usableFromInline
  static func logOnePlusDeviation(_ e: Double) -> Double {
    let t = e / (2 + e)
    let t2 = t * t
    var power = t * t2
    var sum = 0.0
    var k = 3.0
    while k < 200 {
      let term = power / k
      sum += term
      if abs(term) <= abs(sum) * 0x1p-54 { break }
      power *= t2
      k += 2
    }
    return e * t - 2 * sum
  }
}
