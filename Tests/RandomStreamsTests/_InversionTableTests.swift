// Tests for the guide-table inversion shared by the discrete samplers.
import Testing
import _TestSupport

@testable import RandomStreams

@Suite struct InversionTableTests {
  @Test func invertsExactlyAtCumulativeBoundaries() {
    // Weights 1, 2, 3, 4 on values 5...8: cdf 0.1, 0.3, 0.6, 1.
    let t = _InversionTable(offset: 5, weights: [1, 2, 3, 4])
    #expect(t.cdf.last == 1)
    #expect(t.guide.count == 4)
    #expect(t.value(for: 0) == 5)
    #expect(t.value(for: 0.1.nextDown) == 5)
    #expect(t.value(for: t.cdf[0]) == 6)
    #expect(t.value(for: t.cdf[1]) == 7)
    #expect(t.value(for: t.cdf[2]) == 8)
    #expect(t.value(for: 1.0.nextDown) == 8)
  }

  @Test func tabulatesFromTheModeAndTruncatesNegligibleTails() {
    // Poisson(3): the ratio p(k+1)/p(k) = 3/(k+1); terms below 1e-20 of p(3) are dropped.
    let t = _InversionTable(mode: 3, lower: 0, upper: Int.max) { k in 3 / Double(k + 1) }
    #expect(t.offset == 0)
    #expect(t.cdf.count > 20 && t.cdf.count < 40)
    #expect(isClose(t.cdf[0], 0.049_787_068_367_863_944, relative: 1e-14))  // e^{-3}
  }
}
