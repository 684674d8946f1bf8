// InverseIncompleteBeta.swift: x with I_x(a, b) = p or 1 − I_x(a, b) = q.
import _Platform

extension SpecialFunctions {
  /// The inverse of I_·(a, b): the x in [0, 1] with I_x(a, b) = p.
  ///
  /// - Parameters:
  ///   - p: a probability in [0, 1]; `NaN` outside.
  ///   - a: the first shape, > 0.
  ///   - b: the second shape, > 0.
  /// - Complexity: O(1) evaluations of I typically (about 5–10 Newton steps).
  public static func inverseRegularizedBeta(_ p: Double, _ a: Double, _ b: Double) -> Double {
    inverseRegularizedBetaPair(p, a, b, complement: false).x
  }

  /// The x in [0, 1] with 1 − I_x(a, b) = q, solved against the complement itself so tiny q
  /// are resolved.
  ///
  /// - Parameters:
  ///   - q: a probability in [0, 1]; `NaN` outside.
  ///   - a: the first shape, > 0.
  ///   - b: the second shape, > 0.
  /// - Complexity: as ``inverseRegularizedBeta(_:_:_:)``.
  public static func inverseRegularizedBetaComplement(_ q: Double, _ a: Double, _ b: Double)
    -> Double
  {
    inverseRegularizedBetaPair(q, a, b, complement: true).x
  }

  /// The solution as the pair (x, y = 1 − x), each with full relative precision — what the
  /// F and t quantiles need when x is close to 1.
  ///
  /// Solves the smaller tail (I = t or 1 − I = t with t ≤ ½) by safeguarded Newton iteration on
  /// log T as a function of the log-odds s = log(x / y). The pair is updated exactly,
  /// x ← x / (x + y e^(−Δ)), y ← y e^(−Δ) / (x + y e^(−Δ)), so neither loses precision near
  /// 0 or 1. Start: the small-x expansion x ≈ (t a B(a, b))^(1/a) (and its mirror for y), or a
  /// normal approximation with the beta mean and variance (cf. AS 109, Cran et al. 1977).
  /// - Parameters:
  ///   - t: the target probability.
  ///   - a: the first shape, > 0.
  ///   - b: the second shape, > 0.
  ///   - complement: solve 1 − I_x(a, b) = t instead of I_x(a, b) = t.
  /// - Complexity: as ``inverseRegularizedBeta(_:_:_:)``.
  @usableFromInline
  package static func inverseRegularizedBetaPair(
    _ t: Double, _ a: Double, _ b: Double, complement: Bool
  ) -> (x: Double, y: Double) {
    guard a > 0, b > 0, t >= 0, t <= 1 else { return (.nan, .nan) }
    // Reduce to the smaller tail.
    var upper = complement
    var target = t
    if target > 0.5 {
      target = 1 - target
      upper.toggle()
    }
    if target == 0 { return upper ? (1, 0) : (0, 1) }
    return betaInverse(a, b, target, upper: upper)
  }

  @usableFromInline
  static func betaInverse(_ a: Double, _ b: Double, _ t: Double, upper: Bool)
    -> (x: Double, y: Double)
  {
    let logT = log(t)
    let lb = logBeta(a, b)
    let n = a + b
    let mean = a / n
    let sd = (a * b / (n * n * (n + 1))).squareRoot()
    let z = normalQuantile(t)  // ≤ 0
    var x: Double
    var y: Double
    if !upper {
      let tail = exp((logT + log(a) + lb) / a)
      let normal = mean + z * sd
      let guess = normal > 0 ? max(tail, normal) : tail
      x = guess > 0 && guess < 1 ? guess : mean
      y = 1 - x
    } else {
      let tail = exp((logT + log(b) + lb) / b)
      let normal = (1 - mean) + z * sd
      let guess = normal > 0 ? max(tail, normal) : tail
      y = guess > 0 && guess < 1 ? guess : 1 - mean
      x = 1 - y
    }
    if x == 0 {
      x = .leastNormalMagnitude
      y = 1
    }
    if y == 0 {
      y = .leastNormalMagnitude
      x = 1
    }
    var sLo = -Double.infinity
    var sHi = Double.infinity
    var previousStep = Double.infinity
    for iteration in 0..<300 {
      let s = log(x) - log(y)
      let r = regularizedBeta(x: x, y: y, a: a, b: b)
      let value = upper ? r.ic : r.i
      // log(T/t): the ratio keeps the digits that log T − log t would lose when both are large.
      let ratio = value / t
      let f =
        value > 0 ? (ratio.isNormal ? log(ratio) : log(value) - logT) : -Double.infinity
      if f == 0 { return (x, y) }
      let tooSmall = (f < 0) != upper
      if tooSmall { sLo = s } else { sHi = s }
      let front = betaPrefactor(x: x, y: y, a: a, b: b)
      let slope = front / value  // |d log T / ds|
      var step = f.isFinite && slope > 0 ? (upper ? f / slope : -f / slope) : .nan
      // Small steps are always taken: s itself is too coarse (ulp 1e-13 at |s| = 700) to
      // compare them with the bracket, and near the root they are safe.
      let bisect = !step.isFinite || (abs(step) > 1e-6 && !(s + step > sLo && s + step < sHi))
      if bisect {
        var sNext: Double
        if sLo.isFinite && sHi.isFinite {
          sNext = 0.5 * (sLo + sHi)
        } else if sLo.isFinite {
          sNext = sLo + max(2, abs(sLo))
        } else {
          sNext = sHi - max(2, abs(sHi))
        }
        sNext = min(max(sNext, -745), 745)
        if sNext == s { return (x, y) }
        x = 1 / (1 + exp(-sNext))
        y = 1 / (1 + exp(sNext))
        if sLo.isFinite && sHi.isFinite && sHi - sLo < 1e-15 * max(1, abs(s)) { return (x, y) }
        if sNext <= -745 && !tooSmall { return (0, 1) }
        if sNext >= 745 && tooSmall { return (1, 0) }
        step = .infinity
        previousStep = step
        continue
      }
      let e = exp(-step)
      let d = x + y * e
      let nx = x / d
      let ny = y * e / d
      if nx == x && ny == y { return (x, y) }
      x = nx
      y = ny
      // The step is the relative change of the smaller of x and y: stop at rounding level.
      if abs(step) <= 0x1p-52 { return (x, y) }
      if iteration > 8 && abs(step) < 1e-11 && abs(step) > 0.5 * abs(previousStep) {
        return (x, y)
      }
      previousStep = step
    }
    return (x, y)
  }
}
