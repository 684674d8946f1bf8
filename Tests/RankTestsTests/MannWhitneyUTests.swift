// Tests for MannWhitneyU against R's wilcox.test and exactRankTests::wilcox.exact.
import Foundation
import ResampleCore
import Testing
import _TestSupport

@testable import RankTests

private struct Fixture: Decodable {
  struct Result: Decodable {
    var alternative: String
    var rStatistic, rP: Double
    var rExact: Bool
    var exactTiesP, enumerationP: Double?
  }
  struct Case: Decodable {
    var name: String
    var correct: Bool
    var x, y: [Double]
    var results: [Result]
  }
  var cases: [Case]
}

private func fixture() throws -> Fixture {
  try decodeFixture(Fixture.self, "ranktests/wilcox.json", keys: .snakeCase)
}

private func alternative(_ s: String) throws -> Alternative {
  guard let a = Alternative(rawValue: s) else {
    throw InputError.invalidData(source: s, reason: "")
  }
  return a
}

@Test func rCompatibleMatchesWilcoxTest() throws {
  let cases = try fixture().cases
  #expect(cases.count >= 20)
  var worstExact = 0.0
  var worstNormal = 0.0
  var exactCount = 0
  for c in cases {
    for r in c.results {
      let got = try MannWhitneyU.test(
        c.x, c.y, alternative: alternative(r.alternative), method: .rCompatible,
        continuityCorrection: c.correct)
      #expect(got.statistic == r.rStatistic, "\(c.name)")
      #expect((got.computation == .exactNoTies) == r.rExact, "\(c.name)")
      let e = relativeError(got.pValue, r.rP)
      if r.rExact {
        exactCount += 1
        worstExact = max(worstExact, e)
        #expect(e <= 1e-10, "\(c.name) \(r.alternative): \(got.pValue) vs R \(r.rP)")
      } else {
        worstNormal = max(worstNormal, e)
        #expect(e <= 1e-12, "\(c.name) \(r.alternative): \(got.pValue) vs R \(r.rP)")
      }
    }
  }
  #expect(exactCount >= 20)
  print("MannWhitneyU R-compatible: max rel. error exact \(worstExact), normal \(worstNormal)")
}

@Test func exactPermutationMatchesExactRankTestsAndEnumeration() throws {
  var worst = 0.0
  var withTies = 0
  for c in try fixture().cases {
    for r in c.results {
      guard let reference = r.exactTiesP else { continue }
      let got = try MannWhitneyU.test(
        c.x, c.y, alternative: alternative(r.alternative), method: .exact)
      #expect(got.computation == .exactPermutation)
      if got.hasTies { withTies += 1 }
      let e = relativeError(got.pValue, reference)
      worst = max(worst, e)
      #expect(e <= 1e-10, "\(c.name) \(r.alternative): \(got.pValue) vs \(reference)")
      if let enumerated = r.enumerationP {
        #expect(relativeError(got.pValue, enumerated) <= 1e-12, "\(c.name) \(r.alternative)")
      }
    }
  }
  #expect(withTies >= 30)
  print("MannWhitneyU exact with ties vs exactRankTests: max rel. error \(worst)")
}

@Test func automaticIsExactUpToTheLimitThenNormal() throws {
  for c in try fixture().cases {
    for r in c.results {
      let alt = try alternative(r.alternative)
      let got = try MannWhitneyU.test(c.x, c.y, alternative: alt)
      if c.x.count * c.y.count <= MannWhitneyU.defaultExactLimit {
        #expect(got.computation == .exactPermutation)
        if let reference = r.exactTiesP {
          #expect(relativeError(got.pValue, reference) <= 1e-10, "\(c.name)")
        }
      } else {
        #expect(got.computation == .normalApproximation)
        if c.correct {  // R's normal approximation, identical formula
          #expect(relativeError(got.pValue, r.rP) <= 1e-12, "\(c.name)")
        }
      }
    }
  }
}

@Test func exactWithoutTiesEqualsRExact() throws {
  // Without ties the permutation distribution is R's and symmetric, so both two-sided rules agree.
  for c in try fixture().cases {
    for r in c.results where r.rExact {
      let got = try MannWhitneyU.test(
        c.x, c.y, alternative: alternative(r.alternative), method: .exact)
      #expect(relativeError(got.pValue, r.rP) <= 1e-10, "\(c.name) \(r.alternative)")
    }
  }
}

