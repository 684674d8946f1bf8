// CSVDialect.swift: the separator, decimal mark and text encoding of a CSV file, and turning its
// bytes into the UTF-8, comma-free-number text the RFC 4180 parser reads.
import ResampleCore

/// How a CSV file is written: field separator, decimal mark and text encoding (files saved by
/// spreadsheets in many locales use `;` and `3,5`, and are often Latin-1 or Windows-1252).
///
/// ``prepare(_:source:)`` turns the file into UTF-8 without a byte order mark and finds the
/// separator; ``normalize(_:line:header:source:)`` rewrites decimal-comma numbers (`3,5`) as
/// `3.5`, so every reader after it (numbers, labels, numeric category order) sees exactly what it
/// would see in the comma/UTF-8 version of the same data.
///
/// ```swift
/// let dialect = CSVDialect(decimalMark: .comma, encoding: .latin1)
/// let table = try CSVTable.read(path: "umfrage.csv", dialect: dialect)
/// ```
public struct CSVDialect: Sendable, Equatable {
  /// The decimal mark of numbers in the file.
  public enum DecimalMark: Sendable, Equatable {
    /// `3.5` (the default).
    case point
    /// `3,5`: rewritten as `3.5` on reading; a number written `3.5` is refused.
    case comma
  }

  /// The text encoding of the file.
  public enum TextEncoding: String, Sendable, Equatable, CaseIterable {
    /// UTF-8 (the default); invalid sequences are errors naming line and column.
    case utf8 = "utf-8"
    /// ISO 8859-1: every byte is the character with that code.
    case latin1
    /// Windows-1252: Latin-1 with printable characters (€, „, “, …) at 0x80–0x9F; the five
    /// bytes it leaves undefined are errors.
    case cp1252
  }

  /// The field separator byte, or nil to detect `,`, `;` or tab from the header line.
  public var delimiter: UInt8?
  /// The decimal mark of the numbers.
  public var decimalMark: DecimalMark
  /// The text encoding.
  public var encoding: TextEncoding

  /// Creates a dialect; the defaults detect the separator and read UTF-8 with decimal points.
  public init(
    delimiter: UInt8? = nil, decimalMark: DecimalMark = .point, encoding: TextEncoding = .utf8
  ) {
    self.delimiter = delimiter
    self.decimalMark = decimalMark
    self.encoding = encoding
  }

  /// The separators ``prepare(_:source:)`` detects, in the order messages list them.
  public static let detectedDelimiters: [UInt8] = [
    UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"),
  ]

  /// The file as UTF-8 without a byte order mark, and its separator.
  ///
  /// - Parameters:
  ///   - bytes: the file's content.
  ///   - source: the file's name for errors.
  /// - Returns: the text (UTF-8, validated) and the separator: ``delimiter`` when set, else the
  ///   one of `,`, `;` and tab that occurs (outside quotes) in the header line, `,` when none does.
  /// - Throws: ``CSVDialectError`` naming line and column for bytes that are not text in
  ///   ``encoding``, a header line with more than one of the separators (ambiguous), and a decimal
  ///   comma with `,` as separator; `InputError.invalidParameter` for a separator that is a quote
  ///   or a line break.
  /// - Complexity: O(n) for n bytes.
  public func prepare(_ bytes: [UInt8], source: String) throws -> (text: [UInt8], delimiter: UInt8)
  {
    let text = try Self.decode(bytes, encoding: encoding, source: source)
    let found = try delimiter ?? Self.detectDelimiter(text, source: source)
    try CSVTable.checkDelimiter(found)
    if decimalMark == .comma && found == UInt8(ascii: ",") {
      throw CSVDialectError(
        source: source, line: 1, column: 1,
        problem: delimiter == nil ? .decimalCommaWithDetectedComma : .decimalCommaIsDelimiter)
    }
    return (text, found)
  }

