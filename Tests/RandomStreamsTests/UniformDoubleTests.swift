import RandomStreams
// Tests for nextUniform: exact values, range, uniformity.
import Testing
import _TestSupport

@Suite struct UniformDoubleTests {
  @Test func matchesIndependentImplementation() throws {
    let f = try RandomFixtures.load()
    for s in f.streams {
      var g = Philox4x32(seed: UInt64(s.seed) ?? 0, stream: UInt64(s.stream) ?? 0)
      #expect(s.uniforms.map { _ in g.nextUniform() } == s.uniforms)
    }
  }

  @Test func isOnTheGridInZeroOne() {
    var g = Philox4x32(seed: 8, stream: 8)
    for _ in 0..<10_000 {
      let u = g.nextUniform()
      #expect(u >= 0 && u < 1)
      #expect((u * 0x1.0p53).rounded(.towardZero) == u * 0x1.0p53)
    }
  }

  @Test func uniformOverHundredCells() throws {
    let f = try RandomFixtures.load()
    var g = Philox4x32(seed: testSeed, stream: 200)
    var counts = [Int](repeating: 0, count: 100)
    for _ in 0..<200_000 { counts[Int(g.nextUniform() * 100)] += 1 }
    expectGoodFit(counts, [Double](repeating: 0.01, count: 100), "uniform", fixtures: f)
  }
}
