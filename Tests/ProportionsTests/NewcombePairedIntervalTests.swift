// NewcombePairedIntervalTests.swift: Newcombe's paired square-and-add interval — the published
// example, its symmetry, and bad input. Full-precision R values are checked through the CLI
// (CLITests/McNemarDataCLITests, Tests/Fixtures/contingency/paired/generate.R).
import ResampleCore
import Testing
import _TestSupport

@testable import Proportions

@Suite struct NewcombePairedIntervalTests {
  @Test func reproducesFagerlandEtAl() throws {
    // Cavo et al. 2012 in Fagerland, Lydersen & Laake (2014): −0.0621 (−0.1186 to −0.0046).
    let r = try newcombePairedInterval(a: 59, b: 6, c: 16, d: 80)
    #expect(abs(r.difference - -0.0621) < 5e-5)
    #expect(abs(r.interval.lower - -0.1186) < 5e-5 && abs(r.interval.upper - -0.0046) < 5e-5)
  }

  @Test func swappingTheMeasurementsNegatesTheInterval() throws {
    for (a, b, c, d) in [(59, 6, 16, 80), (1, 1, 7, 12), (0, 3, 0, 10), (5, 0, 0, 5)] {
      let x = try newcombePairedInterval(a: a, b: b, c: c, d: d)
      let y = try newcombePairedInterval(a: a, b: c, c: b, d: d)
      #expect(isClose(x.interval.lower, -y.interval.upper, relative: 1e-12, absolute: 1e-15))
      #expect(isClose(x.interval.upper, -y.interval.lower, relative: 1e-12, absolute: 1e-15))
      #expect(x.interval.lower <= x.difference && x.difference <= x.interval.upper)
      #expect(x.interval.lower >= -1 && x.interval.upper <= 1)
    }
  }

  @Test func badInputThrows() {
    #expect(throws: InputError.self) { try newcombePairedInterval(a: 0, b: 0, c: 0, d: 0) }
    #expect(throws: InputError.self) { try newcombePairedInterval(a: -1, b: 2, c: 3, d: 4) }
    #expect(throws: InputError.self) {
      try newcombePairedInterval(a: 1, b: 2, c: 3, d: 4, level: 1)
    }
  }
}
