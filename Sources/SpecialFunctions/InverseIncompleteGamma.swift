// InverseIncompleteGamma.swift: x with P(a, x) = p or Q(a, x) = q.
import _Platform

extension SpecialFunctions {
  /// The inverse of P(a, ·): the x ≥ 0 with P(a, x) = p.
  ///
  /// - Parameters:
  ///   - a: the shape, > 0.
  ///   - p: a probability in [0, 1]; 0 → 0, 1 → +∞, `NaN` outside.
  /// - Complexity: O(1) evaluations of P/Q typically (about 4–8 Newton steps).
  public static func inverseRegularizedGammaP(_ a: Double, _ p: Double) -> Double {
    guard a > 0, p >= 0, p <= 1 else { return .nan }
    if p == 0 { return 0 }
    if p == 1 { return .infinity }
    return p <= 0.5 ? gammaInverse(a, p, upper: false) : gammaInverse(a, 1 - p, upper: true)
  }

  /// The inverse of Q(a, ·): the x ≥ 0 with Q(a, x) = q, solved against Q itself so that
  /// tiny q (down to the smallest subnormal) are resolved.
  ///
  /// - Parameters:
  ///   - a: the shape, > 0.
  ///   - q: a probability in [0, 1]; 0 → +∞, 1 → 0, `NaN` outside.
  /// - Complexity: as ``inverseRegularizedGammaP(_:_:)``.
  public static func inverseRegularizedGammaQ(_ a: Double, _ q: Double) -> Double {
    guard a > 0, q >= 0, q <= 1 else { return .nan }
    if q == 0 { return .infinity }
    if q == 1 { return 0 }
    return q <= 0.5 ? gammaInverse(a, q, upper: true) : gammaInverse(a, 1 - q, upper: false)
  }

  /// Solves P(a, x) = t (or Q(a, x) = t when `upper`) for t ≤ ½ by safeguarded Newton
  /// iteration on log T as a function of log x.
  ///
  /// Start: Wilson–Hilferty (1931) x ≈ a(1 − 1/(9a) + z/(3√a))³, or the small-x expansion
  /// x ≈ (t Γ(a+1))^(1/a) in the lower tail (DiDonato & Morris 1986 §4). The iterate is kept as
  /// x and updated multiplicatively, x ← x·exp(Δ), so tiny and huge quantiles keep full
  /// relative precision; a bracket [lo, hi] on x falls back to geometric bisection whenever a
  /// Newton step would leave it.
  @usableFromInline
  static func gammaInverse(_ a: Double, _ t: Double, upper: Bool) -> Double {
    let logT = log(t)
    let lg1p = logGamma1p(a)
    // Starting value.
    var x: Double
    let c = 1 / (9 * a)
    let z = upper ? -normalQuantile(t) : normalQuantile(t)
    let w = 1 - c + z * c.squareRoot()
    let wilson = w > 0 ? a * w * w * w : 0
    if !upper {
      let tail = exp((logT + lg1p) / a)
      x = (a > 1 && wilson > 0) ? wilson : tail
      if !(x > 0) || !x.isFinite { x = tail > 0 ? tail : .leastNormalMagnitude }
    } else {
      if a > 1 && wilson > 0 {
        x = wilson
      } else {
        // Q(a, x) ≈ x^(a−1) e^(−x) / Γ(a) for large x; else the lower-tail expansion.
        let l = -logT
        let asymptotic = l + (a - 1) * log(max(l, 1)) - logGamma(a)
        let lowerTail = exp((log1p(-t) + lg1p) / a)
        if asymptotic > 1 {
          x = asymptotic
        } else if lowerTail < 1 && lowerTail > 0 {
          x = lowerTail
        } else {
          x = 1
        }
      }
    }
    // If even the lower-tail expansion says x underflows, it does.
    if !upper && (logT + lg1p) / a < -745 { return 0 }
    var lo = 0.0
    var hi = Double.infinity
    var previousStep = Double.infinity
    for iteration in 0..<200 {
      let r = incompleteGammaCore(a, x)
      let value = upper ? r.q : r.p
      // Bracket: for the lower tail P rises with x; for the upper tail Q falls.
      // log(T/t): the ratio keeps the digits that log T − log t would lose when both are large.
      let ratio = value / t
      let f =
        value > 0 ? (ratio.isNormal ? log(ratio) : log(value) - logT) : -Double.infinity
      if f == 0 { return x }
      let tooSmall = (f < 0) != upper
      if tooSmall { lo = x } else { hi = x }
      let slope = a * r.d / value  // d log T / d log x, in absolute value
      var step = f.isFinite && slope > 0 ? (upper ? f / slope : -f / slope) : .nan
      // No usable Newton step (the tail underflowed): bisect or expand geometrically.
      if !step.isFinite { step = tooSmall ? 1e300 : -1e300 }
      var next = x * exp(step)
      if !(next > lo && next < hi) && !(abs(step) <= 1e-6) {
        if hi.isFinite && lo > 0 {
          next = (lo * hi).squareRoot()
        } else if hi.isFinite {
          next = hi / 16
        } else {
          next = lo * 16
        }
        step = .infinity
      }
      if next == x { return x }
      x = next
      if abs(step) <= 0x1p-52 { return x }
      // Past the quadratic phase the steps stop shrinking: rounding noise; stop there.
      if iteration > 8 && abs(step) < 1e-11 && abs(step) > 0.5 * abs(previousStep) {
        return x
      }
      previousStep = step
    }
    return x
  }
}
