// Tests for nextNormal (ziggurat): the table's consistency and the distribution, tails included.
import Foundation
import Testing
import _TestSupport

@testable import RandomStreams

@Suite struct NormalZigguratTests {
  @Test func zigguratLayersHaveEqualArea() {
    let z = _ZigguratNormal.shared
    #expect(z.x.count == 257 && z.f.count == 257)
    #expect(z.topLayerAreaError < 1e-12)
    let r = _ZigguratNormal.r
    let v = r * exp(-0.5 * r * r) + (Double.pi / 2).squareRoot() * erfc(r / 2.0.squareRoot())
    for i in 1..<256 {
      let area = z.x[i] * (z.f[i + 1] - z.f[i])
      #expect(abs(area - v) / v < 1e-12, "layer \(i)")
    }
    #expect(z.x[256] == 0 && z.f[256] == 1)
  }

  @Test(.tags(.statistical)) func binnedDistributionMatchesNormalIncludingTails() throws {
    let f = try RandomFixtures.load()
    let c = try #require(f.cases("normal").first)
    var g = Philox4x32(seed: testSeed, stream: 300)
    let counts = binnedCounts(draws: c.draws, edges: c.edges) { g.nextNormal() }
    expectGoodFit(counts, c.probabilities, c.name, fixtures: f)
  }

  @Test func momentsAndDeterminism() {
    var g = Philox4x32(seed: 1, stream: 301)
    let n = 200_000
    var sum = 0.0
    var sum2 = 0.0
    var sum4 = 0.0
    for _ in 0..<n {
      let x = g.nextNormal()
      sum += x
      sum2 += x * x
      sum4 += x * x * x * x
    }
    let nd = Double(n)
    // Mean within 5 standard errors, variance and fourth moment within 5 standard errors.
    #expect(abs(sum / nd) < 5 / nd.squareRoot())
    #expect(abs(sum2 / nd - 1) < 5 * 2.0.squareRoot() / nd.squareRoot())
    #expect(abs(sum4 / nd - 3) < 5 * 96.0.squareRoot() / nd.squareRoot())
    var a = Philox4x32(seed: 2, stream: 3)
    var b = Philox4x32(seed: 2, stream: 3)
    #expect((0..<1000).map { _ in a.nextNormal() } == (0..<1000).map { _ in b.nextNormal() })
  }
}