@Test func statisticCountsPairs() throws {
  // W = #{(i, j): x_i > y_j} + ½ #{x_i = y_j}, computed directly.
  let x = [3.0, 1, 4, 1, 5, 9, 2, 6]
  let y = [2.0, 7, 1, 8, 2, 8]
  var pairs = 0.0
  for a in x { for b in y { pairs += a > b ? 1 : (a == b ? 0.5 : 0) } }
  let result = try MannWhitneyU.test(x, y)
  #expect(result.statistic == pairs)
  #expect(result.probabilityOfSuperiority == pairs / 48)
}

@Test func swappingSamplesMirrorsTheTest() throws {
  let x = [1.5, 2.5, 2.5, 4.0, 7.0, 7.0, 9.0]
  let y = [0.5, 2.5, 3.0, 3.0, 6.0]
  for method in MannWhitneyU.Method.allCases {
    let a = try MannWhitneyU.test(x, y, alternative: .greater, method: method)
    let b = try MannWhitneyU.test(y, x, alternative: .less, method: method)
    #expect(a.statistic + b.statistic == Double(x.count * y.count))
    #expect(isClose(a.pValue, b.pValue, relative: 1e-13), "\(method)")
    let a2 = try MannWhitneyU.test(x, y, method: method)
    let b2 = try MannWhitneyU.test(y, x, method: method)
    #expect(isClose(a2.pValue, b2.pValue, relative: 1e-13), "\(method)")
  }
}

@Test func monotoneTransformationsDoNotChangeTheTest() throws {
  let x = [1.2, 3.4, 2.2, 5.0, 5.0]
  let y = [0.3, 2.2, 1.1, 0.9]
  let base = try MannWhitneyU.test(x, y)
  let logged = try MannWhitneyU.test(x.map { log($0) }, y.map { log($0) })
  let shifted = try MannWhitneyU.test(x.map { 3 * $0 + 7 }, y.map { 3 * $0 + 7 })
  #expect(base == logged)
  #expect(base == shifted)
}

@Test func allTiedGivesOneWithDiagnostic() throws {
  for method in MannWhitneyU.Method.allCases {
    let r = try MannWhitneyU.test([2, 2, 2], [2, 2], method: method)
    #expect(r.pValue == 1, "\(method)")
    #expect(r.statistic == 3)
    #expect(r.diagnostics.contains(.allValuesTied))
  }
  let r = try MannWhitneyU.test([1, 2, 2], [2, 3], method: .rCompatible)
  #expect(r.diagnostics == [.tiesPreventExactInR])
}

@Test func invalidInputsThrow() {
  #expect(throws: InputError.self) { try MannWhitneyU.test([], [1]) }
  #expect(throws: InputError.self) { try MannWhitneyU.test([1], []) }
  #expect(throws: InputError.self) { try MannWhitneyU.test([1, .nan], [1]) }
  #expect(throws: InputError.self) { try MannWhitneyU.test([1], [.infinity]) }
  #expect(throws: InputError.self) { try MannWhitneyU.test([1], [2], exactLimit: -1) }
}

@Test func exactOnHugeSamplesThrowsTooLarge() {
  let x = (0..<3000).map(Double.init)
  let y = (0..<3000).map { Double($0) + 0.5 }
  #expect(throws: InputError.self) { try MannWhitneyU.test(x, y, method: .exact) }
  // The automatic method switches to the normal approximation instead.
  #expect(throws: Never.self) { try MannWhitneyU.test(x, y) }
}

/// The exact test holds its level under the null.
///
/// Both samples come from one discrete distribution (many ties); the rejection rate at α = 0.05
/// must not exceed α beyond Monte Carlo error (it is conservative because of discreteness). 4,000 data sets: the one-sided binomial 99.9% bound is
/// α + 3.1·sqrt(α(1 − α)/4000) ≈ 0.0607.
@Test(.tags(.statistical)) func exactTestHoldsItsLevelUnderTheNull() throws {
  var g = SeededLCG(seed: 2026)
  func next(_ k: UInt64) -> Double { Double(g.below(k)) }
  let trials = 4000
  var rejections = 0
  for _ in 0..<trials {
    let x = (0..<7).map { _ in next(5) }
    let y = (0..<9).map { _ in next(5) }
    if try MannWhitneyU.test(x, y, method: .exact).pValue <= 0.05 { rejections += 1 }
  }
  let rate = Double(rejections) / Double(trials)
  #expect(rate <= 0.0607, "rejection rate \(rate)")
  #expect(rate >= 0.01, "rejection rate \(rate) (an always-1 p-value would pass the upper check)")
}
