// Two proportions in the shared vocabulary, with typed warnings.
import Proportions
import ResampleCore
import Testing

@Test func twoProportionsSpeakTheVocabulary() throws {
  let r = try twoProportions(x1: 31, n1: 50, x2: 21, n2: 49)
  #expect(r.testStatistic == r.zStatistic && r.method == .pooledZ && r.alternative == .twoSided)
  #expect(r.diagnostics.isEmpty)
  let zero = try twoProportions(x1: 0, n1: 10, x2: 0, n2: 12)
  #expect(zero.diagnostics == [.testsUndefined(pooledProportion: 0), .zeroCellCorrection])
  #expect(zero.diagnostics[0].description.contains("undefined (NaN)"))
}
