// StratifiedCrosstabTests.swift: three-way tallies (rows × columns × strata) with shared labels.
import DataInput
import ResampleCore
import Testing

private func columns(_ text: String, numeric: [String] = []) throws -> CSVColumns {
  try CSVColumns.parse(
    Array(text.utf8), source: "test.csv", numeric: numeric, labels: ["a", "b", "s"])
}

@Test func strataShareThePooledLabels() throws {
  let f = try columns(
    """
    a,b,s
    x,1,k2
    y,2,k1
    x,2,k1
    y,1,k2
    z,1,
    x,2,NA
    y,1,k1
    x,DK,k1
    """)
  let t = try StratifiedCrosstab.tally(
    f, rows: "a", columns: "b", strata: "s", missing: ["NA", "DK"])
  #expect(t.pooled.rowLabels == ["x", "y"])  // z only in a row without a stratum
  #expect(t.pooled.columnLabels == ["1", "2"])
  #expect(t.strataLabels == ["k2", "k1"] && t.strataOrder == .firstAppearance)
  #expect(t.counts == [[[1, 0], [1, 0]], [[0, 1], [1, 1]]])
  #expect(t.pooled.counts == [[1, 1], [2, 1]])
  #expect(t.excludedStrata.map(\.label) == ["", "NA"])
  #expect(t.pooled.excluded.map(\.label) == ["DK"])
  let d = try StratifiedCrosstab.tally(
    f, rows: "a", columns: "b", strata: "s", strataOrder: ["k1", "k2"],
    missing: ["NA", "DK"])
  #expect(d.strataLabels == ["k1", "k2"] && d.counts[0] == [[0, 1], [1, 1]])
  #expect(throws: InputError.self) {
    try StratifiedCrosstab.tally(f, rows: "a", columns: "b", strata: "s", strataOrder: ["k1"])
  }
}

@Test func frequencyWeightsAndNumericStrata() throws {
  let f = try columns(
    """
    a,b,s,w
    x,1,10,3
    y,2,9,2
    x,2,10,0
    y,1,9,5
    """, numeric: ["w"])
  let t = try StratifiedCrosstab.tally(
    f, rows: "a", columns: "b", strata: "s", frequencyWeight: "w")
  #expect(t.strataLabels == ["9", "10"] && t.strataOrder == .numeric)
  #expect(t.counts == [[[0, 0], [5, 2]], [[3, 0], [0, 0]]])
  #expect(t.pooled.respondents == 10)
}
