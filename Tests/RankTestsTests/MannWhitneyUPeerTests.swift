// MannWhitneyU on the ranksum command's cases: R's wilcox.test (exact and normal), the exact
// permutation p by enumeration, and SciPy's mannwhitneyu (U and p).
import Foundation
import ResampleCore
import Testing
import _TestSupport

@testable import RankTests

@Test func mannWhitneyUMatchesRAndSciPyOnCommandCases() throws {
  var checked = 0
  var enumerated = 0
  for (c, s, data) in try rankCommandCases("ranksum") {
    let x = data.x ?? []
    let y = data.y ?? []
    let scipy = s["results"] as? [[String: Any]] ?? []
    for (i, r) in (c["results"] as? [[String: Any]] ?? []).enumerated() {
      let alt = try alternative(named: r["alternative"])
      let correct = r["correct"] as? Bool ?? true
      let label = "\(c["name"] ?? "") \(alt) correct=\(correct)"
      let auto = RWilcoxReference(r["auto"])
      let normal = RWilcoxReference(r["normal"])
      let gotAuto = try MannWhitneyU.test(
        x, y, alternative: alt, method: .rCompatible, continuityCorrection: correct)
      #expect(gotAuto.statistic == auto.statistic, "\(label)")
      #expect((gotAuto.computation == .exactNoTies) == auto.exact, "\(label)")
      #expect(agrees(gotAuto.pValue, auto.p), "\(label): \(gotAuto.pValue) vs R \(auto.p)")
      let gotNormal = try MannWhitneyU.test(
        x, y, alternative: alt, method: .normal, continuityCorrection: correct)
      #expect(agrees(gotNormal.pValue, normal.p), "\(label): \(gotNormal.pValue) vs R \(normal.p)")
      // SciPy: U of x (= R's W) and the asymptotic p; the exact p without ties.
      let sp = try #require(i < scipy.count ? scipy[i] : nil)
      let asym = sp["asymptotic"] as? [String: Any] ?? [:]
      #expect(gotNormal.statistic == fixtureNumber(asym["statistic"]), "\(label)")
      #expect(agrees(gotNormal.pValue, fixtureNumber(asym["p"])), "\(label) SciPy asymptotic")
      if let e = sp["exact"] as? [String: Any] {
        let exact = try MannWhitneyU.test(x, y, alternative: alt, method: .exact)
        #expect(exact.statistic == fixtureNumber(e["statistic"]), "\(label)")
        #expect(agrees(exact.pValue, fixtureNumber(e["p"])), "\(label) SciPy exact")
      }
      if r["enum_p"] is NSNumber {
        let exact = try MannWhitneyU.test(x, y, alternative: alt, method: .exact)
        #expect(agrees(exact.pValue, fixtureNumber(r["enum_p"])), "\(label) enumeration")
        enumerated += 1
      }
      checked += 1
    }
  }
  #expect(checked >= 60)
  #expect(enumerated >= 30)
}
