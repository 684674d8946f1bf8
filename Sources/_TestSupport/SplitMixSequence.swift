// SplitMixSequence.swift: the SplitMix64 sequence that simulation tests draw their points from.
import Foundation
import RandomStreams

/// SplitMix64 (Steele, Lea & Flood 2014) as a plain sequence of doubles: deterministic simulated
/// data and test points, the same on every run and platform.
///
/// Makes inputs only, never the randomness under test (that comes from RandomStreams' Philox
/// streams); the output function is RandomStreams' ``SplitMix64/mix(_:)``.
public struct SplitMixSequence: Sendable {
  /// The current state; each draw adds the golden-ratio increment first.
  public var state: UInt64

  public init(state: UInt64) { self.state = state }

  /// A uniform double in [0, 1) from the top 53 bits of the next output.
  public mutating func next() -> Double {
    let z = SplitMix64.mix(state)
    state &+= 0x9E37_79B9_7F4A_7C15
    return Double(z >> 11) * 0x1p-53
  }

  /// A log-uniform double in [lo, hi) (one draw).
  public mutating func logUniform(_ lo: Double, _ hi: Double) -> Double {
    exp(log(lo) + (log(hi) - log(lo)) * next())
  }

  /// A standard normal by the Box–Muller cosine branch (two draws; the first kept ≥ 1e-300).
  public mutating func normal() -> Double {
    let u = max(next(), 1e-300)
    return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * next())
  }

  /// A standard exponential by inversion (one draw).
  public mutating func exponential() -> Double { -log(1 - next()) }
}
