import Foundation
// Tests for the discrete quantile search shared by the discrete distributions.
import Testing

@testable import Distributions

@Suite struct DistributionProtocolsTests {
  @Test func firstSatisfyingFindsTheBoundary() {
    for boundary in [0, 1, 7, 500, 9_999, 10_000] {
      for guess in [-5, 0, 3, boundary, 8_000, 20_000] {
        let k = firstSatisfying(lower: 0, upper: 10_000, guess: guess) { $0 >= boundary }
        #expect(k == boundary, "boundary \(boundary) guess \(guess)")
      }
    }
    // Never satisfied before the upper end: the upper end.
    #expect(firstSatisfying(lower: 0, upper: 50, guess: 10) { _ in false } == 50)
    // An unbounded support (Poisson) with a far boundary.
    let far = firstSatisfying(lower: 0, upper: Int.max, guess: 3) { $0 >= 123_456_789 }
    #expect(far == 123_456_789)
    #expect(firstSatisfying(lower: 0, upper: Int.max, guess: 3) { _ in false } == Int.max)
  }

  @Test func existentialsWork() throws {
    let continuous: [any ContinuousDistribution] = [
      Normal.standard, try StudentT(degreesOfFreedom: 4), try ChiSquared(degreesOfFreedom: 3),
      try FisherF(numeratorDegreesOfFreedom: 2, denominatorDegreesOfFreedom: 9),
      try Beta(alpha: 2, beta: 3), try Gamma(shape: 2, scale: 1),
    ]
    for d in continuous {
      let m = d.quantile(0.5)
      #expect(abs(d.cdf(m) - 0.5) < 1e-14)
      #expect(abs(d.sf(m) - 0.5) < 1e-14)
      #expect(d.mean.isFinite && d.variance > 0)
    }
    let discrete: [any DiscreteDistribution] = [
      try Binomial(trials: 10, probability: 0.4), try Poisson(rate: 2.5),
      try Hypergeometric(population: 30, successes: 12, draws: 9),
    ]
    for d in discrete {
      let k = d.quantile(0.5)
      #expect(d.cdf(k) >= 0.5)
      #expect(d.mean > 0 && d.variance > 0)
      #expect(abs(d.logPMF(k) - .init(log(d.pmf(k)))) < 1e-13)
    }
  }
}
