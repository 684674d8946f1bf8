// Tests for erf, erfc and the corrected normal tail.
import Testing
import _TestSupport

@testable import SpecialFunctions

@Suite struct ErrorFunctionTests {
  @Test func matchesMpmath() throws {
    var summary = ErrorSummary()
    for row in try loadRows("special.json") {
      switch row.function {
      case "erf": summary.record("erf", row, SpecialFunctions.erf(row.argument))
      case "erfc": summary.record("erfc", row, SpecialFunctions.erfc(row.argument))
      default: continue
      }
    }
    print(summary.report)
    #expect(summary.worst.count == 2)
    for (key, w) in summary.worst { #expect(w.error <= 1e-15, "\(key)") }
  }

  @Test func normalTailMatchesMpmath() throws {
    var summary = ErrorSummary()
    for row in try loadRows("normal.json") where row.parameters == [0, 1] {
      switch row.function {
      case "sf": summary.record("normalTail", row, SpecialFunctions.normalTail(row.argument))
      default: continue
      }
    }
    print(summary.report)
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
