// BoundedIntegers.swift: uniform integers in 0..<bound without modulo bias (Lemire 2019).

extension RandomNumberGenerator {
  /// Returns an integer uniformly distributed in `0..<bound`, with no modulo bias.
  ///
  /// Lemire's nearly divisionless method: multiply a 64-bit draw by `bound` to 128 bits and
  /// keep the high word; reject the draws whose low word falls in the `2⁶⁴ mod bound` values that
  /// would make some results more likely. The division that computes the threshold runs only
  /// when the low word is below `bound` (probability `bound / 2⁶⁴`).
  ///
  /// - Parameters:
  ///   - bound: the exclusive upper bound; must be > 0 (a programmer error otherwise).
  /// - Returns: a value in `0..<bound`.
  /// - Complexity: O(1) expected; fewer than 2 draws on average for every bound.
  ///
  /// Reference: D. Lemire (2019), "Fast random integer generation in an interval",
  /// ACM Transactions on Modeling and Computer Simulation 29(1), article 3.
  @inlinable
  public mutating func nextBounded(_ bound: UInt64) -> UInt64 {
    precondition(bound > 0, "nextBounded: bound must be > 0")
    var m = next().multipliedFullWidth(by: bound)
    if m.low < bound {
      let threshold = (0 &- bound) % bound
      while m.low < threshold {
        m = next().multipliedFullWidth(by: bound)
      }
    }
    return m.high
  }

  /// Returns an integer uniformly distributed in `0..<bound` (``nextBounded(_:)-(UInt64)`` for
  /// `Int`).
  ///
  /// - Parameters:
  ///   - bound: the exclusive upper bound; must be > 0.
  /// - Complexity: O(1) expected.
  @inlinable
  public mutating func nextBounded(_ bound: Int) -> Int {
    precondition(bound > 0, "nextBounded: bound must be > 0")
    return Int(truncatingIfNeeded: nextBounded(UInt64(bound)))
  }
}
