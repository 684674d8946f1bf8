// BoundedIntegers+Batch.swift: Lemire's bounded integers from 16-bit chunks of many random
// words at once, vectorised where the CPU allows.
import _RandomKernels

/// Bounded integers from 16-bit chunks of random words (Lemire's multiply-and-reject), in batch.
///
/// For a bound n ≤ 2¹⁶, each 64-bit word gives four chunks c (low bits first); c is accepted
/// when c·n mod 2¹⁶ ≥ 2¹⁶ mod n, and then yields ⌊c·n / 2¹⁶⌋, exactly uniform on 0..<n.
///
/// Reference: D. Lemire, "Fast random integer generation in an interval", *ACM TOMACS* 29
/// (2019) 3:1–3:12.
public enum Lemire16 {
  /// The rejection threshold 2¹⁶ mod n for a bound 1 ≤ n ≤ 2¹⁶.
  @inlinable
  public static func threshold(_ n: UInt32) -> UInt32 {
    (0x1_0000 &- n) % n
  }

  /// Turns whole words into indices while at least four are still needed before a word.
  ///
  /// Consumes `words[0]`, `words[1]`, … while words remain and `needed − produced ≥ 4`, writing
  /// accepted indices to `out[produced...]` (only below `needed`). Stopping at whole words when
  /// fewer than four are needed lets the caller finish chunk by chunk and keep the unused chunks.
  ///
  /// - Parameters:
  ///   - words: the random words, in stream order.
  ///   - wordCount: how many words are available.
  ///   - bound: n, with 1 ≤ n ≤ 2¹⁶.
  ///   - threshold: ``threshold(_:)`` of n.
  ///   - out: room for `needed` indices.
  ///   - needed: how many indices the caller wants in all.
  ///   - produced: how many are already in `out`; advanced by this call.
  ///   - instructionSet: the widest instruction set to use (results do not depend on it).
  /// - Returns: the number of words consumed.
  /// - Complexity: O(words consumed); ≈ 0.1 ns per index with AVX-512 on the reference machine.
  @inlinable
  package static func indices(
    fromWords words: UnsafePointer<UInt64>, wordCount: Int, bound: UInt32, threshold: UInt32,
    into out: UnsafeMutablePointer<UInt32>, needed: Int, produced: inout Int,
    instructionSet: Philox4x32.InstructionSet = .avx512
  ) -> Int {
    var p = produced
    let used = resample_lemire16_words(
      words, wordCount, bound, threshold, out, needed, &p, Int32(instructionSet.rawValue))
    produced = p
    return used
  }

  /// Turns whole words into indices below `bound` while at least four are still needed before a
  /// word (the rule above), with every extent taken from the buffers and checked.
  ///
  /// - Parameters:
  ///   - words: the random words, in stream order.
  ///   - bound: n, with 1 ≤ n ≤ 2¹⁶.
  ///   - out: the destination; indices are written from `out[produced]` to at most the end.
  ///   - produced: how many indices `out` already holds (0 ≤ produced ≤ out.count); advanced.
  ///   - instructionSet: the widest instruction set to use (results do not depend on it).
  /// - Returns: the number of words consumed.
  /// - Complexity: O(words consumed).
  @inlinable
  public static func indices(
    fromWords words: UnsafeBufferPointer<UInt64>, bound: UInt32,
    into out: UnsafeMutableBufferPointer<UInt32>, produced: inout Int,
    instructionSet: Philox4x32.InstructionSet = .avx512
  ) -> Int {
    precondition(bound >= 1 && bound <= 1 << 16, "Lemire16.indices: bound must be in 1...65536")
    precondition(produced >= 0 && produced <= out.count, "Lemire16.indices: produced out of range")
    guard let w = words.baseAddress, let o = out.baseAddress, produced < out.count else { return 0 }
    return indices(
      fromWords: w, wordCount: words.count, bound: bound, threshold: threshold(bound), into: o,
      needed: out.count, produced: &produced, instructionSet: instructionSet)
  }
}
