// McNemarTests.swift: McNemar's test against R's mcnemar.test and binom.test.
import Contingency
import ResampleCore
import SpecialFunctions
import Testing
import _TestSupport

@Test func matchesRMcNemarOnEveryTwoByTwoFixture() throws {
  var checked = 0
  for c in try fixtureCases("contingency/contingency_r.json") {
    guard let m = c["mcnemar"] as? [String: Any] else { continue }
    let t = try ContingencyTable(rows: fixtureIntMatrix(c["table"]))
    let yes = try mcNemarTest(t)
    let no = try mcNemarTest(t, correction: .none)
    for (got, want) in [
      (yes.statistic, fixtureNumber(m["corrected"])), (yes.pValue, fixtureNumber(m["corrected_p"])),
      (no.statistic, fixtureNumber(m["uncorrected"])),
      (no.pValue, fixtureNumber(m["uncorrected_p"])),
      (yes.exactPValue, fixtureNumber(m["exact_p"])), (no.exactPValue, fixtureNumber(m["exact_p"])),
    ] {
      #expect(
        isClose(got, want, relative: 1e-10) || (got.isNaN && want.isNaN),
        "\(t.rows): \(got) vs R \(want)")
    }
    checked += 1
  }
  #expect(checked >= 10)
}

@Test func degenerateAndInvalidTables() throws {
  let none = try mcNemarTest(ContingencyTable(rows: [[5, 0], [0, 7]]))
  #expect(none.statistic.isNaN && none.exactPValue == 1 && !none.warnings.isEmpty)
  let tie = try mcNemarTest(ContingencyTable(rows: [[5, 3], [3, 7]]))
  #expect(tie.statistic == 0 && tie.correction == ContinuityCorrection.none && tie.exactPValue == 1)
  #expect(throws: InputError.self) {
    try mcNemarTest(ContingencyTable(rows: [[1, 2, 3], [4, 5, 6]]))
  }
  let r = try mcNemarTest(ContingencyTable(rows: [[10, 12], [3, 20]]))
  #expect(r.discordant.b == 12 && r.discordant.c == 3)
  // By hand: (|12 − 3| − 1)² / 15 = 64/15.
  #expect(isClose(r.statistic, 64.0 / 15, relative: 1e-15))
}

/// The batch exact McNemar (one log-factorial table for many paired tables) gives the public
/// test's exact p-value (binomial CDF) to 1e-12 relative, including b + c = 0 and b = c.
@Test func batchExactPValueMatchesMcNemarTest() throws {
  let lf = SpecialFunctions.logFactorialTable(through: 400)
  for (b, c) in [(0, 0), (3, 3), (0, 7), (12, 30), (150, 250), (1, 399)] {
    let t = try ContingencyTable(rows: [[5, b], [c, 9]])
    let reference = try mcNemarTest(t).exactPValue
    let batch = mcNemarExactPValue(b: b, c: c, logFactorial: lf)
    #expect(isClose(batch, reference, relative: 1e-12, absolute: 1e-300), "b \(b), c \(c)")
  }
}
