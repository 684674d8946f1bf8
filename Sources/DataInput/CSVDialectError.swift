// CSVDialectError.swift: a CSV file whose encoding, separator or decimal mark does not fit the
// dialect it is read with, naming line and column.
import ResampleCore

/// A CSV file that does not fit its ``CSVDialect``: bytes that are not text in its encoding, an
/// ambiguous separator, a decimal mark that clashes.
///
/// The problem is typed so that a front end can word its advice in its own terms (a command
/// line names its options); ``inputError(advice:)`` gives the ``InputError`` to throw.
public struct CSVDialectError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What is wrong.
  public enum Problem: Sendable, Equatable {
    /// A byte sequence that is not text in the encoding (`byte` is its first byte).
    case invalidText(encoding: CSVDialect.TextEncoding, byte: UInt8)
    /// The header line holds more than one of `,`, `;` and tab (outside quotes).
    case ambiguousDelimiter(found: [UInt8])
    /// A decimal comma was asked for with `,` as the separator.
    case decimalCommaIsDelimiter
    /// A decimal comma was asked for, and the detected separator is `,`.
    case decimalCommaWithDetectedComma
    /// With a decimal comma, a number written with a decimal point (`column` is its header).
    case decimalPoint(text: String, column: String)
  }

  /// The file's name.
  public let source: String
  /// The line (1-based, counting LF, CRLF and CR).
  public let line: Int
  /// The column: the character position in the line for text and separator problems, the field
  /// (1-based) for a number.
  public let column: Int
  /// What is wrong.
  public let problem: Problem

  /// Creates the error.
  public init(source: String, line: Int, column: Int, problem: Problem) {
    self.source = source
    self.line = line
    self.column = column
    self.problem = problem
  }

  /// The error as ``InputError/invalidData(source:reason:)``, `source` naming file, line and
  /// column, the reason ending with `advice` when given (else with advice in the library's words).
  public func inputError(advice: String? = nil) -> InputError {
    .invalidData(
      source: "\(source) line \(line), column \(column)",
      reason: reason + "; " + (advice ?? defaultAdvice))
  }

  public var description: String { inputError().description }

  /// The problem in words, without advice.
  public var reason: String {
    switch problem {
    case .invalidText(let encoding, let byte):
      return encoding == .utf8
        ? "invalid UTF-8 byte sequence (byte \(hex(byte)))"
        : "byte \(hex(byte)) is not a character in \(encoding.rawValue)"
    case .ambiguousDelimiter(let found):
      return "the header line holds "
        + found.map(Self.name).joined(separator: " and ")
        + " outside quotes: the field separator is ambiguous"
    case .decimalCommaIsDelimiter:
      return "a decimal comma needs a field separator other than ','"
    case .decimalCommaWithDetectedComma:
      return "the header line is separated by ',', which cannot also be the decimal mark"
    case .decimalPoint(let text, let column):
      return (column.isEmpty ? "" : "column '\(column)': ")
        + "'\(NumericText.printable(text[...]))' has a decimal point, but the decimal mark is ','"
    }
  }

  /// What to do, in the library's words.
  private var defaultAdvice: String {
    switch problem {
    case .invalidText(let encoding, _):
      return encoding == .utf8
        ? "name the file's encoding (latin1 or cp1252)" : "name the file's encoding"
    case .ambiguousDelimiter: return "name the separator (',', ';' or tab)"
    case .decimalCommaIsDelimiter, .decimalCommaWithDetectedComma:
      return "name the separator (';' or tab)"
    case .decimalPoint: return "write it with a comma, or read the file with a decimal point"
    }
  }

  /// `','`, `';'`, `tab` or the byte in hex.
  static func name(_ byte: UInt8) -> String {
    switch byte {
    case UInt8(ascii: "\t"): return "tab"
    case 0x20..<0x7F: return "'\(Character(Unicode.Scalar(byte)))'"
    default: return hex(byte)
    }
  }
}

private func hex(_ byte: UInt8) -> String {
  let digits = Array("0123456789ABCDEF")
  return "0x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 15)])
}
