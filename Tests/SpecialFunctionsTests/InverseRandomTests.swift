// Randomised robustness checks of the inverse incomplete gamma and beta functions.
import Foundation
import Testing
import _TestSupport

@testable import SpecialFunctions

/// Each case is (seed, largest shape): ordinary shapes, and shapes up to 1e7 / 1e8 (binomial and
/// Poisson cdfs with n up to 1e7 and 1e8).
@Suite struct InverseRandomTests {
  /// Expects `value` = T(inverse(t)) to equal `t` to rounding; returns the error as a fraction
  /// of the allowance.
  ///
  /// T(inverse(t)) = t to rounding: |T(x)/t − 1| ≤ 1e-13 + 2 ulp · |log t| + 8 ulp · |d log T /
  /// d log x| (the second term is the accuracy of T itself near the underflow, where it is the
  /// exponential of a number near −700; the third is the rounding of x); `slope` is
  /// |d log T / d log x|.
  static func expectRoundTrip(
    _ value: Double, _ t: Double, slope: Double, _ message: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) -> Double {
    let error = abs(value / t - 1)
    let allowance = 1e-13 + 4e-16 * abs(log(t)) + 8e-16 * max(1, slope)
    #expect(error <= allowance, "\(message)", sourceLocation: sourceLocation)
    return error / allowance
  }

  /// Calls `check` at 3000 points of the seeded stream: `shapes` log-uniform shapes in
  /// [0.01, maxShape], a log-uniform target t in [1e-300, 0.5] and a coin flip, in that order; prints
  /// the worst value `check` returns (error / allowance; nil for a point it skips).
  static func atRandomPoints(
    _ name: String, seed: UInt64, maxShape: Double, shapes: Int,
    _ check: (_ shapes: [Double], _ t: Double, _ flip: Bool) -> Double?
  ) {
    var rng = SplitMixSequence(state: seed)
    var worst = 0.0
    for _ in 0..<3000 {
      let drawn = (0..<shapes).map { _ in rng.logUniform(0.01, maxShape) }
      let t = rng.logUniform(1e-300, 0.5)
      let flip = rng.next() < 0.5
      if let ratio = check(drawn, t, flip) { worst = max(worst, ratio) }
    }
    print("\(name) inverse (shapes ≤ \(maxShape)): worst error / allowance = \(worst)")
  }

  @Test(arguments: [(UInt64(2026), 1e4), (UInt64(99), 1e7)])
  func betaInverseAtRandomPoints(seed: UInt64, maxShape: Double) {
    Self.atRandomPoints("beta", seed: seed, maxShape: maxShape, shapes: 2) { s, t, complement in
      let (a, b) = (s[0], s[1])
      let r = SpecialFunctions.inverseRegularizedBetaPair(t, a, b, complement: complement)
      #expect(r.x >= 0 && r.x <= 1 && r.y >= 0 && r.y <= 1, "a=\(a) b=\(b) t=\(t)")
      // Roots below the normal range (subnormal or zero) cannot carry full precision.
      guard min(r.x, r.y) >= .leastNormalMagnitude else { return nil }
      let v = SpecialFunctions.regularizedBeta(x: r.x, y: r.y, a: a, b: b)
      let value = complement ? v.ic : v.i
      let front = SpecialFunctions.betaPrefactor(x: r.x, y: r.y, a: a, b: b)
      // |d log T / d log s| for s the smaller of x and y: front / (max(x, y) · T).
      let slope = front / (max(r.x, r.y) * value)
      return Self.expectRoundTrip(
        value, t, slope: slope,
        "a=\(a) b=\(b) t=\(t) complement=\(complement) x=\(r.x) got \(value)")
    }
  }

  @Test(arguments: [(UInt64(7), 1e5), (UInt64(5), 1e8)])
  func gammaInverseAtRandomPoints(seed: UInt64, maxShape: Double) {
    Self.atRandomPoints("gamma", seed: seed, maxShape: maxShape, shapes: 1) { s, t, upper in
      let a = s[0]
      let x =
        upper
        ? SpecialFunctions.inverseRegularizedGammaQ(a, t)
        : SpecialFunctions.inverseRegularizedGammaP(a, t)
      #expect(x >= 0 && x.isFinite, "a=\(a) t=\(t) upper=\(upper)")
      guard x >= .leastNormalMagnitude, x.isFinite else { return nil }
      let r = SpecialFunctions.regularizedGamma(a, x)
      let value = upper ? r.q : r.p
      let slope = a * SpecialFunctions.gammaPrefactor(a, x) / value
      return Self.expectRoundTrip(
        value, t, slope: slope, "a=\(a) t=\(t) upper=\(upper) x=\(x) got \(value)")
    }
  }
}
