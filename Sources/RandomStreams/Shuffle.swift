// Shuffle.swift: uniform random permutations and partial shuffles (Fisher–Yates).

extension MutableCollection where Self: RandomAccessCollection {
  /// Shuffles the collection in place into a uniformly random order, drawing from a stream.
  ///
  /// Forward Fisher–Yates: for i = 0, 1, …, n − 2, swap position i with a position drawn
  /// uniformly from i..<n by ``RandomNumberGenerator/nextBounded(_:)-(UInt64)`` (no modulo bias).
  /// Unlike the standard library's `shuffle(using:)`, the sequence of draws is specified here and
  /// will not change with the toolchain, so results are reproducible from `(seed, stream)`.
  ///
  /// - Parameters:
  ///   - generator: the random stream to draw from.
  /// - Complexity: O(n), n − 1 bounded draws.
  ///
  /// Reference: R. Durstenfeld (1964), "Algorithm 235: Random permutation", CACM 7(7);
  /// D. E. Knuth, *The Art of Computer Programming* vol. 2, §3.4.2, Algorithm P.
  @inlinable
  public mutating func shuffle<G: RandomNumberGenerator>(usingStream generator: inout G) {
    partialShuffle(count: count, using: &generator)
  }

  /// Moves a uniformly random ordered sample of `count` elements to the front.
  ///
  /// After the call, the first `count` positions hold a uniformly random ordered sample without
  /// replacement of the original elements (every ordered selection equally likely); the rest
  /// hold the others in an unspecified order. The first `count` steps of forward Fisher–Yates,
  /// so `partialShuffle(count: n)` equals ``shuffle(usingStream:)``.
  ///
  /// - Parameters:
  ///   - count: how many positions to fill, in 0...n (a programmer error otherwise).
  ///   - generator: the random stream to draw from.
  /// - Complexity: O(count), min(count, n − 1) bounded draws.
  @inlinable
  public mutating func partialShuffle<G: RandomNumberGenerator>(
    count sampleCount: Int, using generator: inout G
  ) {
    let n = self.count
    precondition(sampleCount >= 0 && sampleCount <= n, "partialShuffle: count must be in 0...n")
    let steps = Swift.min(sampleCount, n - 1)
    if steps <= 0 { return }
    var i = startIndex
    for offset in 0..<steps {
      let j = offset + Int(truncatingIfNeeded: generator.nextBounded(UInt64(n - offset)))
      if j != offset { swapAt(i, index(i, offsetBy: j &- offset)) }
      formIndex(after: &i)
    }
  }
}
