import Foundation
// Tests for Gamma.
import ResampleCore
import Testing
import _TestSupport

@testable import Distributions

@Suite struct GammaTests {
  @Test func matchesMpmathReferences() throws {
    _ = try checkFixture("gamma.json")
  }

  @Test func roundTrips() throws {
    for (k, theta) in [(0.05, 1.0), (0.5, 3.0), (1.0, 1.0), (4.0, 0.25), (250.0, 2.0)] {
      let g = try Gamma(shape: k, scale: theta)
      checkRoundTrips(g, [1e-6, 0.1, k * theta, 3 * k * theta + 5, 300])
    }
  }

  @Test func exponentialSpecialCase() throws {
    let g = try Gamma(shape: 1, scale: 2)
    for x in [1e-9, 0.5, 7, 300] {
      #expect(isClose(g.sf(x), exp(-x / 2), relative: 1e-15))
      #expect(isClose(g.cdf(x), -expm1(-x / 2), relative: 1e-15))
      #expect(isClose(g.pdf(x), exp(-x / 2) / 2, relative: 1e-15))
    }
    #expect(g.mean == 2 && g.variance == 4)
    checkQuantileDomain(g)
  }

  @Test func invalidParametersThrow() {
    expectInvalid { _ = try Gamma(shape: 0, scale: 1) }
    expectInvalid { _ = try Gamma(shape: 1, scale: 0) }
    expectInvalid { _ = try Gamma(shape: .nan, scale: 1) }
    expectInvalid { _ = try Gamma(shape: 1, scale: -.infinity) }
  }
}
