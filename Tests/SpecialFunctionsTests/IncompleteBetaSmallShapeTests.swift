// Tests for the small-shape branches of the incomplete beta function (BPSER, BUP, BGRAT).
import Foundation
import Testing
import _TestSupport

@testable import SpecialFunctions

@Suite struct IncompleteBetaSmallShapeTests {
  /// Each branch agrees with the continued fraction where the latter is well conditioned, and
  /// with closed forms.
  @Test func branchesAgreeWithClosedForms() {
    // I_x(a, 1) = xᵃ (power series branch) and I_x(1, b) = 1 − (1 − x)ᵇ (complement).
    for a in [0.01, 0.3, 0.9] {
      for x in [1e-10, 0.05, 0.4, 0.8, 0.999] {
        let r = SpecialFunctions.betaSmallShape(x: x, y: 1 - x, a: a, b: 1)
        #expect(isClose(r.i, pow(x, a), relative: 1e-14), "a=\(a) x=\(x)")
        let s = SpecialFunctions.betaSmallShape(x: x, y: 1 - x, a: 1, b: a)
        #expect(isClose(s.ic, pow(1 - x, a), relative: 1e-13), "b=\(a) x=\(x)")
      }
    }
    // I_x(½, ½) = (2/π) asin √x, through every branch as x moves.
    for x in [1e-12, 1e-3, 0.2, 0.5, 0.7, 0.99] {
      let r = SpecialFunctions.betaSmallShape(x: x, y: 1 - x, a: 0.5, b: 0.5)
      #expect(isClose(r.i, 2 / Double.pi * asin(x.squareRoot()), relative: 1e-14))
    }
  }

  @Test func asymptoticExpansionForLargeA() {
    // The t distribution with ν = 2: P(T > t) = ½ (1 − t/√(2 + t²)) = ½ I_x(1, ½), x = 2/(2+t²);
    // with ν = 1e6 the expansion (BGRAT) must agree with the normal tail to O(1/ν).
    for t in [0.5, 2.0, 5.0] {
      let nu = 1e6
      let y = t * t / (nu + t * t)
      let r = SpecialFunctions.regularizedBeta(x: 1 - y, y: y, a: nu / 2, b: 0.5)
      let normal = SpecialFunctions.normalTail(t)
      #expect(isClose(0.5 * r.i, normal, relative: 1e-4 * t * t))
    }
    // BUP + BGRAT (moderate b0) against BPSER on the other side of its switch: continuity.
    let left = SpecialFunctions.regularizedBeta(0.2899999999, 0.7, 20)
    let right = SpecialFunctions.regularizedBeta(0.2900000001, 0.7, 20)
    #expect(abs(left - right) < 1e-8)
  }
}
