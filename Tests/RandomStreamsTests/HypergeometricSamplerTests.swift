import RandomStreams
import ResampleCore
// Tests for HypergeometricSampler: goodness of fit (table inversion and HRUA, with and without
// the class swap and draw complement), degenerate cases, validation and determinism.
import Testing
import _TestSupport

@Suite struct HypergeometricSamplerTests {
  @Test(.tags(.statistical)) func goodnessOfFitAgainstExactPMF() throws {
    try forEachFitCase("hypergeometric", minimum: 8, firstStream: 600) { c, g, f in
      let bigN = Int(Double(c.params[0]) ?? 0)
      let k = Int(Double(c.params[1]) ?? 0)
      let n = Int(Double(c.params[2]) ?? 0)
      let sampler = try HypergeometricSampler(population: bigN, successes: k, draws: n)
      let lower = max(0, n - (bigN - k))
      let upper = min(n, k)
      expectIntegerDrawsFit(c, support: lower...upper, fixtures: f) { sampler.sample(using: &g) }
    }
  }

  @Test func degenerateParametersDrawNothing() throws {
    var g = Philox4x32(seed: 1, stream: 1)
    let before = g
    #expect(try HypergeometricSampler(population: 0, successes: 0, draws: 0).sample(using: &g) == 0)
    #expect(
      try HypergeometricSampler(population: 10, successes: 10, draws: 4).sample(using: &g) == 4)
    #expect(
      try HypergeometricSampler(population: 10, successes: 0, draws: 4).sample(using: &g) == 0)
    #expect(
      try HypergeometricSampler(population: 10, successes: 3, draws: 10).sample(using: &g) == 3)
    #expect(
      try HypergeometricSampler(population: 10, successes: 3, draws: 0).sample(using: &g) == 0)
    #expect(g == before)
  }

  @Test func invalidParametersThrow() {
    #expect(throws: InputError.self) {
      try HypergeometricSampler(population: -1, successes: 0, draws: 0)
    }
    #expect(throws: InputError.self) {
      try HypergeometricSampler(population: 10, successes: 11, draws: 1)
    }
    #expect(throws: InputError.self) {
      try HypergeometricSampler(population: 10, successes: 5, draws: 11)
    }
    #expect(throws: InputError.self) {
      try HypergeometricSampler(population: 10, successes: -1, draws: 1)
    }
  }

  @Test func deterministicForEachMethod() throws {
    for (bigN, k, n) in [(50, 20, 10), (100_000, 30_000, 5000)] {
      let s = try HypergeometricSampler(population: bigN, successes: k, draws: n)
      expectSameDraws("N=\(bigN) K=\(k) n=\(n)") { s.sample(using: &$0) }
    }
  }
}
