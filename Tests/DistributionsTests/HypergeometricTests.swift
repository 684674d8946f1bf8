// Tests for Hypergeometric.
import ResampleCore
import Testing
import _TestSupport

@testable import Distributions

@Suite struct HypergeometricTests {
  @Test func matchesMpmathReferences() throws {
    _ = try checkFixture("discrete.json", family: "hypergeometric")
  }

  @Test func sumsSymmetryAndQuantiles() throws {
    for (population, successes, draws) in [
      (20, 7, 12), (100, 30, 50), (60, 59, 30), (5, 0, 3),
      (10, 10, 4), (1000, 10, 500),
    ] {
      let h = try Hypergeometric(population: population, successes: successes, draws: draws)
      var total = 0.0
      for k in h.supportLowerBound...h.supportUpperBound { total += h.pmf(k) }
      #expect(isClose(total, 1, relative: 1e-13))
      // Swapping the roles of draws and successes leaves the distribution unchanged.
      let swapped = try Hypergeometric(population: population, successes: draws, draws: successes)
      for k in h.supportLowerBound...h.supportUpperBound {
        #expect(isClose(h.pmf(k), swapped.pmf(k), relative: 1e-13))
        #expect(isClose(h.cdf(k) + h.sf(k), 1, relative: 1e-14))
      }
      checkDiscreteQuantiles(h, lowerBound: h.supportLowerBound)
    }
  }

  @Test func fisherExactTableProbability() throws {
    // Lady tasting tea: P(X = 3) for N = 8, K = 4, n = 4 is 16/70.
    let h = try Hypergeometric(population: 8, successes: 4, draws: 4)
    #expect(isClose(h.pmf(3), 16.0 / 70, relative: 1e-14))
    #expect(isClose(h.sf(2), 17.0 / 70, relative: 1e-14))
  }

  @Test func invalidParametersThrow() {
    expectInvalid { _ = try Hypergeometric(population: -1, successes: 0, draws: 0) }
    expectInvalid { _ = try Hypergeometric(population: 10, successes: 11, draws: 2) }
    expectInvalid { _ = try Hypergeometric(population: 10, successes: 3, draws: 12) }
    expectInvalid { _ = try Hypergeometric(population: 10, successes: -3, draws: 2) }
  }
}
