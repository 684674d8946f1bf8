// Tests for KruskalWallis against R's kruskal.test and SciPy's kruskal.
import Foundation
import ResampleCore
import Testing
import _TestSupport

@testable import RankTests

@Test func kruskalWallisMatchesRAndSciPy() throws {
  var checked = 0
  for (c, s, data) in try rankCommandCases("kruskal") {
    let groups = data.groups ?? [:]
    // The fixture's group order is R's list order; H does not depend on it.
    let samples = groups.keys.sorted().map { groups[$0] ?? [] }
    let got = try KruskalWallis.test(samples)
    let name = c["name"] as? String ?? ""
    #expect(agrees(got.statistic, fixtureNumber(c["statistic"])), "\(name) H vs R")
    #expect(Double(got.degreesOfFreedom) == fixtureNumber(c["df"]), "\(name)")
    #expect(agrees(got.pValue, fixtureNumber(c["p"])), "\(name) p vs R")
    #expect(agrees(got.statistic, fixtureNumber(s["statistic"])), "\(name) H vs SciPy")
    #expect(agrees(got.pValue, fixtureNumber(s["p"])), "\(name) p vs SciPy")
    checked += 1
  }
  #expect(checked >= 5)
}

@Test func kruskalWallisRejectsDegenerateInput() {
  #expect(throws: InputError.self) { try KruskalWallis.test([[1, 2]]) }
  #expect(throws: InputError.self) { try KruskalWallis.test([[1], []]) }
  #expect(throws: InputError.self) { try KruskalWallis.test([[2, 2], [2]]) }
}
