// Permutation tests and bootstrap intervals in the shared vocabulary; the statistic's name is
// built by the library, never patched afterwards.
import ResampleCore
import Resampling
import Testing

@Test func permutationResultSpeaksTheVocabulary() throws {
  let test = try PermutationTest(first: [1, 2, 3, 4], second: [5, 6, 7])
  let exact = try test.run(replicates: 1_000, seed: 1)
  #expect(exact.method == .exact && exact.testStatistic == exact.observed)
  #expect(exact.testStatistic == 2.5 - 6 && exact.diagnostics.isEmpty)
  let sampled = try test.run(replicates: 10, seed: 1)
  #expect(sampled.method == .monteCarlo)
}

@Test func bootstrapIntervalsAndNamesSpeakTheVocabulary() throws {
  let boot = try Bootstrap(samples: [[1, 2, 3, 4, 5], [2, 4, 6]], statistic: .difference(.mean))
  let r = try boot.result(
    from: boot.replicates(0..<199, seed: 3), seed: 3, methods: [.percentile],
    sampleNames: ["a", "b"])
  #expect(r.statistic == "difference of means (a vs b)")
  let ci = try #require(r.interval(.percentile))
  func bounds(_ i: some IntervalEstimate) -> (Double, Double, Double, String) {
    (i.level, i.lower, i.upper, i.method.rawValue)
  }
  #expect(bounds(ci) == (0.95, ci.lower, ci.upper, "percentile"))
  let one = try Bootstrap(samples: [[1, 2, 3]], statistic: .sample(.mean))
  let named = try one.result(from: one.replicates(0..<99, seed: 1), seed: 1, sampleNames: ["x"])
  #expect(named.statistic == "mean")
}
