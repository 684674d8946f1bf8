// Tests for Beta.
import ResampleCore
import Testing
import _TestSupport

@testable import Distributions

@Suite struct BetaTests {
  @Test func matchesMpmathReferences() throws {
    _ = try checkFixture("beta.json")
  }

  @Test func roundTripsAndMirror() throws {
    for (a, b) in [(0.5, 0.5), (2.0, 5.0), (0.05, 3.0), (40.0, 60.0), (3000.0, 20.0)] {
      let d = try Beta(alpha: a, beta: b)
      let m = try Beta(alpha: b, beta: a)
      let xs = [1e-12, 1e-3, 0.2, a / (a + b), 0.9, 0.999]
      checkRoundTrips(d, xs)
      for x in xs where x >= 0.5 {
        // I_x(a, b) = 1 − I_{1−x}(b, a); 1 − x is exact for x ≥ ½.
        #expect(d.cdf(x) == m.sf(1 - x))
      }
    }
  }

  @Test func uniformSpecialCase() throws {
    let u = try Beta(alpha: 1, beta: 1)
    for x in [1e-300, 0.1, 0.5, 0.75] {
      #expect(isClose(u.cdf(x), x, relative: 1e-15))
      #expect(isClose(u.sf(x), 1 - x, relative: 1e-15))
      #expect(isClose(u.quantile(x), x, relative: 1e-15))
    }
    checkQuantileDomain(u)
  }

  @Test func invalidParametersThrow() {
    expectInvalid { _ = try Beta(alpha: 0, beta: 1) }
    expectInvalid { _ = try Beta(alpha: 1, beta: -1) }
    expectInvalid { _ = try Beta(alpha: .nan, beta: 1) }
  }
}
