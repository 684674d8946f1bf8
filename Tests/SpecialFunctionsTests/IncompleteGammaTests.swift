// Tests for the regularized incomplete gamma functions.
import Testing
import _TestSupport

@testable import SpecialFunctions

@Suite struct IncompleteGammaTests {
  @Test func matchesMpmath() throws {
    let summary = try mpmathSummary(
      "special.json", "random.json",
      functions: [
        "gammaP": { SpecialFunctions.regularizedGammaP($0.parameters[0], $0.argument) },
        "gammaQ": { SpecialFunctions.regularizedGammaQ($0.parameters[0], $0.argument) },
      ])
    for (key, w) in summary.worst { #expect(w.error <= 1e-12, "\(key)") }
  }
}

@Suite struct IncompleteGammaPropertyTests {
  @Test func complementAndEdges() {
    for a in [0.01, 0.5, 1, 3, 40, 1e4] {
      for x in [1e-12, 0.5, 1, a, 2 * a + 5] {
        let r = SpecialFunctions.regularizedGamma(a, x)
        #expect(isClose(r.p + r.q, 1, relative: 1e-15))
      }
    }
    #expect(SpecialFunctions.regularizedGammaP(2, 0) == 0)
    #expect(SpecialFunctions.regularizedGammaQ(2, 0) == 1)
    #expect(SpecialFunctions.regularizedGammaQ(2, .infinity) == 0)
    #expect(SpecialFunctions.regularizedGammaP(0, 1).isNaN)
    #expect(SpecialFunctions.regularizedGammaP(1, -1).isNaN)
    // Q(½, x) = erfc(√x).
    for x in [1e-6, 0.3, 2, 30] {
      #expect(
        isClose(
          SpecialFunctions.regularizedGammaQ(0.5, x),
          SpecialFunctions.erfc(x.squareRoot()), relative: 1e-13))
    }
  }
}
