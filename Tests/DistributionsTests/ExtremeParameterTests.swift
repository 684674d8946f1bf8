// Tests of the distributions at the edges of their supported parameter ranges (issue 16): huge
// degrees of freedom, shapes and rates are either computed correctly or refused.
import Foundation
import ResampleCore
import Testing
import _TestSupport

@testable import Distributions

@Suite struct ExtremeParameterTests {
  /// mpmath references (extremes.py): t with ν up to 1e300, χ² with ν up to 2e10, Poisson up to
  /// λ = 1e10 — the largest values of each supported range.
  @Test func matchesMpmathAtExtremeParameters() throws {
    _ = try checkFixture("extremes.json", tolerance: 1e-11)
  }

  /// `dist t --df 1e200 --quantile 0.975` printed 1e100: the far-tail formula took over because
  /// √ν alone exceeded its threshold.
  @Test func hugeDegreesOfFreedomIsTheNormalLimit() throws {
    for df in [1e26, 1e155, 1e200, 1e300, .infinity] {
      let t = try StudentT(degreesOfFreedom: df)
      #expect(t.quantile(0.975) == Normal.standard.quantile(0.975))
      #expect(isClose(t.quantile(0.975), 1.959963984540054, relative: 1e-15))
      #expect(t.upperQuantile(1e-300) == Normal.standard.upperQuantile(1e-300))
      #expect(t.cdf(1.959963984540054) == Normal.standard.cdf(1.959963984540054))
      #expect(t.variance == 1)
    }
  }

  /// `dist chisq --df 1e155` gave ≈ 4e155 and `gamma --shape 1e200` null; `poisson --rate 1e20`
  /// a cdf of 0 at its mean: shapes beyond the verified range are refused.
  @Test func shapesBeyondTheSupportedRangeAreRefused() throws {
    expectInvalid { _ = try ChiSquared(degreesOfFreedom: 1e155) }
    expectInvalid { _ = try ChiSquared(degreesOfFreedom: 2.1e10) }
    expectInvalid { _ = try ChiSquared(degreesOfFreedom: 5e-324) }
    expectInvalid { _ = try Gamma(shape: 1e200) }
    expectInvalid { _ = try Gamma(shape: 1e-310) }
    expectInvalid { _ = try Poisson(rate: 1e20) }
    expectInvalid { _ = try Poisson(rate: 1.0000001e10) }
    _ = try ChiSquared(degreesOfFreedom: 2e10)
    _ = try Gamma(shape: 1e10)
    _ = try Poisson(rate: 1e10)
  }

  /// Population 2^63 − 1 gave cdf 1 and pmf 0 at the mean; trials beyond 1e15 likewise.
  @Test func countsBeyondTheSupportedRangeAreRefused() throws {
    expectInvalid { _ = try Hypergeometric(population: Int.max, successes: 1, draws: 1) }
    expectInvalid {
      _ = try Hypergeometric(population: 1_000_000_000_000_001, successes: 1, draws: 1)
    }
    expectInvalid { _ = try Binomial(trials: Int.max, probability: 0.5) }
    expectInvalid { _ = try Binomial(trials: 1_000_000_000_000_001, probability: 0.5) }
    let h = try Hypergeometric(
      population: 1_000_000_000_000_000, successes: 1_000, draws: 1_000_000_000)
    // mean nK/N = 1e-3: P(X = 0) = (1 − n/N)^K to first order = exp(−1e-3) ≈ 0.9990005.
    #expect(isClose(h.pmf(0), exp(-1e-3), relative: 1e-8))
    let b = try Binomial(trials: 1_000_000_000_000_000, probability: 0.5)
    #expect(b.quantile(0.5) == 500_000_000_000_000)
  }

  /// A subnormal success probability gave pmf NaN (the saddle-point form's k/(np) overflowed).
  @Test func subnormalProbabilityHasAFinitePMF() throws {
    let b = try Binomial(trials: 10, probability: 5e-324)
    #expect(b.pmf(3) == 0)
    #expect(b.pmf(0) == 1)
    #expect(b.logPMF(3) < -2000 && b.logPMF(3).isFinite)
  }
}
