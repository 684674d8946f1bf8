// Tests for CSVTable: the fixture cases against Python's csv module, and column selection.
import Foundation
import ResampleCore
import Testing
import _TestSupport

@testable import DataInput

private struct Expected: Decodable {
  struct Valid: Decodable {
    var header: [String]
    var rows: [[String]]
    var value: [Double]?
  }
  struct Invalid: Decodable {
    var line: Int
    var reason: String
  }
  struct BadNumber: Decodable {
    var column, text: String
    var line: Int
  }
  var valid: [String: Valid]
  var invalid: [String: Invalid]
  var badNumbers: [String: BadNumber]
  // Explicit keys: a key strategy would also rewrite the case names used as dictionary keys.
  enum CodingKeys: String, CodingKey {
    case valid, invalid
    case badNumbers = "bad_numbers"
  }
}

private func expected() throws -> Expected {
  try decodeFixture(Expected.self, "csv/expected.json")
}

private func casePath(_ name: String) -> String {
  fixtureURL("csv/cases/\(name).csv").path
}

/// The `source: "FILE line N"` and the reason of an `InputError.invalidData`, or nil.
private func dataError(_ body: () throws -> Void) -> (source: String, reason: String)? {
  do {
    try body()
  } catch let InputError.invalidData(source, reason) {
    return (source, reason)
  } catch {
    return nil
  }
  return nil
}

@Test func validCasesMatchPythonCSV() throws {
  let cases = try expected().valid
  #expect(cases.count >= 15)
  for (name, want) in cases.sorted(by: { $0.key < $1.key }) {
    let table = try CSVTable.read(path: casePath(name))
    #expect(table.header == want.header, "\(name)")
    #expect(table.rows == want.rows, "\(name)")
    if let values = want.value {
      let got = try table.numericColumn(named: "value")
      #expect(got.count == values.count, "\(name)")
      for (a, b) in zip(got, values) {
        #expect(a == b && a.sign == b.sign, "\(name): \(a) vs \(b)")
      }
    }
  }
}

@Test func invalidCasesNameFileAndLine() throws {
  let cases = try expected().invalid
  #expect(cases.count >= 7)
  for (name, want) in cases.sorted(by: { $0.key < $1.key }) {
    let path = casePath(name)
    let error = dataError { _ = try CSVTable.read(path: path) }
    #expect(error?.source == "\(path) line \(want.line)", "\(name): \(String(describing: error))")
    #expect(error?.reason.contains(want.reason) == true, "\(name): \(String(describing: error))")
  }
}

@Test func nonNumbersNameFileLineAndText() throws {
  let cases = try expected().badNumbers
  #expect(cases.count >= 7)
  for (name, want) in cases.sorted(by: { $0.key < $1.key }) {
    let path = casePath(name)
    let table = try CSVTable.read(path: path)
    let error = dataError { _ = try table.numericColumn(named: want.column) }
    #expect(error?.source == "\(path) line \(want.line)", "\(name): \(String(describing: error))")
    #expect(error?.reason.contains("column '\(want.column)'") == true, "\(name)")
    #expect(error?.reason.contains("'\(want.text)'") == true || want.text.isEmpty, "\(name)")
  }
}

@Test func rowLinesCountPhysicalLines() throws {
  let table = try CSVTable.parse(
    Array("h\n\n\"a\nb\"\r\nc\r\rd\n".utf8), source: "t.csv")
  #expect(table.rows == [["a\nb"], ["c"], ["d"]])
  #expect(table.rowLines == [3, 5, 7])
}

@Test func columnSelectionByName() throws {
  let table = try CSVTable.parse(Array("id, time ,name\n1,2.5,x\n2,3.5,y\n".utf8), source: "t")
  #expect(try table.column(named: "name") == ["x", "y"])
  #expect(try table.column(named: "time") == ["2.5", "3.5"])  // header blanks are trimmed
  #expect(try table.numericColumn(named: "time") == [2.5, 3.5])
  #expect(try table.numericColumn(at: 0) == [1, 2])
  #expect(try table.column(at: 2) == ["x", "y"])
  #expect(table.columnCount == 3)
}

