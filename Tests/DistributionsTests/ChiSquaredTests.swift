import Foundation
// Tests for ChiSquared.
import ResampleCore
import Testing
import _TestSupport

@testable import Distributions

@Suite struct ChiSquaredTests {
  @Test func matchesMpmathReferences() throws {
    _ = try checkFixture("chi2.json")
  }

  @Test func roundTrips() throws {
    for df in [1.0, 2, 3, 7.5, 30, 200] {
      checkRoundTrips(
        try ChiSquared(degreesOfFreedom: df), [1e-8, 0.01, 0.5, df, 2 * df + 3, 10 * df + 50, 600])
    }
  }

  @Test func closedForms() throws {
    // χ²₂ is exponential with mean 2: sf(x) = e^(−x/2).
    let c2 = try ChiSquared(degreesOfFreedom: 2)
    for x in [1e-6, 0.3, 4, 100, 1000] {
      #expect(isClose(c2.sf(x), exp(-x / 2), relative: 1e-15))
    }
    #expect(c2.mean == 2 && c2.variance == 4)
    checkQuantileDomain(c2)
    #expect(c2.quantile(0) == 0 && c2.upperQuantile(0) == .infinity)
  }

  @Test func invalidParametersThrow() {
    expectInvalid { _ = try ChiSquared(degreesOfFreedom: 0) }
    expectInvalid { _ = try ChiSquared(degreesOfFreedom: -1) }
    expectInvalid { _ = try ChiSquared(degreesOfFreedom: .nan) }
    expectInvalid { _ = try ChiSquared(degreesOfFreedom: .infinity) }
  }
}
