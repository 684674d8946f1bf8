// UniformDouble.swift: uniform doubles in [0, 1) from the top 53 bits of a draw.

extension RandomNumberGenerator {
  /// Returns a double uniformly distributed on the grid `{k · 2⁻⁵³ : 0 ≤ k < 2⁵³}` in [0, 1).
  ///
  /// `(next() >> 11) · 2⁻⁵³`: every value is exactly representable, so all 2⁵³ grid points are
  /// equally likely. `1 − nextUniform()` is uniform on (0, 1], safe for logarithms.
  ///
  /// - Complexity: O(1), one 64-bit draw.
  @inlinable
  public mutating func nextUniform() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }
}
