// Tests for the inverse regularized incomplete gamma functions.
import Testing
import _TestSupport

@testable import SpecialFunctions

@Suite struct InverseIncompleteGammaTests {
  /// Relative error in x allowed for a relative error ε in P: ε / |d log P / d log x|.
  static func tolerance(_ a: Double, _ x: Double, _ t: Double) -> Double {
    let slope = a * SpecialFunctions.gammaPrefactor(a, x) / t
    return 4e-15 / min(1, slope) + 1e-15
  }

  @Test func roundTrips() {
    for a in [0.01, 0.1, 0.5, 1, 2.5, 10, 100, 1e3, 1e5] {
      for x in [1e-8, 1e-3, 0.3, a * 0.5, a, a * 1.2 + 1, a * 3 + 20, 500] {
        let (p, q) = SpecialFunctions.regularizedGamma(a, x)
        if p > 0 && p < 1 && p < 0.9 {
          let back = SpecialFunctions.inverseRegularizedGammaP(a, p)
          #expect(relativeError(back, x) <= Self.tolerance(a, x, p), "P a=\(a) x=\(x)")
        }
        if q > 0 && q < 0.9 {
          let back = SpecialFunctions.inverseRegularizedGammaQ(a, q)
          #expect(relativeError(back, x) <= Self.tolerance(a, x, q), "Q a=\(a) x=\(x)")
        }
      }
    }
  }

  @Test func edges() {
    #expect(SpecialFunctions.inverseRegularizedGammaP(2, 0) == 0)
    #expect(SpecialFunctions.inverseRegularizedGammaP(2, 1) == .infinity)
    #expect(SpecialFunctions.inverseRegularizedGammaQ(2, 0) == .infinity)
    #expect(SpecialFunctions.inverseRegularizedGammaQ(2, 1) == 0)
    #expect(SpecialFunctions.inverseRegularizedGammaP(2, -0.1).isNaN)
    #expect(SpecialFunctions.inverseRegularizedGammaP(0, 0.5).isNaN)
    // Tiny q are resolved against Q itself: Q(1, x) = e^(−x).
    let x = SpecialFunctions.inverseRegularizedGammaQ(1, 1e-300)
    #expect(isClose(x, 690.7755278982137, relative: 1e-15))
  }
}
