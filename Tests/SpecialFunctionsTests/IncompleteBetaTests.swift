// Tests for the regularized incomplete beta function.
import Testing
import _TestSupport

@testable import SpecialFunctions

@Suite struct IncompleteBetaTests {
  @Test func matchesMpmath() throws {
    // The rows' parameters are (a, b), the argument x.
    func shapes(_ row: FixtureRow) -> (a: Double, b: Double) {
      (row.parameters.first ?? .nan, row.parameters.last ?? .nan)
    }
    let summary = try mpmathSummary(
      "special.json", "random.json",
      functions: [
        "betaI": { SpecialFunctions.regularizedBeta($0.argument, shapes($0).a, shapes($0).b) },
        "betaIc": {
          SpecialFunctions.regularizedBetaComplement($0.argument, shapes($0).a, shapes($0).b)
        },
      ])
    for (key, w) in summary.worst { #expect(w.error <= 1e-12, "\(key)") }
  }
}

@Suite struct IncompleteBetaPropertyTests {
  @Test func mirrorAndComplement() {
    for (a, b) in [(0.01, 0.5), (0.5, 0.5), (2, 3), (0.7, 300), (50, 40), (1e3, 2e3), (1e4, 0.1)] {
      for x in [1e-6, 0.1, 0.5, 0.75, 0.999] {
        let r = SpecialFunctions.regularizedBeta(x: x, y: 1 - x, a: a, b: b)
        let m = SpecialFunctions.regularizedBeta(x: 1 - x, y: x, a: b, b: a)
        #expect(isClose(r.i + r.ic, 1, relative: 1e-15))
        #expect(isClose(r.i, m.ic, relative: 1e-13, absolute: 1e-300))
        #expect(isClose(r.ic, m.i, relative: 1e-13, absolute: 1e-300))
      }
    }
    #expect(SpecialFunctions.regularizedBeta(0, 2, 3) == 0)
    #expect(SpecialFunctions.regularizedBeta(1, 2, 3) == 1)
    #expect(SpecialFunctions.regularizedBeta(0.5, -1, 3).isNaN)
    #expect(SpecialFunctions.regularizedBeta(1.5, 1, 3).isNaN)
    // I_x(1, 1) = x and I_x(a, 1) = xᵃ.
    #expect(isClose(SpecialFunctions.regularizedBeta(0.3, 1, 1), 0.3, relative: 1e-15))
    #expect(
      isClose(
        SpecialFunctions.regularizedBeta(0.3, 2.5, 1), 0.049295030175464966,
        relative: 1e-14))
  }
}
