// IncompleteBetaSmallShape.swift: I_x(a, b) when min(a, b) ≤ 1 (Didonato & Morris 1992,
// BRATIO's series BPSER, finite sum BUP and asymptotic expansion BGRAT).
import _Platform

extension SpecialFunctions {
  /// (I_x(a, b), 1 − I_x(a, b)) for min(a, b) ≤ 1, following the case analysis of BRATIO.
  ///
  /// Reference: Didonato & Morris (1992), "Algorithm 708: significant digit computation of the
  /// incomplete beta function ratios", ACM TOMS 18:360–373.
  @usableFromInline
  static func betaSmallShape(x: Double, y: Double, a: Double, b: Double)
    -> (i: Double, ic: Double)
  {
    let swapped = x > 0.5
    let (a0, b0, x0, y0) = swapped ? (b, a, y, x) : (a, b, x, y)
    // Now x0 ≤ ½ ≤ y0, and x0 is the accurately known one of the pair.
    var w = 0.0
    var w1 = 0.0
    enum Route { case wSeries, w1Series, expansion }
    var route: Route
    if max(a0, b0) > 1 {
      if b0 <= 1 {
        route = .wSeries
      } else if x0 >= 0.29 {
        route = .w1Series
      } else if x0 < 0.1 && pow(x0 * b0, a0) <= 0.7 {
        route = .wSeries
      } else {
        route = .expansion
      }
    } else {
      if a0 >= min(0.2, b0) {
        route = .wSeries
      } else if pow(x0, a0) <= 0.9 {
        route = .wSeries
      } else if x0 >= 0.3 {
        route = .w1Series
      } else {
        route = .expansion
      }
    }
    switch route {
    case .wSeries:
      w = betaPowerSeries(a0, b0, x0, logX: log(x0), exactX: true)
      w1 = 1 - w
    case .w1Series:
      w1 = betaPowerSeries(b0, a0, y0, logX: log1p(-x0))
      w = 1 - w1
    case .expansion:
      var shapeB = b0
      if b0 <= 15 {
        w1 = betaFiniteSum(b0, a0, y0, x0, 20)
        shapeB += 20
      }
      w1 = betaAsymptoticLargeA(shapeB, a0, y0, x0, w1)
      w = 1 - w1
    }
    return swapped ? (w1, w) : (w, w1)
  }

  /// (I_x(a, b), 1 − I_x(a, b)) for 1 < min(a, b) < 40: BRATIO's branch for the smaller shape
  /// below 40 (power series when b x ≤ 0.7, else BUP on the fractional part of b plus BPSER or
  /// BGRAT), on the side of the mean where λ = a − (a+b)x ≥ 0.
  @usableFromInline
  static func betaModerateShape(x: Double, y: Double, a: Double, b: Double)
    -> (i: Double, ic: Double)
  {
    let xPrimary = x <= y
    var lambda = xPrimary ? a - (a + b) * x : (a + b) * y - b
    let swapped = lambda < 0
    if swapped { lambda = -lambda }
    var (a0, b0, x0, y0) = swapped ? (b, a, y, x) : (a, b, x, y)
    let logX0 = (swapped ? !xPrimary : xPrimary) ? log(x0) : log1p(-y0)
    var w: Double
    if b0 >= 40 {
      // Only reached when a0 < 40 ≤ b0 with λ ≥ 0: BFRAC.
      w = scaledBetaPrefactor(
        x: x0, y: y0, a: a0, b: b0, times: betaFraction(a0, b0, x0, y0, lambda))
    } else if b0 * x0 <= 0.7 {
      w = betaPowerSeries(a0, b0, x0, logX: logX0, exactX: x0 <= y0)
    } else {
      var n = Int(b0)
      var fraction = b0 - Double(n)
      if fraction == 0 {
        n -= 1
        fraction = 1
      }
      w = betaFiniteSum(fraction, a0, y0, x0, n)
      if x0 <= 0.7 {
        w += betaPowerSeries(a0, fraction, x0, logX: logX0, exactX: x0 <= y0)
      } else {
        if a0 <= 15 {
          w += betaFiniteSum(a0, fraction, x0, y0, 20)
          a0 += 20
        }
        w = betaAsymptoticLargeA(a0, fraction, x0, y0, w)
      }
    }
    _ = b0
    return swapped ? (1 - w, w) : (w, 1 - w)
  }

