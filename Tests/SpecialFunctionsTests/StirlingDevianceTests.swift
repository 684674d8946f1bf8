// Tests for Loader's deviance and the binomial / Poisson probabilities built on it.
import Foundation
import Testing
import _TestSupport

@testable import SpecialFunctions

@Suite struct StirlingDevianceTests {
  @Test func devianceProperties() {
    #expect(SpecialFunctions.saddlePointDeviance(7, 7) == 0)
    for (x, m) in [(1.0, 1.05), (10.0, 9.5), (100.0, 300.0), (0.0, 4.0), (1e6, 1e6 + 3)] {
      let d = SpecialFunctions.saddlePointDeviance(x, m)
      #expect(d >= 0)
      if abs(x - m) > 0.2 * (x + m) {
        #expect(isClose(d, (x == 0 ? 0 : x * log(x / m)) + m - x, relative: 1e-14))
      }
    }
    // Series branch against a 50-digit value: bd0(1000, 1001) = 1000 log(1000/1001) + 1.
    #expect(
      isClose(
        SpecialFunctions.saddlePointDeviance(1000, 1001), 4.99666916466833e-4, relative: 1e-13))
  }

  @Test func probabilitiesAgreeWithSmallExactCases() {
    // C(10, 3) 0.25³ 0.75⁷ and e^(−2) 2⁵ / 5!.
    let binomial = 120 * (0.25 * 0.25 * 0.25) * Foundation.pow(0.75, 7.0)
    #expect(
      isClose(SpecialFunctions.binomialProbability(3, 10, 0.25, 0.75), binomial, relative: 1e-14))
    #expect(
      isClose(SpecialFunctions.poissonProbability(5, 2), exp(-2) * 32 / 120, relative: 1e-14))
    #expect(SpecialFunctions.binomialProbability(0, 0, 0.3, 0.7) == 1)
    #expect(SpecialFunctions.logPoissonProbability(0, 0) == 0)
    #expect(SpecialFunctions.logPoissonProbability(3, 0) == -.infinity)
  }
}
