import RandomStreams
import ResampleCore
// Tests for BinomialSampler: goodness of fit (inversion and BTPE, p on both sides of 1/2,
// p near 0 and 1, n up to 1e9), degenerate cases, validation and determinism.
import Testing
import _TestSupport

@Suite struct BinomialSamplerTests {
  @Test(.tags(.statistical)) func goodnessOfFitAgainstExactPMF() throws {
    try forEachFitCase("binomial", minimum: 10, firstStream: 400) { c, g, f in
      let n = Int(Double(c.params[0]) ?? 0)
      let p = Double(c.params[1]) ?? 0
      let sampler = try BinomialSampler(trials: n, probability: p)
      expectIntegerDrawsFit(c, support: 0...n, fixtures: f) { sampler.sample(using: &g) }
    }
  }

  @Test func degenerateParametersDrawNothing() throws {
    var g = Philox4x32(seed: 1, stream: 1)
    let before = g
    #expect(try BinomialSampler(trials: 0, probability: 0.3).sample(using: &g) == 0)
    #expect(try BinomialSampler(trials: 17, probability: 0).sample(using: &g) == 0)
    #expect(try BinomialSampler(trials: 17, probability: 1).sample(using: &g) == 17)
    #expect(try BinomialSampler(trials: 0, probability: 1).sample(using: &g) == 0)
    #expect(g == before)
  }

  @Test func invalidParametersThrow() {
    #expect(throws: InputError.self) { try BinomialSampler(trials: -1, probability: 0.5) }
    #expect(throws: InputError.self) { try BinomialSampler(trials: 10, probability: -0.1) }
    #expect(throws: InputError.self) { try BinomialSampler(trials: 10, probability: 1.5) }
    #expect(throws: InputError.self) { try BinomialSampler(trials: 10, probability: .nan) }
    #expect(throws: InputError.self) {
      try BinomialSampler(trials: BinomialSampler.maximumTrials + 1, probability: 0.5)
    }
    expectError(InputError.self, mentioning: "trials") {
      try BinomialSampler(trials: -3, probability: 0.5)
    }
  }

  @Test func deterministicForEachMethod() throws {
    for (n, p) in [(10, 0.3), (1000, 0.3), (1000, 0.9)] {
      let s = try BinomialSampler(trials: n, probability: p)
      expectSameDraws("n=\(n) p=\(p)") { s.sample(using: &$0) }
    }
  }

  @Test func meanAndVarianceForHugeTrials() throws {
    // n = 2^53, p = 1e-3: BTPE with the log-factorial acceptance at its largest.
    let n = BinomialSampler.maximumTrials
    let p = 1e-3
    let s = try BinomialSampler(trials: n, probability: p)
    var g = Philox4x32(seed: 9, stream: 9)
    let draws = 20_000
    var sum = 0.0
    for _ in 0..<draws { sum += Double(s.sample(using: &g)) }
    let mean = Double(n) * p
    let sd = (Double(n) * p * (1 - p)).squareRoot()
    #expect(abs(sum / Double(draws) - mean) < 5 * sd / Double(draws).squareRoot())
  }
}
