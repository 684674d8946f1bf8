import RandomStreams
// Tests for Philox4x32: known answers, the stream layout, determinism and stream independence.
import Testing
import _TestSupport

@Suite struct Philox4x32Tests {
  func hex32(_ s: String) -> UInt32 { UInt32(s, radix: 16) ?? 0 }
  func hex64(_ s: String) -> UInt64 { UInt64(s, radix: 16) ?? 0 }

  @Test func random123KnownAnswers() throws {
    let f = try RandomFixtures.load()
    #expect(f.philoxKAT.count == 3)
    for kat in f.philoxKAT {
      let c = kat.counter.map(hex32)
      let k = kat.key.map(hex32)
      let out = Philox4x32.block(counter: (c[0], c[1], c[2], c[3]), key: (k[0], k[1]))
      #expect([out.0, out.1, out.2, out.3] == kat.output.map(hex32), "KAT \(kat.counter)")
    }
  }

  @Test func knownAnswerLiterals() {
    // Random123 tests/kat_vectors, also in the fixture; literal here so a fixture error shows.
    let z = Philox4x32.block(counter: (0, 0, 0, 0), key: (0, 0))
    #expect([z.0, z.1, z.2, z.3] == [0x6627_E8D5, 0xE169_C58D, 0xBC57_AC4C, 0x9B00_DBD8])
    let pi = Philox4x32.block(
      counter: (0x243F_6A88, 0x85A3_08D3, 0x1319_8A2E, 0x0370_7344), key: (0xA409_3822, 0x299F_31D0)
    )
    #expect([pi.0, pi.1, pi.2, pi.3] == [0xD16C_FE09, 0x94FD_CCEB, 0x5001_E420, 0x2412_6EA1])
  }

  @Test func streamLayoutMatchesIndependentImplementation() throws {
    let f = try RandomFixtures.load()
    for s in f.streams {
      let seed = UInt64(s.seed) ?? 0
      let stream = UInt64(s.stream) ?? 0
      var g = Philox4x32(seed: seed, stream: stream)
      #expect(g.seed == seed && g.stream == stream)
      let got = (0..<s.outputs.count).map { _ in g.next() }
      #expect(got == s.outputs.map(hex64), "seed \(seed) stream \(stream)")
      var h = Philox4x32(seed: seed, stream: stream)
      h.advance(blocks: 1000)
      #expect(h.block == 1000)
      #expect((0..<4).map { _ in h.next() } == s.afterAdvance1000.map(hex64))
    }
  }

  @Test func advanceDiscardsBufferedOutputAndMatchesDrawing() {
    var a = Philox4x32(seed: 7, stream: 3)
    for _ in 0..<10 { _ = a.next() }  // 5 blocks
    var b = Philox4x32(seed: 7, stream: 3)
    b.advance(blocks: 5)
    #expect((0..<9).map { _ in a.next() } == (0..<9).map { _ in b.next() })
    var c = Philox4x32(seed: 7, stream: 3)
    _ = c.next()  // half-way through block 0
    c.advance(blocks: 4)  // block 1 + 4 = 5, the buffered word is dropped
    var d = Philox4x32(seed: 7, stream: 3)
    d.advance(blocks: 5)
    #expect(c.next() == d.next())
  }

  @Test func sameSeedAndStreamGiveIdenticalSequences() {
    var a = Philox4x32(seed: 123_456_789, stream: 42)
    var b = Philox4x32(seed: 123_456_789, stream: 42)
    let x = (0..<1000).map { _ in a.next() }
    let y = (0..<1000).map { _ in b.next() }
    #expect(x == y)
    #expect(a == b)
  }

  @Test func streamDoesNotDependOnOtherStreams() {
    let b: UInt64 = 5
    var alone = Philox4x32(seed: 99, stream: b)
    let expected = (0..<257).map { _ in alone.next() }
    // Use streams 0..<b first, by different amounts, then stream b.
    for s in 0..<b {
      var g = Philox4x32(seed: 99, stream: s)
      for _ in 0..<(Int(s) * 1000 + 17) { _ = g.next() }
    }
    var again = Philox4x32(seed: 99, stream: b)
    #expect((0..<257).map { _ in again.next() } == expected)
  }

  @Test func differentStreamsAndSeedsDiffer() {
    func firstWords(_ seed: UInt64, _ stream: UInt64) -> [UInt64] {
      var g = Philox4x32(seed: seed, stream: stream)
      return (0..<8).map { _ in g.next() }
    }
    let base = firstWords(1, 0)
    #expect(firstWords(1, 1) != base)
    #expect(firstWords(2, 0) != base)
    #expect(firstWords(1 << 32, 0) != base)  // the high key word matters
    #expect(firstWords(1, 1 << 32) != base)  // the high stream word matters
    // No equal words across neighbouring streams in a short window.
    let other = Set(firstWords(1, 1))
    #expect(base.allSatisfy { !other.contains($0) })
  }

  @Test func equalityMeansSameFutureSequence() {
    var a = Philox4x32(seed: 5, stream: 0)
    for _ in 0..<2 { _ = a.next() }  // block 0 spent, its stale second word kept
    var b = Philox4x32(seed: 5, stream: 0)
    b.advance(blocks: 1)
    #expect(a == b)
    #expect(a.next() == b.next())
    #expect(a == b)
    #expect(Philox4x32(seed: 5, stream: 0) != Philox4x32(seed: 5, stream: 1))
    #expect(Philox4x32(seed: 5, stream: 0) != Philox4x32(seed: 6, stream: 0))
  }

  @Test func copiesAreIndependentValues() {
    var a = Philox4x32(seed: 5, stream: 0)
    _ = a.next()
    var b = a  // value copy mid-block
    #expect(a.next() == b.next())
    #expect(a.next() == b.next())
  }

  @Test func outputBitsAreBalanced() {
    // Each of the 64 bit positions is set with probability 1/2: a binomial check per bit.
    var g = Philox4x32(seed: testSeed, stream: 900)
    let n = 20_000
    var ones = [Int](repeating: 0, count: 64)
    for _ in 0..<n {
      let x = g.next()
      for bit in 0..<64 where (x >> UInt64(bit)) & 1 == 1 { ones[bit] += 1 }
    }
    // |ones − n/2| < 5 σ for every bit (σ = √n / 2).
    let sigma = Double(n).squareRoot() / 2
    for bit in 0..<64 {
      #expect(abs(Double(ones[bit]) - Double(n) / 2) < 5 * sigma, "bit \(bit)")
    }
  }

  @Test func identifierIsVersioned() {
    #expect(Philox4x32.identifier == "philox4x32-10/1")
  }
}
