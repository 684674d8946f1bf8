// Tests for WilcoxonSignedRank against R's wilcox.test (one sample and paired), SciPy's wilcoxon
// (each zero_method, exact and approx) and exact p-values by enumerating sign assignments.
import Foundation
import ResampleCore
import Testing
import _TestSupport

@testable import RankTests

/// The differences a case tests: x − mu, or (x − y) − mu handled by the library's `mu`.
private func differences(_ c: FixtureSampleCase) -> (d: [Double], mu: Double) {
  let x = c.x ?? []
  let mu = c.mu ?? 0
  if let y = c.y { return (zip(x, y).map { $0 - $1 }, mu) }
  return (x, mu)
}

/// Every result of the signrank cases, R's or SciPy's, with the case's name and differences and
/// the result's alternative.
private func signRankResults(scipy: Bool) throws -> [(
  name: String, d: [Double], mu: Double, r: [String: Any], alt: Alternative
)] {
  try rankCommandCases("signrank").flatMap { c, s, data in
    let (d, mu) = differences(data)
    return try ((scipy ? s : c)["results"] as? [[String: Any]] ?? []).map { r in
      ("\(c["name"] ?? "")", d, mu, r, try alternative(named: r["alternative"]))
    }
  }
}

@Test func signedRankMatchesR() throws {
  var checked = 0
  var exactCount = 0
  for (name, d, mu, r, alt) in try signRankResults(scipy: false) {
    let correct = r["correct"] as? Bool ?? true
    let label = "\(name) \(alt) correct=\(correct)"
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
  #expect(checked >= 60)
  #expect(exactCount >= 15)
}

@Test func signedRankMatchesSciPyForEveryZeroMethod() throws {
  var checked = 0
  for (name, d, mu, r, alt) in try signRankResults(scipy: true) {
    let correct = r["correct"] as? Bool ?? false
    let approx = r["approx"] as? [String: Any] ?? [:]
    for zm in WilcoxonSignedRank.ZeroMethod.allCases {
      let ref = approx[zm.rawValue] as? [String: Any] ?? [:]
      let got = try WilcoxonSignedRank.test(
        d, mu: mu, alternative: alt, method: .normal, zeroMethod: zm,
        continuityCorrection: correct)
      // SciPy's two-sided statistic is min(r+, r−); one-sided, r+ (R's V).
      let statistic = alt == .twoSided ? min(got.statistic, got.rMinus) : got.statistic
      let label = "\(name) \(alt) \(zm) correct=\(correct)"
      #expect(statistic == fixtureNumber(ref["statistic"]), "\(label)")
      #expect(agrees(got.pValue, fixtureNumber(ref["p"])), "\(label): \(got.pValue) vs \(ref)")
      checked += 1
    }
    if let e = r["exact"] as? [String: Any] {
      let got = try WilcoxonSignedRank.test(d, mu: mu, alternative: alt, method: .exact)
      #expect(agrees(got.pValue, fixtureNumber(e["p"])), "\(name) \(alt) exact")
    }
  }
  #expect(checked >= 150)
}

@Test func exactSignedRankWithTiesAndZerosMatchesEnumeration() throws {
  var checked = 0
  var withTiesOrZeros = 0
  for (name, d, mu, r, alt) in try signRankResults(scipy: false)
  where r["correct"] as? Bool == true {
    let enumerated = r["enum_p"] as? [String: Any] ?? [:]
    for zm in WilcoxonSignedRank.ZeroMethod.allCases {
      guard enumerated[zm.rawValue] is NSNumber else { continue }
      let got = try WilcoxonSignedRank.test(
        d, mu: mu, alternative: alt, method: .exact, zeroMethod: zm)
      let ref = fixtureNumber(enumerated[zm.rawValue])
      #expect(agrees(got.pValue, ref), "\(name) \(alt) \(zm): \(got.pValue) vs \(ref)")
      if got.hasTies || got.zeroCount > 0 { withTiesOrZeros += 1 }
      checked += 1
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
