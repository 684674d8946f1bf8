// IndexDrawer.swift: bounded integers and uniforms from one replicate's Philox stream.
import RandomStreams

/// Draws from one replicate's stream `Philox4x32(seed: seed, stream: b)`.
///
/// The stream's 64-bit outputs are consumed in order — exactly the sequence `next()` returns —
/// but computed 32 blocks at a time by the vectorised batch kernel
/// (``Philox4x32/fillBlocks(seed:stream:firstBlock:count:into:instructionSet:)``), which is the
/// hot loop of every resampling kernel. Bounded integers use Lemire's
/// multiply-and-reject on 16-bit chunks of an output when the bound is ≤ 2¹⁶ (four per output,
/// low bits first) and on 32-bit chunks otherwise; uniforms take a whole output (53 bits).
/// Chunks left over when a wider draw needs a new output are discarded. Every draw is exactly
/// uniform; the chunking only fixes how many bits each draw consumes.
///
/// Reference: D. Lemire, "Fast random integer generation in an interval", *ACM TOMACS* 29
/// (2019) 3:1–3:12; Salmon et al. (2011) for Philox.
struct IndexDrawer: RandomNumberGenerator {
  let key0: UInt32
  let key1: UInt32
  let stream0: UInt32
  let stream1: UInt32
  var blockIndex: UInt64 = 0
  /// Outputs of the current blocks; `buffer[position...]` are not yet consumed.
  var buffer:
    (
      UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
      UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
      UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
      UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
      UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
      UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
      UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
      UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64
    ) = (
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
    )
  /// Words in ``buffer`` (two per block).
  static var capacity: Int { 64 }
  var position = 64
  var bits: UInt64 = 0
  var available = 0

  @inline(__always)
  init(seed: UInt64, stream: Int) {
    key0 = UInt32(truncatingIfNeeded: seed)
    key1 = UInt32(truncatingIfNeeded: seed >> 32)
    stream0 = UInt32(truncatingIfNeeded: UInt64(stream))
    stream1 = UInt32(truncatingIfNeeded: UInt64(stream) >> 32)
  }

  /// Computes the next blocks: one the first time (a replicate of a collapsed plan needs only
  /// one or two outputs), 32 (64 outputs) afterwards through the batch kernel.
  @inline(never)
  mutating func refill() {
    let first = blockIndex == 0
    let count = first ? 1 : Self.capacity / 2
    let start = Self.capacity - 2 * count
    withUnsafeMutableBytes(of: &buffer) { raw in
      let words = raw.bindMemory(to: UInt64.self)
      guard let base = words.baseAddress else { return }
      let stream = UInt64(stream1) << 32 | UInt64(stream0)
      if first {
        let x = Philox4x32.block(counter: (0, 0, stream0, stream1), key: (key0, key1))
        base[start] = UInt64(x.1) << 32 | UInt64(x.0)
        base[start + 1] = UInt64(x.3) << 32 | UInt64(x.2)
      } else {
        Philox4x32.fillBlocks(
          seed: UInt64(key1) << 32 | UInt64(key0), stream: stream, firstBlock: blockIndex,
          count: count, into: base + start)
      }
    }
    blockIndex &+= UInt64(count)
    position = start
  }

  /// The stream's next 64-bit output.
  @inline(__always)
  mutating func next() -> UInt64 {
    if position >= Self.capacity { refill() }
    let p = position
    position = p + 1
    return withUnsafeBytes(of: &buffer) { $0.load(fromByteOffset: p * 8, as: UInt64.self) }
  }

  @inline(__always)
  mutating func chunk16() -> UInt32 {
    if available < 16 {
      bits = next()
      available = 64
    }
    let r = UInt32(truncatingIfNeeded: bits & 0xFFFF)
    bits >>= 16
    available -= 16
    return r
  }

