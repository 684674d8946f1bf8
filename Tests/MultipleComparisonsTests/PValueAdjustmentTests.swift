// PValueAdjustmentTests.swift: p.adjust parity with R and the procedures' defining properties.
import Foundation
import MultipleComparisons
import ResampleCore
import Testing
import _TestSupport

private struct AdjustCase: Decodable {
  /// The p-values, then R's p.adjust of them by each method.
  var p, holm, hochberg, hommel, bonferroni, bh, by: [Double]

  enum CodingKeys: String, CodingKey {
    case p, holm, hochberg, hommel, bonferroni
    case bh = "BH"
    case by = "BY"
  }

  func expected(_ m: PValueAdjustment) -> [Double] {
    switch m {
    case .holm: holm
    case .hochberg: hochberg
    case .hommel: hommel
    case .bonferroni: bonferroni
    case .benjaminiHochberg: bh
    case .benjaminiYekutieli: by
    case .sidak, .holmSidak, .twoStageBenjaminiHochberg: []  // statsmodels' (multitests.json)
    }
  }
}

private struct AdjustFixture: Decodable { var cases: [AdjustCase] }

@Test func matchesRPAdjustOnEveryFixtureCase() throws {
  let fixture = try decodeFixture(AdjustFixture.self, "padjust/padjust.json")
  #expect(fixture.cases.count >= 20)
  var worst = 0.0
  for c in fixture.cases {
    for m in PValueAdjustment.allCases where m.isRMethod {
      let got = try adjust(c.p, method: m)
      let want = c.expected(m)
      #expect(got.count == want.count)
      for (g, w) in zip(got, want) {
        worst = max(worst, relativeError(g, w))
        #expect(isClose(g, w, relative: 1e-13), "\(m) \(c.p): \(g) vs \(w)")
      }
    }
  }
  #expect(worst <= 1e-13)
}

@Test func adjustedValuesAreMonotoneInRawValuesAndBounded() throws {
  let p = [0.2, 0.001, 0.04, 0.03, 0.5, 0.0001, 0.9, 0.04]
  let order = p.indices.sorted { p[$0] < p[$1] }
  for m in PValueAdjustment.allCases {
    let a = try adjust(p, method: m)
    for k in 1..<order.count {
      #expect(a[order[k]] >= a[order[k - 1]], "\(m) not monotone")
    }
    // Two-stage BH scales by the estimated share of true nulls, so it may fall below p.
    let floor = m == .twoStageBenjaminiHochberg ? 0 : 1.0
    for (ai, pi) in zip(a, p) {
      #expect(ai >= floor * pi && ai <= 1, "\(m): adjusted \(ai) for raw \(pi)")
    }
  }
}

@Test func knownSmallCases() throws {
  // Bonferroni and Holm by hand; BH by hand: p·m/rank with a running minimum from the top.
  #expect(try adjust([0.01, 0.04], method: .bonferroni) == [0.02, 0.08])
  #expect(try adjust([0.01, 0.04], method: .holm) == [0.02, 0.04])
  let bh = try adjust([0.01, 0.02, 0.03, 0.5], method: .benjaminiHochberg)
  #expect(bh.map { ($0 * 1e12).rounded() / 1e12 } == [0.04, 0.04, 0.04, 0.5])
  // A single p-value and an empty list are returned unchanged, as R does.
  #expect(try adjust([0.3], method: .holm) == [0.3])
  #expect(try adjust([], method: .hommel) == [])
}

@Test func rejectsValuesOutsideTheUnitInterval() {
  #expect(throws: InputError.self) { try adjust([0.1, 1.5], method: .holm) }
  #expect(throws: InputError.self) { try adjust([-0.1], method: .bhAlias) }
  #expect(throws: InputError.self) { try adjust([Double.nan, 0.2], method: .hommel) }
}

@Test func parsesRMethodNames() {
  #expect(PValueAdjustment(name: "BH") == .benjaminiHochberg)
  #expect(PValueAdjustment(name: "fdr") == .benjaminiHochberg)
  #expect(PValueAdjustment(name: "BY") == .benjaminiYekutieli)
  #expect(PValueAdjustment(name: "Holm") == .holm)
  #expect(PValueAdjustment(name: "sidak") == .sidak)
  #expect(PValueAdjustment(name: "hs") == .holmSidak)
  #expect(PValueAdjustment(name: "fdr_2sbh") == .twoStageBenjaminiHochberg)
  #expect(PValueAdjustment(name: "fdr_tsbky") == nil)
}

extension PValueAdjustment {
  fileprivate static let bhAlias = PValueAdjustment.benjaminiHochberg
}
