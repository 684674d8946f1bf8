// IndexDrawer.swift: bounded integers and uniforms from one replicate's Philox stream.
import RandomStreams

/// Draws from one replicate's stream `Philox4x32(seed: seed, stream: b)`.
///
/// The stream's 64-bit outputs are consumed in order — exactly the sequence `next()` returns —
/// but computed eight blocks at a time with the Philox bijection inlined (``Philox4x32/block``),
/// which is the hot loop of every resampling kernel. Bounded integers use Lemire's
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
  var buffer:
    (
      UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
      UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64
    ) =
      (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
  var position = 16
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
  /// one or two outputs), eight (16 outputs) afterwards.
  @inline(never)
  mutating func refill() {
    let count = blockIndex == 0 ? 1 : 8
    withUnsafeMutableBytes(of: &buffer) { raw in
      let words = raw.bindMemory(to: UInt64.self)
      let first = 16 - 2 * count
      for j in 0..<count {
        let b = blockIndex &+ UInt64(j)
        let x = Philox4x32.block(
          counter: (
            UInt32(truncatingIfNeeded: b), UInt32(truncatingIfNeeded: b >> 32), stream0, stream1
          ), key: (key0, key1))
        words[first + 2 * j] = UInt64(x.1) << 32 | UInt64(x.0)
        words[first + 2 * j + 1] = UInt64(x.3) << 32 | UInt64(x.2)
      }
    }
    blockIndex &+= UInt64(count)
    position = 16 - 2 * count
  }

  /// The stream's next 64-bit output.
  @inline(__always)
  mutating func next() -> UInt64 {
    if position >= 16 { refill() }
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
  /// With a 16-bit bound, whole outputs are handled without branches while at least four
  /// indices remain: each chunk's candidate is stored and the write position advances only when
  /// it is accepted, so Lemire's rare rejections cost no mispredicted branches.
  ///
  /// - Parameters:
  ///   - count: how many indices (≥ 0).
  ///   - bound: the bound.
  ///   - out: room for at least `count` indices.
  /// - Complexity: O(count).
  @inline(__always)
  mutating func fillIndices(_ count: Int, _ bound: Bound, into out: UnsafeMutablePointer<UInt32>)
  {
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
      while count - produced >= 4 {
        let w = next()
        let m0 = UInt32(truncatingIfNeeded: w & 0xFFFF) &* n
        let m1 = UInt32(truncatingIfNeeded: (w &>> 16) & 0xFFFF) &* n
        let m2 = UInt32(truncatingIfNeeded: (w &>> 32) & 0xFFFF) &* n
        let m3 = UInt32(truncatingIfNeeded: w &>> 48) &* n
        out[produced] = m0 &>> 16
        produced &+= m0 & 0xFFFF >= t ? 1 : 0
        out[produced] = m1 &>> 16
        produced &+= m1 & 0xFFFF >= t ? 1 : 0
        out[produced] = m2 &>> 16
        produced &+= m2 & 0xFFFF >= t ? 1 : 0
        out[produced] = m3 &>> 16
        produced &+= m3 & 0xFFFF >= t ? 1 : 0
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
