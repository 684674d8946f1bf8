import RandomStreams
// Tests for Lemire16: the batch kernel against a chunk-by-chunk reference, for every instruction
// set, bounds from 1 to 2¹⁶, and every stopping rule (words run out, fewer than four needed).
import Testing

@Suite struct Lemire16Tests {
  /// Chunk-by-chunk reference of the documented rule.
  func reference(words: [UInt64], bound n: UInt32, needed: Int, produced start: Int)
    -> (used: Int, indices: [UInt32])
  {
    let t = Lemire16.threshold(n)
    var out: [UInt32] = []
    var used = 0
    for w in words {
      guard needed - (start + out.count) >= 4 else { break }
      var x = w
      for _ in 0..<4 {
        let m = UInt32(truncatingIfNeeded: x & 0xFFFF) &* n
        x >>= 16
        if m & 0xFFFF >= t { out.append(m >> 16) }
      }
      used += 1
    }
    return (used, out)
  }

  /// The public buffer overload (the raw-pointer one is `package`) takes the word count and the
  /// number needed from the buffers.
  @Test func bufferOverloadMatchesReference() {
    var g = Philox4x32(seed: 7, stream: 2)
    let words = (0..<9).map { _ in g.next() }
    var out = [UInt32](repeating: 0, count: 40)
    var produced = 1
    let used = words.withUnsafeBufferPointer { w in
      out.withUnsafeMutableBufferPointer { o in
        Lemire16.indices(fromWords: w, bound: 10_000, into: o, produced: &produced)
      }
    }
    let expected = reference(words: words, bound: 10_000, needed: 40, produced: 1)
    #expect(used == expected.used)
    #expect(Array(out[1..<produced]) == expected.indices)
  }

  @Test func batchMatchesReferenceScalar() { checkBatch(.scalar) }

  @Test(.cpuRuns(.avx2)) func batchMatchesReferenceAVX2() { checkBatch(.avx2) }

  @Test(.cpuRuns(.avx512)) func batchMatchesReferenceAVX512() { checkBatch(.avx512) }

  /// The batch kernel for `set` against the reference.
  func checkBatch(_ set: Philox4x32.InstructionSet) {
    var g = Philox4x32(seed: 99, stream: 1)
    let words = (0..<64).map { _ in g.next() }
    for n: UInt32 in [1, 2, 3, 7, 100, 10_000, 40_000, 65_535, 65_536] {
      for needed in [0, 3, 4, 5, 16, 17, 40, 100, 300] {
        for start in [0, 1, 5] where start <= needed {
          for wordCount in [0, 1, 4, 9, 64] {
            var out = [UInt32](repeating: 0, count: max(needed, 1))
            var produced = start
            let used = out.withUnsafeMutableBufferPointer { o in
              words.withUnsafeBufferPointer { w in
                guard let wb = w.baseAddress, let ob = o.baseAddress else { return -1 }
                return Lemire16.indices(
                  fromWords: wb, wordCount: wordCount, bound: n,
                  threshold: Lemire16.threshold(n), into: ob, needed: needed,
                  produced: &produced, instructionSet: set)
              }
            }
            let want = reference(
              words: Array(words.prefix(wordCount)), bound: n, needed: needed, produced: start)
            #expect(used == want.used, "\(set) n \(n) needed \(needed) words \(wordCount)")
            #expect(Array(out[start..<produced]) == want.indices, "\(set) n \(n) needed \(needed)")
            #expect(produced <= max(needed, start))
          }
        }
      }
    }
  }

  @Test func thresholdIsTwoToTheSixteenModN() {
    #expect(Lemire16.threshold(1) == 0)
    #expect(Lemire16.threshold(10_000) == 65_536 % 10_000)
    #expect(Lemire16.threshold(65_536) == 0)
    #expect(Lemire16.threshold(3) == 65_536 % 3)
  }
}
