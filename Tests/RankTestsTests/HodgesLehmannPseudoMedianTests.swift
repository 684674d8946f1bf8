// Tests for HodgesLehmannPseudoMedian against R's wilcox.test(x, mu, conf.int = TRUE) (and paired).
import Foundation
import ResampleCore
import Testing
import _TestSupport

@testable import RankTests

@Test func pseudoMedianMatchesR() throws {
  try expectLocationEstimatesMatchR(
    "signrank", name: "HodgesLehmannPseudoMedian", minimumExact: 15
  ) { data, alt, exact, correct in
    var d = data.x ?? []
    if let y = data.y { d = zip(d, y).map { $0 - $1 } }
    return try HodgesLehmannPseudoMedian.estimate(
      d, mu: data.mu ?? 0, alternative: alt, level: 0.95, exact: exact,
      continuityCorrection: correct)
  }
}

@Test func pseudoMedianOfEqualValuesHasNoInterval() throws {
  // R: every non-zero difference equal → NaN interval, the mid-range as estimate, level 0.
  let e = try HodgesLehmannPseudoMedian.estimate([3, 3, 3, 0], exact: false)
  #expect(e.estimate == 3 && e.lower.isNaN && e.upper.isNaN && e.level == 0)
}
