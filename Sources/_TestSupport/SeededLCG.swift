// SeededLCG.swift: the one seeded generator for test data (not public API).
import Foundation

/// Knuth's MMIX linear congruential generator, seeded: reproducible test data on every run.
///
/// It makes inputs (simulated samples, random byte strings), never the randomness under test,
/// which comes from RandomStreams. Every method advances the state once per `next()` it calls,
/// in order, so a sequence written as `normal()` calls is the same on every platform.
public struct SeededLCG: Sendable {
  /// The current state; the next output is derived from it.
  public var state: UInt64

  public init(seed: UInt64) { state = seed }

  /// The next 64-bit state (use the high bits: the low ones have short periods).
  public mutating func next() -> UInt64 {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return state
  }

  /// A uniform double in [0, 1) from the top 53 bits.
  public mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

  /// A uniform double in (0, 1), safe for `log`: the top 53 bits plus one half, over 2⁵³.
  public mutating func openUnit() -> Double { (Double(next() >> 11) + 0.5) * 0x1p-53 }

  /// A standard normal by the Box–Muller cosine branch (two `openUnit()` draws).
  public mutating func normal() -> Double {
    (-2 * log(openUnit())).squareRoot() * cos(2 * .pi * openUnit())
  }

  /// An integer in `0 ..< bound` from bits 33–63 (slightly biased unless `bound` divides 2³¹).
  public mutating func below(_ bound: UInt64) -> UInt64 { (next() >> 33) % bound }

  /// `count` values of `draw`, in order.
  public mutating func draws<T>(_ count: Int, _ draw: (inout SeededLCG) -> T) -> [T] {
    (0..<count).map { _ in draw(&self) }
  }
}
