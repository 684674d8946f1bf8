// Tests for CSVDialect: separators found from the header line, decimal commas, Latin-1 and
// Windows-1252 text and byte order marks give exactly the table of the comma/UTF-8 file
// (Tests/Fixtures/data-files/generate.py writes one survey in each dialect); errors name line and
// column.
import Foundation
import ResampleCore
import Testing
import _TestSupport

@testable import DataInput

private func path(_ name: String) -> String { fixtureURL("data-files/" + name).path }

/// The error `body` throws, or nil.
private func dialectError(_ body: () throws -> Void) -> CSVDialectError? {
  do {
    try body()
    return nil
  } catch {
    return error as? CSVDialectError
  }
}

@Suite struct CSVDialectTests {
  /// Each file and the dialect options it needs besides detection.
  static let variants: [(String, CSVDialect)] = [
    ("survey-semicolon.csv", CSVDialect(decimalMark: .comma)),
    ("survey-tab.tsv", CSVDialect()),
    ("survey-latin1.csv", CSVDialect(encoding: .latin1)),
    ("survey-cp1252.csv", CSVDialect(decimalMark: .comma, encoding: .cp1252)),
    ("survey-bom.csv", CSVDialect()),
  ]

  @Test func everyDialectReadsTheSameTable() throws {
    let reference = try CSVTable.read(path: path("survey.csv"), dialect: CSVDialect())
    #expect(reference.rows.count == 60)
    #expect(reference.rows[0] == ["1", "Genève", "Democrat", "6.75"])
    for (name, dialect) in Self.variants {
      let table = try CSVTable.read(path: path(name), dialect: dialect)
      #expect(table.header == reference.header, "\(name)")
      #expect(table.rows == reference.rows, "\(name)")
      #expect(table.rowLines == reference.rowLines, "\(name)")
      let columns = try CSVColumns.read(
        path: path(name), numeric: ["score"], labels: ["region", "party"], dialect: dialect)
      #expect(try columns.numeric("score") == reference.numericColumn(named: "score"), "\(name)")
      #expect(try columns.labels("region").values.contains("Zürich"), "\(name)")
    }
  }

  @Test func separatorIsFoundFromTheHeaderLine() throws {
    for (text, separator) in [
      ("a;b\n1;2\n", ";"), ("a\tb\n1\t2\n", "\t"), ("a,b\n1,2\n", ","), ("a\n1\n", ","),
      ("\n  \n\"x;y\",b\n1,2\n", ","), ("a;\"b,c\"\n1;2\n", ";"),
    ] {
      let (_, found) = try CSVDialect().prepare(Array(text.utf8), source: "f")
      #expect(found == UInt8(ascii: Unicode.Scalar(separator)!), "\(text)")
    }
  }

  @Test func ambiguousHeaderIsRefusedNamingLineAndColumn() throws {
    let e = dialectError {
      _ = try CSVTable.parse(Array("\nid;name,x\n1;2,3\n".utf8), source: "f.csv", dialect: .init())
    }
    #expect(e?.line == 2 && e?.column == 8)
    #expect(e?.problem == .ambiguousDelimiter(found: [UInt8(ascii: ";"), UInt8(ascii: ",")]))
    #expect(
      e?.description.hasPrefix("f.csv line 2, column 8: the header line holds ';' and ','") == true)
    // Naming the separator reads it.
    let t = try CSVTable.parse(
      Array("id;name,x\n1;2,3\n".utf8), source: "f", dialect: .init(delimiter: UInt8(ascii: ";")))
    #expect(t.rows == [["1", "2,3"]])
  }

  @Test func invalidUTF8NamesLineAndColumn() throws {
    let e = dialectError {
      _ = try CSVTable.read(path: path("survey-latin1.csv"), dialect: CSVDialect())
    }
    #expect(e?.line == 2 && e?.column == 6, "\(String(describing: e))")
    #expect(e?.problem == .invalidText(encoding: .utf8, byte: 0xE8))
    // Columns count characters, not bytes; CR, LF and CRLF end lines.
    let bytes: [UInt8] = Array("a,b\r\nä,x\rüé,".utf8) + [0xFF] + Array("\n".utf8)
    let f = dialectError { _ = try CSVDialect().prepare(bytes, source: "s") }
    #expect(f?.line == 3 && f?.column == 4)
  }

  @Test func cp1252UndefinedBytesAreErrors() throws {
    let e = dialectError {
      _ = try CSVDialect(encoding: .cp1252).prepare([0x61, 0x0A, 0x62, 0x81], source: "s")
    }
    #expect(e?.line == 2 && e?.column == 2)
    #expect(e?.problem == .invalidText(encoding: .cp1252, byte: 0x81))
    let euro = try CSVDialect(encoding: .cp1252).prepare([0x80, 0x93, 0xE9], source: "s")
    #expect(String(decoding: euro.text, as: UTF8.self) == "€“é")
    let latin = try CSVDialect(encoding: .latin1).prepare([0xE9, 0x80], source: "s")
    #expect(String(decoding: latin.text, as: UTF8.self) == "é\u{80}")
  }

  @Test func decimalCommaRewritesNumbersOnly() throws {
    let text = "k;x;label\n1;3,5;03.12.2026\n2;-1,25e3;a,b\n3; 7 ;Don't know\n"
    let t = try CSVTable.parse(Array(text.utf8), source: "f", dialect: .init(decimalMark: .comma))
    #expect(t.rows[0] == ["1", "3.5", "03.12.2026"])
    #expect(t.rows[1] == ["2", "-1.25e3", "a,b"])
    #expect(t.rows[2] == ["3", " 7 ", "Don't know"])
    #expect(t.header == ["k", "x", "label"])
  }

  @Test func decimalCommaRefusesPointsAndCommaSeparators() throws {
    let point = dialectError {
      _ = try CSVTable.parse(
        Array("k;x\n1;2,5\n2;1.250\n".utf8), source: "f", dialect: .init(decimalMark: .comma))
    }
    #expect(point?.line == 3 && point?.column == 2)
    #expect(point?.problem == .decimalPoint(text: "1.250", column: "x"))
    let detected = dialectError {
      _ = try CSVTable.parse(Array("k,x\n".utf8), source: "f", dialect: .init(decimalMark: .comma))
    }
    #expect(detected?.problem == .decimalCommaWithDetectedComma)
    let given = dialectError {
      _ = try CSVDialect(delimiter: UInt8(ascii: ","), decimalMark: .comma).prepare([], source: "f")
    }
    #expect(given?.problem == .decimalCommaIsDelimiter)
  }

  @Test func inputErrorCarriesAdvice() {
    let e = CSVDialectError(
      source: "f.csv", line: 4, column: 2, problem: .invalidText(encoding: .utf8, byte: 0xE9))
    #expect(
      e.inputError(advice: "use X")
        == .invalidData(
          source: "f.csv line 4, column 2", reason: "invalid UTF-8 byte sequence (byte 0xE9); use X"
        ))
  }
}
