// Tests for streaming CSV reading (CSVRecordStream through CSVColumns.stream): chunks of any size,
// down to one byte, give the columns (or the error) of the whole-file read, also when a chunk
// ends inside a quoted field with line breaks, a CRLF or a multi-byte UTF-8 character.
import Foundation
import ResampleCore
import Testing
import _TestSupport

@testable import DataInput

/// The description of what `body` throws, or nil when it returns.
private func thrown<T>(_ body: () throws -> T) -> String? {
  guard case .failure(let error) = Result(catching: body) else { return nil }
  return "\(error)"
}

/// `bytes` written to a new temporary file; its path.
private func temporaryFile(_ bytes: [UInt8]) throws -> String {
  let url = FileManager.default.temporaryDirectory
    .appendingPathComponent("resample-stream-\(UUID().uuidString).csv")
  try Data(bytes).write(to: url)
  return url.path
}

/// Expects `stream` with each chunk size to give what the whole-file read gives: the same row
/// count and the same values of every column (or the same error).
private func expectSameAsWholeFile(
  _ path: String, dialect: CSVDialect, chunkSizes: [Int], _ comment: String
) throws {
  let whole = Result { try CSVTable.read(path: path, dialect: dialect) }
  let names = (try? whole.get())?.header ?? ["value"]
  let want = Result {
    try CSVColumns.read(path: path, numeric: names, labels: names, dialect: dialect)
  }
  for size in chunkSizes {
    let got = Result {
      try CSVColumns.stream(
        path: path, numeric: names, labels: names, dialect: dialect, chunkSize: size)
    }
    guard case .success(let file) = want else {
      #expect(thrown { try got.get() } == thrown { try want.get() }, "\(comment) chunk \(size)")
      continue
    }
    let streamed = try got.get()
    #expect(streamed.rowCount == file.rowCount, "\(comment) chunk \(size)")
    for name in names {
      #expect(try streamed.labels(name) == file.labels(name), "\(comment) \(name) chunk \(size)")
      #expect(
        thrown { try streamed.numeric(name) } == thrown { try file.numeric(name) },
        "\(comment) \(name) chunk \(size)")
      if let values = try? file.numeric(name) { #expect(try streamed.numeric(name) == values) }
    }
  }
}

@Test func tinyChunksGiveTheWholeFileTable() throws {
  // Quoted fields with LF and CRLF inside, a doubled quote, 'é' and '€' (2 and 3 bytes) at
  // offsets that 7-byte chunks split, a CRLF across a chunk boundary, a lone-CR record end,
  // blank lines and no final line break.
  let text =
    "\u{FEFF}\n  \nid,answer,weight\r\n1,\"yes\nreally\",2\r\n2,é€é,3\n\n3,\"say \"\"no\"\"\r\nnow\",1\r"
    + "4,€,5\n5,\"é\",4\n6,no,1"
  let path = try temporaryFile(Array(text.utf8))
  defer { try? FileManager.default.removeItem(atPath: path) }
  let file = try CSVColumns.stream(
    path: path, numeric: ["weight"], labels: ["answer"], dialect: CSVDialect(), chunkSize: 7)
  #expect(file.rowCount == 6)
  #expect(try file.numeric("weight") == [2, 3, 1, 5, 4, 1])
  let answers = try file.labels("answer")
  #expect(
    answers.codes.indices.map { answers[$0] } == [
      "yes\nreally", "é€é", "say \"no\"\r\nnow", "€", "é", "no",
    ])
  try expectSameAsWholeFile(
    path, dialect: CSVDialect(), chunkSizes: Array(1...13) + [64, 1 << 20], "inline")
}

@Test func streamingEveryFixtureCaseMatchesTheWholeFileRead() throws {
  let cases = try FileManager.default.contentsOfDirectory(atPath: fixtureURL("csv/cases").path)
    .filter { $0.hasSuffix(".csv") }.sorted()
  #expect(cases.count >= 25)
  for name in cases {
    try expectSameAsWholeFile(
      fixtureURL("csv/cases/" + name).path, dialect: CSVDialect(delimiter: UInt8(ascii: ",")),
      chunkSizes: [1, 7, 1 << 20], name)
  }
}