  @inline(__always)
  mutating func chunk32() -> UInt32 {
    if available < 32 {
      bits = next()
      available = 64
    }
    let r = UInt32(truncatingIfNeeded: bits)
    bits >>= 32
    available -= 32
    return r
  }

  /// Uniform in 0..<bound (1 ≤ bound < 2³²), without modulo bias.
  @inline(__always)
  mutating func index(_ bound: UInt32) -> Int {
    index(Bound(bound))
  }

  /// Uniform in 0..<bound.n with the rejection threshold precomputed.
  @inline(__always)
  mutating func index(_ bound: Bound) -> Int {
    if bound.small {
      while true {
        let m = chunk16() &* bound.n
        if m & 0xFFFF >= bound.threshold { return Int(m >> 16) }
      }
    }
    while true {
      let m = UInt64(chunk32()) &* UInt64(bound.n)
      if UInt32(truncatingIfNeeded: m) >= bound.threshold { return Int(m >> 32) }
    }
  }

  /// Writes `count` indices uniform in 0..<bound.n to `out[0..<count]`: the same indices,
  /// consuming the same chunks (and leaving the same state), as `count` calls of
  /// ``index(_:)-(Bound)``.
  ///
  /// With a 16-bit bound, whole outputs are handled in batch while at least four indices remain
  /// (``Lemire16/indices(fromWords:wordCount:bound:threshold:into:needed:produced:instructionSet:)``,
  /// vectorised, no branches on rejections); the last few indices come chunk by chunk.
  ///
  /// - Parameters:
  ///   - count: how many indices (≥ 0).
  ///   - bound: the bound.
  ///   - out: room for at least `count` indices.
  /// - Complexity: O(count).
  @inline(__always)
  mutating func fillIndices(_ count: Int, _ bound: Bound, into out: UnsafeMutablePointer<UInt32>) {
    guard bound.small else {
      for i in 0..<count { out[i] = UInt32(truncatingIfNeeded: index(bound)) }
      return
    }
    var produced = 0
    while produced < count && available >= 16 {
      let m = chunk16() &* bound.n
      if m & 0xFFFF >= bound.threshold {
        out[produced] = m &>> 16
        produced += 1
      }
    }
    let n = bound.n
    let t = bound.threshold
    if count - produced >= 4 {
      // Whole buffered words while at least four indices are needed (the batch kernel).
      while count - produced >= 4 {
        if position >= Self.capacity { refill() }
        let p = position
        let used = withUnsafeBytes(of: &buffer) { raw -> Int in
          guard let words = raw.bindMemory(to: UInt64.self).baseAddress else { return 0 }
          return Lemire16.indices(
            fromWords: words + p, wordCount: Self.capacity - p, bound: n, threshold: t,
            into: out, needed: count, produced: &produced)
        }
        position = p + used
      }
      available = 0
    }
    while produced < count {
      var w = next()
      var used = 0
      while used < 4 {
        let m = UInt32(truncatingIfNeeded: w & 0xFFFF) &* n
        w >>= 16
        used += 1
        if m & 0xFFFF >= t {
          out[produced] = m &>> 16
          produced += 1
          if produced == count { break }
        }
      }
      bits = w
      available = 64 - 16 * used
    }
  }

  /// Uniform in [0, 1) with 53 random bits (one whole 64-bit output).
  @inline(__always)
  mutating func uniform() -> Double {
    Double(next() >> 11) * 0x1p-53
  }
}

/// A bound for ``IndexDrawer/index(_:)-(Bound)`` with Lemire's threshold 2ᵏ mod n precomputed
/// (k = 16 for n ≤ 2¹⁶, else 32), so a draw costs one multiply and one compare.
struct Bound: Sendable {
  let n: UInt32
  let threshold: UInt32
  let small: Bool

  @inline(__always)
  init(_ n: UInt32) {
    precondition(n >= 1, "bound must be at least 1")
    self.n = n
    small = n <= 0x1_0000
    threshold = small ? (0x1_0000 &- n) % n : (0 &- n) % n
  }
}