  /// BPSER: I_x(a, b) by the power series
  /// xᵃ/(a B(a, b)) · [1 + a Σⱼ (1−b)(2−b)…(j−b)/j! · xʲ/(a + j)], for b x ≲ 1 or x ≤ ½.
  @usableFromInline
  static func betaPowerSeries(
    _ a: Double, _ b: Double, _ x: Double, logX: Double, exactX: Bool = false
  ) -> Double {
    if x == 0 { return 0 }
    let lb = logBeta(a, b)
    var ans = exp(a * logX - lb) / a
    // When x is exact, xᵃ from pow avoids the error of exponentiating a large a·log x.
    if exactX && ans > 1e-300 && abs(lb) < 50 { ans = pow(x, a) * exp(-lb) / a }
    if ans == 0 { return 0 }
    var sum = 0.0
    var c = 1.0
    var n = 0.0
    let tol = 1e-17 / a
    while n < 1e7 {
      n += 1
      c *= (0.5 - b / n + 0.5) * x
      let term = c / (a + n)
      sum += term
      if abs(term) <= tol * max(1, abs(sum)) { break }
    }
    return ans * (a * sum + 1)
  }

  /// BUP: I_x(a, b) − I_x(a + n, b) = xᵃyᵇ/(a B(a, b)) · Σ_{i<n} Πₗ (a+b+l)/(a+1+l) · x.
  @usableFromInline
  static func betaFiniteSum(_ a: Double, _ b: Double, _ x: Double, _ y: Double, _ n: Int)
    -> Double
  {
    let apb = a + b
    let ap1 = a + 1
    // The first term may underflow while later (growing) terms do not: the prefactor is
    // applied to the whole sum at the end, through its logarithm if it alone would underflow
    // (TOMS 708 scales by exp(μ) instead).
    if n == 1 { return scaledBetaPrefactor(x: x, y: y, a: a, b: b, times: 1 / a) }
    let nm1 = n - 1
    var w = 1.0
    var d = 1.0
    var k = 0
    if b > 1 {
      if y > 1e-4 {
        let r = (b - 1) * x / y - a
        if r >= 1 { k = r < Double(nm1) ? Int(r) : nm1 }
      } else {
        k = nm1
      }
      for i in 0..<k {
        let l = Double(i)
        d *= (apb + l) / (ap1 + l) * x
        w += d
      }
    }
    if k < nm1 {
      for i in k..<nm1 {
        let l = Double(i)
        d *= (apb + l) / (ap1 + l) * x
        w += d
        if d <= 1e-17 * w { break }
      }
    }
    return scaledBetaPrefactor(x: x, y: y, a: a, b: b, times: w / a)
  }

  /// BGRAT: w + I_x(a, b) by the asymptotic expansion for a ≥ 15, b ≤ 1 (Didonato & Morris
  /// 1992 §9), in terms of Q(b, z) with z = −(a + (b−1)/2) log x.
  @usableFromInline
  static func betaAsymptoticLargeA(
    _ a: Double, _ b: Double, _ x: Double, _ y: Double, _ w: Double
  ) -> Double {
    let bm1 = (b - 0.5) - 0.5
    let nu = a + bm1 * 0.5
    let lnx = y > 0.375 ? log(x) : log1p(-y)
    let z = -nu * lnx
    if b * z == 0 { return w }
    // log r = log(e^(−z) z^b / Γ(b)).
    let logR = b * log(z) - z - logGamma(b)
    // log(Γ(a)/Γ(a+b)) + b log ν, with Stirling corrections (no large cancelling terms).
    let algdivPlus =
      b * log1p(-(b + 1) / (2 * (a + b))) + (b - (a - 0.5) * log1p(b / a))
      + logGammaCorrection(a) - logGammaCorrection(a + b)
    let logU = logR - algdivPlus
    let u = exp(logU)
    if u == 0 && w == 0 { return 0 }
    let l = w == 0 ? 0 : exp(log(w) - logU)
    let qb = regularizedGammaQ(b, z)
    let qr = exp(log(qb) - logR)
    let v = 0.25 / (nu * nu)
    let t2 = 0.25 * lnx * lnx
    var j = qr
    var sum = j
    var t = 1.0
    var cn = 1.0
    var n2 = 0.0
    // c[0..<30] and d[0..<30] of the recurrence, on the stack.
    return withUnsafeTemporaryAllocation(of: Double.self, capacity: 60) { buffer in
      let c = UnsafeMutableBufferPointer(rebasing: buffer[0..<30])
      let d = UnsafeMutableBufferPointer(rebasing: buffer[30..<60])
      for n in 1...30 {
        let bp2n = b + n2
        j = (bp2n * (bp2n + 1) * j + (z + bp2n + 1) * t) * v
        n2 += 2
        t *= t2
        cn /= n2 * (n2 + 1)
        let nm1 = n - 1
        c[nm1] = cn
        var s = 0.0
        if n > 1 {
          var coef = b - Double(n)
          for i in 1...nm1 {
            s += coef * c[i - 1] * d[nm1 - i]
            coef += b
          }
        }
        d[nm1] = bm1 * cn + s / Double(n)
        let dj = d[nm1] * j
        sum += dj
        if sum <= 0 { break }
        if abs(dj) <= 1e-16 * (sum + l) { break }
      }
      return w + u * sum
    }
  }
}

