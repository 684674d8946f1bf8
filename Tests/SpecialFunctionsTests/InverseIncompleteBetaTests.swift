// Tests for the inverse regularized incomplete beta functions.
import Foundation
import Testing
import _TestSupport

@testable import SpecialFunctions

@Suite struct InverseIncompleteBetaTests {
  @Test func roundTrips() {
    let shapes = [0.01, 0.5, 1, 2, 10, 100, 1e4]
    for a in shapes {
      for b in shapes {
        for x in [1e-20, 1e-5, 0.05, a / (a + b), 0.5, 0.97, 0.99999] {
          let y = 1 - x
          let (i, ic) = SpecialFunctions.regularizedBeta(x: x, y: y, a: a, b: b)
          let front = SpecialFunctions.betaPrefactor(x: x, y: y, a: a, b: b)
          // d log I / d log x = xᵃyᵇ/(B y I); a relative error ε in I gives ε/slope in x.
          if i > 1e-300 && i < 0.9 {
            let slope = front / (y * i)
            let back = SpecialFunctions.inverseRegularizedBeta(i, a, b)
            #expect(
              relativeError(back, x) <= 5e-14 / min(1, slope),
              "I a=\(a) b=\(b) x=\(x)")
          }
          if ic > 1e-300 && ic < 0.9 && x < 0.9 {
            let slope = front / (y * ic)
            let back = SpecialFunctions.inverseRegularizedBetaComplement(ic, a, b)
            #expect(
              relativeError(back, x) <= 5e-14 / min(1, slope),
              "Ic a=\(a) b=\(b) x=\(x)")
          }
        }
      }
    }
  }

  @Test func pairKeepsBothEnds() {
    // The complement of a tiny upper tail: x close to 1, y = 1 − x resolved exactly.
    let r = SpecialFunctions.inverseRegularizedBetaPair(1e-200, 2, 3, complement: true)
    // 1 − I_x(2, 3) ≈ 4 y³ for small y (leading term of I_y(3, 2) = 4y³ − 3y⁴).
    #expect(
      isClose(
        r.y, cbrt(2.5e-201),
        relative: 1e-12))
    #expect(r.x == 1)
    #expect(SpecialFunctions.inverseRegularizedBeta(0, 2, 3) == 0)
    #expect(SpecialFunctions.inverseRegularizedBeta(1, 2, 3) == 1)
    #expect(SpecialFunctions.inverseRegularizedBeta(2, 2, 3).isNaN)
  }
}
