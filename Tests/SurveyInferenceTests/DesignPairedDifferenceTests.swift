// Tests for DesignPairedDifference (R values through the CLI: McNemarDesignCLITests): under simple
// random sampling with equal weights it is the one-sample t test of the 0/1 differences, with
// svyttest's df = n − 2; non-answers leave the domain; bad input is refused.
import Distributions
import Foundation
import ResampleCore
import Testing
import _TestSupport

@testable import SurveyInference

@Test func equalWeightsGiveTheOneSampleTTestOfTheDifferences() throws {
  var g = SeededLCG(seed: 11)
  let n = 57
  let first = (0..<n).map { _ in g.unit() < 0.6 }
  let second = (0..<n).map { _ in g.unit() < 0.45 }
  let d: [Double] = zip(first, second).map { a, b in (a ? 1.0 : 0.0) - (b ? 1.0 : 0.0) }
  let mean = d.reduce(0, +) / Double(n)
  var ss = 0.0
  for x in d { ss += (x - mean) * (x - mean) }
  let s2 = ss / Double(n - 1)
  let se = (s2 / Double(n)).squareRoot()
  // Any common weight gives the same answer.
  for w in [1.0, 37.5] {
    let r = try DesignPairedDifference(
      first: first.map { $0 }, second: second.map { $0 },
      design: try simpleRandomSample(n, weight: w))
    #expect(relativeError(r.difference, mean) <= 1e-13)
    #expect(relativeError(r.standardError, se) <= 1e-12)
    #expect(r.degreesOfFreedom == n - 2)
    let t = try StudentT(degreesOfFreedom: Double(n - 2))
    #expect(relativeError(r.statistic, mean / se) <= 1e-12)
    #expect(relativeError(r.pValue, 2 * t.sf(abs(mean / se))) <= 1e-12)
    let q = t.quantile(0.975)
    #expect(relativeError(r.upper - r.lower, 2 * q * se) <= 1e-12)
    #expect(r.respondents == n)
  }
}

@Test func nonAnswersLeaveTheDomainAndBadInputIsRefused() throws {
  let first: [Bool?] = [true, true, false, nil, true, false, true]
  let second: [Bool?] = [false, true, false, true, nil, false, true]
  let r = try DesignPairedDifference(
    first: first, second: second, design: try simpleRandomSample(7))
  #expect(r.respondents == 5)
  #expect(abs(r.first.share - 3.0 / 5) <= 1e-15)
  #expect(abs(r.second.share - 2.0 / 5) <= 1e-15)
  #expect(abs(r.difference - 1.0 / 5) <= 1e-15)
  #expect(throws: InputError.self) {
    try DesignPairedDifference(
      first: [true], second: [true, false], design: try simpleRandomSample(2))
  }
  #expect(throws: InputError.self) {
    try DesignPairedDifference(
      first: [nil, nil, nil], second: [true, false, true], design: try simpleRandomSample(3))
  }
  #expect(throws: InputError.self) {
    try DesignPairedDifference(
      first: [true, false], second: [true, false], design: try simpleRandomSample(2))
  }
  #expect(throws: InputError.self) {
    try DesignPairedDifference(
      first: first, second: second, design: try simpleRandomSample(7), level: 1)
  }
  // Weights whose squares overflow would give NaN standard errors: refused with the design.
  #expect(throws: InputError.self) { try simpleRandomSample(4, weight: 1.5e308) }
}
