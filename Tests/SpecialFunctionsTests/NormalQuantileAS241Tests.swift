// Tests for the normal quantile (AS 241).
import Testing
import _TestSupport

@testable import SpecialFunctions

@Suite struct NormalQuantileAS241Tests {
  @Test func matchesMpmath() throws {
    let summary = try mpmathSummary(
      "normal.json", where: { $0.parameters == [0, 1] },
      of: ["quantile": SpecialFunctions.normalQuantile])
    #expect(summary.counts["quantile", default: 0] > 50)
    for (key, w) in summary.worst { #expect(w.error <= 2e-15, "\(key)") }
  }

  @Test func symmetryAndEdges() {
    for p in [1e-300, 1e-20, 0.01, 0.2, 0.4999] {
      #expect(SpecialFunctions.normalQuantile(p) == -SpecialFunctions.normalUpperQuantile(p))
      #expect(SpecialFunctions.normalQuantile(p) < 0)
    }
    #expect(SpecialFunctions.normalQuantile(0.5) == 0)
    #expect(SpecialFunctions.normalQuantile(0) == -.infinity)
    #expect(SpecialFunctions.normalQuantile(1) == .infinity)
    #expect(SpecialFunctions.normalQuantile(1.5).isNaN)
    #expect(SpecialFunctions.normalQuantile(.nan).isNaN)
    // Subnormal probabilities still give finite quantiles.
    #expect(SpecialFunctions.normalQuantile(.leastNonzeroMagnitude) < -38)
  }
}
