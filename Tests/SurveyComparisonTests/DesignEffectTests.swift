import ResampleCore
import Testing
import _TestSupport

@testable import SurveyComparison

@Suite struct DesignEffectTests {
  @Test func raoScottFirstOrderMatchesScipyDividedByDeff() throws {
    let f = try loadSurveyFixture()
    for d in f.designEffect {
      let r = try RaoScottChiSquared(
        counts: d.x.map(Double.init), sizes: d.n.map(Double.init),
        designEffect: DesignEffect(d.deff))
      #expect(isClose(r.pearson, d.pearson, relative: 1e-12))
      #expect(isClose(r.statistic, d.adjustedStatistic, relative: 1e-12))
      #expect(isClose(r.pValue, d.adjustedP, relative: 1e-9))
      let plain = try RaoScottChiSquared(counts: d.x.map(Double.init), sizes: d.n.map(Double.init))
      #expect(isClose(plain.pValue, d.pearsonP, relative: 1e-9))
      #expect(r.pValue > plain.pValue)
    }
  }

  @Test func kishAndEffectiveSize() throws {
    let (d, nEff) = try DesignEffect.kish(weights: [1, 1, 2, 2])
    #expect(isClose(nEff, 36.0 / 10.0, relative: 1e-15))
    #expect(isClose(d.value, 4 / 3.6, relative: 1e-15))
    #expect(try DesignEffect.kish(weights: [3, 3, 3]).designEffect.value == 1)
    #expect(try DesignEffect(respondents: 156, effectiveSize: 104).value == 1.5)
  }

  @Test func badInput() {
    #expect(throws: InputError.self) { try DesignEffect(0) }
    #expect(throws: InputError.self) { try DesignEffect(.nan) }
    #expect(throws: InputError.self) { try DesignEffect.kish(weights: [1, -1]) }
    #expect(throws: InputError.self) { try DesignEffect.kish(weights: [0, 0]) }
    #expect(throws: InputError.self) { try RaoScottChiSquared(counts: [3, 1], sizes: [2, 4]) }
    #expect(throws: InputError.self) { try RaoScottChiSquared(counts: [1], sizes: [2]) }
  }
}
