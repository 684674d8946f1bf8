// Tests for Normal.
import ResampleCore
import Testing
import _TestSupport

@testable import Distributions

@Suite struct NormalTests {
  @Test func matchesMpmathReferences() throws {
    _ = try checkFixture("normal.json")
  }

  @Test func symmetryIsExact() throws {
    let n = Normal.standard
    for x in stride(from: -40.0, through: 40.0, by: 0.37) {
      #expect(n.cdf(x) == n.sf(-x))
      #expect(n.pdf(x) == n.pdf(-x))
    }
    for p in [1e-300, 1e-20, 0.01, 0.3, 0.5] {
      #expect(n.quantile(p) == -n.upperQuantile(p))
      #expect(n.quantile(p) == -n.quantile(1 - p) || p < 1e-16)
    }
    let shifted = try Normal(mean: 3, standardDeviation: 2)
    for d in [0.0, 0.5, 7.25, 30] {
      #expect(shifted.cdf(3 - d) == shifted.sf(3 + d))
    }
  }

  @Test func roundTrips() throws {
    checkRoundTrips(Normal.standard, [-37, -20, -5, -1, -1e-3, 1e-8, 0.5, 2, 8, 37])
    checkRoundTrips(try Normal(mean: -4, standardDeviation: 0.25), [-10, -4.5, -3])
  }

  @Test func edgesAndDomain() {
    let n = Normal.standard
    #expect(n.quantile(0) == -.infinity)
    #expect(n.quantile(1) == .infinity)
    #expect(n.quantile(0.5) == 0)
    #expect(n.cdf(.infinity) == 1)
    #expect(n.sf(.infinity) == 0)
    #expect(n.cdf(-.infinity) == 0)
    #expect(n.mean == 0 && n.variance == 1)
    checkQuantileDomain(n)
  }

  @Test func invalidParametersThrow() {
    expectInvalid { _ = try Normal(mean: .nan) }
    expectInvalid { _ = try Normal(mean: .infinity) }
    expectInvalid { _ = try Normal(standardDeviation: 0) }
    expectInvalid { _ = try Normal(standardDeviation: -1) }
    expectInvalid { _ = try Normal(standardDeviation: .nan) }
  }
}
