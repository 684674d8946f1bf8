// Tests for HodgesLehmannShift against R's wilcox.test(x, y, conf.int = TRUE).
import Foundation
import ResampleCore
import Testing
import _TestSupport

@testable import RankTests

@Test func hodgesLehmannShiftMatchesR() throws {
  try expectLocationEstimatesMatchR(
    "ranksum", name: "HodgesLehmannShift", minimumExact: 20
  ) { data, alt, exact, correct in
    try HodgesLehmannShift.estimate(
      data.x ?? [], data.y ?? [], alternative: alt, level: 0.95, exact: exact,
      continuityCorrection: correct)
  }
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