@Test func unknownAmbiguousAndOutOfRangeColumnsThrow() throws {
  let table = try CSVTable.parse(Array("a,b,a\n1,2,3\n".utf8), source: "t.csv")
  expectError(InputError.self, mentioning: "invalid column 'zz': ", "'a', 'b', 'a'") {
    try table.column(named: "zz")
  }
  #expect(throws: InputError.self) { try table.column(named: "a") }  // ambiguous
  #expect(throws: InputError.self) { try table.column(at: 3) }
  #expect(throws: InputError.self) { try table.column(at: -1) }
}

@Test func headerlessParsing() throws {
  let table = try CSVTable.parse(Array("x,1\ny,2\n".utf8), source: "t", hasHeader: false)
  #expect(table.header.isEmpty)
  #expect(table.rows == [["x", "1"], ["y", "2"]])
  #expect(try table.numericColumn(at: 1) == [1, 2])
  #expect(throws: InputError.self) { try table.column(named: "x") }
}

@Test func emptyInputs() throws {
  #expect(throws: InputError.self) { try CSVTable.parse([], source: "e.csv") }
  #expect(throws: InputError.self) { try CSVTable.parse(Array("\n \n".utf8), source: "e.csv") }
  let headerOnly = try CSVTable.parse(Array("a,b".utf8), source: "h.csv")
  #expect(headerOnly.rows.isEmpty)
  #expect(try headerOnly.numericColumn(named: "b").isEmpty)
  let none = try CSVTable.parse([], source: "e.csv", hasHeader: false)
  #expect(none.rows.isEmpty && none.columnCount == 0)
}

@Test func tabDelimiterAndInvalidDelimiter() throws {
  let table = try CSVTable.parse(
    Array("a\tb\n\"x\ty\"\t2\n".utf8), source: "t.tsv", delimiter: UInt8(ascii: "\t"))
  #expect(table.rows == [["x\ty", "2"]])
  #expect(throws: InputError.self) {
    try CSVTable.parse(Array("a".utf8), source: "t", delimiter: UInt8(ascii: "\""))
  }
  #expect(throws: InputError.self) {
    try CSVTable.parse(Array("a".utf8), source: "t", delimiter: UInt8(ascii: "\n"))
  }
}

@Test func programmaticInitValidatesWidth() throws {
  let table = try CSVTable(header: ["a", "b"], rows: [["1", "2"]])
  #expect(table.rowLines == [2])
  #expect(throws: InputError.self) { try CSVTable(header: ["a", "b"], rows: [["1"]]) }
  #expect(throws: InputError.self) { try CSVTable(header: [], rows: [["1"], ["1", "2"]]) }
}

@Test func largeGeneratedFileRoundTrips() throws {
  // 20,000 rows × 5 columns written by this test, with quoting where needed; every value must
  // come back exactly (Double's description round-trips).
  var text = "name,a,b,c,d\n"
  var values: [[Double]] = []
  var g = SeededLCG(seed: 12345)
  for r in 0..<20_000 {
    var row: [Double] = []
    for _ in 0..<4 {
      row.append(Double(g.next() >> 11) * 1e-9)
    }
    values.append(row)
    let name = r % 7 == 0 ? "\"bench,\"\"\(r)\"\"\"" : "bench\(r)"
    text += name + "," + row.map { "\($0)" }.joined(separator: ",") + (r % 2 == 0 ? "\r\n" : "\n")
  }
  let table = try CSVTable.parse(Array(text.utf8), source: "big.csv")
  #expect(table.rows.count == 20_000)
  #expect(table.rows[7][0] == "bench,\"7\"")
  for (k, name) in ["a", "b", "c", "d"].enumerated() {
    let col = try table.numericColumn(named: name)
    #expect(col == values.map { $0[k] })
  }
}
