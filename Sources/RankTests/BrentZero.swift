// BrentZero.swift: Brent's root finder, step for step as R's `uniroot` (zeroin), so intervals that
// R finds by root finding are reproduced to the last bit.

/// Brent's (1973) zero finder in the form R's `uniroot` uses (R_zeroin2 in R's `zeroin.c`):
/// bisection, secant and inverse quadratic interpolation on a bracketing interval.
///
/// R's Hodges–Lehmann intervals of the normal approximation are roots of a *step* function found
/// with `tol = 1e-4`: the value returned depends on the exact sequence of iterates, not only on
/// the root. Following R's iteration exactly (same tests, same order of operations) gives R's
/// answer, not merely one within the tolerance of it.
///
/// References:
/// - Brent, R. P. (1973). *Algorithms for Minimization without Derivatives*, ch. 4. Prentice-Hall.
/// - R Core Team, `src/library/stats/src/zeroin.c` (the C translation R's `uniroot` calls).
enum BrentZero {
  /// A root of `f` in `[lower, upper]`, given `f(lower)` and `f(upper)` of opposite signs (or
  /// zero).
  ///
  /// - Parameters:
  ///   - lower: the left end of the bracket.
  ///   - upper: the right end.
  ///   - fLower: `f(lower)`.
  ///   - fUpper: `f(upper)`.
  ///   - tolerance: R's `tol` (the bracket is narrowed to about this width).
  ///   - maximumIterations: R's `maxiter` (1000 by default).
  ///   - f: the function.
  /// - Returns: the last iterate (as R, also when the iterations run out).
  /// - Complexity: at most `maximumIterations + 1` evaluations of `f`.
  static func root(
    lower: Double, upper: Double, fLower: Double, fUpper: Double, tolerance: Double,
    maximumIterations: Int = 1000, _ f: (Double) -> Double
  ) -> Double {
    var a = lower
    var b = upper
    var fa = fLower
    var fb = fUpper
    var c = a
    var fc = fa
    if fa == 0 { return a }
    if fb == 0 { return b }
    let epsilon = Double.ulpOfOne
    var remaining = maximumIterations + 1
    while remaining > 0 {
      remaining -= 1
      let previousStep = b - a
      if abs(fc) < abs(fb) {
        a = b
        b = c
        c = a
        fa = fb
        fb = fc
        fc = fa
      }
      let tolAct = 2 * epsilon * abs(b) + tolerance / 2
      var newStep = (c - b) / 2
      if abs(newStep) <= tolAct || fb == 0 { return b }
      if abs(previousStep) >= tolAct && abs(fa) > abs(fb) {
        var p: Double
        var q: Double
        let cb = c - b
        if a == c {
          let t1 = fb / fa
          p = cb * t1
          q = 1.0 - t1
        } else {
          q = fa / fc
          let t1 = fb / fc
          let t2 = fb / fa
          p = t2 * (cb * q * (q - t1) - (b - a) * (t1 - 1.0))
          q = (q - 1.0) * (t1 - 1.0) * (t2 - 1.0)
        }
        if p > 0 { q = -q } else { p = -p }
        if p < (0.75 * cb * q - abs(tolAct * q) / 2) && p < abs(previousStep * q / 2) {
          newStep = p / q
        }
      }
      if abs(newStep) < tolAct { newStep = newStep > 0 ? tolAct : -tolAct }
      a = b
      fa = fb
      b += newStep
      fb = f(b)
      if (fb > 0 && fc > 0) || (fb < 0 && fc < 0) {
        c = a
        fc = fa
      }
    }
    return b
  }
}
