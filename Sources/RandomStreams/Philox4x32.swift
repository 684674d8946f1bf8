// Philox4x32.swift: the counter-based generator Philox4x32-10 with streams addressed by
// (seed, stream).

/// A counter-based random number generator, Philox4x32 with 10 rounds, addressed by
/// `(seed, stream)`.
///
/// Each output block is the Philox4x32-10 bijection of a 128-bit counter under a 64-bit key:
/// - key = the seed as two 32-bit words (low word first);
/// - counter = (block index low, block index high, stream low, stream high);
/// - a block's four 32-bit words `x0 x1 x2 x3` yield two outputs, `x0 | x1 << 32` then
///   `x2 | x3 << 32`.
///
/// Stream `b` of a seed is an independent sequence of 2⁶⁵ outputs that does not depend on how
/// many values any other stream produced, so replicate `b` of a resampling procedure drawing
/// only from stream `b` gives the same result whatever the thread count, block size or
/// sharding. The algorithm and this layout are versioned by ``identifier``; changing either is a
/// breaking change.
///
/// - Complexity: O(1) per output; one block (10 rounds of two 32×32→64-bit multiplies) per
///   two outputs.
///
/// References: J. K. Salmon, M. A. Moraes, R. O. Dror, D. E. Shaw (2011), "Parallel random
/// numbers: as easy as 1, 2, 3", Proc. SC'11. Known-answer vectors: Random123 `kat_vectors`.
@frozen
public struct Philox4x32: RandomNumberGenerator, Sendable, Equatable {
  /// The name and version of the stream algorithm, recorded as `"rng"` in every JSON result.
  public static let identifier = "philox4x32-10/1"

  /// The key: the seed's low and high 32-bit words.
  @usableFromInline internal var key0: UInt32
  @usableFromInline internal var key1: UInt32
  /// The stream index (counter words 2 and 3).
  @usableFromInline internal var streamIndex: UInt64
  /// The index of the next block to compute (counter words 0 and 1).
  @usableFromInline internal var blockIndex: UInt64
  /// The second output of the last block, when not yet returned.
  @usableFromInline internal var buffered: UInt64
  @usableFromInline internal var hasBuffered: Bool

  /// Creates the generator for stream `stream` of `seed`, positioned at its first block.
  ///
  /// - Parameters:
  ///   - seed: the 64-bit seed (the Philox key).
  ///   - stream: the stream index (the high half of the counter); replicate `b` uses stream `b`.
  /// - Complexity: O(1).
  @inlinable
  public init(seed: UInt64, stream: UInt64) {
    key0 = UInt32(truncatingIfNeeded: seed)
    key1 = UInt32(truncatingIfNeeded: seed >> 32)
    streamIndex = stream
    blockIndex = 0
    buffered = 0
    hasBuffered = false
  }

  /// The seed this generator was created with.
  @inlinable public var seed: UInt64 { UInt64(key1) << 32 | UInt64(key0) }

  /// The stream index this generator was created with.
  @inlinable public var stream: UInt64 { streamIndex }

  /// The index of the next block the generator will compute (each block gives two outputs).
  @inlinable public var block: UInt64 { blockIndex }

  /// Returns the next 64 random bits.
  ///
  /// - Complexity: O(1); computes a new block every second call.
  @inlinable
  public mutating func next() -> UInt64 {
    if hasBuffered {
      hasBuffered = false
      return buffered
    }
    let x = Philox4x32.block(
      counter: (
        UInt32(truncatingIfNeeded: blockIndex), UInt32(truncatingIfNeeded: blockIndex >> 32),
        UInt32(truncatingIfNeeded: streamIndex), UInt32(truncatingIfNeeded: streamIndex >> 32)
      ),
      key: (key0, key1))
    blockIndex &+= 1
    buffered = UInt64(x.3) << 32 | UInt64(x.2)
    hasBuffered = true
    return UInt64(x.1) << 32 | UInt64(x.0)
  }

  /// Two generators are equal when they will return the same sequence: same key, stream and
  /// position (a spent buffer's stale word is ignored).
  @inlinable
  public static func == (lhs: Philox4x32, rhs: Philox4x32) -> Bool {
    lhs.key0 == rhs.key0 && lhs.key1 == rhs.key1 && lhs.streamIndex == rhs.streamIndex
      && lhs.blockIndex == rhs.blockIndex && lhs.hasBuffered == rhs.hasBuffered
      && (!lhs.hasBuffered || lhs.buffered == rhs.buffered)
  }

  /// Skips `blocks` blocks ahead (2 outputs each), discarding any buffered output.
  ///
  /// After `advance(blocks: k)` on a fresh generator the next output is the first word of
  /// block `k`. The block index wraps modulo 2⁶⁴.
  ///
  /// - Parameters:
  ///   - blocks: how many blocks to skip.
  /// - Complexity: O(1).
  @inlinable
  public mutating func advance(blocks: UInt64) {
    blockIndex &+= blocks
    hasBuffered = false
  }

  /// The Philox4x32-10 bijection of one 128-bit counter under a 64-bit key.
  ///
  /// Ten rounds of the Philox S-box with the key bumped by the Weyl constants between rounds
  /// (Salmon et al. 2011, section 3.3).
  ///
  /// - Parameters:
  ///   - counter: the four 32-bit counter words.
  ///   - key: the two 32-bit key words.
  /// - Returns: the four 32-bit output words.
  /// - Complexity: O(1): 20 32×32→64-bit multiplies.
  @inlinable
  public static func block(
    counter: (UInt32, UInt32, UInt32, UInt32), key: (UInt32, UInt32)
  ) -> (UInt32, UInt32, UInt32, UInt32) {
    var c = counter
    var k0 = key.0
    var k1 = key.1
    round(&c, k0, k1)
    for _ in 1..<10 {
      k0 &+= 0x9E37_79B9
      k1 &+= 0xBB67_AE85
      round(&c, k0, k1)
    }
    return c
  }

  @inlinable @inline(__always)
  internal static func round(
    _ c: inout (UInt32, UInt32, UInt32, UInt32), _ k0: UInt32, _ k1: UInt32
  ) {
    let p0 = UInt64(0xD251_1F53) &* UInt64(c.0)
    let p1 = UInt64(0xCD9E_8D57) &* UInt64(c.2)
    let hi0 = UInt32(truncatingIfNeeded: p0 >> 32)
    let lo0 = UInt32(truncatingIfNeeded: p0)
    let hi1 = UInt32(truncatingIfNeeded: p1 >> 32)
    let lo1 = UInt32(truncatingIfNeeded: p1)
    c = (hi1 ^ c.1 ^ k0, lo1, hi0 ^ c.3 ^ k1, lo0)
  }
}
