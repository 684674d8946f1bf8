// PearsonChiSquaredTests.swift: χ², Yates, G, residuals and Cramér's V against R and SciPy.
import Contingency
import Testing
import _TestSupport

private func close(_ a: Double, _ b: Double, _ tol: Double = 1e-10) -> Bool {
  isClose(a, b, relative: tol, absolute: 1e-300) || (a.isNaN && b.isNaN)
}

@Test func matchesRChisqTestOnEveryFixtureTable() throws {
  let cases = try fixtureCases("contingency/contingency_r.json")
  #expect(cases.count >= 30)
  var worst = 0.0
  for c in cases {
    let t = try ContingencyTable(rows: fixtureIntMatrix(c["table"]))
    let yates = try chiSquaredTest(t)
    let none = try chiSquaredTest(t, correction: .none)
    let ry = c["yates"] as? [String: Any] ?? [:]
    let rn = c["pearson"] as? [String: Any] ?? [:]
    let pairs: [(Double, Double)] = [
      (yates.statistic, fixtureNumber(ry["statistic"])),
      (yates.pValue, fixtureNumber(ry["p_value"])),
      (none.statistic, fixtureNumber(rn["statistic"])), (none.pValue, fixtureNumber(rn["p_value"])),
      (Double(none.degreesOfFreedom), fixtureNumber(rn["df"])),
    ]
    for (got, want) in pairs {
      // A Yates statistic of exactly 0 compares absolutely (R's may be 1e-31 from rounding).
      let ok = close(got, want) || abs(got - want) < 1e-14
      worst = max(worst, ok ? 0 : relativeError(got, want))
      #expect(ok, "\(t.rows): \(got) vs R \(want)")
    }
    #expect(yates.correction == (t.rowCount == 2 && t.columnCount == 2 ? .yates : .none))
    for (name, mine) in [
      ("expected", none.expected), ("residuals", none.pearsonResiduals),
      ("stdres", none.standardizedResiduals),
    ] {
      let theirs = fixtureMatrix(c[name])
      for (rowA, rowB) in zip(mine, theirs) {
        for (a, b) in zip(rowA, rowB) {
          #expect(close(a, b) || abs(a - b) < 1e-13, "\(name) \(t.rows): \(a) vs \(b)")
        }
      }
    }
  }
  #expect(worst <= 1e-10)
}

@Test func matchesSciPyGTestAndCramersV() throws {
  let cases = try fixtureCases("contingency/contingency_py.json")
  #expect(cases.count >= 30)
  for c in cases {
    let t = try ContingencyTable(rows: fixtureIntMatrix(c["table"]))
    let r = try chiSquaredTest(t, correction: .none)
    #expect(close(r.gStatistic, fixtureNumber(c["g_statistic"])), "G \(t.rows)")
    #expect(close(r.gPValue, fixtureNumber(c["g_p_value"])), "G p \(t.rows)")
    #expect(close(r.cramersV, fixtureNumber(c["cramers_v"])), "V \(t.rows)")
    // G is never corrected: the Yates default leaves it unchanged.
    #expect(try chiSquaredTest(t).gStatistic == r.gStatistic)
  }
}

@Test func emptyMarginsGiveNaNWithAWarningOrAreDropped() throws {
  let cases = try fixtureCases("contingency/contingency_r.json", key: "zero_margins")
  #expect(cases.count == 4)
  for c in cases {
    let t = try ContingencyTable(rows: fixtureIntMatrix(c["table"]))
    let r = try chiSquaredTest(t)
    #expect(fixtureNumber(c["pearson"]).isNaN && r.statistic.isNaN && r.pValue.isNaN)
    #expect(r.pearsonStatistic.isNaN && r.gStatistic.isNaN && r.cramersV.isNaN)
    #expect(Double(r.degreesOfFreedom) == fixtureNumber(c["df"]))
    #expect(r.warnings.contains { if case .emptyMargins = $0 { true } else { false } })
  }
  let t = try ContingencyTable(rows: [[1, 0, 2], [3, 0, 4], [5, 0, 1]])
  let kept = try chiSquaredTest(t, monteCarlo: MonteCarloOptions(replicates: 10, seed: 1))
  #expect(kept.monteCarlo == nil)
  #expect(kept.warnings.contains(.monteCarloSkippedForEmptyMargins))
  let dropped = try chiSquaredTest(t, emptyMargins: .drop)
  let direct = try chiSquaredTest(ContingencyTable(rows: [[1, 2], [3, 4], [5, 1]]))
  #expect(dropped.statistic == direct.statistic && dropped.degreesOfFreedom == 2)
  #expect(dropped.warnings.contains(.droppedEmptyMargins(rows: [], columns: [1])))
  #expect(throws: (any Error).self) {
    try chiSquaredTest(ContingencyTable(rows: [[0, 3], [0, 4]]), emptyMargins: .drop)
  }
}

@Test func warnsAboutSmallExpectedCountsOnlyWhenThereAreSome() throws {
  let small = try chiSquaredTest(ContingencyTable(rows: [[2, 3], [4, 1]]))
  #expect(small.warnings == [.smallExpectedCounts(cells: 4, of: 4, minimum: 2)])
  #expect(small.warnings[0].description.contains("below 5"))
  let big = try chiSquaredTest(ContingencyTable(rows: [[50, 32], [32, 42]]))
  #expect(big.warnings.isEmpty)
}

@Test func invariantUnderTranspositionAndRowPermutation() throws {
  let t = try ContingencyTable(rows: [[12, 5, 9, 14], [7, 14, 3, 10], [20, 25, 17, 20]])
  let a = try chiSquaredTest(t)
  let b = try chiSquaredTest(t.transposed)
  let c = try chiSquaredTest(ContingencyTable(rows: [t.rows[2], t.rows[0], t.rows[1]]))
  for other in [b, c] {
    #expect(isClose(a.statistic, other.statistic, relative: 1e-13))
    #expect(isClose(a.gStatistic, other.gStatistic, relative: 1e-13))
    #expect(isClose(a.cramersV, other.cramersV, relative: 1e-13))
  }
  // W4 (Benchmarks/peers/README.md), R chisq.test and SciPy: X² = 9.725857, p = 0.1366817.
  #expect(abs(a.statistic - 9.725857) < 5e-7 && abs(a.pValue - 0.1366817) < 5e-8)
}