extension SpecialFunctions {
  /// BASYM: I_x(a, b) for a, b ≥ 15 (used above 100) by the asymptotic expansion of
  /// Didonato & Morris (1992) §10, with λ = (a + b)y − b = a − (a + b)x ≥ 0 small relative to
  /// a and b (x at or below the mean).
  @usableFromInline
  static func betaAsymptoticLargeShapes(_ a: Double, _ b: Double, _ lambda: Double) -> Double {
    let e0 = 1.128_379_167_095_512_573_9  // 2/√π
    let e1 = 0.353_553_390_593_273_762_2  // 2^(−3/2)
    let f = a * logOnePlusDeviation(-lambda / a) + b * logOnePlusDeviation(lambda / b)
    let t = exp(-f)
    if t == 0 { return 0 }
    let z0 = f.squareRoot()
    let z = z0 / e1 * 0.5
    let z2 = f + f
    let h: Double
    let r0: Double
    let r1: Double
    let w0: Double
    if a < b {
      h = a / b
      r0 = 1 / (h + 1)
      r1 = (b - a) / b
      w0 = 1 / (a * (h + 1)).squareRoot()
    } else {
      h = b / a
      r0 = 1 / (h + 1)
      r1 = (b - a) / a
      w0 = 1 / (b * (h + 1)).squareRoot()
    }
    // erfc1(z0) = exp(z0²) erfc(z0); f = z0² is exact input to both factors.
    let scaledErfc: Double
    if z0 < 26 {
      scaledErfc = exp(f) * erfc(z0)
    } else {
      // Asymptotic series 1/(z√π) (1 − 1/(2z²) + 3/(4z⁴) − 15/(8z⁶)).
      let iz2 = 1 / (2 * f)
      scaledErfc = (1 - iz2 * (1 - 3 * iz2 * (1 - 5 * iz2))) / (z0 * 1.772_453_850_905_516_027_3)
    }
    let terms = 20
    return withUnsafeTemporaryAllocation(of: Double.self, capacity: 4 * (terms + 1)) { buffer in
      let a0 = UnsafeMutableBufferPointer(rebasing: buffer[0..<(terms + 1)])
      let b0 = UnsafeMutableBufferPointer(rebasing: buffer[(terms + 1)..<(2 * terms + 2)])
      let c = UnsafeMutableBufferPointer(rebasing: buffer[(2 * terms + 2)..<(3 * terms + 3)])
      let d = UnsafeMutableBufferPointer(rebasing: buffer[(3 * terms + 3)..<(4 * terms + 4)])
      a0[0] = r1 * (2.0 / 3)
      c[0] = -0.5 * a0[0]
      d[0] = -c[0]
      var j0 = 0.5 / e0 * scaledErfc
      var j1 = e1
      var sum = j0 + d[0] * w0 * j1
      var s = 1.0
      let h2 = h * h
      var hn = 1.0
      var w = w0
      var znm1 = z
      var zn = z2
      var n = 2
      while n <= terms {
        hn *= h2
        a0[n - 1] = r0 * 2 * (h * hn + 1) / (Double(n) + 2)
        let np1 = n + 1
        s += hn
        a0[np1 - 1] = r1 * 2 * s / (Double(n) + 3)
        for i in n...np1 {
          let r = -0.5 * (Double(i) + 1)
          b0[0] = r * a0[0]
          if i >= 2 {
            for m in 2...i {
              var bsum = 0.0
              for j in 1...(m - 1) {
                let mmj = m - j
                bsum += (Double(j) * r - Double(mmj)) * a0[j - 1] * b0[mmj - 1]
              }
              b0[m - 1] = r * a0[m - 1] + bsum / Double(m)
            }
          }
          c[i - 1] = b0[i - 1] / (Double(i) + 1)
          var dsum = 0.0
          if i >= 2 {
            for j in 1...(i - 1) { dsum += d[i - j - 1] * c[j - 1] }
          }
          d[i - 1] = -(dsum + c[i - 1])
        }
        j0 = e1 * znm1 + (Double(n) - 1) * j0
        j1 = e1 * zn + Double(n) * j1
        znm1 *= z2
        zn *= z2
        w *= w0
        let t0 = d[n - 1] * w * j0
        w *= w0
        let t1 = d[np1 - 1] * w * j1
        sum += t0 + t1
        if abs(t0) + abs(t1) <= 1e-16 * sum { break }
        n += 2
      }
      let u = exp(-(logGammaCorrection(a) + logGammaCorrection(b) - logGammaCorrection(a + b)))
      return e0 * t * u * sum
    }
  }
}
