// Tests for NumberList: whitespace-separated numbers with comments.
import ResampleCore
import Testing
import _TestSupport

@testable import DataInput

@Test func parsesWhitespaceSeparatedNumbers() throws {
  let text = "\u{FEFF}# times\n1 2\t3\r\n\n4.5e1 # trailing comment\r-6\n"
  #expect(try NumberList.parse(Array(text.utf8), source: "n") == [1, 2, 3, 45, -6])
  #expect(try NumberList.parse([], source: "n").isEmpty)
  #expect(try NumberList.parse(Array("# only a comment".utf8), source: "n").isEmpty)
}

@Test func badTokenNamesTheLine() {
  #expect(throws: InputError.invalidData(source: "n.txt line 3", reason: "'x4' is not a number")) {
    try NumberList.parse(Array("1\n2\r\n3 x4\n".utf8), source: "n.txt")
  }
  #expect(throws: InputError.self) { try NumberList.parse(Array("1 nan".utf8), source: "n") }
  #expect(throws: InputError.self) { try NumberList.parse(Array("1,2".utf8), source: "n") }
}

@Test func readsAFile() throws {
  let path = fixtureURL("csv/numbers.txt").path
  #expect(try NumberList.read(path: path) == [12.5, 13.25, 11.75, 1e-3, 400])
}
