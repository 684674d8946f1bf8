// ReplicateBlockTests.swift: tabulated replicate blocks (bounded memory at any B) give the same
// result as the full block, bit for bit, whole or merged from parts.
import Foundation
import ResampleCore
import Testing
import _TestSupport

@testable import Resampling

@Suite struct ReplicateBlockTests {
  /// W1's data: 31/50 vs 21/49.
  private func w1() throws -> Bootstrap {
    let a = [Double](repeating: 1, count: 31) + [Double](repeating: 0, count: 19)
    let b = [Double](repeating: 1, count: 21) + [Double](repeating: 0, count: 28)
    return try Bootstrap(samples: [a, b], statistic: .difference(.proportion))
  }

  @Test func tabulatedEqualsFullBlock() throws {
    let boot = try w1()
    let methods: [IntervalMethod] = [.percentile, .basic, .normal, .bca, .studentized]
    let full = try boot.replicates(0..<30_001, seed: 3, threads: 2, studentize: true)
    let table = try boot.replicates(
      0..<30_001, seed: 3, threads: 2, studentize: true, tabulate: true)
    #expect(table.isTabulated && table.values.isEmpty && table.count == 30_001)
    let r1 = try boot.result(from: full, seed: 3, methods: methods)
    let r2 = try boot.result(from: table, seed: 3, methods: methods)
    #expect(r1.intervals == r2.intervals)
    #expect(r1.standardError == r2.standardError && r1.bias == r2.bias)
    #expect(r1.replicates == r2.replicates && r1.biasCorrection == r2.biasCorrection)
  }

  @Test func tabulatedPartsMergeToTheWhole() throws {
    let boot = try w1()
    let whole = try boot.replicates(0..<10_000, seed: 9, tabulate: true)
    let parts = try [0..<3_000, 7_000..<10_000, 3_000..<7_000].map {
      try boot.replicates($0, seed: 9, threads: 2, tabulate: true)
    }
    let merged = try ReplicateBlock.merge(parts)
    #expect(merged == whole)
    let full = try boot.replicates(0..<3_000, seed: 9)
    #expect(throws: InputError.self) { try ReplicateBlock.merge([full, parts[2]]) }
  }

  @Test func continuousStatisticsIgnoreTabulate() throws {
    let boot = try Bootstrap(samples: [[1.5, 2.25, 3.0, 4.5, 7.0]], statistic: .sample(.mean))
    let b = try boot.replicates(0..<100, seed: 1, tabulate: true)
    #expect(!b.isTabulated && b.values.count == 100)
  }

  /// A `boot --shard` part stores its block as JSON: tabulated or not, with NaN replicates, the
  /// decoded block is the same block and merges to the same result.
  @Test func blocksSurviveAJSONRoundTrip() throws {
    let encoder = JSONEncoder()
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    let decoder = JSONDecoder()
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    let boot = try w1()
    let tabulated = try boot.replicates(100..<2_000, seed: 9, threads: 2, tabulate: true)
    #expect(tabulated.isTabulated)
    let plain = ReplicateBlock(range: 0..<3, values: [1.5, -.infinity, 2])
    for block in [tabulated, plain] {
      let back = try decoder.decode(ReplicateBlock.self, from: try encoder.encode(block))
      #expect(back == block)
    }
    let nan = ReplicateBlock(range: 0..<1, values: [.nan])
    let back = try decoder.decode(ReplicateBlock.self, from: try encoder.encode(nan))
    #expect(back.values[0].isNaN && back.range == nan.range)
  }
}
