// Tests for HodgesLehmannShift against R's wilcox.test(x, y, conf.int = TRUE).
import Foundation
import ResampleCore
import Testing
import _TestSupport

@testable import RankTests

@Test func hodgesLehmannShiftMatchesR() throws {
  var checked = 0
  var exactCount = 0
  var worst = 0.0
  for (c, _, data) in try rankCommandCases("ranksum") {
    let x = data.x ?? []
    let y = data.y ?? []
    for r in c["results"] as? [[String: Any]] ?? [] {
      let alt = try alternative(named: r["alternative"])
      let correct = r["correct"] as? Bool ?? true
      for key in ["auto", "normal"] {
        let ref = RWilcoxReference(r[key])
        let got = try HodgesLehmannShift.estimate(
          x, y, alternative: alt, level: 0.95, exact: key == "auto" && ref.exact,
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
  #expect(exactCount >= 20)
  print(
    "HodgesLehmannShift vs R: \(checked) intervals (\(exactCount) exact), max rel. error \(worst)")
}

@Test func hodgesLehmannShiftRejectsBadInput() {
  #expect(throws: InputError.self) { try HodgesLehmannShift.estimate([], [1], exact: true) }
  #expect(throws: InputError.self) { try HodgesLehmannShift.estimate([1], [.nan], exact: true) }
  #expect(throws: InputError.self) {
    try HodgesLehmannShift.estimate([1, 2], [3], level: 1, exact: true)
  }
}

@Test func hodgesLehmannShiftOfConstantSamplesIsTheirDifference() throws {
  // Every difference is 2: R's root finder has no bracket (it stops with an error); the shift
  // and both ends are 2.
  let e = try HodgesLehmannShift.estimate([3, 3], [1, 1, 1], exact: true)
  #expect(e.estimate == 2 && e.lower == 2 && e.upper == 2)
}