  /// Rewrites the decimal-comma numbers of one data record as decimal-point numbers.
  ///
  /// With ``DecimalMark/point`` nothing changes. With ``DecimalMark/comma`` a field that is a
  /// number written with one decimal comma (`-3,5`, ` 12,25e3 `) becomes `-3.5`, `12.25e3`; a field
  /// that is a number written with a decimal point (`3.5`, `1.250`: a thousands separator?) is
  /// refused; any other field (labels, `03.12.2026`) is kept.
  ///
  /// - Parameters:
  ///   - fields: the record's fields, rewritten in place.
  ///   - line: the record's line, for errors.
  ///   - header: the column names, for errors (may be empty).
  ///   - source: the file's name, for errors.
  /// - Throws: ``CSVDialectError`` (``CSVDialectError/Problem/decimalPoint(text:column:)``).
  /// - Complexity: O(total length of the fields).
  public func normalize(_ fields: inout [String], line: Int, header: [String], source: String)
    throws
  {
    guard decimalMark == .comma else { return }
    for k in fields.indices {
      switch Self.decimalCommaForm(fields[k]) {
      case .none: continue
      case .comma(let rewritten): fields[k] = rewritten
      case .point:
        throw CSVDialectError(
          source: source, line: line, column: k + 1,
          problem: .decimalPoint(
            text: String(NumericText.trimmingBlanks(fields[k][...])),
            column: k < header.count ? header[k] : ""))
      }
    }
  }

  /// Calls `body` with each record of the file (the header first) in this dialect: decoded,
  /// split at the separator, decimal commas of the data records rewritten.
  ///
  /// - Throws: the errors of ``prepare(_:source:)``, of the RFC 4180 parser and of
  ///   ``normalize(_:line:header:source:)``, and whatever `body` throws.
  /// - Complexity: O(n) for n bytes.
  func forEachRecord(
    _ bytes: [UInt8], source: String, _ body: (_ fields: [String], _ line: Int) throws -> Void
  ) throws {
    let (text, separator) = try prepare(bytes, source: source)
    var header: [String]? = nil
    try text.withUnsafeBufferPointer { buffer in
      try RFC4180Parser.forEachRecord(buffer, source: source, delimiter: separator) {
        fields, line in
        try body(normalized(fields, line: line, header: &header, source: source), line)
      }
    }
  }

  /// The record as readers see it: the first (`header` nil) is kept as the header and returned
  /// unchanged, later ones have their decimal commas rewritten.
  ///
  /// - Throws: as ``normalize(_:line:header:source:)``.
  func normalized(_ fields: [String], line: Int, header: inout [String]?, source: String) throws
    -> [String]
  {
    guard let names = header else {
      header = fields
      return fields
    }
    var fields = fields
    try normalize(&fields, line: line, header: names, source: source)
    return fields
  }

  private enum NumberForm: Equatable {
    case none
    case comma(String)
    case point
  }

  /// Whether `field` is a number with a decimal comma (and its decimal-point spelling), a number
  /// with a decimal point, or neither.
  private static func decimalCommaForm(_ field: String) -> NumberForm {
    let trimmed = NumericText.trimmingBlanks(field[...])
    var sawDigit = false
    var commas = 0
    var points = 0
    for u in trimmed.utf8 {
      switch u {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): sawDigit = true
      case UInt8(ascii: ","): commas += 1
      case UInt8(ascii: "."): points += 1
      case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "e"), UInt8(ascii: "E"): continue
      default: return .none
      }
    }
    guard sawDigit else { return .none }
    if commas == 1 && points == 0 {
      let rewritten = String(trimmed).replacingComma()
      return Double(rewritten) != nil ? .comma(field.replacingComma()) : .none
    }
    if points > 0 && commas == 0 && Double(trimmed) != nil { return .point }
    return .none
  }
}

extension String {
  /// The string with its one `,` replaced by `.`.
  fileprivate func replacingComma() -> String {
    String(decoding: utf8.map { $0 == UInt8(ascii: ",") ? UInt8(ascii: ".") : $0 }, as: UTF8.self)
  }
}
