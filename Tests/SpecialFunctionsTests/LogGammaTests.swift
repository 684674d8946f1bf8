// Tests for log Γ, log B, log n! and log C(n, k).
import Foundation
import Testing
import _TestSupport

@testable import SpecialFunctions

@Suite struct LogGammaTests {
  @Test func matchesMpmath() throws {
    let summary = try mpmathSummary(
      "special.json",
      functions: [
        "logGamma": { SpecialFunctions.logGamma($0.argument) },
        "logFactorial": { SpecialFunctions.logFactorial(Int($0.argument)) },
        "logChoose": { SpecialFunctions.logChoose(Int($0.parameters[0]), Int($0.argument)) },
        "logBeta": { SpecialFunctions.logBeta($0.parameters[0], $0.argument) },
      ])
    #expect(summary.worst.count == 4)
    // Relative error of the logarithm, except that near the zeros of log Γ (x = 1, 2) and of
    // log B the absolute error is what matters: tolerance 1e-15 absolute or 1e-14 relative.
    for (key, w) in summary.worst {
      let absolute = abs(w.value - w.row.reference)
      #expect(w.error <= 1e-14 || absolute <= 1e-15, "\(key)")
    }
  }

  @Test func smallArgumentLogGamma1p() {
    // log Γ(1 + a) = −γa + ζ(2)a²/2 − … for tiny a.
    let a = 1e-10
    #expect(isClose(SpecialFunctions.logGamma1p(a), -0.5772156649015329 * a, relative: 1e-9))
    for a in [-0.19, -0.05, 0.01, 0.1, 0.19] {
      #expect(isClose(SpecialFunctions.logGamma1p(a), lgamma(1 + a), relative: 1e-13))
    }
    #expect(SpecialFunctions.logGamma1p(-1).isNaN)
  }

  @Test func stirlingPieces() {
    // δ(n) = log n! − (n + ½) log n + n − log √(2π), continuous across the switch at 10.
    for n in [0.5, 1, 2.5, 9.999, 10, 10.001, 30] {
      let direct = lgamma(n + 1) - (n + 0.5) * log(n) + n - 0.9189385332046728
      #expect(abs(SpecialFunctions.stirlingError(n) - direct) <= 5e-14, "\(n)")
    }
    #expect(SpecialFunctions.logFactorial(-1).isNaN)
    #expect(SpecialFunctions.logChoose(5, 6) == -.infinity)
    #expect(SpecialFunctions.logChoose(5, 0) == 0)
    #expect(SpecialFunctions.logGamma(0).isNaN && SpecialFunctions.logGamma(-1).isNaN)
    // log C(n, k) agrees across the table/Stirling switch at 256.
    let viaTable = SpecialFunctions.logChoose(255, 100)
    let direct = lgamma(256) - lgamma(101) - lgamma(156)
    #expect(isClose(viaTable, direct, relative: 1e-13))
    let viaStirling = SpecialFunctions.logChoose(256, 100)
    #expect(isClose(viaStirling, lgamma(257) - lgamma(101) - lgamma(157), relative: 1e-13))
  }
}

/// The log-factorial table of the exact enumerations is log Γ(k + 1) entry by entry (bit for
/// bit), agrees with `logFactorial` to 1e-14 relative above the latter's own table, and always
/// covers 0...1.
@Test func logFactorialTableIsLogGammaEntryByEntry() {
  let table = SpecialFunctions.logFactorialTable(through: 3000)
  #expect(table.count == 3001)
  for k in [0, 1, 2, 10, 255, 256, 1000, 3000] {
    #expect(table[k] == SpecialFunctions.logGamma(Double(k) + 1))
    #expect(isClose(table[k], SpecialFunctions.logFactorial(k), relative: 1e-14, absolute: 0))
  }
  #expect(SpecialFunctions.logFactorialTable(through: 0) == [0, 0])
}
