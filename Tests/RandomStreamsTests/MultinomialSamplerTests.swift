import RandomStreams
import ResampleCore
// Tests for MultinomialSampler: binomial marginals, the joint pmf of a small case, sums,
// zero-probability categories, validation and determinism.
import Testing
import _TestSupport

@Suite struct MultinomialSamplerTests {
  @Test(.tags(.statistical)) func marginalsAndJointMatchExactProbabilities() throws {
    let f = try RandomFixtures.load()
    for (index, c) in f.multinomial.enumerated() {
      let sampler = try MultinomialSampler(trials: c.trials, probabilities: c.probabilities)
      let k = c.probabilities.count
      var g = Philox4x32(seed: testSeed, stream: 700 + UInt64(index))
      var marginalCounts = c.marginals.map { m in [Int](repeating: 0, count: m?.edges.count ?? 0) }
      var jointCounts: [[Int]: Int] = [:]
      var badSums = 0
      var zeroViolations = 0
      var counts = [Int](repeating: 0, count: k)
      for _ in 0..<c.draws {
        counts.withUnsafeMutableBufferPointer { sampler.sample(into: $0, using: &g) }
        if counts.reduce(0, +) != c.trials || counts.contains(where: { $0 < 0 }) { badSums += 1 }
        for i in 0..<k {
          if let m = c.marginals[i] {
            marginalCounts[i][cellIndex(Double(counts[i]), edges: m.edges)] += 1
          } else if counts[i] != 0 {
            zeroViolations += 1
          }
        }
        if c.joint != nil { jointCounts[counts, default: 0] += 1 }
      }
      #expect(badSums == 0 && zeroViolations == 0)
      for i in 0..<k {
        if let m = c.marginals[i] {
          expectGoodFit(
            marginalCounts[i], m.probabilities, "multinomial n=\(c.trials) category \(i)",
            fixtures: f)
        }
      }
      if let joint = c.joint {
        let observed = joint.map { jointCounts[$0.counts] ?? 0 }
        #expect(observed.reduce(0, +) == c.draws, "every vector is a composition of n")
        expectGoodFit(
          observed, joint.map(\.probability), "multinomial n=\(c.trials) joint", fixtures: f)
      }
    }
  }

  @Test func edgeCases() throws {
    var g = Philox4x32(seed: 1, stream: 1)
    #expect(
      try MultinomialSampler(trials: 0, probabilities: [0.5, 0.5]).sample(using: &g) == [0, 0])
    #expect(try MultinomialSampler(trials: 7, probabilities: [1]).sample(using: &g) == [7])
    #expect(
      try MultinomialSampler(trials: 7, probabilities: [0, 1, 0]).sample(using: &g) == [0, 7, 0])
    #expect(
      try MultinomialSampler(trials: 7, probabilities: [0, 0, 1]).sample(using: &g) == [0, 0, 7])
  }

  @Test func invalidParametersThrow() {
    #expect(throws: InputError.self) { try MultinomialSampler(trials: -1, probabilities: [1]) }
    #expect(throws: InputError.self) { try MultinomialSampler(trials: 5, probabilities: []) }
    #expect(throws: InputError.self) {
      try MultinomialSampler(trials: 5, probabilities: [0.5, 0.6])
    }
    #expect(throws: InputError.self) {
      try MultinomialSampler(trials: 5, probabilities: [1.5, -0.5])
    }
    #expect(throws: InputError.self) {
      try MultinomialSampler(trials: 5, probabilities: [.nan, 1])
    }
  }

  @Test func deterministic() throws {
    let s = try MultinomialSampler(trials: 500, probabilities: [0.2, 0.3, 0.1, 0.4])
    var a = Philox4x32(seed: 5, stream: 6)
    var b = Philox4x32(seed: 5, stream: 6)
    #expect(
      (0..<200).map { _ in s.sample(using: &a) } == (0..<200).map { _ in s.sample(using: &b) })
  }
}
