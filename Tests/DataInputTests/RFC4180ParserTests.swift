// Tests for RFC4180Parser: record splitting, line counting and UTF-8 validation.
import ResampleCore
import Testing
import _TestSupport

@testable import DataInput

private func parse(_ s: String) throws -> [CSVRecord] {
  try RFC4180Parser.records(Array(s.utf8), source: "s", delimiter: UInt8(ascii: ","))
}

@Test func splitsFieldsAndRecords() throws {
  #expect(
    try parse("a,b\n1,2") == [
      CSVRecord(fields: ["a", "b"], line: 1), CSVRecord(fields: ["1", "2"], line: 2),
    ])
  #expect(try parse("a,\n,b\n").map(\.fields) == [["a", ""], ["", "b"]])
  #expect(try parse("\"\"\n").map(\.fields) == [[""]])
  #expect(try parse("\"a\"\"\"\n").map(\.fields) == [["a\""]])
}

@Test func loneCRIsALineBreak() throws {
  let records = try parse("a\rb\r\nc\n")
  #expect(records.map(\.fields) == [["a"], ["b"], ["c"]])
  #expect(records.map(\.line) == [1, 2, 3])
}

@Test func whitespaceOnlyLinesAreSkippedButQuotedBlanksAreNot() throws {
  // A whitespace-only line is skipped; a quoted empty or blank field is a record.
  let records = try parse("a\n  \t \n\"\"\n\" \"\n")
  #expect(records.map(\.fields) == [["a"], [""], [" "]])
  #expect(records.map(\.line) == [1, 3, 4])
}

@Test func quoteAfterLeadingBlankIsAnError() {
  // RFC 4180 has no blanks before an opening quote.
  #expect(throws: InputError.self) { try parse("a\n \" \"\n") }
}

@Test func errorLineOfAnUnterminatedQuoteIsWhereItOpened() {
  expectError(InputError.self, mentioning: "s line 3: ", "unterminated") {
    try parse("a\nb\n\"x\ny\nz")
  }
}

@Test func utf8ValidationNamesTheLine() {
  let bytes: [UInt8] = Array("ok\nok\n".utf8) + [0xC3] + Array("\n".utf8)
  expectError(InputError.self, mentioning: "f line 3: ") {
    try bytes.withUnsafeBufferPointer { try RFC4180Parser.validateUTF8($0, source: "f") }
  }
  // Valid multi-byte text passes, overlong encodings do not.
  #expect(throws: Never.self) {
    try Array("é日本🎉".utf8).withUnsafeBufferPointer {
      try RFC4180Parser.validateUTF8($0, source: "f")
    }
  }
  #expect(throws: InputError.self) {
    try [0xC0, 0x80].withUnsafeBufferPointer { try RFC4180Parser.validateUTF8($0, source: "f") }
  }
}

@Test func bomIsOnlySkippedAtTheStart() throws {
  let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
  let records = try RFC4180Parser.records(
    bom + Array("a\n".utf8) + bom + Array("b\n".utf8), source: "s", delimiter: UInt8(ascii: ","))
  #expect(records.map(\.fields) == [["a"], ["\u{FEFF}b"]])
}

/// Random byte strings over the CSV alphabet must either parse or throw InputError, never trap,
/// and whatever parses must re-serialise (with quoting) to text that parses to the same records.
@Test func randomInputsParseOrThrowAndRoundTrip() throws {
  let alphabet: [UInt8] = Array("ab,\"\r\n \t1".utf8)
  var g = SeededLCG(seed: 99)
  var parsed = 0
  for _ in 0..<20_000 {
    let length = Int(g.next() >> 59)
    var bytes: [UInt8] = []
    for _ in 0..<length {
      bytes.append(alphabet[Int(g.below(UInt64(alphabet.count)))])
    }
    guard let records = try? RFC4180Parser.records(bytes, source: "r", delimiter: 44) else {
      continue
    }
    parsed += 1
    let text = records.map { r in
      r.fields.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        .joined(separator: ",")
    }.joined(separator: "\n")
    let again = try RFC4180Parser.records(Array(text.utf8), source: "r", delimiter: 44)
    #expect(again.map(\.fields) == records.map(\.fields), "\(bytes)")
  }
  #expect(parsed > 1000)
}
