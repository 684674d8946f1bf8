// Tests for DesignLogisticRegression (R values through the CLI: TrendDesignCLITests,
// CmhDesignCLITests): the fit solves the
// weighted score equations, a common weight changes nothing, and separated or constant data are
// refused.
import Foundation
import ResampleCore
import Testing
import _TestSupport

@testable import SurveyInference

@Test func fitSolvesTheScoreEquationsAndIgnoresACommonWeight() throws {
  var g = SeededLCG(seed: 5)
  let n = 120
  let scores: [Double?] = (0..<n).map { i in i % 17 == 0 ? nil : Double(i % 4) }
  let outcomes: [Bool?] = (0..<n).map { i in
    i % 23 == 0 ? nil : g.unit() < 0.2 + 0.15 * Double(i % 4)
  }
  let a = try DesignLogisticRegression.trend(
    scores: scores, outcomes: outcomes, design: try simpleRandomSample(n))
  let b = try DesignLogisticRegression.trend(
    scores: scores, outcomes: outcomes, design: try simpleRandomSample(n, weight: 12.5))
  #expect(relativeError(a.coefficients[1], b.coefficients[1]) <= 1e-10)
  #expect(relativeError(a.standardErrors[1], b.standardErrors[1]) <= 1e-10)
  #expect(a.coefficients[1] > 0)
  #expect(a.degreesOfFreedom == n - 2)
  // The score equations Σ x (y − μ) = 0 hold at the fit.
  var g0 = 0.0
  var g1 = 0.0
  for i in 0..<n {
    guard let s = scores[i], let y = outcomes[i] else { continue }
    let mu = 1 / (1 + exp(-(a.coefficients[0] + a.coefficients[1] * s)))
    g0 += (y ? 1 : 0) - mu
    g1 += ((y ? 1 : 0) - mu) * s
  }
  #expect(abs(g0) <= 1e-9 && abs(g1) <= 1e-9)
}

@Test func separatedOrConstantDataAreRefused() throws {
  let scores: [Double?] = [1, 1, 2, 2, 3, 3]
  for outcomes: [Bool?] in [
    [false, false, false, true, true, true],  // separated at 2.5
    [true, true, true, true, true, true],  // no variation
  ] {
    #expect(throws: InputError.self) {
      try DesignLogisticRegression.trend(
        scores: scores, outcomes: outcomes, design: try simpleRandomSample(6))
    }
  }
  #expect(throws: InputError.self) {
    try DesignLogisticRegression.trend(
      scores: [1, 1, 1, 1], outcomes: [true, false, true, false], design: try simpleRandomSample(4))
  }
  #expect(throws: InputError.self) {
    try DesignLogisticRegression.trend(
      scores: [1, 2], outcomes: [true], design: try simpleRandomSample(2))
  }
}
