// IncompleteBeta.swift: the regularized incomplete beta function I_x(a, b) and its complement.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

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
  /// Method (Didonato & Morris 1992, ACM TOMS 18:360, "BRATIO"; Numerical Recipes §6.4):
  /// - the prefactor xᵃ yᵇ / B(a, b) is computed for a, b ≥ 8 as
  ///   √(ab / (2π(a+b))) · exp(−a·rlog1(−λ/a) − b·rlog1(λ/b) − Δ), with λ = a − (a+b)x,
  ///   rlog1(e) = e − log(1+e) from a series, and Δ the Stirling corrections of B(a, b), so
  ///   that no large logarithms cancel (brcomp); otherwise from logarithms with `log1p`;
  /// - the continued fraction (modified Lentz) is evaluated for the tail on the near side of
  ///   (a+1)/(a+b+2), where it converges in O(√max(a, b)) terms; the other tail is its
  ///   complement, which is at least about ½ there;
  /// - when min(a, b) < 40, BRATIO's choice among the power series (BPSER), the finite sum
  ///   (BUP) and the asymptotic expansion for large a and small b (BGRAT, Didonato & Morris
  ///   1992 §9) replaces the continued fraction, which is ill-conditioned there (for example
  ///   the t distribution with ν = 1e6: I_x(5e5, ½) with x = 1 − 4e-6); the continued fraction
  ///   is kept for min(a, b) ≥ 40 (in place of BRATIO's BFRAC and BASYM).
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
    if x * (a + b + 2) < a + 1 {
      let lower = scaledBetaPrefactor(
        x: x, y: y, a: a, b: b, times: betaContinuedFraction(a, b, x) / a)
      return (lower, 1 - lower)
    } else {
      let upper = scaledBetaPrefactor(
        x: x, y: y, a: a, b: b, times: betaContinuedFraction(b, a, y) / b)
      return (1 - upper, upper)
    }
  }

  /// xᵃ yᵇ / B(a, b) with y = 1 − x, relative-accurate also for large a and b.
  ///
  /// Didonato & Morris (1992) `brcomp`; see ``regularizedBeta(x:y:a:b:)``.
  /// - Complexity: O(1).
  public static func betaPrefactor(x: Double, y: Double, a: Double, b: Double) -> Double {
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
      let u = abs(e1) <= 0.6 ? logOnePlusDeviation(e1) : e1 - (lx - log(a / n))
      let e2 = lambda / b
      let v = abs(e2) <= 0.6 ? logOnePlusDeviation(e2) : e2 - (ly - log(b / n))
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

  /// The continued fraction of I_x(a, b) · a B(a, b) / (xᵃ (1−x)ᵇ) (modified Lentz;
  /// Numerical Recipes `betacf`), for x < (a+1)/(a+b+2).
  @usableFromInline
  static func betaContinuedFraction(_ a: Double, _ b: Double, _ x: Double) -> Double {
    let tiny = 1e-300
    let qab = a + b
    let qap = a + 1
    let qam = a - 1
    var c = 1.0
    var d = 1 - qab * x / qap
    if abs(d) < tiny { d = tiny }
    d = 1 / d
    var h = d
    var m = 1.0
    while m < 1e7 {
      let m2 = 2 * m
      var aa = m * (b - m) * x / ((qam + m2) * (a + m2))
      d = 1 + aa * d
      if abs(d) < tiny { d = tiny }
      c = 1 + aa / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      h *= d * c
      aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
      d = 1 + aa * d
      if abs(d) < tiny { d = tiny }
      c = 1 + aa / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let delta = d * c
      h *= delta
      if abs(delta - 1) <= 0x1p-53 { break }
      m += 1
    }
    return h
  }
}