@Test func streamingEveryDialectMatchesTheWholeFileRead() throws {
  let variants: [(String, CSVDialect)] = [
    ("survey.csv", CSVDialect()),
    ("survey-semicolon.csv", CSVDialect(decimalMark: .comma)),
    ("survey-tab.tsv", CSVDialect()),
    ("survey-latin1.csv", CSVDialect(encoding: .latin1)),
    ("survey-cp1252.csv", CSVDialect(decimalMark: .comma, encoding: .cp1252)),
    ("survey-bom.csv", CSVDialect()),
    // Errors: not UTF-8, a decimal comma with a comma separator.
    ("survey-latin1.csv", CSVDialect()),
    ("survey.csv", CSVDialect(delimiter: UInt8(ascii: ","), decimalMark: .comma)),
  ]
  for (name, dialect) in variants {
    try expectSameAsWholeFile(
      fixtureURL("data-files/" + name).path, dialect: dialect, chunkSizes: [7, 1 << 20], name)
  }
}

@Test func streamingErrorsNameTheFileLine() throws {
  // An invalid UTF-8 byte on line 4 column 3, after a block boundary; an unterminated quote.
  let bad = Array("a,b\n1,2\n3,4\n5,".utf8) + [0xFF] + Array("\n".utf8)
  let open = Array("a,b\n1,2\n3,\"4\n5,6\n".utf8)
  for bytes in [bad, open] {
    let path = try temporaryFile(bytes)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let want = thrown { try CSVColumns.read(path: path, numeric: [], dialect: CSVDialect()) }
    #expect(want != nil)
    for size in [1, 3, 7, 64] {
      #expect(
        thrown {
          try CSVColumns.stream(path: path, numeric: [], dialect: CSVDialect(), chunkSize: size)
        } == want, "chunk \(size)")
    }
  }
}

/// `CSVTable.stream` keeping every column gives the whole-file table (header, rows, lines) or its
/// error, at any chunk size; keeping some columns gives those columns of it, in file order.
@Test func streamedTableMatchesTheWholeFileTable() throws {
  var files = try FileManager.default.contentsOfDirectory(atPath: fixtureURL("csv/cases").path)
    .filter { $0.hasSuffix(".csv") }.sorted().map {
      (fixtureURL("csv/cases/" + $0).path, CSVDialect(delimiter: UInt8(ascii: ",")))
    }
  files += [
    (fixtureURL("data-files/survey-semicolon.csv").path, CSVDialect(decimalMark: .comma)),
    (fixtureURL("data-files/survey-cp1252.csv").path, CSVDialect(encoding: .cp1252)),
    (fixtureURL("data-files/survey-bom.csv").path, CSVDialect()),
  ]
  for (path, dialect) in files {
    let whole = Result { try CSVTable.read(path: path, dialect: dialect) }
    for size in [1, 7, 1 << 20] {
      let all = Result {
        try CSVTable.stream(path: path, dialect: dialect, chunkSize: size) { Array($0.indices) }
      }
      guard case .success(let table) = whole else {
        #expect(thrown { try all.get() } == thrown { try whole.get() }, "\(path) chunk \(size)")
        continue
      }
      #expect(try all.get() == table, "\(path) chunk \(size)")
      guard table.columnCount >= 2 else { continue }
      // The last and the first column, asked for in that order: kept in file order.
      let last = table.columnCount - 1
      let some = try CSVTable.stream(path: path, dialect: dialect, chunkSize: size) { _ in
        [last, 0]
      }
      #expect(some.header == [table.header[0], table.header[last]], "\(path)")
      #expect(some.rows == table.rows.map { [$0[0], $0[last]] }, "\(path)")
      #expect(some.rowLines == table.rowLines, "\(path)")
    }
  }
  // What `keep` throws is thrown; an index outside the header is refused.
  let path = fixtureURL("data-files/survey.csv").path
  struct Refused: Error {}
  #expect(throws: Refused.self) {
    try CSVTable.stream(path: path, dialect: CSVDialect()) { _ in throw Refused() }
  }
  #expect(throws: InputError.self) {
    try CSVTable.stream(path: path, dialect: CSVDialect()) { [$0.count] }
  }
}
