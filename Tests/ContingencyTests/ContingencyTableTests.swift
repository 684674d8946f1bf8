// ContingencyTableTests.swift: construction, validation and margins of tables.
import Contingency
import ResampleCore
import Testing
import _TestSupport

@Test func buildsTheTableAndItsMargins() throws {
  let t = try ContingencyTable(rows: [[12, 5, 9], [7, 14, 3]])
  #expect(t.rowCount == 2 && t.columnCount == 3)
  #expect(t.rowSums == [26, 24] && t.columnSums == [19, 19, 12] && t.total == 50)
  #expect(t[1, 2] == 3)
  #expect(t.rows == [[12, 5, 9], [7, 14, 3]])
  #expect(t.transposed.rows == [[12, 7], [5, 14], [9, 3]])
}

@Test(arguments: [
  ([[1, 2], [3]], "ragged"), ([[1, -2], [3, 4]], "negative"), ([[1, 2, 3]], "at least 2 rows"),
  ([[1], [2]], "at least 2 rows and 2 columns"), ([[0, 0], [0, 0]], "all counts are zero"),
])
func rejectsBadTables(rows: [[Int]], fragment: String) {
  expectError(InputError.self, mentioning: fragment, "--table") {
    try ContingencyTable(rows: rows, source: "--table")
  }
}

@Test func namesTheBadCell() {
  #expect(
    throws: InputError.invalidData(
      source: "--table row 2 column 1",
      reason: "count -3 is negative (expected a non-negative integer)")
  ) {
    try ContingencyTable(rows: [[1, 2], [-3, 4]], source: "--table")
  }
  #expect(throws: InputError.self) { try ContingencyTable(rows: [[1, 2], [3]]) }
  #expect(throws: InputError.self) { try ContingencyTable(rows: [[Int.max, 1], [1, 1]]) }
}

@Test func dropsEmptyMarginsOrRefuses() throws {
  let t = try ContingencyTable(rows: [[1, 0, 2], [3, 0, 4], [0, 0, 0]])
  #expect(t.hasEmptyMargins && t.emptyRows == [2] && t.emptyColumns == [1])
  #expect(try t.droppingEmptyMargins().rows == [[1, 2], [3, 4]])
  #expect(throws: InputError.self) {
    try ContingencyTable(rows: [[0, 3], [0, 4]]).droppingEmptyMargins()
  }
}
