// PValueAdjustmentFamilyTests.swift: R's n = and NA pass-through, and statsmodels' Šidák,
// Holm–Šidák and two-stage BH, against R (n_and_na.json) and statsmodels (multitests.json).
import Foundation
import MultipleComparisons
import ResampleCore
import Testing
import _TestSupport

@Test func matchesRPAdjustWithNAndMissingValues() throws {
  let cases = try fixtureCases("padjust/n_and_na.json")
  #expect(cases.count >= 10)
  let methods: [(String, PValueAdjustment)] = [
    ("holm", .holm), ("hochberg", .hochberg), ("hommel", .hommel),
    ("bonferroni", .bonferroni), ("BH", .benjaminiHochberg), ("BY", .benjaminiYekutieli),
  ]
  var worst = 0.0
  for c in cases {
    let p = fixtureNumbers(c["p"])
    let n = (c["n"] as? NSNumber)?.intValue
    for (key, m) in methods {
      let got = try adjustPValues(p, method: m, comparisons: n)
      let want = fixtureNumbers(c[key])
      #expect(got.count == want.count)
      for (g, w) in zip(got, want) {
        if w.isNaN {
          #expect(g.isNaN, "\(key) \(p) n=\(String(describing: n)): NA expected, got \(g)")
        } else {
          worst = max(worst, relativeError(g, w))
          #expect(isClose(g, w, relative: 1e-13), "\(key) \(p) n=\(String(describing: n))")
        }
      }
    }
  }
  #expect(worst <= 1e-13)
}

@Test func matchesStatsmodelsSidakHolmSidakAndTwoStageBH() throws {
  let cases = try fixtureCases("padjust/multitests.json")
  #expect(cases.count >= 15)
  var worst = 0.0
  func check(_ got: [Double], _ want: [Double], _ what: String) {
    #expect(got.count == want.count, "\(what)")
    for (g, w) in zip(got, want) {
      worst = max(worst, relativeError(g, w))
      #expect(isClose(g, w, relative: 1e-12, absolute: 1e-300), "\(what): \(g) vs \(w)")
    }
  }
  for c in cases {
    let p = fixtureNumbers(c["p"])
    let n = try #require((c["n"] as? NSNumber)?.intValue)
    check(try adjustPValues(p, method: .sidak), fixtureNumbers(c["sidak"]), "sidak \(p)")
    check(
      try adjustPValues(p, method: .holmSidak), fixtureNumbers(c["holm-sidak"]),
      "holm-sidak \(p)")
    for a in [0.05, 0.1] {
      check(
        try adjustPValues(p, method: .twoStageBenjaminiHochberg, alpha: a),
        fixtureNumbers(c["fdr_tsbh@\(a)"]), "fdr_tsbh α=\(a) \(p)")
    }
    for (key, m) in [
      ("sidak", PValueAdjustment.sidak), ("holm-sidak", .holmSidak),
      ("fdr_tsbh", .twoStageBenjaminiHochberg),
    ] {
      check(
        try adjustPValues(p, method: m, comparisons: n), fixtureNumbers(c["\(key)@n"]),
        "\(key) n=\(n) \(p)")
    }
  }
  #expect(worst <= 1e-12)
}

@Test func sidakIsExactForTinyPAndTheDefaultAlphaMatchesAdjust() throws {
  // 1 − (1 − 1e-20)^5 = 5e-20 to full precision (the naive formula gives 0).
  let s = try adjustPValues([1e-20, 0.5, 0.2, 0.3, 0.4], method: .sidak)
  #expect(isClose(s[0], 5e-20, relative: 1e-15))
  let p = [0.01, 0.2, 0.03, 0.04]
  #expect(
    try adjust(p, method: .twoStageBenjaminiHochberg)
      == adjustPValues(p, method: .twoStageBenjaminiHochberg))
}

@Test func familySizeAndLevelAreChecked() {
  #expect(throws: InputError.self) {
    try adjustPValues([0.1, 0.2, 0.3], method: .holm, comparisons: 2)
  }
  #expect(throws: InputError.self) {
    try adjustPValues([0.1], method: .twoStageBenjaminiHochberg, alpha: 1)
  }
  #expect(throws: InputError.self) { try adjustPValues([0.1, 2], method: .sidak) }
  // Only NaN is a missing value; the non-R methods are not offered by compare/bench-diff.
  #expect(PValueAdjustment.allCases.filter { !$0.isRMethod }.count == 3)
}
