// Tests for FisherF.
import ResampleCore
import Testing
import _TestSupport

@testable import Distributions

@Suite struct FisherFTests {
  @Test func matchesMpmathReferences() throws {
    _ = try checkFixture("f.json")
  }

  @Test func roundTripsAndReciprocal() throws {
    for (d1, d2) in [(1.0, 1.0), (2.0, 10.0), (5.0, 2.0), (30.0, 300.0)] {
      let f = try FisherF(numeratorDegreesOfFreedom: d1, denominatorDegreesOfFreedom: d2)
      let g = try FisherF(numeratorDegreesOfFreedom: d2, denominatorDegreesOfFreedom: d1)
      checkRoundTrips(f, [1e-6, 0.3, 1, 4, 1e3])
      // 1/F has the F(d₂, d₁) distribution.
      for x in [0.25, 2.0, 8.0] {
        #expect(isClose(f.cdf(x), g.sf(1 / x), relative: 1e-13))
      }
    }
  }

  @Test func domainAndMoments() throws {
    let f = try FisherF(numeratorDegreesOfFreedom: 4, denominatorDegreesOfFreedom: 10)
    #expect(isClose(f.mean, 10.0 / 8, relative: 1e-15))
    #expect(f.cdf(0) == 0 && f.sf(0) == 1)
    checkQuantileDomain(f)
  }

  @Test func invalidParametersThrow() {
    expectInvalid {
      _ = try FisherF(numeratorDegreesOfFreedom: 0, denominatorDegreesOfFreedom: 1)
    }
    expectInvalid {
      _ = try FisherF(numeratorDegreesOfFreedom: 1, denominatorDegreesOfFreedom: .nan)
    }
  }
}
