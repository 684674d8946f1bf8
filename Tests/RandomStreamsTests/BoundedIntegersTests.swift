import RandomStreams
// Tests for nextBounded (Lemire 2019): exact values against an independent implementation,
// uniformity by chi-square including bounds near 2^63 and 2^64, and a biased control.
import Testing
import _TestSupport

@Suite struct BoundedIntegersTests {
  @Test func matchesIndependentLemireImplementation() throws {
    let f = try RandomFixtures.load()
    for s in f.streams {
      var g = Philox4x32(seed: UInt64(s.seed) ?? 0, stream: UInt64(s.stream) ?? 0)
      for pair in s.bounded {
        let bound = UInt64(pair[0]) ?? 1
        #expect(g.nextBounded(bound) == UInt64(pair[1]), "bound \(bound)")
      }
    }
  }

  /// The cell of x in 0..<bound when 0..<bound is cut into m parts: ⌊x·m / bound⌋.
  func cell(_ x: UInt64, bound: UInt64, parts m: UInt64) -> Int {
    let product = x.multipliedFullWidth(by: m)
    return Int(bound.dividingFullWidth((high: product.high, low: product.low)).quotient)
  }

  @Test(.tags(.statistical)) func uniformOverBoundsIncludingLargeAndNonPowersOfTwo() throws {
    let f = try RandomFixtures.load()
    for (index, c) in f.cases("bounded").enumerated() {
      let bound = UInt64(c.params[0]) ?? 1
      let m = UInt64(c.params[1]) ?? 1
      var g = Philox4x32(seed: testSeed, stream: 100 + UInt64(index))
      var counts = [Int](repeating: 0, count: Int(m))
      for _ in 0..<c.draws {
        let x = g.nextBounded(bound)
        #expect(x < bound)
        counts[cell(x, bound: bound, parts: m)] += 1
      }
      expectGoodFit(counts, c.probabilities, c.name, fixtures: f)
    }
  }

  @Test func moduloReductionWouldFailTheSameTest() throws {
    // Control: the test has power. x mod 3·2^62 puts half the mass in the first third.
    let f = try RandomFixtures.load()
    let bound: UInt64 = 3 << 62
    var g = Philox4x32(seed: testSeed, stream: 199)
    var counts = [0, 0, 0]
    for _ in 0..<10_000 { counts[cell(g.next() % bound, bound: bound, parts: 3)] += 1 }
    let x2 = chiSquareStatistic(counts, [1.0 / 3, 1.0 / 3, 1.0 / 3])
    #expect(x2 > (f.chi2Critical["2"] ?? .infinity))
  }

  @Test func boundOneIsAlwaysZeroAndIntOverloadAgrees() {
    var g = Philox4x32(seed: 1, stream: 2)
    for _ in 0..<100 { #expect(g.nextBounded(UInt64(1)) == 0) }
    var a = Philox4x32(seed: 3, stream: 4)
    var b = Philox4x32(seed: 3, stream: 4)
    for bound in [1, 2, 5, 1000, Int.max] {
      #expect(a.nextBounded(bound) == Int(b.nextBounded(UInt64(bound))))
    }
  }

  @Test func deterministicPerSeedAndStream() {
    var a = Philox4x32(seed: 11, stream: 12)
    var b = Philox4x32(seed: 11, stream: 12)
    #expect(
      (0..<500).map { _ in a.nextBounded(UInt64(1_000_003)) }
        == (0..<500).map { _ in b.nextBounded(UInt64(1_000_003)) })
  }
}
