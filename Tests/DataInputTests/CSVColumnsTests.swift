// Tests for CSVColumns: the same values and the same errors as CSVTable on every fixture case
// (Python's csv module), deferred column errors, and label codes.
import Foundation
import ResampleCore
import Testing
import _TestSupport

@testable import DataInput

private func casePath(_ name: String) -> String {
  fixtureURL("csv/cases/\(name).csv").path
}

/// Every fixture file under Tests/Fixtures/csv/cases, by name.
private func allCases() throws -> [String] {
  try FileManager.default.contentsOfDirectory(atPath: fixtureURL("csv/cases").path)
    .filter { $0.hasSuffix(".csv") }.map { String($0.dropLast(4)) }.sorted()
}

/// The description of what `body` throws, or nil when it returns.
private func thrown<T>(_ body: () throws -> T) -> String? {
  do {
    _ = try body()
    return nil
  } catch {
    return "\(error)"
  }
}

@Test func everyFixtureCaseGivesTheTablesValuesOrError() throws {
  let cases = try allCases()
  #expect(cases.count >= 25)
  for name in cases {
    let path = casePath(name)
    let tableResult = Result { try CSVTable.read(path: path) }
    guard case .success(let table) = tableResult else {
      // A malformed file: the same error, thrown by read.
      let want = thrown { try tableResult.get() }
      #expect(thrown { try CSVColumns.read(path: path, numeric: ["value"]) } == want, "\(name)")
      continue
    }
    let names = table.header
    let file = try CSVColumns.read(path: path, numeric: names, labels: names)
    #expect(file.rowCount == table.rows.count, "\(name)")
    #expect(file.source == table.source)
    for column in names {
      // Numbers: the same values, or the same first bad value (file and line).
      let want = Result { try table.numericColumn(named: column) }
      switch want {
      case .success(let values): #expect(try file.numeric(column) == values, "\(name) \(column)")
      case .failure(let error):
        #expect(thrown { try file.numeric(column) } == "\(error)", "\(name) \(column)")
      }
      let labels = try file.labels(column)
      let texts = try table.column(named: column)
      #expect(labels.codes.indices.map { labels[$0] } == texts, "\(name) \(column)")
      #expect(labels.values == texts.reduce(into: []) { if !$0.contains($1) { $0.append($1) } })
    }
  }
}

@Test func columnErrorsWaitUntilTheColumnIsUsed() throws {
  let bytes = Array("x, g ,g2\n1,a,p\nzz,b,q\n3, a,p\n".utf8)
  let file = try CSVColumns.parse(
    bytes, source: "t.csv", numeric: ["x", "missing"], labels: ["g", "nope"])
  #expect(file.rowCount == 3)
  expectError(InputError.self, mentioning: "t.csv line 3", "column 'x'", "'zz'") {
    try file.numeric("x")
  }
  expectError(InputError.self, mentioning: "invalid column 'missing'", "'x', ' g ', 'g2'") {
    try file.numeric("missing")
  }
  expectError(InputError.self, mentioning: "invalid column 'nope'") { try file.labels("nope") }
  expectError(InputError.self, mentioning: "a column read from t.csv") { try file.labels("g2") }
  // Header names are matched trimmed; label texts are kept as written (" a" is its own code).
  let g = try file.labels("g")
  #expect(g.codes == [0, 1, 2] && g.values == ["a", "b", " a"])
}

@Test func emptyHeaderOnlyAndMalformedFiles() throws {
  expectError(InputError.self, mentioning: "empty file: expected a header row") {
    try CSVColumns.parse(Array(" \n\n".utf8), source: "e.csv", numeric: ["x"])
  }
  let headerOnly = try CSVColumns.parse(Array("x,g\n".utf8), source: "h.csv", numeric: ["x"])
  #expect(headerOnly.rowCount == 0)
  #expect(try headerOnly.numeric("x").isEmpty)
  // A malformed record after a bad number is still reported first, by parse.
  expectError(InputError.self, mentioning: "m.csv line 3", "expected 2 fields") {
    try CSVColumns.parse(Array("x,g\nzz,a\n1\n".utf8), source: "m.csv", numeric: ["x"])
  }
  #expect(throws: InputError.self) {
    try CSVColumns.parse(
      Array("x".utf8), source: "d", numeric: ["x"], delimiter: UInt8(ascii: "\""))
  }
}

@Test func largeGeneratedFileKeepsOneCodePerRow() throws {
  var text = "v;group\n"
  var values: [Double] = []
  var groups: [String] = []
  var g = SeededLCG(seed: 99)
  for r in 0..<20_000 {
    let v = Double(g.next() >> 11) * 1e-9
    let group = r % 3 == 0 ? "\"x;\(r % 5)\"" : "y\(r % 4)"
    values.append(v)
    groups.append(r % 3 == 0 ? "x;\(r % 5)" : "y\(r % 4)")
    text += "\(v);\(group)\n"
  }
  let file = try CSVColumns.parse(
    Array(text.utf8), source: "big.csv", numeric: ["v"], labels: ["group"],
    delimiter: UInt8(ascii: ";"))
  #expect(try file.numeric("v") == values)
  let labels = try file.labels("group")
  #expect(labels.codes.indices.map { labels[$0] } == groups)
  #expect(labels.values.count == Set(groups).count)
}
