// Tests for erf, erfc and the corrected normal tail.
import SpecialFunctions
import Testing
import _TestSupport

@Suite struct ErrorFunctionTests {
  @Test func matchesMpmath() throws {
    let summary = try mpmathSummary(
      "special.json", of: ["erf": SpecialFunctions.erf, "erfc": SpecialFunctions.erfc])
    #expect(summary.worst.count == 2)
    for (key, w) in summary.worst { #expect(w.error <= 1e-15, "\(key)") }
  }

  @Test func normalTailMatchesMpmath() throws {
    // The standard normal's survival function "sf" is the normal tail.
    let summary = try mpmathSummary(
      "normal.json", where: { $0.parameters == [0, 1] },
      of: ["sf": SpecialFunctions.normalTail])
    #expect(summary.worst.count == 1)
    for (key, w) in summary.worst { #expect(w.error <= 2e-15, "\(key)") }
  }

  @Test func edges() {
    #expect(SpecialFunctions.normalTail(.infinity) == 0)
    #expect(SpecialFunctions.normalTail(-.infinity) == 1)
    #expect(SpecialFunctions.normalTail(.nan).isNaN)
    #expect(SpecialFunctions.normalTail(0) == 0.5)
  }
}
