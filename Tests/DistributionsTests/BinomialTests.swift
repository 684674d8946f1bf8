// Tests for Binomial.
import ResampleCore
import Testing
import _TestSupport

@testable import Distributions

@Suite struct BinomialTests {
  @Test func matchesMpmathReferences() throws {
    _ = try checkFixture("discrete.json", family: "binomial")
  }

  @Test func sumsAndQuantiles() throws {
    for (n, p) in [(0, 0.3), (1, 0.5), (12, 0.3), (200, 0.02), (5000, 0.999)] {
      let b = try Binomial(trials: n, probability: p)
      var total = 0.0
      for k in 0...n { total += b.pmf(k) }
      #expect(isClose(total, 1, relative: 1e-13))
      for k in [0, n / 3, n / 2, n - 1] where k >= 0 {
        #expect(isClose(b.cdf(k) + b.sf(k), 1, relative: 1e-14))
      }
      checkDiscreteQuantiles(b, lowerBound: 0)
    }
    let big = try Binomial(trials: 1_000_000, probability: 0.3)
    checkDiscreteQuantiles(big, lowerBound: 0)
  }

  @Test func degenerate() throws {
    let zero = try Binomial(trials: 10, probability: 0)
    #expect(zero.pmf(0) == 1 && zero.cdf(0) == 1 && zero.sf(0) == 0)
    let one = try Binomial(trials: 10, probability: 1)
    #expect(one.pmf(10) == 1 && one.cdf(9) == 0 && one.sf(9) == 1)
    #expect(one.pmf(3) == 0 && one.logPMF(3) == -.infinity)
  }

  @Test func invalidParametersThrow() {
    expectInvalid { _ = try Binomial(trials: -1, probability: 0.5) }
    expectInvalid { _ = try Binomial(trials: 3, probability: 1.5) }
    expectInvalid { _ = try Binomial(trials: 3, probability: .nan) }
  }
}
