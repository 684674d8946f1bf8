// Tests for WilcoxonSignedRank against R's wilcox.test (one sample and paired), SciPy's wilcoxon
// (each zero_method, exact and approx) and exact p-values by enumerating sign assignments.
import Foundation
import ResampleCore
import Testing
import _TestSupport

@testable import RankTests

/// The differences a case tests: x − mu, or (x − y) − mu handled by the library's `mu`.
private func differences(_ c: RankCaseData) -> (d: [Double], mu: Double) {
  let x = c.x ?? []
  let mu = c.mu ?? 0
  if let y = c.y { return (zip(x, y).map { $0 - $1 }, mu) }
  return (x, mu)
}

@Test func signedRankMatchesR() throws {
  var checked = 0
  var exactCount = 0
  for (c, _, data) in try rankCommandCases("signrank") {
    let (d, mu) = differences(data)
    for r in c["results"] as? [[String: Any]] ?? [] {
      let alt = try alternative(named: r["alternative"])
      let correct = r["correct"] as? Bool ?? true
      let label = "\(c["name"] ?? "") \(alt) correct=\(correct)"
      let auto = RWilcoxReference(r["auto"])
      let got = try WilcoxonSignedRank.test(
        d, mu: mu, alternative: alt, method: .automatic, continuityCorrection: correct)
      #expect(got.statistic == auto.statistic, "\(label)")
      #expect((got.computation == .exact) == auto.exact, "\(label)")
      #expect(agrees(got.pValue, auto.p), "\(label): \(got.pValue) vs R \(auto.p)")
      if auto.exact { exactCount += 1 }
      let normal = RWilcoxReference(r["normal"])
      let gotNormal = try WilcoxonSignedRank.test(
        d, mu: mu, alternative: alt, method: .normal, continuityCorrection: correct)
      #expect(agrees(gotNormal.pValue, normal.p), "\(label): \(gotNormal.pValue) vs R \(normal.p)")
      checked += 1
    }
  }
  #expect(checked >= 60)
  #expect(exactCount >= 15)
}

@Test func signedRankMatchesSciPyForEveryZeroMethod() throws {
  var checked = 0
  for (c, s, data) in try rankCommandCases("signrank") {
    let (d, mu) = differences(data)
    for r in s["results"] as? [[String: Any]] ?? [] {
      let alt = try alternative(named: r["alternative"])
      let correct = r["correct"] as? Bool ?? false
      let approx = r["approx"] as? [String: Any] ?? [:]
      for zm in WilcoxonSignedRank.ZeroMethod.allCases {
        let ref = approx[zm.rawValue] as? [String: Any] ?? [:]
        let got = try WilcoxonSignedRank.test(
          d, mu: mu, alternative: alt, method: .normal, zeroMethod: zm,
          continuityCorrection: correct)
        // SciPy's two-sided statistic is min(r+, r−); one-sided, r+ (R's V).
        let statistic = alt == .twoSided ? min(got.statistic, got.rMinus) : got.statistic
        let label = "\(c["name"] ?? "") \(alt) \(zm) correct=\(correct)"
        #expect(statistic == fixtureNumber(ref["statistic"]), "\(label)")
        #expect(agrees(got.pValue, fixtureNumber(ref["p"])), "\(label): \(got.pValue) vs \(ref)")
        checked += 1
      }
      if let e = r["exact"] as? [String: Any] {
        let got = try WilcoxonSignedRank.test(d, mu: mu, alternative: alt, method: .exact)
        #expect(agrees(got.pValue, fixtureNumber(e["p"])), "\(c["name"] ?? "") \(alt) exact")
      }
    }
  }
  #expect(checked >= 150)
}

@Test func exactSignedRankWithTiesAndZerosMatchesEnumeration() throws {
  var checked = 0
  var withTiesOrZeros = 0
  for (c, _, data) in try rankCommandCases("signrank") {
    let (d, mu) = differences(data)
    for r in c["results"] as? [[String: Any]] ?? [] where r["correct"] as? Bool == true {
      let alt = try alternative(named: r["alternative"])
      let enumerated = r["enum_p"] as? [String: Any] ?? [:]
      for zm in WilcoxonSignedRank.ZeroMethod.allCases {
        guard enumerated[zm.rawValue] is NSNumber else { continue }
        let got = try WilcoxonSignedRank.test(
          d, mu: mu, alternative: alt, method: .exact, zeroMethod: zm)
        let ref = fixtureNumber(enumerated[zm.rawValue])
        #expect(agrees(got.pValue, ref), "\(c["name"] ?? "") \(alt) \(zm): \(got.pValue) vs \(ref)")
        if got.hasTies || got.zeroCount > 0 { withTiesOrZeros += 1 }
        checked += 1
      }
    }
  }
  #expect(checked >= 60)
  #expect(withTiesOrZeros >= 30)
}

@Test func signedRankEdgeCases() throws {
  let allZero = try WilcoxonSignedRank.test([2, 2, 2], mu: 2)
  #expect(allZero.pValue == 1 && allZero.diagnostics == [.allDifferencesZero])
  #expect(throws: InputError.self) { try WilcoxonSignedRank.test([]) }
  #expect(throws: InputError.self) { try WilcoxonSignedRank.test([1, .infinity]) }
  #expect(throws: InputError.self) { try WilcoxonSignedRank.test(paired: [1, 2], [1]) }
}
