// SplitMix64.swift: SplitMix64's output function, for deriving well-mixed seeds from counters
// and hashes.

/// SplitMix64's output function: `x + 0x9E3779B97F4A7C15` passed through the two
/// xor-shift-multiply rounds of Steele, Lea and Flood (2014) (the same constants as Java's
/// `SplittableRandom` and Vigna's `splitmix64.c`).
///
/// Used to derive one seed per pair (survey comparison) or per benchmark name (bench-diff) from
/// the user's seed, so that streams of different items are unrelated and a result depends only
/// on the seed and the item, never on how many other items there are.
///
/// Reference: G. L. Steele, D. Lea, C. H. Flood (2014), "Fast splittable pseudorandom number
/// generators", *OOPSLA '14*, 453–472.
package enum SplitMix64 {
  /// The 64-bit output for input `x`.
  /// - Complexity: O(1).
  @inlinable
  package static func mix(_ x: UInt64) -> UInt64 {
    var z = x &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// The top 53 bits of ``mix(_:)``: a seed that JSON readers parsing numbers as doubles keep
  /// exact.
  /// - Complexity: O(1).
  @inlinable
  package static func seed53(_ x: UInt64) -> UInt64 { mix(x) >> 11 }
}
