import RandomStreams
import ResampleCore
// Tests for PoissonSampler: goodness of fit (inversion below 30, PTRS above), rate 0,
// validation and determinism.
import Testing
import _TestSupport

@Suite struct PoissonSamplerTests {
  @Test(.tags(.statistical)) func goodnessOfFitAgainstExactPMF() throws {
    try forEachFitCase("poisson", minimum: 6, firstStream: 500) { c, g, f in
      let rate = Double(c.params[0]) ?? 0
      let sampler = try PoissonSampler(rate: rate)
      expectIntegerDrawsFit(c, support: 0...Int.max, fixtures: f) { sampler.sample(using: &g) }
    }
  }

  @Test func rateZeroDrawsNothing() throws {
    var g = Philox4x32(seed: 1, stream: 1)
    let before = g
    #expect(try PoissonSampler(rate: 0).sample(using: &g) == 0)
    #expect(g == before)
  }

  @Test func invalidRatesThrow() {
    for rate in [-1.0, .nan, .infinity, 2e15] {
      #expect(throws: InputError.self) { try PoissonSampler(rate: rate) }
    }
  }

  @Test func deterministicForEachMethod() throws {
    for rate in [3.0, 300.0] {
      let s = try PoissonSampler(rate: rate)
      expectSameDraws("rate \(rate)") { s.sample(using: &$0) }
    }
  }

  @Test func meanAtTheLargestRate() throws {
    let rate = PoissonSampler.maximumRate
    let s = try PoissonSampler(rate: rate)
    var g = Philox4x32(seed: 9, stream: 9)
    let draws = 20_000
    var sum = 0.0
    for _ in 0..<draws { sum += Double(s.sample(using: &g)) - rate }
    #expect(abs(sum / Double(draws)) < 5 * rate.squareRoot() / Double(draws).squareRoot())
  }
}
