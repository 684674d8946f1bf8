// Tests for RandomStreams.swift: the stream identifier, and pinned outputs that hold it to its
// promise: changing any of these sequences is a breaking change that must bump the version.
import RandomStreams
import Testing

@Suite struct RandomStreamsTests {
  @Test func identifierNamesAlgorithmAndVersion() {
    #expect(RandomStreams.identifier == "philox4x32-10/1")
    #expect(RandomStreams.identifier == Philox4x32.identifier)
  }

  func stream() -> Philox4x32 { Philox4x32(seed: 2026, stream: 1) }

  /// Outputs of "philox4x32-10/1", recorded when the version was set.
  ///
  /// Release and debug builds agree. If one of these changes, results for a given seed change: bump the identifier's
  /// version (and say so in the changelog) rather than editing the numbers.
  @Test func outputsArePinnedForThisVersion() throws {
    var r = stream()
    #expect(
      (0..<4).map { _ in r.next() } == [
        2_180_883_897_997_828_620, 17_816_438_061_888_907_277, 9_234_262_604_505_853_583,
        11_185_767_689_198_860_761,
      ])
    r = stream()
    #expect(
      (0..<6).map { _ in r.nextBounded(UInt64(1_000_003)) } == [
        118_226, 965_833, 500_591, 606_383, 475_905, 496_547,
      ])
    r = stream()
    #expect(
      (0..<3).map { _ in r.nextUniform() } == [
        0.11822595300739502, 0.9658310426326692, 0.5005903788553449,
      ])
    r = stream()
    #expect(
      (0..<6).map { _ in r.nextNormal() } == [
        -2.1554026559007613, 2.6001954407818215, 0.0016938126117307072, 0.18975408411739264,
        -0.04298077789529413, -0.009769673684879568,
      ])
    let binomial: [(Int, Double, [Int])] = [
      (10, 0.3, [1, 6, 3, 3, 3, 3, 4, 5]),
      (1000, 0.3, [278, 304, 306, 288, 308, 294, 290, 309]),
      (1000, 0.9, [912, 895, 894, 906, 894, 903, 904, 916]),
    ]
    for (n, p, want) in binomial {
      let s = try BinomialSampler(trials: n, probability: p)
      r = stream()
      #expect((0..<8).map { _ in s.sample(using: &r) } == want, "binomial \(n) \(p)")
    }
    let poisson: [(Double, [Int])] = [
      (3, [1, 6, 3, 3, 3, 3, 4, 6]), (300, [300, 299, 278, 287, 265, 286, 303, 298]),
    ]
    for (rate, want) in poisson {
      let s = try PoissonSampler(rate: rate)
      r = stream()
      #expect((0..<8).map { _ in s.sample(using: &r) } == want, "poisson \(rate)")
    }
    let hypergeometric: [(Int, Int, Int, [Int])] = [
      (50, 20, 10, [2, 7, 4, 4, 4, 4, 5, 6]),
      (100_000, 30_000, 5000, [1512, 1500, 1532, 1555, 1544, 1500, 1550, 1482]),
    ]
    for (bigN, k, n, want) in hypergeometric {
      let s = try HypergeometricSampler(population: bigN, successes: k, draws: n)
      r = stream()
      #expect((0..<8).map { _ in s.sample(using: &r) } == want, "hypergeometric \(bigN)")
    }
    let m = try MultinomialSampler(trials: 500, probabilities: [0.2, 0.3, 0.1, 0.4])
    r = stream()
    #expect((0..<2).map { _ in m.sample(using: &r) } == [[88, 158, 42, 212], [94, 158, 47, 201]])
    let t = try RandomTableSampler(rowSums: [40, 34, 82], columnSums: [39, 44, 29, 44])
    r = stream()
    #expect(
      (0..<2).map { _ in t.sample(using: &r) } == [
        [10, 16, 5, 9, 7, 8, 7, 12, 22, 20, 17, 23], [13, 6, 8, 13, 6, 13, 6, 9, 20, 25, 15, 22],
      ])
    var a = Array(0..<10)
    r = stream()
    a.shuffle(usingStream: &r)
    #expect(a == [1, 9, 6, 7, 2, 3, 0, 4, 8, 5])
  }
}

/// SplitMix64's output function against the reference implementation (Vigna's splitmix64.c:
/// the first outputs from state 0 are mix(0), mix(γ), …), and the 53-bit seed form.
@Test func splitMix64MatchesTheReferenceSequence() {
  let gamma: UInt64 = 0x9E37_79B9_7F4A_7C15
  #expect(SplitMix64.mix(0) == 0xE220_A839_7B1D_CDAF)
  #expect(SplitMix64.mix(gamma) == 0x6E78_9E6A_A1B9_65F4)
  #expect(SplitMix64.mix(gamma &* 2) == 0x06C4_5D18_8009_454F)
  #expect(SplitMix64.seed53(0) == 0xE220_A839_7B1D_CDAF >> 11)
  #expect(SplitMix64.seed53(12345) < 1 << 53)
}
