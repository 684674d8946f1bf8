// Tests for StudentT.
import Foundation
import ResampleCore
import Testing
import _TestSupport

@testable import Distributions

@Suite struct StudentTTests {
  @Test func matchesMpmathReferences() throws {
    _ = try checkFixture("t.json")
  }

  @Test func symmetry() throws {
    for df in [1, 2, 3.5, 10, 1e6] {
      let t = try StudentT(degreesOfFreedom: df)
      for x in [0.0, 1e-9, 0.3, 1, 4, 50, 1e5] {
        #expect(t.cdf(-x) == t.sf(x))
        #expect(t.pdf(-x) == t.pdf(x))
      }
      for p in [1e-300, 1e-10, 0.05, 0.4] {
        #expect(t.quantile(p) == -t.upperQuantile(p))
      }
    }
  }

  @Test func roundTrips() throws {
    for df in [1, 2, 3.5, 10, 1e6] {
      checkRoundTrips(
        try StudentT(degreesOfFreedom: df), [-1e4, -30, -2, -0.1, 1e-6, 0.7, 3, 12, 1e3])
    }
  }

  @Test func farTailQuantiles() throws {
    // ν = 1.5, q = 1e-300: t ≈ 1e200 (x = ν/(ν + t²) underflows); check against the tail
    // expansion (exact to O(ν/t²)) written out independently.
    let nu = 1.5
    let t = try StudentT(degreesOfFreedom: nu)
    let q = 1e-300
    let beta = exp(lgamma(nu / 2) + lgamma(0.5) - lgamma((nu + 1) / 2))
    let expected = nu.squareRoot() * pow(q * nu * beta, -1 / nu)
    #expect(isClose(t.upperQuantile(q), expected, relative: 1e-12))
    #expect(isClose(t.quantile(q), -expected, relative: 1e-12))
    // Continuity across the switch to the expansion (t = 1e100).
    let q1 = t.sf(1e99)
    #expect(isClose(t.upperQuantile(q1), 1e99, relative: 1e-12))
  }

  @Test func infiniteDegreesOfFreedomIsNormal() throws {
    let t = try StudentT(degreesOfFreedom: .infinity)
    for x in [-5.0, -1, 0, 0.5, 3] {
      #expect(t.cdf(x) == Normal.standard.cdf(x))
      #expect(t.sf(x) == Normal.standard.sf(x))
    }
    #expect(t.quantile(0.975) == Normal.standard.quantile(0.975))
    // ν = 1e6 is close to, but not the same as, the normal: 1e-6-ish relative difference.
    let big = try StudentT(degreesOfFreedom: 1e6)
    #expect(isClose(big.sf(2), Normal.standard.sf(2), relative: 1e-5))
    #expect(big.sf(2) != Normal.standard.sf(2))
  }

  @Test func domainAndMoments() throws {
    let t = try StudentT(degreesOfFreedom: 3)
    checkQuantileDomain(t)
    #expect(t.quantile(0.5) == 0)
    #expect(t.mean == 0 && t.variance == 3)
    #expect(try StudentT(degreesOfFreedom: 1).mean.isNaN)
    #expect(try StudentT(degreesOfFreedom: 2).variance == .infinity)
  }

  @Test func invalidParametersThrow() {
    expectInvalid { _ = try StudentT(degreesOfFreedom: 0) }
    expectInvalid { _ = try StudentT(degreesOfFreedom: -2) }
    expectInvalid { _ = try StudentT(degreesOfFreedom: .nan) }
  }
}
