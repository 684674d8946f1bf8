import ResampleCore
// PermutationTallyTests.swift: tallies of replicate ranges that tile 0..<B add up to the single
// run's result, for the two-sample, k-sample and correlation permutation tests.
import Resampling
import Testing

@Suite struct PermutationTallyTests {
  /// Tallies of uneven ranges, summed, against the test's own run.
  func expectRangesAddUp<T: RandomPermutationTest>(
    _ test: T, alternative: Alternative, whole: PermutationTestResult
  ) throws {
    let cuts = [0, 1, 777, 2500, 2999, 3000]
    var sum = PermutationTally(lessOrEqual: 0, greaterOrEqual: 0, count: 0)
    for (lo, hi) in zip(cuts, cuts.dropFirst()) {
      sum = sum + (try test.tally(lo..<hi, seed: 42, threads: 2))
    }
    var expected = whole
    expected.nullDistribution = []
    #expect(test.result(sum, alternative: alternative, seed: 42) == expected)
  }

  @Test func rangesOfEveryPermutationTestAddUpToTheSingleRun() throws {
    let a = (0..<25).map { Double($0 * 7 % 11) }
    let b = (0..<20).map { Double($0 * 5 % 13) + 0.5 }
    for alternative in [Alternative.twoSided, .less, .greater] {
      let two = try PermutationTest(first: a, second: b, statistic: .differenceOfMedians)
      try expectRangesAddUp(
        two, alternative: alternative,
        whole: try two.run(alternative: alternative, replicates: 3000, seed: 42))
    }
    let k = try KSamplePermutationTest(groups: [a, b, a.map { $0 + 1 }], statistic: .anovaF)
    try expectRangesAddUp(
      k, alternative: .greater, whole: try k.run(replicates: 3000, seed: 42))
    let c = try CorrelationPermutationTest(
      x: a, y: a.map { $0 * $0 - 3 * $0 }, statistic: .spearman)
    try expectRangesAddUp(
      c, alternative: .twoSided, whole: try c.run(replicates: 3000, seed: 42))
  }
}
