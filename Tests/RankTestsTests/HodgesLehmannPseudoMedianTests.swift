// Tests for HodgesLehmannPseudoMedian against R's wilcox.test(x, mu, conf.int = TRUE) (and paired).
import Foundation
import ResampleCore
import Testing
import _TestSupport

@testable import RankTests

@Test func pseudoMedianMatchesR() throws {
  var checked = 0
  var exactCount = 0
  var worst = 0.0
  for (c, _, data) in try rankCommandCases("signrank") {
    var d = data.x ?? []
    if let y = data.y { d = zip(d, y).map { $0 - $1 } }
    let mu = data.mu ?? 0
    for r in c["results"] as? [[String: Any]] ?? [] {
      let alt = try alternative(named: r["alternative"])
      let correct = r["correct"] as? Bool ?? true
      for key in ["auto", "normal"] {
        let ref = RWilcoxReference(r[key])
        let got = try HodgesLehmannPseudoMedian.estimate(
          d, mu: mu, alternative: alt, level: 0.95, exact: key == "auto" && ref.exact,
          continuityCorrection: correct)
        let label = "\(c["name"] ?? "") \(alt) correct=\(correct) \(key)"
        #expect(got.exact == ref.exact, "\(label)")
        #expect(
          agrees(got.estimate, ref.estimate), "\(label): \(got.estimate) vs R \(ref.estimate)")
        #expect(agrees(got.lower, ref.lower), "\(label): lower \(got.lower) vs R \(ref.lower)")
        #expect(agrees(got.upper, ref.upper), "\(label): upper \(got.upper) vs R \(ref.upper)")
        #expect(agrees(got.level, ref.level), "\(label): level \(got.level) vs R \(ref.level)")
        for (a, b) in [
          (got.estimate, ref.estimate), (got.lower, ref.lower), (got.upper, ref.upper),
        ]
        where a.isFinite && b.isFinite {
          worst = max(worst, relativeError(a, b))
        }
        checked += 1
        if ref.exact { exactCount += 1 }
      }
    }
  }
  #expect(checked >= 100)
  #expect(exactCount >= 15)
  print(
    "HodgesLehmannPseudoMedian vs R: \(checked) intervals (\(exactCount) exact), max rel. error \(worst)"
  )
}

@Test func pseudoMedianOfEqualValuesHasNoInterval() throws {
  // R: every non-zero difference equal → NaN interval, the mid-range as estimate, level 0.
  let e = try HodgesLehmannPseudoMedian.estimate([3, 3, 3, 0], exact: false)
  #expect(e.estimate == 3 && e.lower.isNaN && e.upper.isNaN && e.level == 0)
}
