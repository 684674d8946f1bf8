import RandomStreams
// Tests for shuffle(usingStream:) and partialShuffle(count:using:): all orders equally likely,
// ordered samples uniform, elements preserved, determinism.
import Testing
import _TestSupport

@Suite struct ShuffleTests {
  func orderFrequencies(
    n: Int, count: Int, draws: Int, stream: UInt64
  ) -> [[Int]: Int] {
    var g = Philox4x32(seed: testSeed, stream: stream)
    var seen: [[Int]: Int] = [:]
    for _ in 0..<draws {
      var a = Array(0..<n)
      if count == n {
        a.shuffle(usingStream: &g)
      } else {
        a.partialShuffle(count: count, using: &g)
      }
      #expect(a.sorted() == Array(0..<n))
      seen[Array(a.prefix(count)), default: 0] += 1
    }
    return seen
  }

  @Test(.tags(.statistical)) func allPermutationsOfThreeAndFourEquallyLikely() throws {
    let f = try RandomFixtures.load()
    for (n, orders) in [(3, 6), (4, 24)] {
      let seen = orderFrequencies(n: n, count: n, draws: 60_000, stream: 900 + UInt64(n))
      #expect(seen.count == orders)
      let counts = seen.keys.sorted { $0.lexicographicallyPrecedes($1) }.map { seen[$0] ?? 0 }
      expectGoodFit(
        counts, [Double](repeating: 1 / Double(orders), count: orders), "\(n)! orders", fixtures: f)
    }
  }

  @Test(.tags(.statistical)) func partialShuffleGivesUniformOrderedSamples() throws {
    let f = try RandomFixtures.load()
    // Ordered pairs from 5: 20 equally likely; ordered triples from 6: 120.
    for (n, k, cells) in [(5, 2, 20), (6, 3, 120)] {
      let seen = orderFrequencies(n: n, count: k, draws: 60_000, stream: 910 + UInt64(n))
      #expect(seen.count == cells)
      let counts = seen.keys.sorted { $0.lexicographicallyPrecedes($1) }.map { seen[$0] ?? 0 }
      expectGoodFit(
        counts, [Double](repeating: 1 / Double(cells), count: cells),
        "ordered \(k)-samples of \(n)", fixtures: f)
    }
  }

  @Test(.tags(.statistical)) func positionsAreUniformForLongerArrays() throws {
    // Where element 0 lands after a full shuffle of 50: uniform over 50 positions.
    let f = try RandomFixtures.load()
    var g = Philox4x32(seed: testSeed, stream: 920)
    var counts = [Int](repeating: 0, count: 50)
    for _ in 0..<50_000 {
      var a = Array(0..<50)
      a.shuffle(usingStream: &g)
      counts[a.firstIndex(of: 0) ?? 0] += 1
    }
    expectGoodFit(counts, [Double](repeating: 0.02, count: 50), "position of 0", fixtures: f)
  }

  @Test func edgeCasesAndDeterminism() {
    var g = Philox4x32(seed: 1, stream: 1)
    let before = g
    var empty: [Int] = []
    empty.shuffle(usingStream: &g)
    var one = [7]
    one.shuffle(usingStream: &g)
    var several = [1, 2, 3]
    several.partialShuffle(count: 0, using: &g)
    #expect(empty.isEmpty && one == [7] && several == [1, 2, 3] && g == before)
    var a = Philox4x32(seed: 4, stream: 4)
    var b = Philox4x32(seed: 4, stream: 4)
    var x = Array(0..<100)
    var y = Array(0..<100)
    x.shuffle(usingStream: &a)
    y.partialShuffle(count: 100, using: &b)
    #expect(x == y)
    // Works on slices (non-zero start index).
    var z = Array(0..<10)
    z[3..<8].shuffle(usingStream: &a)
    #expect(Array(z[0..<3]) == [0, 1, 2] && Array(z[8...]) == [8, 9])
    #expect(z[3..<8].sorted() == [3, 4, 5, 6, 7])
  }
}
