// Tests for TableSyntax: the `--table "12,5,9;7,14,3"` literal and table-file cells as counts.
import DataInput
import ResampleCore
import Testing
import _TestSupport

@Test func parsesTheCompactLiteral() throws {
  #expect(try TableSyntax.parse("12,5,9;7,14,3") == [[12, 5, 9], [7, 14, 3]])
  #expect(try TableSyntax.parse(" 1, 2 ; 3 ,4;") == [[1, 2], [3, 4]])
  #expect(try TableSyntax.parse("1.0,2e0;3,4") == [[1, 2], [3, 4]])
  #expect(try TableSyntax.parse("1,2;\n3,4\n") == [[1, 2], [3, 4]])
  #expect(try TableSyntax.parse("2147483647,0;0,1") == [[2_147_483_647, 0], [0, 1]])
}

@Test(arguments: [
  ("0x10,5;7,14", "row 1 column 1", "'0x10' is not a number"),
  ("1,0x1p3;7,14", "row 1 column 2", "'0x1p3' is not a number"),
  ("1,2;nan,4", "row 2 column 1", "'nan' is not a number"),
  ("1,2;3,inf", "row 2 column 2", "'inf' is not a number"),
  ("1,-2;3,4", "row 1 column 2", "count -2 is negative"),
  ("1,2.5;3,4", "row 1 column 2", "count 2.5 is not an integer"),
  ("1,x;3,4", "row 1 column 2", "'x' is not a number"),
  ("1,,2;3,4,5", "row 1 column 2", "empty cell"),
  ("1,2;3", "row 2", "ragged"),
  ("1e300,1;1,1", "row 1 column 1", "too large"),
  ("", "--table", "the table is empty"),
])
func refusesBadCellsNamingThem(literal: String, place: String, fragment: String) {
  expectError(InputError.self, mentioning: "--table", place, fragment) {
    try TableSyntax.parse(literal)
  }
}

@Test func namesTheSourceItIsGiven() {
  #expect(
    throws: InputError.invalidData(
      source: "counts.csv row 2 column 1",
      reason: "count -3 is negative (expected a non-negative integer)")
  ) {
    try TableSyntax.counts(cells: [["1", "2"], ["-3", "4"]], source: "counts.csv")
  }
}

@Test func tableFileCellsDropHeaderLabelsAndBlankLines() {
  let records = [["", "yes", "no"], ["a", "12", "5"], [""], ["b", "7", "14"]]
  #expect(TableSyntax.countCells(fromRecords: records) == [["12", "5"], ["7", "14"]])
  // A numeric first row is data, not a header; numeric first cells are not labels.
  #expect(
    TableSyntax.countCells(fromRecords: [["1", "2"], ["3", "4"]]) == [["1", "2"], ["3", "4"]])
  // Hexadecimal cells are not numbers: a row of them is taken as a header, not read as counts.
  #expect(TableSyntax.countCells(fromRecords: [["0x1", "0x2"], ["3", "4"]]) == [["3", "4"]])
}
