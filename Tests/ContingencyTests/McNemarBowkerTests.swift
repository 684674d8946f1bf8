// McNemarBowkerTests.swift: Bowker's symmetry test against R's mcnemar.test on k×k tables
// (Tests/Fixtures/contingency/paired/generate.R), its 2×2 case, and its invariances.
import ResampleCore
import Testing
import _TestSupport

@testable import Contingency

@Suite struct McNemarBowkerTests {
  @Test func matchesRsMcNemarOnAThreeByThreeTable() throws {
    // likert_waves.csv tallied by R: mcnemar.test gives 8.373333… on 3 df.
    let t = try ContingencyTable(rows: [[53, 7, 15], [5, 78, 13], [3, 12, 64]])
    let b = try bowkerSymmetryTest(t)
    #expect(isClose(b.statistic, 8.373333333333333, relative: 1e-14))
    #expect(b.degreesOfFreedom == 3 && b.emptyPairs == 0)
    #expect(isClose(b.pValue, 0.038894406034985785, relative: 1e-9))
  }

  @Test func twoByTwoIsUncorrectedMcNemar() throws {
    let t = try ContingencyTable(rows: [[794, 150], [86, 570]])
    let b = try bowkerSymmetryTest(t)
    let m = try mcNemarTest(t, correction: .none)
    #expect(isClose(b.statistic, m.statistic, relative: 1e-15))
    #expect(isClose(b.pValue, m.pValue, relative: 1e-12))
  }

  @Test func transposingAndRelabellingDoNotChangeIt() throws {
    let rows = [[20, 5, 0, 3], [2, 30, 4, 1], [0, 6, 25, 2], [1, 0, 3, 15]]
    let b = try bowkerSymmetryTest(try ContingencyTable(rows: rows))
    let transposed = (0..<4).map { j in (0..<4).map { i in rows[i][j] } }
    let perm = [2, 0, 3, 1]
    let permuted = perm.map { i in perm.map { j in rows[i][j] } }
    for other in [transposed, permuted] {
      let o = try bowkerSymmetryTest(try ContingencyTable(rows: other))
      #expect(isClose(o.statistic, b.statistic, relative: 1e-14))
      #expect(o.degreesOfFreedom == b.degreesOfFreedom && o.emptyPairs == 1)
    }
    #expect(b.degreesOfFreedom == 5)
    #expect(throws: InputError.self) {
      try bowkerSymmetryTest(try ContingencyTable(rows: [[1, 2, 3], [4, 5, 6]]))
    }
  }
}
