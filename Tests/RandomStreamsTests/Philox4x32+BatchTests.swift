import RandomStreams
// Tests for the batched Philox blocks: every instruction set writes exactly the words the scalar
// generator returns, for block runs and stream runs, across low-word carries and odd lengths.
import Testing

extension Trait where Self == ConditionTrait {
  /// Runs a test only where this CPU has the instruction set `set`.
  ///
  /// The batch kernels clamp a set the CPU lacks to the best one it has, so each set has its own
  /// test, enabled only where the CPU runs it (here and in BoundedIntegers+BatchTests).
  static func cpuRuns(_ set: Philox4x32.InstructionSet) -> Self {
    .enabled(if: Philox4x32.InstructionSet.best >= set, Comment(rawValue: "this CPU has no \(set)"))
  }
}

@Suite struct Philox4x32BatchTests {
  /// What `Philox4x32.next()` gives for `count` blocks from (block, stream), one stream per
  /// block when `acrossStreams`.
  func reference(seed: UInt64, block: UInt64, stream: UInt64, count: Int, acrossStreams: Bool)
    -> [UInt64]
  {
    var out: [UInt64] = []
    for j in 0..<count {
      let s = acrossStreams ? stream &+ UInt64(j) : stream
      var g = Philox4x32(seed: seed, stream: s)
      g.advance(blocks: acrossStreams ? block : block &+ UInt64(j))
      out.append(g.next())
      out.append(g.next())
    }
    return out
  }

  static let starts: [UInt64] = [0, 7, 0xFFFF_FFF0, 0xFFFF_FFF8, 0x1_FFFF_FFF5, .max - 20]

  /// The public buffer overload (the raw-pointer one is `package`) takes its extent from the
  /// buffer and writes exactly the scalar generator's words.
  @Test func bufferOverloadMatchesScalarGenerator() {
    var blocks = [UInt64](repeating: 0, count: 34)
    blocks.withUnsafeMutableBufferPointer {
      Philox4x32.fillBlocks(seed: 42, stream: 3, firstBlock: 0xFFFF_FFF0, into: $0)
    }
    #expect(
      blocks
        == reference(seed: 42, block: 0xFFFF_FFF0, stream: 3, count: 17, acrossStreams: false))
  }

  @Test func blockRunsMatchScalarGeneratorScalar() { checkBlockRuns(.scalar) }

  @Test(.cpuRuns(.avx2)) func blockRunsMatchScalarGeneratorAVX2() { checkBlockRuns(.avx2) }

  @Test(.cpuRuns(.avx512)) func blockRunsMatchScalarGeneratorAVX512() { checkBlockRuns(.avx512) }

  @Test func streamRunsMatchScalarGeneratorScalar() { checkStreamRuns(.scalar) }

  @Test(.cpuRuns(.avx2)) func streamRunsMatchScalarGeneratorAVX2() { checkStreamRuns(.avx2) }

  @Test(.cpuRuns(.avx512)) func streamRunsMatchScalarGeneratorAVX512() { checkStreamRuns(.avx512) }

  /// Block runs of `set` against the scalar generator.
  func checkBlockRuns(_ set: Philox4x32.InstructionSet) {
    for start in Self.starts {
      for count in [0, 1, 7, 8, 15, 16, 17, 33, 100] {
        var got = [UInt64](repeating: 0xDEAD, count: 2 * count + 1)
        got.withUnsafeMutableBufferPointer { p in
          guard let base = p.baseAddress else { return }
          Philox4x32.fillBlocks(
            seed: 0x0123_4567_89AB_CDEF, stream: 42, firstBlock: start, count: count,
            into: base, instructionSet: set)
        }
        let want = reference(
          seed: 0x0123_4567_89AB_CDEF, block: start, stream: 42, count: count,
          acrossStreams: false)
        #expect(Array(got.prefix(2 * count)) == want, "\(set) start \(start) count \(count)")
        #expect(got[2 * count] == 0xDEAD, "wrote past the end")
      }
    }
  }

  /// Stream runs of `set` against the scalar generator.
  func checkStreamRuns(_ set: Philox4x32.InstructionSet) {
    for start in Self.starts {
      for count in [1, 9, 16, 31, 64] {
        var got = [UInt64](repeating: 0, count: 2 * count)
        got.withUnsafeMutableBufferPointer { p in
          guard let base = p.baseAddress else { return }
          Philox4x32.fillStreams(
            seed: 12345, block: 3, firstStream: start, count: count, into: base,
            instructionSet: set)
        }
        let want = reference(
          seed: 12345, block: 3, stream: start, count: count, acrossStreams: true)
        #expect(got == want, "\(set) start \(start) count \(count)")
      }
    }
  }

  @Test func bestInstructionSetIsReported() {
    // On any CPU the best set is one of the cases; on the reference machine it is AVX-512.
    #expect(Philox4x32.InstructionSet.allCases.contains(Philox4x32.InstructionSet.best))
  }
}
