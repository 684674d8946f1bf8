// Tests for Poisson.
import ResampleCore
import Testing
import _TestSupport

@testable import Distributions

@Suite struct PoissonTests {
  @Test func matchesMpmathReferences() throws {
    _ = try checkFixture("discrete.json", family: "poisson")
  }

  @Test func sumsAndQuantiles() throws {
    for rate in [1e-3, 0.5, 3, 20, 1000, 1e6] {
      let d = try Poisson(rate: rate)
      let limit = Int(rate + 40 * rate.squareRoot() + 40)
      if limit < 5000 {
        var total = 0.0
        for k in 0...limit { total += d.pmf(k) }
        #expect(isClose(total, 1, relative: 1e-13))
      }
      checkDiscreteQuantiles(d, lowerBound: 0)
    }
    let zero = try Poisson(rate: 0)
    #expect(zero.pmf(0) == 1 && zero.cdf(0) == 1 && zero.sf(0) == 0)
  }

  @Test func invalidParametersThrow() {
    expectInvalid { _ = try Poisson(rate: -1) }
    expectInvalid { _ = try Poisson(rate: .nan) }
    expectInvalid { _ = try Poisson(rate: .infinity) }
  }
}
